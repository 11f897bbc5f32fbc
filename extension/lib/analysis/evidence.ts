/**
 * Evidence lines: what happened, when, from which script, and the consent in force at that moment. URLs arrive
 * here already masked.
 */
import type { ApiEvent, CookieEvent, ListenerEvent, StorageEvent } from "../events"
import type { Finding } from "../report"
import type { AnalysedRequest } from "./requests"
import type { ConsentTimeline } from "./consent-timeline"
import { maskText } from "./mask-url"

/** A finding lists at most this many lines of evidence, then says how many more there were. */
export const MAX_EVIDENCE_LINES = 20

export function isoTime(time: number): string {
  const date = new Date(time)
  return Number.isNaN(date.getTime()) ? `time ${time}` : date.toISOString()
}

function scriptNote(script: string | undefined): string {
  return script ? ` — script ${maskText(script)}` : ""
}

export function requestEvidence({ report }: AnalysedRequest, timeline: ConsentTimeline): string {
  const pii = report.pii.length
    ? ` — carries ${report.pii.map((pi) => `${pi.kind} ${pi.masked} at ${pi.where}${pi.encoding && pi.encoding !== "plain" ? ` (${pi.encoding})` : ""}`).join("; ")}`
    : ""
  const initiator = report.initiator ? ` — script ${report.initiator}` : ""
  return `${isoTime(report.time)} ${report.method} ${report.url}${initiator}${pii} — ${timeline.summary(report.time)}`
}

export function cookieEvidence(event: CookieEvent, timeline: ConsentTimeline): string {
  return `${isoTime(event.time)} cookie ${event.name} set on ${event.domain} by ${event.setBy}${scriptNote(event.script)} — ${timeline.summary(event.time)}`
}

export function storageEvidence(event: StorageEvent, timeline: ConsentTimeline): string {
  return `${isoTime(event.time)} ${event.area} write "${maskText(event.key)}"${scriptNote(event.script)} — ${timeline.summary(event.time)}`
}

export function apiEvidence(event: ApiEvent, timeline: ConsentTimeline): string {
  return `${isoTime(event.time)} ${event.api} used${scriptNote(event.script)} — ${timeline.summary(event.time)}`
}

export function listenerEvidence(event: ListenerEvent, heard: string, timeline: ConsentTimeline): string {
  const on = event.selector === "window" || event.selector === "document" ? `the whole ${event.selector}, which hears ${heard}` : heard
  return `${isoTime(event.time)} ${event.event} listener on ${on}${scriptNote(event.script)} — ${timeline.summary(event.time)}`
}

/** Evidence lines, capped; a finding is only made when there is at least one. */
export function capEvidence(lines: readonly string[]): string[] {
  if (lines.length <= MAX_EVIDENCE_LINES) return [...lines]
  return [...lines.slice(0, MAX_EVIDENCE_LINES), `… and ${lines.length - MAX_EVIDENCE_LINES} more`]
}

/** A finding, or none when there is no evidence for it. */
export function finding(rule: string, severity: Finding["severity"], message: Finding["message"], lines: readonly string[]): Finding[] {
  return lines.length ? [{ rule, severity, message, evidence: capEvidence(lines) }] : []
}
