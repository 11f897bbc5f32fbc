import { describe, expect, it } from "vitest"
import type { SessionArea } from "../chrome"
import type { CollectionEvent, RequestEvent } from "../events"
import { MAX_BODY_TEXT } from "./limits"
import { LEAN_TEXT, MAX_EVENTS_PER_TAB, MAX_TEXT_PER_TAB, TabLogs } from "./tab-log"

/** Session storage that refuses everything, as when a flood has used up its quota: memory is all there is. */
const fullArea: SessionArea = {
  getAll: async () => ({}),
  set: async () => Promise.reject(new Error("QUOTA_BYTES quota exceeded")),
  remove: async () => undefined
}

const textIn = (events: readonly CollectionEvent[]) => events.reduce((sum, event) => sum + Object.values(event).reduce((each, value) => each + (typeof value === "string" ? value.length : 0), 0), 0)

describe("the per-tab log against a hostile page", () => {
  it("100,000 requests with 300 KB bodies and 64 KB URLs: at most 20,000 kept, their text within the stated bound", async () => {
    const logs = new TabLogs(fullArea)
    await logs.ready
    logs.startPage(3, "http://hostile.example/")
    const body = "x".repeat(300 * 1024)
    const url = "http://collector.example/?" + "q".repeat(64 * 1024)
    for (let index = 0; index < 100_000; index++) {
      const event: RequestEvent = { type: "request", time: index, url, method: "POST", channel: "fetch", body }
      logs.record(3, event)
    }
    const log = logs.get(3)!
    expect(log.events).toHaveLength(MAX_EVENTS_PER_TAB)
    expect(log.dropped).toBe(100_000 - MAX_EVENTS_PER_TAB)
    // The budget, one full-size event that crossed it, and every other event at the lean size for each of its texts.
    const bound = MAX_TEXT_PER_TAB + MAX_BODY_TEXT + url.length + MAX_EVENTS_PER_TAB * 5 * LEAN_TEXT
    const kept = textIn(log.events)
    console.log(`tab log after 100,000 hostile requests: ${log.events.length} events, ${(kept / 1024 / 1024).toFixed(1)} M characters of text (bound ${(bound / 1024 / 1024).toFixed(1)} M)`)
    expect(kept).toBeLessThanOrEqual(bound)
    // The first requests are kept whole (bodies at the 256 KB cap), so a page cannot hide what it sent first.
    expect(log.events[0]).toMatchObject({ url, body: body.slice(0, MAX_BODY_TEXT) })
    expect((log.events.at(-1) as RequestEvent).url).toHaveLength(LEAN_TEXT)
  })

  it("a body decoded later counts once: amending events does not use up the budget", async () => {
    const logs = new TabLogs(fullArea)
    await logs.ready
    const stored: RequestEvent[] = []
    for (let index = 0; index < 100; index++) logs.record(4, { type: "request", time: index, url: "http://a.example/", method: "POST", channel: "webRequest" }, (event) => stored.push(event as RequestEvent))
    const body = "y".repeat(100 * 1024)
    for (let round = 0; round < 5; round++) for (const event of stored) logs.amend(4, event, { body })
    // 100 bodies of 100 KB (10 M characters) fit the budget, however often they were amended.
    expect(logs.get(4)!.events.every((event) => (event as RequestEvent).body?.length === body.length)).toBe(true)
  })

  it("an event kept whole stays whole when its server's IP arrives after the budget is spent", async () => {
    const logs = new TabLogs(fullArea)
    await logs.ready
    const first: RequestEvent[] = []
    const body = "z".repeat(MAX_BODY_TEXT + 10)
    logs.record(5, { type: "request", time: 0, url: "http://collector.example/first", method: "POST", channel: "webRequest", body }, (event) => first.push(event as RequestEvent))
    // The budget is spent after 64 full bodies; 300 lean events (1 KB each) take the total past it by more than the first event holds.
    for (let index = 1; index <= MAX_TEXT_PER_TAB / MAX_BODY_TEXT + 300; index++) logs.record(5, { type: "request", time: index, url: "http://collector.example/", method: "POST", channel: "webRequest", body })
    const truncated = logs.get(5)!.truncatedBodies
    logs.amend(5, first[0]!, { ip: "203.0.113.9" })
    expect(logs.get(5)!.events[0]).toMatchObject({ ip: "203.0.113.9", body: body.slice(0, MAX_BODY_TEXT) })
    expect(logs.get(5)!.truncatedBodies).toBe(truncated)
  })
})
