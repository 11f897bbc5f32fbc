/**
 * The rules a merchant config must meet beyond its shape: the notice contents the law requires in every configured
 * locale, unique ids and safe links. Plain TypeScript with no zod, so the browser bundle can use the same rules as
 * the ledger and the extension without shipping the schema library.
 */
import type { Config, LocalizedText } from "./schema"

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
  // whitespace inside ("java\tscript:") are how filters are usually evaded.
  const value = raw.trim()
  if (/[\u0000-\u001f\u007f\s]/.test(value)) return false
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(value)
  if (!scheme) return !value.startsWith("//") || /^\/\/[^/]/.test(value)
  const name = scheme[1]!.toLowerCase()
  return name === "http" || name === "https"
}

/** Every rule beyond the shape: the law's notice contents per configured locale, unique ids and safe links. */
export function checkConfigRules(config: Config): ConfigIssue[] {
  const issues: ConfigIssue[] = []
  const fail = (path: string, message: string) => issues.push({ path, message })
  /** A notice text: when present, in every configured locale; when absent, `required` says why it may not be. */
  const text = (path: string, value: LocalizedText | undefined, required?: string) => {
    if (!value) {
      if (required) fail(path, required)
      return
    }
    for (const locale of config.locales) if (!value[locale]) fail(`${path}.${locale}`, `missing text for locale "${locale}"`)
  }
  const link = (path: string, url: string | undefined) => {
    if (url !== undefined && !isSafeUrl(url)) fail(path, "must be an http(s) URL or a relative path")
  }

  for (const [locale, url] of Object.entries(config.policy.url)) link(`policy.url.${locale}`, url)
  link("sync.endpoint", config.sync?.endpoint)
  if (!config.locales.includes("zh-CN")) fail("locales", 'must include "zh-CN": a Simplified Chinese notice is required (APPM-1)')
  for (const locale of config.locales) {
    if (!config.policy.url[locale]) fail(`policy.url.${locale}`, `missing the policy link for locale "${locale}" (PIPL-17-2)`)
  }
  const seen = new Map<string, string>()
  const unique = (id: string, path: string) => {
    const first = seen.get(id)
    if (first) fail(path, `duplicates the id "${id}" of ${first}`)
    else seen.set(id, path)
  }
  config.purposes.forEach((purpose, index) => unique(purpose.id, `purposes[${index}].id`))
  ;(config.separate ?? []).forEach((item, index) => unique(item.id, `separate[${index}].id`))

  text("handler.name", config.handler.name, REQUIRED)
  text("handler.address", config.handler.address)
  text("policy.changes", config.policy.changes)
  config.purposes.forEach((purpose, index) => {
    const at = `purposes[${index}]`
    text(`${at}.title`, purpose.title, REQUIRED)
    text(`${at}.description`, purpose.description, REQUIRED)
    text(`${at}.methods`, purpose.methods)
    text(`${at}.retention`, purpose.retention)
  })
  ;(config.separate ?? []).forEach((item, index) => {
    const at = `separate[${index}]`
    const sensitive = item.kind === "sensitive" ? "is required for a sensitive item (PIPL-30)" : undefined
    const crossBorder = item.kind === "cross-border"
    text(`${at}.title`, item.title, REQUIRED)
    text(`${at}.description`, item.description, REQUIRED)
    text(`${at}.necessity`, item.necessity, sensitive)
    text(`${at}.impact`, item.impact, sensitive)
    text(`${at}.retention`, item.retention)
    const recipient = item.recipient
    if (!recipient) {
      if (item.kind === "third-party" || crossBorder) {
        fail(`${at}.recipient`, `is required for a "${item.kind}" item: name, contact, purpose, method and categories (${crossBorder ? "PIPL-39" : "PIPL-23-1"})`)
      }
      return
    }
    text(`${at}.recipient.name`, recipient.name, REQUIRED)
    text(`${at}.recipient.purpose`, recipient.purpose, REQUIRED)
    text(`${at}.recipient.method`, recipient.method, REQUIRED)
    text(`${at}.recipient.rights`, recipient.rights, crossBorder ? "is required for a cross-border recipient: how to exercise rights with it (PIPL-39)" : undefined)
    text(`${at}.recipient.retention`, recipient.retention)
    if (crossBorder && !recipient.country) fail(`${at}.recipient.country`, "is required for a cross-border recipient (PIPL-39)")
  })
  return issues
}

const REQUIRED = "is required"
