import { describe, expect, it } from "vitest"
import type { CollectionEvent } from "../events"
import { cookieChangeEvent, domainMatches, sameWrite, tabConcerned } from "./cookie-changes"

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
})
