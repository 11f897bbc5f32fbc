import { describe, expect, it } from "vitest"
import { parseCookieWrite } from "./cookie-write"

const NOW = Date.UTC(2026, 10, 25)

describe("reading a cookie write", () => {
  it("names the cookie and the domain it is set for, falling back to the host that set it", () => {
    expect(parseCookieWrite("Hm_lvt_abc=1764057600; path=/; domain=.baidu.com; SameSite=None; Secure", "hm.baidu.com", NOW)).toEqual({
      name: "Hm_lvt_abc",
      domain: ".baidu.com",
      partitioned: false,
      removed: false
    })
    expect(parseCookieWrite("cart=3", "shop.example.cn", NOW)).toMatchObject({ name: "cart", domain: "shop.example.cn" })
  })

  it("tells partitioned cookies and deletions apart", () => {
    expect(parseCookieWrite("__Host-sid=x; Secure; Path=/; Partitioned", "a.cn", NOW)?.partitioned).toBe(true)
    expect(parseCookieWrite("_ga=; Max-Age=0", "a.cn", NOW)?.removed).toBe(true)
    expect(parseCookieWrite("_ga=; expires=Thu, 01 Jan 1970 00:00:00 GMT", "a.cn", NOW)?.removed).toBe(true)
    expect(parseCookieWrite("_ga=1; expires=Thu, 01 Jan 2037 00:00:00 GMT", "a.cn", NOW)?.removed).toBe(false)
    // Max-Age wins over Expires, as in browsers.
    expect(parseCookieWrite("_ga=1; Max-Age=60; expires=Thu, 01 Jan 1970 00:00:00 GMT", "a.cn", NOW)?.removed).toBe(false)
  })

  it("ignores writes that name no cookie", () => {
    expect(parseCookieWrite("", "a.cn", NOW)).toBeUndefined()
    expect(parseCookieWrite("novalue", "a.cn", NOW)).toBeUndefined()
    expect(parseCookieWrite("=x", "a.cn", NOW)).toBeUndefined()
  })
})
