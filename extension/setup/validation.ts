/**
 * Live validation with the SDK's own rules: the zod schema and the notice rules (`parseConfig`), worded in the
 * merchant's language. The rules are also run on a config whose shape is still wrong, so a merchant sees every
 * missing notice text at once rather than one layer of problems at a time.
 */
import { checkConfigRules, parseConfig, type Config, type ConfigIssue, type Locale } from "@zhiqing/sdk/schema"
import type { JsonSchema } from "../../sdk/src/core/validate"
import { CONFIG_SCHEMA } from "../../sdk/src/generated/json-schemas"
import { isObject } from "./paths"

export interface FieldIssue extends ConfigIssue {
  /** The message in the configurator's language. */
  text: string
}

/** Every problem with `config`, by field path; empty when the SDK would accept it. */
export function validateConfig(config: unknown, locale: Locale): FieldIssue[] {
  const result = parseConfig(config)
  if (result.ok) return []
  const issues = [...result.issues]
  for (const issue of rulesOnRoughShape(config)) {
    const covered = issues.some((shape) => shape.path === issue.path || issue.path.startsWith(shape.path + ".") || issue.path.startsWith(shape.path + "["))
    if (!covered) issues.push(issue)
  }
  return issues.map((issue) => ({ ...issue, text: issueText(issue.message, locale) }))
}

/** The notice rules on a config that failed the shape check; they may not cope with every wrong shape. */
function rulesOnRoughShape(config: unknown): ConfigIssue[] {
  try {
    return checkConfigRules(config as Config)
  } catch {
    return []
  }
}

const LOCALE_NAMES: Record<Locale, Record<Locale, string>> = {
  "zh-CN": { "zh-CN": "简体中文", en: "Simplified Chinese" },
  en: { "zh-CN": "英文", en: "English" }
}

const KIND_NAMES: Record<string, string> = {
  sensitive: "敏感个人信息",
  "third-party": "向第三方提供",
  "cross-border": "向境外提供",
  "public-disclosure": "公开"
}

/** The SDK's English messages, each with its Chinese wording. Unknown messages are shown as the SDK words them. */
const CHINESE: Array<[RegExp, (match: RegExpExecArray) => string]> = [
  [/^is required \(expected .+\)$/, () => "必填"],
  [/^must not be empty$/, () => "不能为空"],
  [/^missing text for locale "(.+)"$/, (m) => `缺少${localeName(m[1]!)}文本`],
  [/^must be 1–64 lowercase letters, digits, '-' or '_'$/, () => "须为 1–64 个小写字母、数字、“-”或“_”"],
  [/^must be an ISO 3166-1 alpha-2 code such as HK$/, () => "须为 ISO 3166-1 两位大写字母代码，如 HK"],
  [/^must list at least one category$/, () => "至少填写一个类别"],
  [/^must list at least one locale$/, () => "至少选择一种语言"],
  [/^must list at least one purpose$/, () => "至少需要一个目的"],
  [/^must list at least (\d+)$/, (m) => `至少需要 ${m[1]} 项`],
  [/^must be an http\(s\) URL or a relative path$/, () => "须为 http(s) 网址或相对路径"],
  [/^must include "zh-CN"/, () => "必须包含简体中文：简体中文告知是必需的（APPM-1）"],
  [/^missing link for locale "(.+)" \(PIPL-17-2\)$/, (m) => `缺少${localeName(m[1]!)}隐私政策链接（PIPL-17-2）`],
  [/^duplicates the id "(.+)" of (.+)$/, (m) => `与 ${m[2]} 的标识“${m[1]}”重复`],
  [/^is required for a "(.+)" item \((.+)\)$/, (m) => `“${KIND_NAMES[m[1]!] ?? m[1]}”事项必填（${m[2]}）`],
  [/^expected (\w+), got (.+)$/, (m) => `类型应为 ${m[1]}，实际为 ${m[2]}`],
  [/^must be one of (.+)$/, (m) => `须为以下之一：${m[1]}`],
  [/^unknown keys? (.+)$/, (m) => `未知字段 ${m[1]}`],
  [/^Invalid input$/, () => "取值不在允许范围内"],
  [/^must be a --zq-… custom property$/, () => "须为 --zq-… 形式的 CSS 自定义属性"]
]

const ENGLISH: Array<[RegExp, (match: RegExpExecArray) => string]> = [[/^Invalid input$/, () => "is outside the allowed range"]]

function localeName(locale: string): string {
  return locale === "zh-CN" || locale === "en" ? LOCALE_NAMES[locale]["zh-CN"] : locale
}

/** One SDK message in the merchant's language. */
function issueText(message: string, locale: Locale): string {
  for (const [pattern, word] of locale === "zh-CN" ? CHINESE : ENGLISH) {
    const match = pattern.exec(message)
    if (match) return word(match)
  }
  return message
}

/**
 * Fields the SDK does not know (a typo such as `titel`, or a field of a newer version). The SDK ignores them, so
 * they are no error; the configurator keeps them in the output and lists them so none goes unnoticed.
 */
export function unknownFields(value: unknown, schema: JsonSchema = CONFIG_SCHEMA, path = ""): string[] {
  if (Array.isArray(value)) return schema.items ? value.flatMap((item, index) => unknownFields(item, schema.items, `${path}[${index}]`)) : []
  if (!isObject(value) || !schema.properties) return []
  return Object.entries(value).flatMap(([key, item]) => {
    const at = path ? `${path}.${key}` : key
    const known = schema.properties?.[key]
    if (known) return unknownFields(item, known, at)
    return schema.additionalProperties === undefined ? [at] : []
  })
}
