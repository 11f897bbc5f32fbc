/**
 * A draft merchant config from what the inspector saw on a page: the vendors it loads grouped into purposes, each
 * overseas recipient of personal information as a cross-border item, each kind of sensitive field as a sensitive
 * item, the policy link and site name the page shows, and the edits that gate each script or iframe. What only the
 * merchant knows is a marked placeholder listed in `todo`; once those are filled the config validates.
 */
import type { Config, Purpose, SeparateItem } from "@zhiqing/sdk/schema"
import { NON_ESSENTIAL_CATEGORIES } from "../analysis/page-facts"
import type { PiKind, Report } from "../report"
import { vendorById, type Vendor } from "../vendors"
import { gatedMarkupOf, gatedPurpose, markupOf, runsNow, vendorOfElement } from "./gating"
import { handlerAndPolicy, LOCALES } from "./handler-policy"
import type { PageElement, PageSnapshot } from "./page-snapshot"
import { crossBorderItems, sensitiveItems } from "./separate-items"
import type { Bilingual } from "../words"
import { CATEGORY_PURPOSE, dataCategories, listOf, NECESSARY, placeholder, PURPOSE_TEXTS, type Ask } from "./texts"

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

/** The ids the schema accepts: a page's `data-zhiqing` value that is not one cannot name a purpose. */
const PURPOSE_ID = /^[a-z0-9][a-z0-9_-]{0,63}$/

/** A vendor's purpose: how the page already gates it, else its config, else its category; never required if it needs consent. */
function purposeFor(vendor: Vendor, hint: string | undefined): string {
  const fallback = CATEGORY_PURPOSE[vendor.category]
  if (!hint || !PURPOSE_ID.test(hint)) return fallback
  const needsConsent = NON_ESSENTIAL_CATEGORIES.has(vendor.category)
  return needsConsent && hint === NECESSARY ? fallback : hint
}

/** What the page showed of its vendors: each one, how the page already gates it, and its elements that run now. */
interface VendorsSeen {
  vendors: Map<string, Vendor>
  /** The purpose each vendor is put under. */
  purposeOf: Map<string, string>
  ungated: Array<{ element: PageElement; vendor: Vendor }>
}

function vendorsSeen(report: Report, page: PageSnapshot): VendorsSeen {
  const vendors = new Map<string, Vendor>()
  const hints = new Map<string, string>()
  const hint = (vendor: Vendor, purpose: string | undefined): void => {
    if (purpose && !hints.has(vendor.id)) hints.set(vendor.id, purpose)
  }
  const ungated: VendorsSeen["ungated"] = []
  // Elements first: how the page already gates a vendor is the strongest hint of its purpose.
  for (const element of page.elements) {
    const vendor = vendorOfElement(element, report.url)
    if (!vendor) continue
    vendors.set(vendor.id, vendor)
    const gated = gatedPurpose(element)
    hint(vendor, gated)
    if (!gated && runsNow(element)) ungated.push({ element, vendor })
  }
  for (const request of report.requests) {
    const vendor = request.tracker && vendorById(request.tracker.id)
    if (!vendor) continue
    vendors.set(vendor.id, vendor)
    hint(vendor, request.purpose)
  }
  for (const cookie of report.cookies) {
    const vendor = cookie.tracker ? vendorById(cookie.tracker) : undefined
    if (vendor) vendors.set(vendor.id, vendor)
  }
  const purposeOf = new Map([...vendors.values()].map((vendor) => [vendor.id, purposeFor(vendor, hints.get(vendor.id))]))
  return { vendors, purposeOf, ungated }
}

/** The kinds of PI each vendor was sent. */
function kindsByVendor(report: Report): Map<string, Set<PiKind>> {
  const kinds = new Map<string, Set<PiKind>>()
  for (const request of report.requests) {
    if (!request.tracker || !request.pii.length) continue
    const seen = kinds.get(request.tracker.id) ?? new Set()
    for (const found of request.pii) seen.add(found.kind)
    kinds.set(request.tracker.id, seen)
  }
  return kinds
}

/** Purpose ids in the order the config lists them: always-on first, the known ones in their order, the page's own after. */
function purposeOrder(ids: Iterable<string>): string[] {
  const known = Object.keys(PURPOSE_TEXTS)
  const rank = (id: string): number => (known.includes(id) ? known.indexOf(id) : known.length)
  return [...new Set([NECESSARY, ...ids])].sort((a, b) => rank(a) - rank(b))
}

/** One purpose per purpose id the vendors were put under, with their ids, cookie patterns and the PI they were sent. */
function draftPurposes({ vendors, purposeOf }: VendorsSeen, kinds: Map<string, Set<PiKind>>, ask: Ask): Purpose[] {
  return purposeOrder(purposeOf.values()).map((id, index) => {
    const members = [...vendors.values()].filter((vendor) => purposeOf.get(vendor.id) === id)
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
    const sent = new Set(members.flatMap((vendor) => [...(kinds.get(vendor.id) ?? [])]))
    if (sent.size) purpose.dataCategories = dataCategories(sent)
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
}

export function buildDraft({ report, page, now }: DraftInput): Draft {
  const todo: TodoItem[] = []
  const ask: Ask = (path, message) => void todo.push({ path, message })
  const { handler, policy } = handlerAndPolicy(page, report.url, now, ask)
  const seen = vendorsSeen(report, page)
  const purposes = draftPurposes(seen, kindsByVendor(report), ask)
  const separate: SeparateItem[] = []
  crossBorderItems(report, purposes, separate, ask)
  sensitiveItems(report, separate, ask)
  const config: Config = { handler, policy, locales: LOCALES, purposes, ...(separate.length ? { separate } : {}) }
  const gating = seen.ungated
    .filter(({ vendor }) => NON_ESSENTIAL_CATEGORIES.has(vendor.category))
    .map(({ element, vendor }): GatingEdit => {
      const purpose = seen.purposeOf.get(vendor.id)!
      return { vendor: vendor.id, purpose, before: markupOf(element), after: gatedMarkupOf(element, purpose) }
    })
  return { config, todo, gating }
}
