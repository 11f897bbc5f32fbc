import { describe, expect, it } from "vitest"
import type { CollectionEvent, CookieEvent } from "../events"
import type { TabLog } from "../tabs/tab-log"
import { cookieChangeEvent, domainMatches, recordCookieChange, sameWrite, tabConcerned, type CookieChangeLogs } from "./cookie-changes"

const cookie = (overrides: Partial<chrome.cookies.Cookie> = {}): chrome.cookies.Cookie =>
  ({ name: "Hm_lvt_1", value: "1", domain: ".baidu.com", hostOnly: false, path: "/", secure: false, httpOnly: false, sameSite: "lax", session: true, storeId: "0", ...overrides }) as chrome.cookies.Cookie

describe("cookie changes the browser reports", () => {
  it("matches cookie domains to hosts like browsers do", () => {
    expect(domainMatches(".baidu.com", "hm.baidu.com")).toBe(true)
    expect(domainMatches("baidu.com", "baidu.com")).toBe(true)
    expect(domainMatches(".baidu.com", "notbaidu.com")).toBe(false)
  })

  it("tells partitioned cookies, HTTP-only ones and deletions, and skips the removal half of an overwrite", () => {
    expect(cookieChangeEvent({ cookie: cookie({ partitionKey: { topLevelSite: "http://a.cn" } }), removed: false, cause: "explicit" }, 5)).toEqual({
      type: "cookie",
      time: 5,
      name: "Hm_lvt_1",
      domain: ".baidu.com",
      setBy: "script",
      removed: false,
      partitioned: true
    })
    expect(cookieChangeEvent({ cookie: cookie({ httpOnly: true }), removed: false, cause: "explicit" }, 5)?.setBy).toBe("http")
    expect(cookieChangeEvent({ cookie: cookie(), removed: true, cause: "explicit" }, 5)?.removed).toBe(true)
    expect(cookieChangeEvent({ cookie: cookie(), removed: true, cause: "overwrite" }, 5)).toBeUndefined()
  })

  it("does not report a write twice when a Set-Cookie header or the probe already did", () => {
    const events: CollectionEvent[] = [
      { type: "request", time: 1000, url: "http://hm.baidu.com/hm.js", method: "GET", channel: "webRequest" },
      { type: "cookie", time: 1100, name: "Hm_lvt_1", domain: "baidu.com", setBy: "http", removed: false }
    ]
    const change = cookieChangeEvent({ cookie: cookie(), removed: false, cause: "explicit" }, 1200)!
    expect(sameWrite(events, change)).toBe(events[1])
    expect(sameWrite(events, { ...change, name: "other" })).toBeUndefined()
    expect(tabConcerned({ url: "http://localhost:4173/", events, dropped: 0, truncatedBodies: 0 }, ".baidu.com")).toBe(true)
    expect(tabConcerned({ url: "http://localhost:4173/", events, dropped: 0, truncatedBodies: 0 }, ".qq.com")).toBe(false)
  })

  it("charges a change to the page shown when it happened, not to one that replaced it before the change settled", () => {
    const page = (url: string): TabLog => ({ url, events: [], dropped: 0, truncatedBodies: 0 })
    const logs = new Map<number, TabLog>([[1, page("http://localhost:4173/?leaky=1")]])
    const recorded: Array<[number, string, CollectionEvent]> = []
    const tabs: CookieChangeLogs = {
      tabIds: () => [...logs.keys()],
      get: (tabId) => logs.get(tabId),
      record: (tabId, event) => void recorded.push([tabId, logs.get(tabId)!.url, event]),
      amend: () => undefined
    }
    const write: CookieEvent = { type: "cookie", time: 1, name: "Hm_lvt_1", domain: "localhost", setBy: "script", removed: false }
    let settle: () => void = () => undefined
    recordCookieChange(tabs, write, (then) => (settle = then))
    logs.set(1, page("http://localhost:4173/gated.html"))
    settle()
    expect(recorded).toEqual([])
    recordCookieChange(tabs, write, (then) => (settle = then))
    settle()
    expect(recorded).toEqual([[1, "http://localhost:4173/gated.html", write]])
  })
})
