/**
 * Keeping the panel's Report fresh: ask the background for the tab's Report about once a second while the panel is
 * open, one question at a time, and pass on only Reports that changed.
 */
import type { Report } from "../report"

/** How often the panel asks, in milliseconds. */
export const POLL_INTERVAL_MS = 1000

/** Whether `value` has the shape of a Report, so a wrong answer gets a clear error instead of a broken panel. */
export function isReport(value: unknown): value is Report {
  const candidate = value as Partial<Report> | null
  return (
    typeof candidate === "object" &&
    candidate !== null &&
    typeof candidate.url === "string" &&
    Array.isArray(candidate.requests) &&
    Array.isArray(candidate.cookies) &&
    Array.isArray(candidate.findings)
  )
}

/**
 * What distinguishes one Report of a page from the next: the background rebuilds it on every question (with a new
 * `generatedAt`), and comparing whole 10,000-request Reports every second would cost more than rebuilding the view.
 */
export function reportSignature(report: Report & { consentLog?: unknown }): string {
  const evidence = report.findings.reduce((sum, finding) => sum + finding.evidence.length, 0)
  const log = Array.isArray(report.consentLog) ? report.consentLog.length : -1
  return [report.url, report.requests.length, report.cookies.length, report.fields.length, report.findings.length, evidence, report.consent?.id, report.consent?.decidedAt, log].join("|")
}

/** Callbacks of {@link watchReport}. */
export interface ReportWatcher {
  /** A Report that differs from the last one passed on. */
  onReport(report: Report): void
  /** The question failed or the answer was no Report; asking goes on. */
  onError(error: Error): void
}

/** Ask with `ask` now and then every `intervalMs` after each answer; the returned function stops it. */
export function watchReport(ask: () => Promise<unknown>, watcher: ReportWatcher, intervalMs = POLL_INTERVAL_MS): () => void {
  let stopped = false
  let timer: ReturnType<typeof setTimeout> | undefined
  let last = ""
  const round = async (): Promise<void> => {
    try {
      const answer = await ask()
      if (stopped) return
      if (!isReport(answer)) throw new Error("the background answered with something that is not a report")
      const signature = reportSignature(answer)
      if (signature !== last) {
        last = signature
        watcher.onReport(answer)
      }
    } catch (error) {
      if (!stopped) watcher.onError(error instanceof Error ? error : new Error(String(error)))
    }
    if (!stopped) timer = setTimeout(() => void round(), intervalMs)
  }
  void round()
  return () => {
    stopped = true
    clearTimeout(timer)
  }
}
