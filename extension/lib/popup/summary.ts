/** The popup's view of a Report: a verdict and the few counts a shopper or merchant looks at first. */
import { registrableDomain } from "../domains"
import type { Finding, PiKind, Report } from "../report"

export type Verdict = "problems" | "warnings" | "clean"

export interface PopupSummary {
  verdict: Verdict
  /** Third-party recipients (by company when known, else by site), in mainland China and abroad. */
  thirdParties: { china: number; abroad: number }
  /** Trackers that were contacted before the shopper decided. */
  trackersBeforeConsent: number
  /** Requests to third parties that carried personal information, and the kinds it was. */
  piLeaving: { requests: number; kinds: PiKind[] }
  sensitiveFields: number
  /** The most severe findings first. */
  topFindings: Finding[]
}

export const TOP_FINDINGS = 5

export function summarize(report: Report): PopupSummary {
  const recipients = new Map<string, boolean>()
  const early = new Set<string>()
  const kinds = new Set<PiKind>()
  let piRequests = 0
  for (const request of report.requests) {
    if (!request.thirdParty) continue
    const recipient = request.tracker?.company ?? registrableDomain(request.host)
    recipients.set(recipient, (recipients.get(recipient) ?? false) || request.crossBorder)
    if (request.tracker && request.beforeConsent) early.add(request.tracker.id)
    if (request.pii.length) {
      piRequests++
      for (const pi of request.pii) kinds.add(pi.kind)
    }
  }
  const abroad = [...recipients.values()].filter(Boolean).length
  const severities = new Set(report.findings.map((finding) => finding.severity))
  return {
    verdict: severities.has("high") ? "problems" : severities.has("medium") ? "warnings" : "clean",
    thirdParties: { china: recipients.size - abroad, abroad },
    trackersBeforeConsent: early.size,
    piLeaving: { requests: piRequests, kinds: [...kinds] },
    sensitiveFields: report.fields.filter((field) => field.sensitive).length,
    topFindings: report.findings.slice(0, TOP_FINDINGS)
  }
}
