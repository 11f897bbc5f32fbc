/**
 * The page language: `?lang=` first (and remembered in a `lang` cookie), else the `lang` cookie, else the
 * browser's Accept-Language, else Simplified Chinese (APPM-1: a Chinese version always exists).
 */
import { LOCALES, type Locale } from "@zhiqing/sdk/schema"

export type { Locale }

export const DEFAULT_LOCALE: Locale = "zh-CN"

/** Map a language tag such as "en-GB", "zh", "zh-Hans-CN" to a page locale, or undefined when unsupported. */
export function localeFromTag(tag: string): Locale | undefined {
  const lower = tag.trim().toLowerCase()
  if (lower === "en" || lower.startsWith("en-")) return "en"
  // Traditional-script tags (zh-TW, zh-HK, zh-Hant) still read Simplified Chinese better than English.
  if (lower === "zh" || lower.startsWith("zh-")) return "zh-CN"
  return undefined
}

/** Parse Accept-Language by quality (RFC 9110 §12.5.4) and return the first supported locale. */
export function localeFromAcceptLanguage(header: string | undefined): Locale | undefined {
  if (!header) return undefined
  const ranked = header
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.split(";")
      const q = params.map((param) => /^\s*q=([0-9.]+)\s*$/i.exec(param)?.[1]).find((value) => value !== undefined)
      const quality = q === undefined ? 1 : Number(q)
      return { tag: tag.trim(), quality: Number.isFinite(quality) ? quality : 0, index }
    })
    .filter((entry) => entry.tag && entry.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index)
  for (const entry of ranked) {
    const locale = localeFromTag(entry.tag)
    if (locale) return locale
  }
  return undefined
}

export function isLocale(value: string | null | undefined): value is Locale {
  return (LOCALES as readonly string[]).includes(value ?? "")
}

/** The language a page is rendered in, and whether it was asked for explicitly (so the cookie should be set). */
export function chooseLocale(input: { query: string | null; cookie: string | undefined; acceptLanguage: string | undefined }): {
  locale: Locale
  explicit: boolean
} {
  if (isLocale(input.query)) return { locale: input.query, explicit: true }
  if (isLocale(input.cookie)) return { locale: input.cookie, explicit: false }
  return { locale: localeFromAcceptLanguage(input.acceptLanguage) ?? DEFAULT_LOCALE, explicit: false }
}

/** A string in both languages; every text the shop itself shows is one of these. */
export type Bilingual = Record<Locale, string>

/** A merchant text in the page's language, falling back to the other one (the config may carry only zh-CN). */
export function pickText(text: Partial<Record<Locale, string>> | undefined, locale: Locale): string {
  return text?.[locale] ?? text?.[DEFAULT_LOCALE] ?? text?.en ?? ""
}
