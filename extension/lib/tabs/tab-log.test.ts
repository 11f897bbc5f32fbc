import { afterEach, describe, expect, it, vi } from "vitest"
import type { SessionArea } from "../chrome"
import type { RequestEvent } from "../events"
import { MAX_BODY_TEXT } from "./limits"
import { CHUNK_EVENTS } from "./saved-logs"
import { MAX_EVENTS_PER_TAB, SAVE_DELAY_MS, TabLogs } from "./tab-log"

/** Session storage as Chrome keeps it: JSON copies, optionally with a quota. */
function memoryArea(saved: Record<string, unknown> = {}, quota = Infinity): SessionArea & { items: Record<string, unknown> } {
  const items: Record<string, unknown> = structuredClone(saved)
  return {
    items,
    getAll: async () => structuredClone(items),
    async set(update) {
      const next = { ...items, ...structuredClone(update) }
      if (JSON.stringify(next).length > quota) throw new Error("QUOTA_BYTES quota exceeded")
      Object.assign(items, next)
    },
    async remove(keys) {
      for (const key of keys) delete items[key]
    }
  }
}

const pixel = (time: number, body?: string): RequestEvent => ({ type: "request", time, url: "http://hm.baidu.com/hm.gif", method: "GET", channel: "webRequest", ...(body ? { body } : {}) })

afterEach(() => vi.useRealTimers())

describe("the per-tab log", () => {
  it("starts afresh on each page and stops keeping events past its cap, counting what it dropped", async () => {
    const logs = new TabLogs(memoryArea())
    await logs.ready
    logs.startPage(7, "http://shop.example.cn/")
    for (let index = 0; index < MAX_EVENTS_PER_TAB + 5; index++) logs.record(7, pixel(index))
    expect(logs.get(7)?.events).toHaveLength(MAX_EVENTS_PER_TAB)
    expect(logs.get(7)?.dropped).toBe(5)
    logs.startPage(7, "http://shop.example.cn/cart")
    expect(logs.get(7)).toEqual({ url: "http://shop.example.cn/cart", events: [], dropped: 0, truncatedBodies: 0 })
  })

  it("adds the events a page lost on its way to the log to what it dropped", async () => {
    const logs = new TabLogs(memoryArea())
    await logs.ready
    logs.startPage(4, "http://shop.example.cn/")
    logs.countDropped(4, 98_000)
    logs.countDropped(4, 12)
    expect(logs.get(4)?.dropped).toBe(98_012)
    // A frame's flood can arrive before the tab's navigation is seen: the count is kept all the same.
    logs.countDropped(9, 3)
    expect(logs.get(9)?.dropped).toBe(3)
  })

  it("hands each page's log to its listeners when a navigation replaces it, so a canary run can follow a form post", async () => {
    const logs = new TabLogs(memoryArea())
    await logs.ready
    const ended: Array<[number, string, number]> = []
    logs.onPageEnd((tabId, log) => ended.push([tabId, log.url, log.events.length]))
    logs.startPage(3, "http://shop.example.cn/checkout")
    logs.record(3, pixel(1))
    logs.startPage(3, "http://shop.example.cn/order")
    expect(ended).toEqual([[3, "http://shop.example.cn/checkout", 1]])
  })

  it("cuts request bodies at 256 KB and counts them", async () => {
    const logs = new TabLogs(memoryArea())
    logs.record(1, pixel(1, "x".repeat(MAX_BODY_TEXT + 1)))
    await logs.ready
    const [event] = logs.get(1)!.events as RequestEvent[]
    expect(event!.body).toHaveLength(MAX_BODY_TEXT)
    expect(logs.get(1)?.truncatedBodies).toBe(1)
  })

  it("completes a kept event later (the server's IP arrives with the response)", async () => {
    const logs = new TabLogs(memoryArea())
    let kept: RequestEvent | undefined
    logs.record(3, pixel(1), (stored) => (kept = stored as RequestEvent))
    await logs.ready
    logs.amend(3, kept!, { ip: "127.0.0.1" })
    expect((logs.get(3)!.events[0] as RequestEvent).ip).toBe("127.0.0.1")
  })

  it("leaves an event alone once its page is gone, and completes one restored after a restart", async () => {
    vi.useFakeTimers()
    const area = memoryArea()
    const logs = new TabLogs(area)
    let old: RequestEvent | undefined
    logs.record(3, pixel(1), (stored) => (old = stored as RequestEvent))
    await logs.ready
    logs.startPage(3, "http://shop.example.cn/next")
    logs.amend(3, old!, { ip: "127.0.0.1" })
    expect(old!.ip).toBeUndefined()
    logs.record(3, pixel(2))
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS)
    const restarted = new TabLogs(area)
    await restarted.ready
    const restored = restarted.get(3)!.events[0] as RequestEvent
    restarted.amend(3, restored, { ip: "127.0.0.2" })
    expect((restarted.get(3)!.events[0] as RequestEvent).ip).toBe("127.0.0.2")
  })

  it("survives a service-worker restart: what was saved is back, and events that arrive meanwhile wait for it", async () => {
    vi.useFakeTimers()
    const area = memoryArea()
    const before = new TabLogs(area)
    await before.ready
    before.startPage(9, "http://shop.example.cn/")
    before.record(9, pixel(1))
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS)
    const after = new TabLogs(area)
    after.record(9, pixel(2))
    await after.ready
    expect(after.get(9)?.url).toBe("http://shop.example.cn/")
    expect(after.get(9)?.events.map((event) => event.time)).toEqual([1, 2])
    after.forget(9)
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS)
    expect(area.items).toEqual({})
  })

  it("degrades when session storage is full: bodies are cut for storage, the memory copy keeps them", async () => {
    vi.useFakeTimers()
    const area = memoryArea({}, 20_000)
    const logs = new TabLogs(area)
    await logs.ready
    logs.record(4, pixel(1, "y".repeat(50_000)))
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS)
    const restarted = new TabLogs(area)
    await restarted.ready
    expect(((restarted.get(4)!.events[0] as RequestEvent).body ?? "").length).toBe(2048)
    expect((logs.get(4)!.events[0] as RequestEvent).body).toHaveLength(50_000)
  })

  it("a save writes what changed, not the whole log: more events rewrite the last chunk only", async () => {
    vi.useFakeTimers()
    const area = memoryArea()
    const writes: Array<Record<string, unknown>> = []
    const logs = new TabLogs({ ...area, set: (items) => (writes.push(items), area.set(items)) })
    await logs.ready
    for (let time = 0; time < 2 * CHUNK_EVENTS + 10; time++) logs.record(6, pixel(time))
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS)
    logs.record(6, pixel(9999))
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS)
    const eventsWritten = (items: Record<string, unknown>) => Object.values(items).reduce((sum: number, value) => sum + (Array.isArray(value) ? value.length : 0), 0)
    expect(writes.map(eventsWritten)).toEqual([2 * CHUNK_EVENTS + 10, 11])
    const restarted = new TabLogs(area)
    await restarted.ready
    expect(restarted.get(6)!.events.map((event) => event.time)).toEqual([...Array.from({ length: 2 * CHUNK_EVENTS + 10 }, (_, time) => time), 9999])
  })

  it("a new page's log replaces the old page's copy, and a copy with a chunk missing is not restored", async () => {
    vi.useFakeTimers()
    const area = memoryArea()
    const logs = new TabLogs(area)
    await logs.ready
    for (let time = 0; time < CHUNK_EVENTS + 1; time++) logs.record(7, pixel(time))
    logs.record(8, pixel(1))
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS)
    logs.startPage(7, "http://shop.example.cn/next")
    logs.record(7, pixel(5000))
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS)
    delete area.items["tab:8:0"]
    const restarted = new TabLogs(area)
    await restarted.ready
    expect(restarted.get(7)).toMatchObject({ url: "http://shop.example.cn/next", events: [pixel(5000)] })
    expect(Object.keys(area.items).filter((key) => key.startsWith("tab:7")).sort()).toEqual(["tab:7", "tab:7:0"])
    expect(restarted.get(8)).toBeUndefined()
  })

  it("a save that starts while the last one is still writing waits for it, so a new page leaves no old chunk behind", async () => {
    const area = memoryArea()
    let release: () => void = () => undefined
    const held = new Promise<void>((resolve) => (release = resolve))
    let first = true
    const logs = new TabLogs({
      ...area,
      async set(items) {
        if (first) {
          first = false
          await held
        }
        return area.set(items)
      }
    })
    await logs.ready
    for (let time = 0; time < CHUNK_EVENTS + 1; time++) logs.record(5, pixel(time))
    const writing = logs.save()
    logs.startPage(5, "http://shop.example.cn/next")
    const next = logs.save()
    release()
    await Promise.all([writing, next])
    expect(Object.keys(area.items).sort()).toEqual(["tab:5"])
  })

  it("starts empty when session storage cannot be read", async () => {
    const logs = new TabLogs({ ...memoryArea(), getAll: () => Promise.reject(new Error("no storage")) })
    await logs.ready
    expect(logs.tabIds()).toEqual([])
  })
})
