/**
 * Findings about timing against consent: activity before any decision (APPM-3-1), after a refusal or withdrawal
 * (PIPL-15-2), and beyond what was agreed (APPM-3-3).
 */
import type { Finding, PiKind } from "../../report"
import type { Vendor } from "../../vendors/catalog"
import { cookieEvidence, finding, requestEvidence, storageEvidence } from "../evidence"
import { nonEssential, type PageFacts } from "../page-facts"
import type { AnalysedRequest } from "../requests"
import { groupBy } from "./group"
import { kindList, purposeName, serviceName } from "./words"

/** APPM-3-1: non-essential requests, cookies and storage writes before the shopper decided anything. */
export function beforeDecisionFindings({ context, requests, cookies, storage }: PageFacts): Finding[] {
  const { timeline } = context
  if (!timeline.present) return []
  const undecided = (time: number): boolean => timeline.stateAt(time) === null
  const lines: Array<{ vendor: Vendor | undefined; key: string; purpose: string; time: number; line: string }> = []
  for (const request of requests) {
    if (request.vendor && nonEssential(request.vendor, request.purpose) && undecided(request.report.time)) {
      lines.push({ vendor: request.vendor, key: request.vendor.id, purpose: request.purpose?.id ?? "", time: request.report.time, line: requestEvidence(request, timeline) })
    }
  }
  for (const cookie of cookies) {
    if ((cookie.vendor || cookie.purpose) && nonEssential(cookie.vendor, cookie.purpose) && undecided(cookie.event.time)) {
      lines.push({ vendor: cookie.vendor, key: cookie.vendor?.id ?? cookie.event.name, purpose: cookie.purpose?.id ?? "", time: cookie.event.time, line: cookieEvidence(cookie.event, timeline) })
    }
  }
  for (const write of storage) {
    if (write.vendor && nonEssential(write.vendor, write.purpose) && undecided(write.event.time)) {
      lines.push({ vendor: write.vendor, key: write.vendor.id, purpose: write.purpose?.id ?? "", time: write.event.time, line: storageEvidence(write.event, timeline) })
    }
  }
  const purposes = new Map((context.configMap.config?.purposes ?? []).map((purpose) => [purpose.id, purpose]))
  return [...groupBy(lines, (line) => line.key)].flatMap(([key, group]) => {
    const service = serviceName(group[0]!.vendor, key)
    const purpose = purposeName(purposes.get(group[0]!.purpose))
    const sorted = group.sort((a, b) => a.time - b.time).map((line) => line.line)
    return finding(
      "APPM-3-1",
      "high",
      {
        "zh-CN": `在顾客作出任何选择之前，页面就已运行非必要的第三方服务「${service["zh-CN"]}」（${purpose["zh-CN"]}），发送请求或写入 Cookie、本地存储。`,
        en: `Before the shopper made any choice, the page already ran the non-essential service ${service.en} (${purpose.en}): it sent requests or wrote cookies or storage.`
      },
      sorted
    )
  })
}

/** PIPL-15-2: requests to a purpose's vendors after the shopper refused or withdrew it. */
export function afterRefusalFindings({ context, requests }: PageFacts): Finding[] {
  const { timeline } = context
  const late = requests.flatMap((request) => {
    if (!request.purpose) return []
    const status = timeline.purposeStatus(request.purpose.id, request.report.time)
    return status === "refused" || status === "withdrawn" ? [{ request, status }] : []
  })
  return [...groupBy(late, ({ request, status }) => `${request.vendor?.id}|${status}`)].flatMap(([, group]) => {
    const { request, status } = group[0]!
    const service = serviceName(request.vendor, request.report.host)
    const purpose = purposeName(request.purpose)
    const message =
      status === "withdrawn"
        ? {
            "zh-CN": `顾客撤回对「${purpose["zh-CN"]}」的同意后，页面仍向「${service["zh-CN"]}」发送数据。撤回后应停止处理并删除相关信息。`,
            en: `After the shopper withdrew consent to ${purpose.en}, the page still sent data to ${service.en}. Processing must stop once consent is withdrawn.`
          }
        : {
            "zh-CN": `顾客拒绝「${purpose["zh-CN"]}」后，页面仍向「${service["zh-CN"]}」发送数据。`,
            en: `After the shopper refused ${purpose.en}, the page still sent data to ${service.en}.`
          }
    return finding("PIPL-15-2", "high", message, group.map(({ request: item }) => requestEvidence(item, timeline)))
  })
}

/** The kinds of personal information in a request that what the shopper agreed to does not cover. */
function kindsBeyondAgreement(request: AnalysedRequest, facts: PageFacts): PiKind[] {
  const { configMap, timeline } = facts.context
  const sent = new Set(request.report.pii.map((pi) => pi.kind))
  if (!sent.size) return []
  const covered = new Set<PiKind>()
  if (request.purpose) for (const kind of configMap.purposeKinds(request.purpose)) covered.add(kind)
  if (!request.vendor) {
    for (const item of [...timeline.grantedItems("third-party", request.report.time), ...timeline.grantedItems("cross-border", request.report.time)]) {
      for (const kind of configMap.itemKinds(item)) covered.add(kind)
    }
  }
  return [...sent].filter((kind) => !covered.has(kind))
}

/**
 * APPM-3-3: a tracker of a purpose the shopper's decision leaves out (never asked), or personal information sent to
 * a third party beyond the categories the agreed purpose (or a granted item) names.
 */
export function beyondAgreementFindings(facts: PageFacts): Finding[] {
  const { timeline } = facts.context
  if (!timeline.present) return []
  const notAsked = facts.requests.filter(
    (request) => request.purpose && timeline.stateAt(request.report.time) !== null && timeline.purposeStatus(request.purpose.id, request.report.time) === "undecided"
  )
  const notAskedFindings = [...groupBy(notAsked, (request) => request.vendor?.id ?? request.report.host)].flatMap(([, group]) => {
    const service = serviceName(group[0]!.vendor, group[0]!.report.host)
    const purpose = purposeName(group[0]!.purpose)
    return finding(
      "APPM-3-3",
      "medium",
      {
        "zh-CN": `「${service["zh-CN"]}」用于「${purpose["zh-CN"]}」，但顾客的选择中没有这一目的（从未就此征得同意），页面仍向其发送数据。`,
        en: `${service.en} serves ${purpose.en}, which the shopper's decision does not cover (consent was never asked for it), yet the page sent it data.`
      },
      group.map((request) => requestEvidence(request, timeline))
    )
  })
  const beyond = facts.requests.flatMap((request) => {
    const toThirdParty = request.report.thirdParty || request.vendor !== undefined
    if (!toThirdParty || request.vendor?.category === "payment") return []
    const status = request.purpose ? timeline.purposeStatus(request.purpose.id, request.report.time) : undefined
    if (status === "refused" || status === "withdrawn" || status === "undecided") return []
    const kinds = kindsBeyondAgreement(request, facts)
    return kinds.length ? [{ request, kinds }] : []
  })
  const beyondFindings = [...groupBy(beyond, ({ request }) => request.vendor?.id ?? request.report.host)].flatMap(([, group]) => {
    const { request } = group[0]!
    const service = serviceName(request.vendor, request.report.host)
    const kinds = kindList(group.flatMap((item) => item.kinds))
    const purpose = purposeName(request.purpose)
    const agreed = request.purpose
      ? { "zh-CN": `超出了顾客同意的「${purpose["zh-CN"]}」所列的个人信息种类`, en: `beyond the categories of personal information listed for ${purpose.en}, which the shopper agreed to` }
      : { "zh-CN": "而顾客同意的任何目的都没有涉及该接收方", en: "though no purpose the shopper agreed to names this recipient" }
    return finding(
      "APPM-3-3",
      "high",
      { "zh-CN": `页面向「${service["zh-CN"]}」发送了${kinds["zh-CN"]}，${agreed["zh-CN"]}。`, en: `The page sent the ${kinds.en} to ${service.en}, ${agreed.en}.` },
      group.map((item) => requestEvidence(item.request, timeline))
    )
  })
  return [...notAskedFindings, ...beyondFindings]
}
