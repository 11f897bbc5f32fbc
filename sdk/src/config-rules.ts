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

type TextField = { path: string; text: LocalizedText | undefined; required: boolean }

/** Every rule beyond the shape: the law's notice contents per configured locale, unique ids and safe links. */
export function checkConfigRules(config: Config): ConfigIssue[] {
  const issues: ConfigIssue[] = []
  const links: Array<[string, string | undefined]> = [
    ...Object.entries(config.policy.url).map(([locale, url]): [string, string | undefined] => [`policy.url.${locale}`, url]),
    ["sync.endpoint", config.sync?.endpoint]
  ]
  for (const [path, url] of links) {
    if (url !== undefined && !isSafeUrl(url)) issues.push({ path, message: "must be an http(s) URL or a relative path" })
  }
  if (!config.locales.includes("zh-CN")) {
    issues.push({ path: "locales", message: 'must include "zh-CN": a Simplified Chinese notice is required (APPM-1)' })
  }
  for (const locale of config.locales) {
    if (!config.policy.url[locale]) issues.push({ path: `policy.url.${locale}`, message: `missing the policy link for locale "${locale}" (PIPL-17-2)` })
  }
  checkUniqueIds(config, issues)
  const texts: TextField[] = [
    { path: "handler.name", text: config.handler.name, required: true },
    { path: "handler.address", text: config.handler.address, required: false },
    { path: "policy.changes", text: config.policy.changes, required: false }
  ]
  config.purposes.forEach((purpose, index) => {
    const at = `purposes[${index}]`
    texts.push(
      { path: `${at}.title`, text: purpose.title, required: true },
      { path: `${at}.description`, text: purpose.description, required: true },
      { path: `${at}.methods`, text: purpose.methods, required: false },
      { path: `${at}.retention`, text: purpose.retention, required: false }
    )
  })
  ;(config.separate ?? []).forEach((item, index) => {
    const at = `separate[${index}]`
    texts.push(
      { path: `${at}.title`, text: item.title, required: true },
      { path: `${at}.description`, text: item.description, required: true },
      { path: `${at}.necessity`, text: item.necessity, required: item.kind === "sensitive" },
      { path: `${at}.impact`, text: item.impact, required: item.kind === "sensitive" },
      { path: `${at}.retention`, text: item.retention, required: false }
    )
    const crossBorder = item.kind === "cross-border"
    if ((item.kind === "third-party" || crossBorder) && !item.recipient) {
      const law = crossBorder ? "PIPL-39" : "PIPL-23-1"
      issues.push({ path: `${at}.recipient`, message: `is required for a "${item.kind}" item: name, contact, purpose, method and categories (${law})` })
    }
    const recipient = item.recipient
    if (!recipient) return
    texts.push(
      { path: `${at}.recipient.name`, text: recipient.name, required: true },
      { path: `${at}.recipient.purpose`, text: recipient.purpose, required: true },
      { path: `${at}.recipient.method`, text: recipient.method, required: true },
      { path: `${at}.recipient.rights`, text: recipient.rights, required: crossBorder },
      { path: `${at}.recipient.retention`, text: recipient.retention, required: false }
    )
    if (crossBorder && !recipient.country) {
      issues.push({ path: `${at}.recipient.country`, message: "is required for a cross-border recipient (PIPL-39)" })
    }
  })
  for (const field of texts) checkText(field, config.locales, issues)
  return issues
}

function checkText(field: TextField, locales: Config["locales"], issues: ConfigIssue[]): void {
  if (!field.text) {
    if (field.required) issues.push({ path: field.path, message: requiredTextMessage(field.path) })
    return
  }
  for (const locale of locales) {
    if (!field.text[locale]) issues.push({ path: `${field.path}.${locale}`, message: `missing text for locale "${locale}"` })
  }
}

function requiredTextMessage(path: string): string {
  if (path.endsWith(".necessity") || path.endsWith(".impact")) return "is required for a sensitive item (PIPL-30)"
  if (path.endsWith(".rights")) return "is required for a cross-border recipient: how to exercise rights with it (PIPL-39)"
  return "is required"
}

function checkUniqueIds(config: Config, issues: ConfigIssue[]): void {
  const seen = new Map<string, string>()
  const entries: Array<[string, string]> = [
    ...config.purposes.map((purpose, index): [string, string] => [purpose.id, `purposes[${index}].id`]),
    ...(config.separate ?? []).map((item, index): [string, string] => [item.id, `separate[${index}].id`])
  ]
  for (const [id, path] of entries) {
    const first = seen.get(id)
    if (first) issues.push({ path, message: `duplicates the id "${id}" of ${first}` })
    else seen.set(id, path)
  }
}
