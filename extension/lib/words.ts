/** Words every part of the inspector shares, so the popup, the panel, the exports and the findings say the same. */
import type { Locale } from "@zhiqing/sdk/schema"
import type { CrossBorderBasis, PiKind, ReportRequest, TrackerCategory } from "./report"

/** A text in both of the inspector's languages. */
export type Bilingual = Record<Locale, string>

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

export const TRACKER_CATEGORY_NAMES: Record<TrackerCategory, Record<Locale, string>> = {
  analytics: { "zh-CN": "统计分析", en: "analytics" },
  advertising: { "zh-CN": "广告", en: "advertising" },
  attribution: { "zh-CN": "广告归因", en: "attribution" },
  "session-recording": { "zh-CN": "会话录制", en: "session recording" },
  monitoring: { "zh-CN": "性能与错误监控", en: "performance and error monitoring" },
  cdp: { "zh-CN": "客户数据平台", en: "customer data platform" },
  social: { "zh-CN": "社交媒体", en: "social media" },
  "social-login": { "zh-CN": "第三方账号登录", en: "social login" },
  "tag-manager": { "zh-CN": "标签管理", en: "tag manager" },
  cdn: { "zh-CN": "内容分发网络", en: "CDN" },
  payment: { "zh-CN": "支付", en: "payment" },
  "customer-service": { "zh-CN": "在线客服", en: "customer service" },
  maps: { "zh-CN": "地图与定位", en: "maps and location" },
  captcha: { "zh-CN": "人机验证", en: "CAPTCHA" },
  other: { "zh-CN": "其他", en: "other" }
}

/** A tracker category in words; an unknown category as it is. */
export function trackerCategoryName(category: string, locale: Locale): string {
  return TRACKER_CATEGORY_NAMES[category as TrackerCategory]?.[locale] ?? category
}

/** What a request's destination rests on, in a few words, with how sure that makes it. */
export const CROSS_BORDER_BASIS_NAMES: Record<CrossBorderBasis, Record<Locale, string>> = {
  catalog: { "zh-CN": "已知 · 供应商目录", en: "known · vendor catalog" },
  "cloud-region": { "zh-CN": "已知 · 主机名中的云区域", en: "known · cloud region in the host" },
  "parent-domain": { "zh-CN": "可能 · 上级域名属于目录中的公司", en: "likely · parent domain of a catalog company" },
  tld: { "zh-CN": "可能 · 国家或地区顶级域名", en: "likely · country-code domain" },
  unknown: { "zh-CN": "无从判断，请核实", en: "nothing tells where: please confirm" }
}

/** The answers to "did it leave mainland China?" that every view gives. */
export const DESTINATION_WORDS = {
  yes: { "zh-CN": "是", en: "yes" },
  no: { "zh-CN": "否", en: "no" },
  unknown: { "zh-CN": "未知", en: "unknown" },
  ownServer: { "zh-CN": "商家自己的服务器", en: "the shop's own server" }
} satisfies Record<string, Record<Locale, string>>

/**
 * Whether a request left mainland China, where to and how sure that is: "是 · US（可能 · 国家或地区顶级域名）".
 * A Report made before destinations carried their basis shows only yes or no.
 */
export function crossBorderLine(request: Pick<ReportRequest, "crossBorder" | "crossBorderBasis" | "destinationCountry" | "thirdParty">, locale: Locale): string {
  const { crossBorder, crossBorderBasis: basis, destinationCountry: country } = request
  if (!basis) return DESTINATION_WORDS[crossBorder ? "yes" : "no"][locale]
  const answer = DESTINATION_WORDS[basis === "unknown" ? "unknown" : crossBorder ? "yes" : "no"][locale]
  const [open, close] = locale === "zh-CN" ? ["（", "）"] : [" (", ")"]
  // Where the shop's own server is, the merchant knows: nothing to confirm.
  const why = basis === "unknown" && !request.thirdParty ? DESTINATION_WORDS.ownServer[locale] : CROSS_BORDER_BASIS_NAMES[basis][locale]
  return `${answer}${country ? ` · ${country}` : ""}${open}${why}${close}`
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
