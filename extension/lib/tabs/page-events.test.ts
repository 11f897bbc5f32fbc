import { describe, expect, it } from "vitest"
import { pageEvent, pageEvents } from "./page-events"

describe("events a page sends", () => {
  it("keeps the events a probe writes", () => {
    const events = [
      { type: "request", time: 1, url: "http://hm.baidu.com/hm.gif?si=1", method: "GET", channel: "image", script: "http://hm.baidu.com/hm.js" },
      { type: "cookie", time: 2, name: "Hm_lvt_1", domain: "localhost", setBy: "script", removed: false, partitioned: true },
      { type: "storage", time: 3, area: "localStorage", key: "sensorsdata" },
      { type: "api", time: 4, api: "geolocation" },
      { type: "listener", time: 5, event: "keydown", selector: "#mobile" },
      { type: "consent", time: 6, phase: "ready", state: null },
      { type: "config", time: 7, config: { purposes: [] } },
      { type: "field", time: 8, selector: "#mobile", name: "mobile", value: "13912345678" }
    ]
    expect(pageEvents({ events })).toEqual({ events, lost: 0 })
  })

  it("rejects what a page could forge or break: network-side events, unknown kinds, wrong types", () => {
    expect(pageEvent({ type: "request", time: 1, url: "http://a.cn/", method: "GET", channel: "webRequest" })).toBeUndefined()
    expect(pageEvent({ type: "cookie", time: 1, name: "a", domain: "a.cn", setBy: "http", removed: false })).toBeUndefined()
    expect(pageEvent({ type: "api", time: 1, api: "battery" })).toBeUndefined()
    expect(pageEvent({ type: "request", time: "now", url: "http://a.cn/", method: "GET", channel: "fetch" })).toBeUndefined()
    expect(pageEvent({ type: "field", time: 1, selector: 5 })).toBeUndefined()
    expect(pageEvent("x")).toBeUndefined()
    expect(pageEvents({ nothing: true })).toBe('a "page-events" message needs body.events, an array of events')
  })

  it("counts what a page could not send: events past the message limit and those the probe says it dropped", () => {
    const events = Array.from({ length: 2500 }, (_, time) => ({ type: "api", time, api: "canvas-read" }))
    const parsed = pageEvents({ events, lost: 40 })
    expect(typeof parsed !== "string" && [parsed.events.length, parsed.lost]).toEqual([2000, 540])
    expect(pageEvents({ events: [], lost: -5 })).toEqual({ events: [], lost: 0 })
    expect(pageEvents({ events: [], lost: "many" })).toEqual({ events: [], lost: 0 })
  })

  it("cuts oversized text", () => {
    const event = pageEvent({ type: "listener", time: 1, event: "input", selector: "x".repeat(100_000) })
    expect(event?.type === "listener" && event.selector.length).toBe(8 * 1024)
  })
})
