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
