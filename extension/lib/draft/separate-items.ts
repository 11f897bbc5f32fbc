/**
 * The draft's separate items: one `cross-border` item per overseas recipient of personal information, one
 * `sensitive` item per kind of sensitive personal information. What the inspector saw is filled in; why, how
 * necessary and with what impact is the merchant's to say.
 */
import type { Locale, LocalizedText, Purpose, SeparateItem } from "@zhiqing/sdk/schema"
import type { PiKind, Report } from "../report"
import { countryForHost, vendorById, type Vendor } from "../vendors"
import { PI_KIND_NAMES, type Bilingual } from "../words"
import { both, dataCategories, kindNames, listOf, placeholder, PLACEHOLDER_VALUE, regionName, SENSITIVE_KINDS, SENSITIVE_SUFFIX, type Ask } from "./texts"

/** An id the schema accepts, from anything. */
function idFrom(prefix: string, name: string): string {
  const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "")
  return `${prefix}-${slug}`.slice(0, 64).replace(/-$/, "")
}

/** One `cross-border` item per recipient outside mainland China that personal information was sent to (PIPL-39). */
export function crossBorderItems(report: Report, purposes: readonly Purpose[], separate: SeparateItem[], ask: Ask): void {
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
export function sensitiveItems(report: Report, separate: SeparateItem[], ask: Ask): void {
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
