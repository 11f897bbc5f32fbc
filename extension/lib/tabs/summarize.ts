/**
 * A tab's requests as a Report: who was contacted and whether they are third parties. Tracker identification,
 * personal-data detection, the consent timeline and findings build on this in the analysis library.
 */
import { isThirdParty } from "../domains"
import type { CollectionEvent, RequestEvent } from "../events"
import type { Report } from "../report"

export function summarize(url: string, events: readonly CollectionEvent[]): Report {
  const pageHost = url ? new URL(url).hostname : ""
  const requests = events
    .filter((event): event is RequestEvent => event.type === "request")
    .map((event) => {
      const host = new URL(event.url).hostname
      return { url: event.url, host, method: event.method, time: event.time, thirdParty: isThirdParty(host, pageHost), crossBorder: false, beforeConsent: false, pii: [] }
    })
  return { url, consent: null, requests, cookies: [], fields: [], findings: [], generatedAt: new Date().toISOString() }
}
