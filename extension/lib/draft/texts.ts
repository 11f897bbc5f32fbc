/**
 * The draft's words, in both of the SDK's languages: the purposes it proposes, the sensitive kinds, and the
 * placeholders that mark what only the merchant can write.
 */
import type { Locale, LocalizedText } from "@zhiqing/sdk/schema"
import type { PiKind, TrackerCategory } from "../report"
import { PURPOSE_TEXTS as SHARED_PURPOSE_TEXTS } from "../purposes"
import { PI_KIND_NAMES, type Bilingual } from "../words"

/** Note something only the merchant can say, at a JSON path of the config. */
export type Ask = (path: string, message: Bilingual) => void

/** The same text in both languages (a company's name, a URL). */
export const both = (text: string): LocalizedText => ({ "zh-CN": text, en: text })

/** Kinds of PI in words, as a list in one language. */
export const kindNames = (kinds: Iterable<PiKind>, locale: Locale): string => listOf([...kinds].map((kind) => PI_KIND_NAMES[kind][locale]), locale)

/** Categories of PI in a config: the English names the inspector's words give each kind. */
export const dataCategories = (kinds: Iterable<PiKind>): string[] => [...kinds].map((kind) => PI_KIND_NAMES[kind].en)

/**
 * The purpose a vendor of each category is proposed under; those under `necessary` are ones a shop may need to work
 * (the categories analysis/page-facts.ts holds to need no consent).
 */
export const CATEGORY_PURPOSE: Record<TrackerCategory, string> = {
  analytics: "analytics",
  "tag-manager": "analytics",
  monitoring: "analytics",
  advertising: "marketing",
  attribution: "marketing",
  cdp: "marketing",
  "session-recording": "session-recording",
  social: "social",
  "social-login": "necessary",
  cdn: "necessary",
  payment: "necessary",
  "customer-service": "necessary",
  maps: "necessary",
  captcha: "necessary",
  other: "necessary"
}

/** The purpose that is always on. */
export const NECESSARY = "necessary"

/** Proposed titles and descriptions of the purposes the draft knows, in the order the config lists them. */
export const PURPOSE_TEXTS: Record<string, { title: Bilingual; description: Bilingual }> = SHARED_PURPOSE_TEXTS

/** Sensitive personal information (PIPL art. 28) in an item's title. */
export const SENSITIVE_SUFFIX: Bilingual = { "zh-CN": "（个人敏感信息）", en: " (sensitive personal information)" }

/** The kinds of PI that are sensitive whatever the context. */
export const SENSITIVE_KINDS: ReadonlySet<PiKind> = new Set(["id-card", "bank-card", "location"])

const MARK: Bilingual = { "zh-CN": "【待填写】", en: "[to fill] " }

/** A placeholder text: marked in both languages, saying what belongs there. Never a fact. */
export function placeholder(what: Bilingual): LocalizedText {
  return { "zh-CN": MARK["zh-CN"] + what["zh-CN"], en: MARK.en + what.en }
}

/** A placeholder for a one-language field (a contact, a reference). */
export const PLACEHOLDER_VALUE = `${MARK["zh-CN"]}${MARK.en.trim()}`

/** Whether a string is (or holds) a placeholder. */
export function isPlaceholder(value: string): boolean {
  return value.includes(MARK["zh-CN"]) || value.includes(MARK.en.trim())
}

/** A country or region by its ISO code, in each language, as the browser's own region names give it. */
export function regionName(code: string): Bilingual {
  const name = (locale: Locale): string => {
    try {
      return new Intl.DisplayNames([locale], { type: "region" }).of(code) ?? code
    } catch {
      return code
    }
  }
  return { "zh-CN": name("zh-CN"), en: name("en") }
}

/** Join words in a list, the way each language does. */
export function listOf(words: readonly string[], locale: Locale): string {
  return words.join(locale === "zh-CN" ? "、" : ", ")
}
