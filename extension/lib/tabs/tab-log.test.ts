import { describe, expect, it } from "vitest"
import { MAX_EVENTS_PER_TAB, record, startPage, tabLog } from "./tab-log"

describe("the per-tab log", () => {
  it("starts afresh on each page and stops keeping events past its cap, counting what it dropped", () => {
    startPage(7, "http://shop.example.cn/")
    for (let index = 0; index < MAX_EVENTS_PER_TAB + 5; index++) record(7, { type: "request", time: index, url: "http://hm.baidu.com/hm.gif", method: "GET", channel: "webRequest" })
    expect(tabLog(7)?.events).toHaveLength(MAX_EVENTS_PER_TAB)
    expect(tabLog(7)?.dropped).toBe(5)
    startPage(7, "http://shop.example.cn/cart")
    expect(tabLog(7)).toEqual({ url: "http://shop.example.cn/cart", events: [], dropped: 0 })
  })
})
