/**
 * What each tab's page has done so far, in time order, kept in the service worker's memory. Bounded so a page that
 * sends a flood of requests cannot exhaust memory: past the cap, events are counted but not kept.
 */
import type { CollectionEvent } from "../events"

export const MAX_EVENTS_PER_TAB = 20_000

interface TabLog {
  url: string
  events: CollectionEvent[]
  dropped: number
}

const logs = new Map<number, TabLog>()

export function startPage(tabId: number, url: string): void {
  logs.set(tabId, { url, events: [], dropped: 0 })
}

export function record(tabId: number, event: CollectionEvent): void {
  const log = logs.get(tabId)
  if (!log) return
  if (log.events.length < MAX_EVENTS_PER_TAB) log.events.push(event)
  else log.dropped++
}

export function tabLog(tabId: number): Readonly<TabLog> | undefined {
  return logs.get(tabId)
}

export function forgetTab(tabId: number): void {
  logs.delete(tabId)
}
