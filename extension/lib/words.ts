/** Words every part of the inspector shares, so the popup, the panel, the exports and the findings say the same. */
import type { Locale } from "@zhiqing/sdk/schema"
import type { PiKind } from "./report"

/** Chinese for a browser whose first language is any Chinese, English otherwise. */
export function preferredLocale(languages: readonly string[]): Locale {
  return languages[0]?.toLowerCase().startsWith("zh") ? "zh-CN" : "en"
}

export const PI_KIND_NAMES: Record<PiKind, Record<Locale, string>> = {
  phone: { "zh-CN": "手机号码", en: "mobile number" },
  "id-card": { "zh-CN": "身份证号码", en: "resident ID number" },
  "bank-card": { "zh-CN": "银行卡号", en: "bank card number" },
  email: { "zh-CN": "电子邮箱", en: "email address" },
  name: { "zh-CN": "姓名", en: "name" },
  address: { "zh-CN": "地址", en: "address" },
  location: { "zh-CN": "位置信息", en: "location" }
}

/** A kind of personal information in words; an unknown kind as it is. */
export function piKindName(kind: string, locale: Locale): string {
  return PI_KIND_NAMES[kind as PiKind]?.[locale] ?? kind
}

/** The popup's and the panel's button that drafts a merchant config from the page, and what it says. */
export const DRAFT_WORDS = {
  button: { "zh-CN": "根据此页面起草知情配置", en: "Draft a Zhiqing config from this page" },
  hint: {
    "zh-CN": "根据检查器在此页面上看到的服务商、境外接收方和敏感字段起草配置，并在配置器中打开；只有您知道的内容会列为待填写项。",
    en: "Drafts a config from the vendors, overseas recipients and sensitive fields the inspector saw on this page and opens it in the configurator; what only you know is listed to fill in."
  },
  failed: { "zh-CN": "无法起草配置：", en: "Could not draft a config: " }
} satisfies Record<string, Record<Locale, string>>
