/**
 * The DevTools timeline as data: every request and cookie of a Report placed on the consent axis (before the dialog,
 * dialog shown, after the decision, after a withdrawal), with the findings that cite it, filterable by vendor,
 * purpose, kind of personal information, country and verdict. Pure functions, so 10,000 events stay testable.
 */
import type { ConsentState, Locale } from "@zhiqing/sdk/schema"
import { NON_ESSENTIAL_CATEGORIES } from "../analysis/page-facts"
import { hostOf } from "../domains"
import { cookieEvidenceKey, findingsByEvidence, requestEvidenceKey } from "../export/evidence-key"
import type { Finding, PiKind, Report, ReportCookie, ReportRequest, Severity, TrackerInfo } from "../report"
import { trackerCategoryName } from "../words"

/** A stretch of the consent axis. */
export type ConsentPhase = "before-dialog" | "dialog-shown" | "decided" | "withdrawn"

/** The axis in order. */
export const CONSENT_PHASES: readonly ConsentPhase[] = ["before-dialog", "dialog-shown", "decided", "withdrawn"]

/** What a row amounts to: the most severe finding citing it, or none. */
export type Verdict = Severity | "ok"

/** A consent event of the page, as the probe saw it (the `consent` collection event without its type). */
export interface ConsentMoment {
  time: number
  phase: "ready" | "dialog-shown" | "decision" | "withdrawal"
  state: ConsentState | null
}

/**
 * A Report whose `consentLog` is not trusted to be well formed (a Report from an older inspector, or edited by hand):
 * moments that do not read as one are left out, and without a log the axis falls back to the latest decision.
 */
export type ReportWithConsentLog = Omit<Report, "consentLog"> & { consentLog?: unknown }

/** One request or cookie on the axis. */
export interface TimelineRow {
  /** Position in the Report-ordered list of rows; stable while the Report grows. */
  id: number
  kind: "request" | "cookie"
  time: number
  phase: ConsentPhase
  /** Sent or set before the shopper decided on its purpose (or on anything). */
  beforeConsent: boolean
  /** A third party or a known tracker did it: what consent is about, unlike the shop's own requests. */
  thirdParty: boolean
  /** The URL (masked) or the cookie's name. */
  label: string
  host: string
  /** The tracker's company, or the host when it is no known tracker. */
  vendor: string
  tracker?: TrackerInfo
  purpose?: string
  piKinds: PiKind[]
  /** ISO country the data went to (for a cookie, its tracker's company's), "" when unknown. */
  country: string
  crossBorder: boolean
  verdict: Verdict
  findings: Finding[]
  request?: ReportRequest
  cookie?: ReportCookie
  /** Lower-cased text the search box matches. */
  haystack: string
}

/** What the filter bar asks for; an absent field matches everything. */
export interface TimelineFilter {
  vendor?: string
  purpose?: string
  piKind?: PiKind
  country?: string
  /** A verdict, or "finding" for any verdict but "ok". */
  verdict?: Verdict | "finding"
  /** Only rows a finding of this rule cites. */
  rule?: string
  text?: string
}

/** The rows of a Report on the consent axis, with the moments that divide it. */
export interface Timeline {
  rows: TimelineRow[]
  /** When each stretch of the axis began, for the stretches the page reached. */
  phaseStarts: Partial<Record<ConsentPhase, number>>
  moments: ConsentMoment[]
}

const SEVERITY_RANK: Record<Verdict, number> = { high: 0, medium: 1, low: 2, ok: 3 }
const MOMENT_PHASES = new Set<ConsentMoment["phase"]>(["ready", "dialog-shown", "decision", "withdrawal"])

function isMoment(value: unknown): value is ConsentMoment {
  const candidate = value as Partial<ConsentMoment> | null
  return typeof candidate?.time === "number" && MOMENT_PHASES.has(candidate.phase as ConsentMoment["phase"]) && typeof candidate.state === "object"
}

/** The page's consent events, from `consentLog` when the Report has one, else the latest decision alone. */
export function consentMoments(report: ReportWithConsentLog): ConsentMoment[] {
  if (Array.isArray(report.consentLog)) return report.consentLog.filter(isMoment).sort((a, b) => a.time - b.time)
  if (!report.consent) return []
  const decided = Date.parse(report.consent.decidedAt)
  return Number.isFinite(decided) ? [{ time: decided, phase: "decision", state: report.consent }] : []
}

/** Walks the moments once while rows arrive in time order. */
class ConsentCursor {
  private at = 0
  phase: ConsentPhase = "before-dialog"
  state: ConsentState | null = null

  constructor(private readonly moments: readonly ConsentMoment[]) {}

  advanceTo(time: number): void {
    while (this.at < this.moments.length && this.moments[this.at]!.time <= time) {
      const moment = this.moments[this.at++]!
      if (moment.phase === "dialog-shown" && this.phase === "before-dialog") this.phase = "dialog-shown"
      else if (moment.phase === "withdrawal") this.phase = "withdrawn"
      else if ((moment.phase === "decision" || moment.phase === "ready") && moment.state) this.phase = "decided"
      if (moment.phase !== "dialog-shown" && (moment.state || moment.phase !== "ready")) this.state = moment.state
    }
  }
}

/** The consent in force at `time`: the state of the last moment up to it, null before any decision. */
export function consentAt(moments: readonly ConsentMoment[], time: number): ConsentState | null {
  const cursor = new ConsentCursor(moments)
  cursor.advanceTo(time)
  return cursor.state
}

function verdictOf(findings: readonly Finding[]): Verdict {
  return findings.reduce<Verdict>((worst, finding) => (SEVERITY_RANK[finding.severity] < SEVERITY_RANK[worst] ? finding.severity : worst), "ok")
}

interface Draft {
  kind: TimelineRow["kind"]
  time: number
  request?: ReportRequest
  cookie?: ReportCookie
}

/**
 * Place every request and cookie of `report` on the consent axis. Cookies without a time are placed at the start.
 * Rows come out in time order (the Report's order among equal times).
 */
export function buildTimeline(report: ReportWithConsentLog): Timeline {
  const moments = consentMoments(report)
  const cited = findingsByEvidence(report.findings)
  const trackers = new Map(report.requests.flatMap((request) => (request.tracker ? [[request.tracker.id, request.tracker] as const] : [])))
  const drafts: Draft[] = [
    ...report.requests.map((request): Draft => ({ kind: "request", time: request.time, request })),
    ...report.cookies.map((cookie): Draft => ({ kind: "cookie", time: cookie.time ?? Number.NEGATIVE_INFINITY, cookie }))
  ]
  const order = drafts.map((_, index) => index).sort((a, b) => drafts[a]!.time - drafts[b]!.time || a - b)
  const cursor = new ConsentCursor(moments)
  const phaseStarts: Partial<Record<ConsentPhase, number>> = {}
  for (const moment of moments) {
    const before = cursor.phase
    cursor.advanceTo(moment.time)
    if (cursor.phase !== before) phaseStarts[cursor.phase] ??= moment.time
  }
  const rowCursor = new ConsentCursor(moments)
  const rows = order.map((index): TimelineRow => {
    const draft = drafts[index]!
    rowCursor.advanceTo(draft.time)
    if (draft.request) {
      const request = draft.request
      const findings = cited.get(requestEvidenceKey(request)) ?? []
      const piKinds = [...new Set(request.pii.map((pi) => pi.kind))]
      const vendor = request.tracker?.company ?? request.host
      return {
        id: index,
        kind: "request",
        time: request.time,
        phase: rowCursor.phase,
        beforeConsent: request.beforeConsent,
        thirdParty: request.thirdParty || request.tracker !== undefined,
        label: request.url,
        host: request.host,
        vendor,
        tracker: request.tracker,
        purpose: request.purpose,
        piKinds,
        country: request.destinationCountry ?? request.tracker?.country ?? "",
        crossBorder: request.crossBorder,
        verdict: verdictOf(findings),
        findings,
        request,
        haystack: `${request.url} ${vendor} ${request.tracker?.id ?? ""}`.toLowerCase()
      }
    }
    const cookie = draft.cookie!
    const key = cookieEvidenceKey(cookie)
    const findings = key === undefined ? [] : (cited.get(key) ?? [])
    const tracker = cookie.tracker ? trackers.get(cookie.tracker) : undefined
    const host = cookie.domain.replace(/^\./, "")
    const vendor = tracker?.company ?? host
    return {
      id: index,
      kind: "cookie",
      time: draft.time,
      phase: rowCursor.phase,
      beforeConsent: rowCursor.state === null,
      thirdParty: cookie.thirdParty || tracker !== undefined,
      label: cookie.name,
      host,
      vendor,
      tracker,
      piKinds: [],
      country: tracker?.country ?? "",
      crossBorder: false,
      verdict: verdictOf(findings),
      findings,
      cookie,
      haystack: `${cookie.name} ${cookie.domain} ${vendor}`.toLowerCase()
    }
  })
  return { rows, phaseStarts, moments }
}

/** Whether `row` passes `filter`. */
export function matchesFilter(row: TimelineRow, filter: TimelineFilter): boolean {
  if (filter.vendor !== undefined && row.vendor !== filter.vendor) return false
  if (filter.purpose !== undefined && row.purpose !== filter.purpose) return false
  if (filter.piKind !== undefined && !row.piKinds.includes(filter.piKind)) return false
  if (filter.country !== undefined && row.country !== filter.country) return false
  if (filter.verdict === "finding" ? row.verdict === "ok" : filter.verdict !== undefined && row.verdict !== filter.verdict) return false
  if (filter.rule !== undefined && !row.findings.some((finding) => finding.rule === filter.rule)) return false
  const text = filter.text?.trim().toLowerCase()
  return !text || row.haystack.includes(text)
}

/** The rows that pass `filter`, in order. */
export function filterRows(rows: readonly TimelineRow[], filter: TimelineFilter): TimelineRow[] {
  return rows.filter((row) => matchesFilter(row, filter))
}

/** A value the filter bar offers, with how many rows have it. */
export interface FacetValue {
  value: string
  count: number
}

/** What each filter can be set to, from the rows themselves; most frequent first. */
export interface Facets {
  vendor: FacetValue[]
  purpose: FacetValue[]
  piKind: FacetValue[]
  country: FacetValue[]
}

/** The values each filter can take among `rows`. */
export function facetsOf(rows: readonly TimelineRow[]): Facets {
  const counters = { vendor: new Map<string, number>(), purpose: new Map<string, number>(), piKind: new Map<string, number>(), country: new Map<string, number>() }
  const bump = (map: Map<string, number>, value: string | undefined): void => {
    if (value) map.set(value, (map.get(value) ?? 0) + 1)
  }
  for (const row of rows) {
    bump(counters.vendor, row.vendor)
    bump(counters.purpose, row.purpose)
    bump(counters.country, row.country)
    for (const kind of row.piKinds) bump(counters.piKind, kind)
  }
  const list = (map: Map<string, number>): FacetValue[] =>
    [...map].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count || a.value.localeCompare(b.value))
  return { vendor: list(counters.vendor), purpose: list(counters.purpose), piKind: list(counters.piKind), country: list(counters.country) }
}

/** An entry of the rendered list: a stretch of the axis, or a row in it. */
export type TimelineItem = { type: "phase"; phase: ConsentPhase; start?: number; count: number } | { type: "row"; row: TimelineRow }

/**
 * The rows under a heading per stretch of the axis. Every stretch the page reached gets its heading, even with no
 * row passing the filter, so the reader always sees where the dialog and the decision fell.
 */
export function timelineItems(rows: readonly TimelineRow[], phaseStarts: Timeline["phaseStarts"]): TimelineItem[] {
  const byPhase = new Map<ConsentPhase, TimelineRow[]>(CONSENT_PHASES.map((phase) => [phase, []]))
  for (const row of rows) byPhase.get(row.phase)!.push(row)
  const items: TimelineItem[] = []
  for (const phase of CONSENT_PHASES) {
    const phaseRows = byPhase.get(phase)!
    const reached = phase === "before-dialog" || phaseStarts[phase] !== undefined
    if (!reached && phaseRows.length === 0) continue
    items.push({ type: "phase", phase, start: phaseStarts[phase], count: phaseRows.length })
    for (const row of phaseRows) items.push({ type: "row", row })
  }
  return items
}

/** Where a purpose stood when the row happened. */
export type PurposeStanding = "granted" | "refused" | "undecided"

/** Where the row's purpose stood at its moment. */
export function purposeStanding(row: TimelineRow, moments: readonly ConsentMoment[]): PurposeStanding | undefined {
  if (!row.purpose) return undefined
  const value = consentAt(moments, row.time)?.purposes[row.purpose]
  return value === undefined ? "undecided" : value ? "granted" : "refused"
}

/**
 * Why a row is, or is not, a finding, in both languages. A cited row points at its findings; an uncited one says
 * which fact kept it clear.
 */
export function explainRow(row: TimelineRow, moments: readonly ConsentMoment[]): Record<Locale, string> {
  if (row.findings.length) {
    const rules = [...new Set(row.findings.map((finding) => finding.rule))].join(", ")
    return { "zh-CN": `此事件是以下发现的证据：${rules}。`, en: `This event is evidence for: ${rules}.` }
  }
  const standing = purposeStanding(row, moments)
  if (row.tracker && standing === "granted") {
    return { "zh-CN": `发生时顾客已同意目的「${row.purpose}」，在同意范围内。`, en: `The shopper had agreed to the purpose "${row.purpose}" by then, so it is within consent.` }
  }
  if (row.tracker && !row.purpose && !NON_ESSENTIAL_CATEGORIES.has(row.tracker.category)) {
    const category = { "zh-CN": trackerCategoryName(row.tracker.category, "zh-CN"), en: trackerCategoryName(row.tracker.category, "en") }
    return {
      "zh-CN": `这是页面运行可能需要的服务（${category["zh-CN"]}），无须事先同意。`,
      en: `This service may be needed for the page to work (${category.en}), so it needs no prior consent.`
    }
  }
  if (!row.tracker && row.kind === "request" && !row.crossBorder && (row.request?.thirdParty === false || row.piKinds.length === 0)) {
    return row.request?.thirdParty === false
      ? { "zh-CN": "这是发往商家自己网站的请求，不涉及第三方接收方。", en: "This request goes to the shop's own site; no third party receives it." }
      : { "zh-CN": "不是已知的追踪器，也未发现个人信息。", en: "It is no known tracker and carries no personal information." }
  }
  return { "zh-CN": "检查器的规则均未将此事件列为证据。", en: "No rule the inspector checks cites this event." }
}
