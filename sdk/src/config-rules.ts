/**
 * The rules a merchant config must meet beyond its shape: the notice contents the law requires in every configured
 * locale, unique ids and safe links. Plain TypeScript with no zod, so the browser bundle can use the same rules as
 * the ledger and the extension without shipping the schema library.
 *
 * They run only on a config of the right shape (zod in Node, its JSON Schema in the browser), which already requires
 * every text a notice cannot do without: the handler's name, each title and description, a recipient's name, purpose
 * and method. So a text is checked here only for its locales, and a field is required here only by an item's kind.
 */
import type { Config, LocalizedText, SeparateKind } from "./schema"

/** One validation problem, by field path, in plain English. */
export interface ConfigIssue {
  path: string
  message: string
}

/** One line per issue, e.g. `purposes[1].title.en: missing text for locale "en"`. */
export function formatIssues(issues: ConfigIssue[]): string {
  return issues.map((issue) => `${issue.path || "(root)"}: ${issue.message}`).join("\n")
}

/** True for http(s) URLs and relative paths; false for every other scheme. */
export function isSafeUrl(raw: string): boolean {
  // Leading and trailing blanks are dropped by browsers and by the schema's trim alike; control characters and
  // whitespace inside ("java\tscript:") are how filters are usually evaded. A path may start with "//host" (the page's
  // own scheme) but not with "///" or be just "//", which parsers read differently.
  return /^(https?:|(?![a-z][a-z\d+.-]*:|\/\/(\/|$)))[^\0-\x1f\x7f\s]*$/i.test(raw.trim())
}

/**
 * The law that asks a separate item of each kind for more than its shape: a sensitive item says why it is necessary
 * and its impact (PIPL-30); a third-party item names its recipient (PIPL-23-1); a cross-border item names its
 * recipient, with its country and how to exercise rights with it (PIPL-39).
 */
const LAW_OF_KIND: Partial<Record<SeparateKind, string>> = { sensitive: "PIPL-30", "third-party": "PIPL-23-1", "cross-border": "PIPL-39" }

/** The names of the fields of `T` that hold a notice text (keyed by locale). */
type TextKey<T> = { [K in keyof T]-?: NonNullable<T[K]> extends LocalizedText ? K : never }[keyof T] & string

/** Every rule beyond the shape: the law's notice contents per configured locale, unique ids and safe links. */
export function checkConfigRules(config: Config): ConfigIssue[] {
  const { locales, policy } = config
  const issues: ConfigIssue[] = []
  const fail = (path: string, message: string) => void issues.push({ path, message })
  const link = (path: string, url: string | undefined) => url === undefined || isSafeUrl(url) || fail(path, "must be an http(s) URL or a relative path")
  /**
   * The notice texts `keys` of `part`, where given, each in every configured locale. Only the fields schema.ts
   * declares are read: a field it does not know is dropped by zod, so the browser must not judge it either.
   */
  const texts = <T extends object>(at: string, part: T, keys: Array<TextKey<T>>) => {
    for (const key of keys) {
      const text = part[key] as LocalizedText | undefined
      for (const locale of locales) if (text && !text[locale]) fail(`${at}.${key}.${locale}`, `missing text for locale "${locale}"`)
    }
  }
  const firstAt = new Map<string, string>()
  /** A purpose or separate item at `at`: its id unique among all of them, and its notice texts. */
  const item = <T extends { id: string }>(at: string, part: T, keys: Array<TextKey<T>>) => {
    const first = firstAt.get(part.id)
    if (first) fail(`${at}.id`, `duplicates the id "${part.id}" of ${first}`)
    else firstAt.set(part.id, `${at}.id`)
    texts(at, part, keys)
  }

  if (!locales.includes("zh-CN")) fail("locales", 'must include "zh-CN" (APPM-1)')
  for (const locale of locales) policy.url[locale] || fail(`policy.url.${locale}`, `missing link for locale "${locale}" (PIPL-17-2)`)
  for (const [locale, url] of Object.entries(policy.url)) link(`policy.url.${locale}`, url)
  link("sync.endpoint", config.sync?.endpoint)
  texts("handler", config.handler, ["name", "address"])
  texts("policy", policy, ["changes"])
  config.purposes.forEach((purpose, index) => item(`purposes[${index}]`, purpose, ["title", "description", "methods", "retention"]))
  config.separate?.forEach((separate, index) => {
    const at = `separate[${index}]`
    const { kind, recipient } = separate
    const law = LAW_OF_KIND[kind]
    const need = <T extends object>(base: string, part: T, keys: Array<keyof T & string>) => {
      for (const key of keys) part[key] || fail(`${base}.${key}`, `is required for a "${kind}" item (${law})`)
    }
    item(at, separate, ["title", "description", "necessity", "impact", "retention"])
    if (law) need(at, separate, kind === "sensitive" ? ["necessity", "impact"] : ["recipient"])
    if (!recipient) return
    texts(`${at}.recipient`, recipient, ["name", "purpose", "method", "rights", "retention"])
    if (kind === "cross-border") need(`${at}.recipient`, recipient, ["rights", "country"])
  })
  return issues
}
