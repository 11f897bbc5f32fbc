import { describe, expect, it } from "vitest"
import { isThirdParty, registrableDomain } from "./domains"

describe("registrable domains", () => {
  it.each([
    ["hm.baidu.com", "baidu.com"],
    ["www.shop.com.cn", "shop.com.cn"],
    ["a.b.shop.net.cn", "shop.net.cn"],
    ["www.example.org.cn", "example.org.cn"],
    ["www.beian.gov.cn", "beian.gov.cn"],
    ["shop.example.cn", "example.cn"],
    ["www.store.com.hk", "store.com.hk"],
    ["img.alicdn.com", "alicdn.com"],
    ["localhost", "localhost"],
    ["shop.localhost", "shop.localhost"],
    ["hm.baidu.com.localhost", "baidu.com.localhost"],
    ["127.0.0.1", "127.0.0.1"],
    ["[::1]", "[::1]"],
    ["a.b.example.co.uk", "example.co.uk"],
    ["WWW.Example.COM.", "example.com"]
  ])("%s belongs to %s", (host, domain) => expect(registrableDomain(host)).toBe(domain))

  it("tells a shop's own subdomains from third parties", () => {
    expect(isThirdParty("static.shop.com.cn", "www.shop.com.cn")).toBe(false)
    expect(isThirdParty("hm.baidu.com", "www.shop.com.cn")).toBe(true)
    expect(isThirdParty("other.com.cn", "shop.com.cn")).toBe(true)
    expect(isThirdParty("hm.baidu.com.localhost", "localhost")).toBe(true)
  })
})
