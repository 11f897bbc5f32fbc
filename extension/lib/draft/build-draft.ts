/**
 * A draft merchant config from what the inspector saw on a page: the vendors it loads grouped into purposes, each
 * overseas recipient of personal information as a cross-border item, each kind of sensitive field as a sensitive
 * item, the policy link and site name the page shows, and the edits that gate each script or iframe. What only the
 * merchant knows is a marked placeholder listed in `todo`; once those are filled the config validates.
 */
import type { Config, Locale, LocalizedText, Purpose, SeparateItem } from "@zhiqing/sdk/schema"
import { NON_ESSENTIAL_CATEGORIES } from "../analysis/page-facts"
import type { PiKind, Report } from "../report"
import { countryForHost, vendorById, type Vendor } from "../vendors"
import { PI_KIND_NAMES } from "../words"
import { gatedMarkupOf, gatedPurpose, markupOf, runsNow, vendorOfElement } from "./gating"
import type { PageElement, PageSnapshot } from "./page-snapshot"
import { CATEGORY_PURPOSE, listOf, NECESSARY, placeholder, PLACEHOLDER_VALUE, PURPOSE_TEXTS, regionName, SENSITIVE_KINDS, SENSITIVE_SUFFIX, type Bilingual } from "./texts"

/** Something only the merchant can say, at a JSON path of the config (`separate[0].recipient.contact`). */
export interface TodoItem {
  path: string
  message: Bilingual
}

/** One element to tag: its markup now and gated behind `purpose`. */
export interface GatingEdit {
  vendor: string
  purpose: string
  before: string
  after: string
}

/** The `draft-config` message's answer. */
export interface Draft {
  config: Config
  todo: TodoItem[]
  gating: GatingEdit[]
}

export interface DraftInput {
  report: Report
  page: PageSnapshot
  /** The draft's date, for the policy version. */
  now: Date
}

const LOCALES: Locale[] = ["zh-CN", "en"]

const both = (text: string): LocalizedText => ({ "zh-CN": text, en: text })

const kindNames = (kinds: Iterable<PiKind>, locale: Locale): string => listOf([...kinds].map((kind) => PI_KIND_NAMES[kind][locale]), locale)

/** Categories of PI in a config: the English names the inspector's words give each kind. */
const dataCategories = (kinds: Iterable<PiKind>): string[] => [...kinds].map((kind) => PI_KIND_NAMES[kind].en)

/** The ids the schema accepts: a page's `data-zhiqing` value that is not one cannot name a purpose. */
const PURPOSE_ID = /^[a-z0-9][a-z0-9_-]{0,63}$/

/** A vendor's purpose: how the page already gates it, else its config, else its category; never required if it needs consent. */
function purposeFor(vendor: Vendor, hint: string | undefined): string {
  const fallback = CATEGORY_PURPOSE[vendor.category]
  if (!hint || !PURPOSE_ID.test(hint)) return fallback
  const needsConsent = NON_ESSENTIAL_CATEGORIES.has(vendor.category)
  return needsConsent && hint === NECESSARY ? fallback : hint
}

interface SeenElement {
  element: PageElement
  vendor: Vendor
}

/** Purpose ids in the order the config lists them: always-on first, the known ones in their order, the page's own after. */
function purposeOrder(ids: Iterable<string>): string[] {
  const known = Object.keys(PURPOSE_TEXTS)
  const rank = (id: string): number => (known.includes(id) ? known.indexOf(id) : known.length)
  return [...new Set([NECESSARY, ...ids])].sort((a, b) => rank(a) - rank(b))
}

/** The policy link as a config wants it: a path on the shop's own origin, else the full URL. */
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

/** An id the schema accepts, from anything. */
function idFrom(prefix: string, name: string): string {
  const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "")
  return `${prefix}-${slug}`.slice(0, 64).replace(/-$/, "")
}

export function buildDraft({ report, page, now }: DraftInput): Draft {
  const todo: TodoItem[] = []
  const ask = (path: string, message: Bilingual): void => void todo.push({ path, message })

  // Elements first: how the page already gates a vendor is the strongest hint of its purpose.
  const seen: SeenElement[] = []
  const hints = new Map<string, string>()
  const vendors = new Map<string, Vendor>()
  for (const element of page.elements) {
    const vendor = vendorOfElement(element, report.url)
    if (!vendor) continue
    vendors.set(vendor.id, vendor)
    const gated = gatedPurpose(element)
    if (gated && !hints.has(vendor.id)) hints.set(vendor.id, gated)
    if (!gated && runsNow(element)) seen.push({ element, vendor })
  }
  for (const request of report.requests) {
    const vendor = request.tracker && vendorById(request.tracker.id)
    if (!vendor) continue
    vendors.set(vendor.id, vendor)
    if (request.purpose && !hints.has(vendor.id)) hints.set(vendor.id, request.purpose)
  }
  for (const cookie of report.cookies) {
    const vendor = cookie.tracker ? vendorById(cookie.tracker) : undefined
    if (vendor) vendors.set(vendor.id, vendor)
  }

  const purposeOfVendor = new Map([...vendors.values()].map((vendor) => [vendor.id, purposeFor(vendor, hints.get(vendor.id))]))
  const kindsByVendor = new Map<string, Set<PiKind>>()
  for (const request of report.requests) {
    if (!request.tracker || !request.pii.length) continue
    const kinds = kindsByVendor.get(request.tracker.id) ?? new Set()
    for (const found of request.pii) kinds.add(found.kind)
    kindsByVendor.set(request.tracker.id, kinds)
  }

  const purposes: Purpose[] = purposeOrder(purposeOfVendor.values()).map((id, index) => {
    const members = [...vendors.values()].filter((vendor) => purposeOfVendor.get(vendor.id) === id)
    const texts = PURPOSE_TEXTS[id]
    const at = `purposes[${index}]`
    const purpose: Purpose = {
      id,
      ...(id === NECESSARY && { required: true }),
      title: texts?.title ?? placeholder({ "zh-CN": `目的“${id}”的名称`, en: `the name of the purpose "${id}"` }),
      description: texts?.description ?? placeholder({ "zh-CN": `目的“${id}”处理什么信息、为什么`, en: `what the purpose "${id}" processes and why` })
    }
    if (!texts) {
      ask(`${at}.title`, { "zh-CN": `为页面已使用的目的“${id}”起一个顾客看得懂的名称。`, en: `Name the purpose "${id}" the page already uses, in words a shopper understands.` })
      ask(`${at}.description`, { "zh-CN": `说明目的“${id}”处理哪些信息、为什么处理。`, en: `Say what the purpose "${id}" processes and why.` })
    }
    const kinds = new Set(members.flatMap((vendor) => [...(kindsByVendor.get(vendor.id) ?? [])]))
    if (kinds.size) purpose.dataCategories = dataCategories(kinds)
    if (members.length) purpose.vendors = members.map((vendor) => vendor.id)
    const cookies = [...new Set(members.flatMap((vendor) => vendor.cookies ?? []))]
    // Cookies listed on a purpose are deleted when it is withdrawn; the always-on purpose cannot be.
    if (cookies.length && id !== NECESSARY) purpose.cookies = cookies
    purpose.retention = placeholder({ "zh-CN": "保存期限", en: "how long the information is kept" })
    ask(`${at}.retention`, {
      "zh-CN": `决定“${purpose.title["zh-CN"]}”所收集信息的保存期限。`,
      en: `Decide how long information collected for "${purpose.title.en}" is kept.`
    })
    if (id === NECESSARY && members.length) {
      ask(`${at}.vendors`, {
        "zh-CN": `确认这些服务确为网站运行所必需：${listOf(members.map((vendor) => vendor.nameZh ?? vendor.name), "zh-CN")}；不是的请移到顾客可以拒绝的目的中。`,
        en: `Check that these services are strictly necessary: ${listOf(members.map((vendor) => vendor.name), "en")}; move any that are not to a purpose the shopper can refuse.`
      })
    }
    return purpose
  })

  const separate: SeparateItem[] = []
  crossBorderItems(report, purposes, separate, ask)
  sensitiveItems(report, separate, ask)

  const name = siteName(page)
  const policy = policyUrl(page.policyHref, report.url)
  const config: Config = {
    handler: {
      name: name ? both(name) : placeholder({ "zh-CN": "个人信息处理者的名称", en: "the name of the personal information handler" }),
      contact: page.contactEmail ?? PLACEHOLDER_VALUE
    },
    policy: {
      version: now.toISOString().slice(0, 10),
      url: policy ? { "zh-CN": policy, en: policy } : { "zh-CN": PLACEHOLDER_VALUE, en: PLACEHOLDER_VALUE }
    },
    locales: LOCALES,
    purposes,
    ...(separate.length ? { separate } : {})
  }
  todo.unshift(
    {
      path: "handler.name",
      message: name
        ? { "zh-CN": `填写处理者的法定名称（已预填网站名称“${name}”）。`, en: `Write the handler's legal name (prefilled with the site's name, "${name}").` }
        : { "zh-CN": "填写处理者（您的公司）的法定名称。", en: "Write the legal name of the handler, your company." }
    },
    {
      path: "handler.contact",
      message: page.contactEmail
        ? { "zh-CN": `确认顾客行使个人信息权利的联系方式（已预填页面上的 ${page.contactEmail}）。`, en: `Confirm where shoppers exercise their rights (prefilled with ${page.contactEmail}, found on the page).` }
        : { "zh-CN": "填写顾客行使个人信息权利的联系方式（邮箱或电话）。", en: "Write where shoppers exercise their rights: an email address or phone number." }
    },
    {
      path: "policy.version",
      message: { "zh-CN": "填写隐私政策的版本号（已预填今天的日期）；版本改变时会重新征求同意。", en: "Write your privacy policy's version (prefilled with today's date); a new version asks shoppers again." }
    },
    ...LOCALES.map((locale) => ({
      path: `policy.url.${locale}`,
      message: policy
        ? { "zh-CN": `确认${locale === "zh-CN" ? "中文" : "英文"}隐私政策的链接（已预填页面上的 ${policy}）。`, en: `Confirm the link to the ${locale === "zh-CN" ? "Chinese" : "English"} privacy policy (prefilled with ${policy}, found on the page).` }
        : { "zh-CN": `填写${locale === "zh-CN" ? "中文" : "英文"}隐私政策的链接。`, en: `Write the link to the ${locale === "zh-CN" ? "Chinese" : "English"} privacy policy.` }
    }))
  )

  const gating = seen
    .filter(({ vendor }) => NON_ESSENTIAL_CATEGORIES.has(vendor.category))
    .map(({ element, vendor }): GatingEdit => {
      const purpose = purposeOfVendor.get(vendor.id)!
      return { vendor: vendor.id, purpose, before: markupOf(element), after: gatedMarkupOf(element, purpose) }
    })
  return { config, todo, gating }
}

type Ask = (path: string, message: Bilingual) => void

/** One `cross-border` item per recipient outside mainland China that personal information was sent to (PIPL-39). */
function crossBorderItems(report: Report, purposes: readonly Purpose[], separate: SeparateItem[], ask: Ask): void {
  const recipients = new Map<string, { vendor?: Vendor; host: string; country?: string; kinds: Set<PiKind> }>()
  for (const request of report.requests) {
    if (!request.crossBorder || !request.pii.length) continue
    const vendor = request.tracker && vendorById(request.tracker.id)
    const key = vendor?.id ?? request.host
    const recipient = recipients.get(key) ?? { vendor, host: request.host, country: request.tracker?.country ?? countryForHost(request.host), kinds: new Set() }
    for (const found of request.pii) recipient.kinds.add(found.kind)
    recipients.set(key, recipient)
  }
  for (const { vendor, host, country, kinds } of recipients.values()) {
    const at = `separate[${separate.length}]`
    const company = vendor?.company
    const where = country ? regionName(country) : undefined
    const purpose = vendor && purposes.find((candidate) => candidate.vendors?.includes(vendor.id))
    const to = (locale: Locale): string => `${company ?? host}${where ? (locale === "zh-CN" ? `（${where[locale]}）` : ` (${where[locale]})`) : ""}`
    separate.push({
      id: idFrom("crossborder", vendor?.id ?? host),
      kind: "cross-border",
      title: { "zh-CN": `向境外接收方 ${to("zh-CN")} 提供个人信息`, en: `Providing personal information to ${to("en")}, outside mainland China` },
      description: {
        "zh-CN": `本网站页面上的脚本会将您的${kindNames(kinds, "zh-CN")}发送至 ${to("zh-CN")}。`,
        en: `Scripts on this site's pages send your ${kindNames(kinds, "en")} to ${to("en")}.`
      },
      dataCategories: dataCategories(kinds),
      assessment: PLACEHOLDER_VALUE,
      recipient: {
        name: company ? both(company) : placeholder({ "zh-CN": `${host} 背后的公司`, en: `the company behind ${host}` }),
        contact: PLACEHOLDER_VALUE,
        ...(country && { country }),
        purpose: purpose ? { ...purpose.title } : placeholder({ "zh-CN": "接收方处理信息的目的", en: "what the recipient processes the information for" }),
        method: { "zh-CN": "由网页上的脚本直接发送至接收方的服务器", en: "Sent by scripts on the page straight to the recipient's servers" },
        dataCategories: dataCategories(kinds),
        rights: placeholder({ "zh-CN": "顾客如何向境外接收方行使权利", en: "how shoppers exercise their rights with the recipient" })
      }
    })
    const name = company ?? host
    if (!company) ask(`${at}.recipient.name`, { "zh-CN": `填写 ${host} 背后公司的名称。`, en: `Name the company behind ${host}.` })
    if (!country) ask(`${at}.recipient.country`, { "zh-CN": `填写 ${host} 所在的国家或地区（ISO 代码，如 US）。`, en: `Write the country or region of ${host} (an ISO code such as US).` })
    if (!purpose) ask(`${at}.recipient.purpose`, { "zh-CN": `说明 ${name} 处理这些信息的目的。`, en: `Say what ${name} processes this information for.` })
    ask(`${at}.recipient.contact`, { "zh-CN": `填写境外接收方 ${name} 的联系方式。`, en: `Write how to contact the overseas recipient, ${name}.` })
    ask(`${at}.recipient.rights`, {
      "zh-CN": `说明顾客如何向 ${name} 行使查阅、复制、更正、删除等权利（PIPL-39）。`,
      en: `Say how shoppers exercise their rights of access, copy, correction and deletion with ${name} (PIPL-39).`
    })
    ask(`${at}.assessment`, {
      "zh-CN": "填写向境外提供前所做个人信息保护影响评估的编号或链接（PIPL-55）。",
      en: "Give the reference of the personal information protection impact assessment made before the transfer (PIPL-55)."
    })
  }
}

/** One `sensitive` item per kind of sensitive personal information the page asks for or sends (PIPL-28, 29, 30). */
function sensitiveItems(report: Report, separate: SeparateItem[], ask: Ask): void {
  const kinds = new Set<PiKind>()
  const otherLabels = new Set<string>()
  for (const field of report.fields) {
    if (!field.sensitive) continue
    if (field.kind === "other") otherLabels.add(field.label ?? field.selector)
    else kinds.add(field.kind)
  }
  for (const request of report.requests) for (const found of request.pii) if (SENSITIVE_KINDS.has(found.kind)) kinds.add(found.kind)

  const item = (id: string, title: LocalizedText, categories: string[], what: Bilingual): void => {
    const at = `separate[${separate.length}]`
    separate.push({
      id,
      kind: "sensitive",
      title,
      description: placeholder({ "zh-CN": `为什么收集${what["zh-CN"]}`, en: `why the ${what.en} is collected` }),
      necessity: placeholder({ "zh-CN": `收集${what["zh-CN"]}的必要性`, en: `why the ${what.en} is necessary` }),
      impact: placeholder({ "zh-CN": "对顾客的影响，以及不提供会怎样", en: "the impact on the shopper, and what happens without it" }),
      dataCategories: categories
    })
    ask(`${at}.description`, { "zh-CN": `说明为什么收集${what["zh-CN"]}。`, en: `Say why you collect the ${what.en}.` })
    ask(`${at}.necessity`, { "zh-CN": `说明收集${what["zh-CN"]}的必要性（PIPL-30）。`, en: `Say why the ${what.en} is necessary (PIPL-30).` })
    ask(`${at}.impact`, { "zh-CN": "说明对顾客权益的影响，以及顾客不提供时会怎样（PIPL-30）。", en: "Say how it affects the shopper, and what happens if they do not give it (PIPL-30)." })
  }
  for (const kind of [...kinds].sort()) {
    const name = PI_KIND_NAMES[kind]
    item(`sensitive-${kind}`, { "zh-CN": name["zh-CN"] + SENSITIVE_SUFFIX["zh-CN"], en: capitalise(name.en) + SENSITIVE_SUFFIX.en }, [name.en], name)
  }
  if (otherLabels.size) {
    const labels = listOf([...otherLabels], "en")
    const at = `separate[${separate.length}]`
    item("sensitive-other", placeholder({ "zh-CN": `敏感信息的名称（页面字段：${labels}）`, en: `the name of the sensitive information (page fields: ${labels})` }), [labels], {
      "zh-CN": `这些字段（${labels}）中的信息`,
      en: `information in these fields (${labels})`
    })
    ask(`${at}.title`, { "zh-CN": `说明字段 ${labels} 收集的是哪类敏感个人信息。`, en: `Name the kind of sensitive personal information the fields ${labels} ask for.` })
  }
}

const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1)
