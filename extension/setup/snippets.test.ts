import { describe, expect, it } from "vitest"
import { VENDORS, vendorById } from "../lib/vendors"
import { gateSnippet, standardSnippet } from "./snippets"

describe("vendor snippets", () => {
  it("gives a vendor's documented tag, with the merchant's id left to fill in", () => {
    expect(standardSnippet(vendorById("baidu-tongji")!)).toBe('<script src="https://hm.baidu.com/hm.js?…" async></script>')
  })

  it("writes a tag for every vendor of the catalog, on one of that vendor's own hosts", () => {
    for (const vendor of VENDORS) {
      const host = new URL(/src="([^"]+)"/.exec(standardSnippet(vendor))![1]!.replace(/…/g, "x")).hostname
      expect(vendor.domains.some((domain) => host === domain || host.endsWith("." + domain)), `${vendor.id}: ${host}`).toBe(true)
    }
  })

  it("falls back to the vendor's script path, or its first host with the path left to fill in", () => {
    const cloudflare = vendorById("cloudflare-insights")!
    expect(standardSnippet(cloudflare)).toBe('<script src="https://cloudflareinsights.com/…" async></script>')
    expect(standardSnippet({ ...cloudflare, paths: ["/cdn-cgi/rum", "/beacon.min.js"] })).toBe('<script src="https://cloudflareinsights.com/beacon.min.js" async></script>')
  })

  it("holds a script back until its purpose is allowed", () => {
    expect(gateSnippet('<script src="https://hm.baidu.com/hm.js?x" async></script>', "analytics")).toBe(
      '<script type="text/plain" data-zhiqing="analytics" src="https://hm.baidu.com/hm.js?x" async></script>'
    )
  })

  it("replaces a script's own type and an earlier gate, and gates inline code too", () => {
    const html = `<script type="text/javascript" data-zhiqing='old'>var _hmt = [];</script>`
    expect(gateSnippet(html, "marketing")).toBe('<script type="text/plain" data-zhiqing="marketing">var _hmt = [];</script>')
  })

  it("moves an iframe's src to data-src", () => {
    expect(gateSnippet('<iframe width="300" src="https://player.example/v/1"></iframe>', "marketing")).toBe(
      '<iframe data-zhiqing="marketing" width="300" data-src="https://player.example/v/1"></iframe>'
    )
  })

  it("leaves other markup alone", () => {
    expect(gateSnippet('<noscript><img src="https://x.example/p.gif"></noscript>', "analytics")).toBe('<noscript><img src="https://x.example/p.gif"></noscript>')
  })
})
