/**
 * A tab's events turned into its Report: requests merged and judged, cookies and fields listed, and findings
 * against the shopper's consent. Raw personal data goes in (requests' bodies, typed values) and only masked
 * renderings come out.
 */
import { hostOf } from "../domains"
import { ofType, type CollectionEvent } from "../events"
import { knownValueMatcher } from "../pii/known-values"
import type { ConsentLogEntry, Finding, Report } from "../report"
import { vendorForUrl } from "../vendors/match"
import { ConfigMap } from "./config-map"
import { ConsentTimeline } from "./consent-timeline"
import type { AnalysisContext } from "./context"
import { analyseCookies, reportCookies } from "./cookies"
import { knownValues, reportFields } from "./fields"
import { afterRefusalFindings, beforeDecisionFindings, beyondAgreementFindings } from "./findings/consent"
import { noZhiqingFindings, permissionFindings, sensitiveFieldFindings, typingListenerFindings } from "./findings/page"
import { crossBorderFindings, sensitiveToThirdPartyFindings, undeclaredVendorFindings } from "./findings/recipients"
import { maskUrlWith } from "./mask-url"
import { mergeRequests } from "./merge-requests"
import { usableState } from "./page-input"
import type { AnalysedStorage, PageFacts } from "./page-facts"
import { analyseRequest } from "./requests"

/** What {@link buildReport} reads. */
export interface ReportInput {
  /** The page's URL. */
  url: string
  /** All events of the tab's page, in time order. */
  events: CollectionEvent[]
  /** When the report is made (milliseconds since the epoch); the clock when not given. */
  now?: number
}

const SEVERITY_ORDER: Record<Finding["severity"], number> = { high: 0, medium: 1, low: 2 }

/** The findings, each rule judging the same facts; most severe first. */
const RULES: ReadonlyArray<(facts: PageFacts) => Finding[]> = [
  beforeDecisionFindings,
  afterRefusalFindings,
  beyondAgreementFindings,
  undeclaredVendorFindings,
  crossBorderFindings,
  sensitiveToThirdPartyFindings,
  permissionFindings,
  sensitiveFieldFindings,
  typingListenerFindings,
  noZhiqingFindings
]

/**
 * Build the Report of one page from its events. Never throws on odd events: a URL that does not parse is kept with
 * an empty host, a body that does not decode is read as text.
 */
export async function buildReport(input: ReportInput): Promise<Report> {
  const events = [...input.events].sort((a, b) => a.time - b.time)
  const consents = ofType(events, "consent")
  const fieldEvents = ofType(events, "field")
  const timeline = ConsentTimeline.ofPage(events)
  const known = await knownValueMatcher(knownValues(fieldEvents))
  const context: AnalysisContext = { pageHost: hostOf(input.url), timeline, configMap: new ConfigMap(timeline.config), known }

  const requests = []
  for (const request of mergeRequests(ofType(events, "request"))) requests.push(await analyseRequest(request, context))
  const cookies = analyseCookies(ofType(events, "cookie"), context)
  const storage: AnalysedStorage[] = ofType(events, "storage").map((event) => {
    const vendor = event.script ? vendorForUrl(event.script)?.vendor : undefined
    return { event, vendor, purpose: context.configMap.purposeOfVendor(vendor?.id) }
  })
  const fields = reportFields(fieldEvents)
  const facts: PageFacts = { context, requests, cookies, storage, apis: ofType(events, "api"), listeners: ofType(events, "listener"), fields }
  const findings = RULES.flatMap((rule) => rule(facts)).sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity])

  return {
    url: maskUrlWith(input.url, known),
    consent: timeline.latest,
    requests: requests.map((request) => request.report),
    cookies: reportCookies(cookies, context),
    fields,
    findings,
    consentLog: consents.map((event): ConsentLogEntry => ({ time: event.time, phase: event.phase, state: event.phase === "dialog-shown" ? null : usableState(event.state) })),
    generatedAt: new Date(input.now ?? Date.now()).toISOString()
  }
}
