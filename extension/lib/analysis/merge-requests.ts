/**
 * One request per request: webRequest and the page probe may both report the same one. They are the same when
 * URL and method agree and they happened close together; the merged record keeps the richer details of each.
 */
import type { RequestEvent } from "../events"

/** How far apart the two sightings of one request may be. */
export const SAME_REQUEST_WINDOW_MS = 2000

function side(event: RequestEvent): "network" | "page" {
  return event.channel === "webRequest" ? "network" : "page"
}

function longer(a: string | undefined, b: string | undefined): string | undefined {
  return (b?.length ?? 0) > (a?.length ?? 0) ? b : a
}

function merge(kept: RequestEvent, other: RequestEvent): RequestEvent {
  const [page, network] = side(kept) === "page" ? [kept, other] : [other, kept]
  const body = longer(page.body, network.body)
  return {
    ...network,
    ...page,
    time: Math.min(kept.time, other.time),
    body,
    bodyEncoding: body === network.body ? network.bodyEncoding : page.bodyEncoding,
    script: page.script ?? network.script,
    ip: network.ip ?? page.ip,
    resourceType: network.resourceType ?? page.resourceType
  }
}

/** The requests with duplicate sightings merged, in time order. */
export function mergeRequests(events: readonly RequestEvent[]): RequestEvent[] {
  const merged: Array<{ event: RequestEvent; sides: Set<string> }> = []
  const open = new Map<string, number[]>()
  for (const event of [...events].sort((a, b) => a.time - b.time)) {
    const key = `${event.method.toUpperCase()} ${event.url}`
    const candidates = open.get(key) ?? []
    const index = candidates.find((at) => {
      const entry = merged[at]!
      return !entry.sides.has(side(event)) && Math.abs(entry.event.time - event.time) <= SAME_REQUEST_WINDOW_MS
    })
    if (index === undefined) {
      candidates.push(merged.length)
      open.set(key, candidates)
      merged.push({ event, sides: new Set([side(event)]) })
    } else {
      const entry = merged[index]!
      entry.event = merge(entry.event, event)
      entry.sides.add(side(event))
    }
  }
  return merged.map((entry) => entry.event)
}
