/** Small helpers the dialogs share for merchant texts, links and files the shopper keeps. */
import { isSafeUrl } from "../config-rules"
import type { Locale, LocalizedText } from "../schema"

/** The text in the shopper's locale, else in Chinese, which is always configured (APPM-1). */
export function pick(text: LocalizedText | undefined, locale: Locale): string {
  return text?.[locale] ?? text?.["zh-CN"] ?? text?.en ?? ""
}

/**
 * A merchant URL fit for `href`, or undefined. The engine already rejects unsafe URLs when it validates the config;
 * this guards the dialogs against a config that reached them some other way.
 */
export function safeHref(url: string | undefined): string | undefined {
  return url && isSafeUrl(url) ? url : undefined
}

/** The name of a country or region in the shopper's language ("HK" → "中国香港"), else its code. */
export function regionName(code: string, locale: Locale): string {
  try {
    const name = new Intl.DisplayNames([locale], { type: "region" }).of(code) ?? code
    // A Chinese notice names Hong Kong, Macao and Taiwan as regions of China.
    return locale === "zh-CN" && /^(HK|MO|TW)$/.test(code) && !name.startsWith("中国") ? "中国" + name : name
  } catch {
    return code
  }
}

/** Hand the shopper a file to keep (their notice or their receipts) without leaving the page. */
export function download(name: string, body: string, type: string): void {
  const link = document.createElement("a")
  link.href = URL.createObjectURL(new Blob([body], { type }))
  link.download = name
  link.click()
  setTimeout(() => URL.revokeObjectURL(link.href), 1000)
}
