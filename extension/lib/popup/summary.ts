/** The popup's view of a Report: a verdict and the few counts a shopper or merchant looks at first. */
import { registrableDomain } from "../domains"
import type { Finding, PiKind, Report, ReportRequest } from "../report"

export type Verdict = "problems" | "warnings" | "clean"

export interface PopupSummary {
  verdict: Verdict
  /**
   * Third-party recipients (by company when known, else by site): in mainland China, abroad, and where nothing tells
   * (never counted as in China).
   */
  thirdParties: { china: number; abroad: number; unknown: number }
  /** Trackers that were contacted before the shopper decided. */
  trackersBeforeConsent: number
  /** Requests to third parties that carried personal information, and the kinds it was. */
  piLeaving: { requests: number; kinds: PiKind[] }
  sensitiveFields: number
  /** The most severe findings first. */
  topFindings: Finding[]
}

export const TOP_FINDINGS = 5

type Place = "china" | "unknown" | "abroad"

/** Where one request went; a Report made before destinations carried their basis knows only abroad or not. */
function placeOf(request: ReportRequest): Place {
  if (request.crossBorder) return "abroad"
  return request.crossBorderBasis === "unknown" ? "unknown" : "china"
}

/** A recipient seen abroad once is abroad; one whose location nothing tells is not thereby in China. */
const PLACE_WEIGHT: Record<Place, number> = { china: 0, unknown: 1, abroad: 2 }

export function summarize(report: Report): PopupSummary {
  const recipients = new Map<string, Place>()
  const early = new Set<string>()
  const kinds = new Set<PiKind>()
  let piRequests = 0
  for (const request of report.requests) {
    if (!request.thirdParty) continue
    const recipient = request.tracker?.company ?? registrableDomain(request.host)
    const place = placeOf(request)
    const known = recipients.get(recipient)
    if (!known || PLACE_WEIGHT[place] > PLACE_WEIGHT[known]) recipients.set(recipient, place)
    if (request.tracker && request.beforeConsent) early.add(request.tracker.id)
    if (request.pii.length) {
      piRequests++
      for (const pi of request.pii) kinds.add(pi.kind)
    }
  }
  const places = [...recipients.values()]
  const count = (place: Place) => places.filter((candidate) => candidate === place).length
  const severities = new Set(report.findings.map((finding) => finding.severity))
  return {
    verdict: severities.has("high") ? "problems" : severities.has("medium") ? "warnings" : "clean",
    thirdParties: { china: count("china"), abroad: count("abroad"), unknown: count("unknown") },
    trackersBeforeConsent: early.size,
    piLeaving: { requests: piRequests, kinds: [...kinds] },
    sensitiveFields: report.fields.filter((field) => field.sensitive).length,
    topFindings: report.findings.slice(0, TOP_FINDINGS)
  }
}
