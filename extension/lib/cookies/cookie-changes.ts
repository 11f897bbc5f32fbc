/**
 * The browser's own record of cookie changes (chrome.cookies.onChanged), matched to the tabs they belong to. It
 * catches what the other collectors cannot see (cookies written by the Cookie Store API, by service workers, or in
 * frames the probe did not reach) and tells partitioned cookies. A change the probe or a Set-Cookie header already
 * reported is not reported twice.
 */
import { hostOf } from "../domains"
import type { CollectionEvent, CookieEvent } from "../events"
import type { TabLog } from "../tabs/tab-log"

/** How long after a change the other collectors' reports of it may still arrive (the probe batches). */
export const SETTLE_MS = 1500
/** Reports of the same write this close together are one write. */
const SAME_WRITE_MS = 5000

/** Does a cookie for `domain` (".baidu.com" or "hm.baidu.com") belong to `host`'s requests? */
export function domainMatches(domain: string, host: string): boolean {
  const bare = domain.replace(/^\./, "").toLowerCase()
  const name = host.toLowerCase()
  return name === bare || name.endsWith(`.${bare}`)
}

/** The change as an event; undefined for the removal half of an overwrite, which is not a deletion. */
export function cookieChangeEvent(change: chrome.cookies.CookieChangeInfo, time: number): CookieEvent | undefined {
  if (change.removed && change.cause === "overwrite") return undefined
  const { cookie } = change
  // Without a header or a script call to go by, only httpOnly proves the server set it.
  const event: CookieEvent = { type: "cookie", time, name: cookie.name, domain: cookie.domain, setBy: cookie.httpOnly ? "http" : "script", removed: change.removed }
  if (cookie.partitionKey) event.partitioned = true
  return event
}

/** The event already in `events` that reports the same write, if any. */
export function sameWrite(events: readonly CollectionEvent[], event: CookieEvent): CookieEvent | undefined {
  const domain = event.domain.replace(/^\./, "")
  for (let at = events.length - 1; at >= 0; at--) {
    const other = events[at]!
    if (other.time < event.time - SAME_WRITE_MS) break
    if (other.type === "cookie" && other.name === event.name && other.removed === event.removed && other.domain.replace(/^\./, "") === domain) return other
  }
  return undefined
}

/** Whether the tab's page is on the cookie's domain or made a request there. */
export function tabConcerned(log: Readonly<TabLog>, domain: string): boolean {
  if (domainMatches(domain, hostOf(log.url))) return true
  return log.events.some((event) => event.type === "request" && domainMatches(domain, hostOf(event.url)))
}

/** The per-tab logs, as far as cookie changes need them. */
export interface CookieChangeLogs {
  tabIds(): number[]
  get(tabId: number): Readonly<TabLog> | undefined
  record(tabId: number, event: CollectionEvent): void
  amend(tabId: number, stored: CookieEvent, patch: Partial<CookieEvent>): void
}

/**
 * Record a change in the pages it concerns once the other collectors had `settle` to report it first. Only the page
 * each tab showed when the change happened is told: a page that replaced it meanwhile (a quick navigation, the
 * consent scan's next load) did not make the change, and would otherwise be charged with its predecessor's cookies.
 */
export function recordCookieChange(logs: CookieChangeLogs, event: CookieEvent, settle: (then: () => void) => void): void {
  const shown = new Map(logs.tabIds().map((tabId) => [tabId, logs.get(tabId)]))
  settle(() => {
    for (const [tabId, page] of shown) {
      const log = logs.get(tabId)
      if (!log || log !== page || !tabConcerned(log, event.domain)) continue
      const reported = sameWrite(log.events, event)
      if (!reported) logs.record(tabId, { ...event })
      else if (event.partitioned && !reported.partitioned) logs.amend(tabId, reported, { partitioned: true })
    }
  })
}
