import { describe, expect, it } from "vitest"
import { VENDORS, vendorById } from "../lib/vendors"
import { gateSnippet, standardSnippet } from "./snippets"

describe("vendor snippets", () => {
  it("writes a catalog vendor's script from its host and script path", () => {
    expect(standardSnippet(vendorById("baidu-tongji")!)).toBe('<script src="https://hm.baidu.com/hm.js" async></script>')
  })

  it("writes a tag for every vendor of the catalog, each from its own host", () => {
    for (const vendor of VENDORS) expect(standardSnippet(vendor)).toContain(`https://${vendor.domains[0]}/`)
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
