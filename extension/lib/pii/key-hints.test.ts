import { describe, expect, it } from "vitest"
import { kindForKey, looksLikeAddress, looksLikeCoordinate, looksLikeName } from "./key-hints"

describe("what a payload key says about its value", () => {
  it.each([
    ["receiver_name", undefined, "name"],
    ["收货人", undefined, "name"],
    ["name", "consignee", "name"],
    ["name", "product", undefined],
    ["event_name", undefined, undefined],
    ["username", undefined, undefined],
    ["receiver_address", undefined, "address"],
    ["ip_address", undefined, undefined],
    ["email_address", undefined, undefined],
    ["lat", undefined, "location"],
    ["bankCardNo", undefined, "bank-card"],
    [undefined, undefined, undefined]
  ])("%s in %s → %s", (key, parent, kind) => expect(kindForKey(key, parent)).toBe(kind))

  it("checks that values look like what the key promises", () => {
    expect(looksLikeName("欧阳·娜娜")).toBe(true)
    expect(looksLikeName("page_view")).toBe(false)
    expect(looksLikeAddress("100 Century Avenue, Pudong")).toBe(true)
    expect(looksLikeAddress("https://example.cn/a")).toBe(false)
    expect(looksLikeAddress("fe80::1")).toBe(false)
    expect(looksLikeCoordinate("31.2304,121.4737")).toBe(true)
    expect(looksLikeCoordinate("200.1234")).toBe(false)
    expect(looksLikeCoordinate("12")).toBe(false)
  })
})
