/**
 * The draft's handler and policy: the site's name, a contact address and the policy link where the page shows them,
 * each listed for the merchant to confirm, or a marked placeholder for the merchant to write.
 */
import type { Config, Locale } from "@zhiqing/sdk/schema"
import type { PageSnapshot } from "./page-snapshot"
import { both, placeholder, PLACEHOLDER_VALUE, type Ask } from "./texts"

/** The dialog languages a draft is written in. */
export const LOCALES: Locale[] = ["zh-CN", "en"]

const LANGUAGE_NAMES: Record<Locale, Record<Locale, string>> = { "zh-CN": { "zh-CN": "中文", en: "Chinese" }, en: { "zh-CN": "英文", en: "English" } }

/** The policy link as a config wants it: a path on the shop's own origin, else the full URL; never another scheme. */
function policyUrl(href: string | undefined, pageUrl: string): string | undefined {
  if (!href) return undefined
  try {
    const url = new URL(href, pageUrl)
    if (url.protocol !== "http:" && url.protocol !== "https:") return undefined
    return url.origin === new URL(pageUrl).origin ? url.pathname + url.search + url.hash : url.href
  } catch {
    return undefined
  }
}

/** The site's name: the page's own, else the last part of its title ("Home - Example Mall"). */
function siteName(page: PageSnapshot): string | undefined {
  if (page.siteName) return page.siteName
  const parts = page.title.split(/\s+[-|–—_·]\s+/).map((part) => part.trim()).filter(Boolean)
  return parts.at(-1)
}

export function handlerAndPolicy(page: PageSnapshot, pageUrl: string, now: Date, ask: Ask): Pick<Config, "handler" | "policy"> {
  const name = siteName(page)
  const contact = page.contactEmail
  const link = policyUrl(page.policyHref, pageUrl)
  ask(
    "handler.name",
    name
      ? { "zh-CN": `填写处理者的法定名称（已预填网站名称“${name}”）。`, en: `Write the handler's legal name (prefilled with the site's name, "${name}").` }
      : { "zh-CN": "填写处理者（您的公司）的法定名称。", en: "Write the legal name of the handler, your company." }
  )
  ask(
    "handler.contact",
    contact
      ? { "zh-CN": `确认顾客行使个人信息权利的联系方式（已预填页面上的 ${contact}）。`, en: `Confirm where shoppers exercise their rights (prefilled with ${contact}, found on the page).` }
      : { "zh-CN": "填写顾客行使个人信息权利的联系方式（邮箱或电话）。", en: "Write where shoppers exercise their rights: an email address or phone number." }
  )
  ask("policy.version", {
    "zh-CN": "填写隐私政策的版本号（已预填今天的日期）；版本改变时会重新征求同意。",
    en: "Write your privacy policy's version (prefilled with today's date); a new version asks shoppers again."
  })
  for (const locale of LOCALES) {
    const language = LANGUAGE_NAMES[locale]
    ask(
      `policy.url.${locale}`,
      link
        ? { "zh-CN": `确认${language["zh-CN"]}隐私政策的链接（已预填页面上的 ${link}）。`, en: `Confirm the link to the ${language.en} privacy policy (prefilled with ${link}, found on the page).` }
        : { "zh-CN": `填写${language["zh-CN"]}隐私政策的链接。`, en: `Write the link to the ${language.en} privacy policy.` }
    )
  }
  return {
    handler: {
      name: name ? both(name) : placeholder({ "zh-CN": "个人信息处理者的名称", en: "the name of the personal information handler" }),
      contact: contact ?? PLACEHOLDER_VALUE
    },
    policy: {
      version: now.toISOString().slice(0, 10),
      url: link ? both(link) : both(PLACEHOLDER_VALUE)
    }
  }
}
