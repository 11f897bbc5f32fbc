import { describe, expect, it } from "vitest"
import { isThirdParty, registrableDomain } from "./domains"

describe("registrable domains", () => {
  it.each([
    ["hm.baidu.com", "baidu.com"],
    ["www.shop.com.cn", "shop.com.cn"],
    ["img.alicdn.com", "alicdn.com"],
    ["localhost", "localhost"],
    ["127.0.0.1", "127.0.0.1"],
    ["a.b.example.co.uk", "example.co.uk"]
  ])("%s belongs to %s", (host, domain) => expect(registrableDomain(host)).toBe(domain))

  it("tells a shop's own subdomains from third parties", () => {
    expect(isThirdParty("static.shop.com.cn", "www.shop.com.cn")).toBe(false)
    expect(isThirdParty("hm.baidu.com", "www.shop.com.cn")).toBe(true)
  })
})
