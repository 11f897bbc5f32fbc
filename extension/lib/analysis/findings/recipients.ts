/**
 * Findings about who receives data: recipients the config does not declare (NDSR-21-2), transfers outside mainland
 * China and third parties whose location cannot be told (PIPL-39), and sensitive personal information given to third
 * parties (PIPL-29).
 */
import { registrableDomain } from "../../domains"
import type { Finding, PiKind } from "../../report"
import { addressScope } from "../../vendors/country"
import type { ConsentTimeline } from "../consent-timeline"
import { finding, requestEvidence } from "../evidence"
import type { PageFacts } from "../page-facts"
import type { AnalysedRequest } from "../requests"
import { groupBy } from "./group"
import { companyName, confirmLocation, countryName, destinationBasis, kindList, serviceName } from "./words"

const SENSITIVE_KINDS: ReadonlySet<PiKind> = new Set(["id-card", "bank-card", "location"])

const recipientKey = (request: AnalysedRequest): string => request.vendor?.id ?? request.report.host

/** NDSR-21-2: catalog vendors seen on the page that no purpose of the config declares. */
export function undeclaredVendorFindings({ context, requests }: PageFacts): Finding[] {
  if (!context.configMap.config) return []
  const undeclared = requests.filter((request) => request.vendor && !context.configMap.declares(request.vendor.id))
  return [...groupBy(undeclared, recipientKey)].flatMap(([, group]) => {
    const vendor = group[0]!.vendor!
    const company = companyName(vendor)
    return finding(
      "NDSR-21-2",
      "medium",
      {
        "zh-CN": `页面使用了第三方服务「${vendor.nameZh ?? vendor.name}」（${company["zh-CN"]}），但商家配置的处理目的中没有声明这一接收方，顾客无从知晓。`,
        en: `The page uses the third-party service ${vendor.name} (${company.en}), but no purpose in the merchant's config declares this recipient, so shoppers are not told.`
      },
      group.map((request) => requestEvidence(request, context.timeline))
    )
  })
}

/** PIPL-39: personal information sent outside mainland China without a granted cross-border item for that place, and overseas recipients nobody declared. */
export function crossBorderFindings({ context, requests }: PageFacts): Finding[] {
  const { timeline, configMap } = context
  const coveredAt = (request: AnalysedRequest): boolean =>
    timeline.grantedItems("cross-border", request.report.time).some((item) => item.recipient?.country === request.destination.country)
  const unconsented = requests.filter((request) => request.report.crossBorder && request.report.pii.length > 0 && !coveredAt(request))
  const transfers = [...groupBy(unconsented, (request) => `${recipientKey(request)}|${request.destination.country}`)].flatMap(([, group]) => {
    const first = group[0]!
    const service = serviceName(first.vendor, first.report.host)
    const place = countryName(first.destination.country)
    const basis = destinationBasis(first.destination)
    const confirm = confirmLocation(first.destination)
    const kinds = kindList(group.flatMap((request) => request.report.pii.map((pi) => pi.kind)))
    return finding(
      "PIPL-39",
      "high",
      {
        "zh-CN": `页面将个人信息（${kinds["zh-CN"]}）发送至位于${place["zh-CN"]}的「${service["zh-CN"]}」（${basis["zh-CN"]}），属于向境外提供个人信息，但顾客没有单独同意向该地区提供。${confirm["zh-CN"]}`,
        en: `The page sent personal information (${kinds.en}) to ${service.en} in ${place.en} (${basis.en}), outside mainland China, without the shopper's separate consent to a transfer there.${confirm.en}`
      },
      group.map((request) => destinationEvidence(request, timeline))
    )
  })
  // Whether a recipient is declared can only be told against a config; a page without one gets PIPL-14-1.
  const overseas = requests.filter(
    (request) =>
      configMap.config !== undefined &&
      request.report.crossBorder &&
      request.vendor &&
      request.vendor.category !== "cdn" &&
      !configMap.declares(request.vendor.id) &&
      !(configMap.config?.separate ?? []).some((item) => item.kind === "cross-border" && item.recipient?.country === request.destination.country)
  )
  const undeclared = [...groupBy(overseas, recipientKey)].flatMap(([, group]) => {
    const vendor = group[0]!.vendor!
    const place = countryName(group[0]!.destination.country)
    const company = companyName(vendor)
    return finding(
      "PIPL-39",
      "high",
      {
        "zh-CN": `境外接收方「${vendor.nameZh ?? vendor.name}」（${company["zh-CN"]}，${place["zh-CN"]}）没有在商家的配置中声明，却收到了本页面发出的数据。向境外提供个人信息须告知接收方的名称、联系方式、目的、方式和种类，并取得单独同意。`,
        en: `The overseas recipient ${vendor.name} (${company.en}, ${place.en}) is not declared in the merchant's config, yet received data from this page. A transfer abroad needs the recipient's name, contact, purpose, method and categories told, and separate consent.`
      },
      group.map((request) => requestEvidence(request, timeline))
    )
  })
  return [...transfers, ...undeclared, ...unknownLocationFindings(requests, timeline)]
}

/** A request's evidence line with where its data went and what says so. */
function destinationEvidence(request: AnalysedRequest, timeline: ConsentTimeline): string {
  const { country } = request.destination
  return `${requestEvidence(request, timeline)} — destination ${country ?? "unknown"}: ${destinationBasis(request.destination).en}${serverNote(request.ip)}`
}

/** What the server address adds: one to look up, or a local one that tells nothing. */
function serverNote(ip: string | undefined): string {
  if (!ip) return ""
  return addressScope(ip) === "public"
    ? `; server ${ip} (where it is hosted can be looked up)`
    : `; server ${ip} is a local address (a proxy or test set-up) and says nothing of where the service is`
}

/**
 * PIPL-39, not yet decided: personal information sent to a third party whose location nothing tells. Not taken as
 * mainland China: the merchant is asked to find out.
 */
function unknownLocationFindings(requests: readonly AnalysedRequest[], timeline: ConsentTimeline): Finding[] {
  const unplaced = requests.filter((request) => request.report.thirdParty && request.destination.basis === "unknown" && request.report.pii.length > 0)
  return [...groupBy(unplaced, (request) => registrableDomain(request.report.host))].flatMap(([domain, group]) => {
    const kinds = kindList(group.flatMap((request) => request.report.pii.map((pi) => pi.kind)))
    return finding(
      "PIPL-39",
      "medium",
      {
        "zh-CN": `页面将个人信息（${kinds["zh-CN"]}）发送给第三方「${domain}」，但无法判断其所在地：它不在知情供应商目录中，域名也不表明国家或地区。如果它位于中国大陆境外，就属于向境外提供个人信息，须告知并取得顾客的单独同意。请核实该接收方的所在地，并在配置中声明。`,
        en: `The page sent personal information (${kinds.en}) to the third party ${domain}, whose location cannot be told: it is not in Zhiqing's vendor catalog and its domain names no country. If it is outside mainland China, this is a cross-border transfer that needs notice and the shopper's separate consent. Confirm where this recipient is and declare it in the config.`
      },
      group.map((request) => destinationEvidence(request, timeline))
    )
  })
}

/** PIPL-29: resident ID, bank card or location sent to a third party without a granted sensitive item covering it. */
export function sensitiveToThirdPartyFindings({ context, requests }: PageFacts): Finding[] {
  const { timeline, configMap } = context
  const exposed = requests.flatMap((request) => {
    if (!request.report.thirdParty && !request.vendor) return []
    const covered = new Set(timeline.grantedItems("sensitive", request.report.time).flatMap((item) => [...configMap.itemKinds(item)]))
    const kinds = request.report.pii
      .map((pi) => pi.kind)
      .filter((kind) => SENSITIVE_KINDS.has(kind) && !covered.has(kind) && !(kind === "bank-card" && request.vendor?.category === "payment"))
    return kinds.length ? [{ request, kinds }] : []
  })
  return [...groupBy(exposed, ({ request }) => recipientKey(request))].flatMap(([, group]) => {
    const { request } = group[0]!
    const service = serviceName(request.vendor, request.report.host)
    const kinds = kindList(group.flatMap((item) => item.kinds))
    return finding(
      "PIPL-29",
      "high",
      {
        "zh-CN": `页面将敏感个人信息（${kinds["zh-CN"]}）发送给第三方「${service["zh-CN"]}」，而顾客没有就此单独同意。处理敏感个人信息须取得单独同意。`,
        en: `The page sent sensitive personal information (${kinds.en}) to the third party ${service.en} without the shopper's separate consent, which sensitive personal information requires.`
      },
      group.map((item) => requestEvidence(item.request, timeline))
    )
  })
}
