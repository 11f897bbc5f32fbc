import { describe, expect, it } from "vitest"
import { gatedMarkupOf, gatedPurpose, markupOf, runsNow, vendorOfElement } from "./gating"
import type { PageElement } from "./page-snapshot"
import { script } from "./test-page"

const PAGE = "https://shop.example.cn/"
const iframe = (attributes: Array<[string, string]>): PageElement => ({ tag: "iframe", attributes, text: "", cut: false })

describe("vendorOfElement", () => {
  it("knows an external script by its host, a self-hosted one by the vendor's endpoint path", () => {
    expect(vendorOfElement(script([["src", "https://hm.baidu.com/hm.js?1"]]), PAGE)?.id).toBe("baidu-tongji")
    expect(vendorOfElement(script([["src", "//connect.facebook.net/en_US/fbevents.js"]]), PAGE)?.id).toBe("meta-pixel")
    expect(vendorOfElement(script([["src", "/assets/hm.js"]]), PAGE)).toBeUndefined()
    expect(vendorOfElement(script([["src", "/static/shop.js"]]), PAGE)).toBeUndefined()
  })

  it("knows inline code by the globals it defines, not by a global it merely mentions", () => {
    expect(vendorOfElement(script([], "var _hmt = _hmt || [];"), PAGE)?.id).toBe("baidu-tongji")
    expect(vendorOfElement(script([], "window.fbq = window.fbq || function () {}"), PAGE)?.id).toBe("meta-pixel")
    expect(vendorOfElement(script([], "if (typeof _hmt == 'undefined') log('no stats')"), PAGE)).toBeUndefined()
    expect(vendorOfElement(script([], "my_hmt = 1; obj._hmt = 2"), PAGE)).toBeUndefined()
  })

  it("knows inline code by a vendor URL it names", () => {
    const loader = 'var s = document.createElement("script"); s.src = "https://hm.baidu.com/hm.js?6a2f"; document.head.appendChild(s)'
    expect(vendorOfElement(script([], loader), PAGE)?.id).toBe("baidu-tongji")
    expect(vendorOfElement(script([], "// load the cart\nfetch('/api/cart')"), PAGE)).toBeUndefined()
  })

  it("knows an iframe by its src, gated or not", () => {
    expect(vendorOfElement(iframe([["src", "https://www.youtube.com/embed/x"]]), PAGE)?.id).toBe("youtube")
    expect(vendorOfElement(iframe([["data-zhiqing", "social"], ["data-src", "https://hm.baidu.com/x"]]), PAGE)?.id).toBe("baidu-tongji")
  })
})

describe("runsNow and gatedPurpose", () => {
  it("tells running code from data and from gated placeholders", () => {
    expect(runsNow(script([], "x()"))).toBe(true)
    expect(runsNow(script([["type", "text/javascript"]], "x()"))).toBe(true)
    expect(runsNow(script([["type", "module"]], "x()"))).toBe(true)
    expect(runsNow(script([["type", "application/ld+json"]], "{}"))).toBe(false)
    expect(runsNow(iframe([["data-src", "https://x.example/"]]))).toBe(false)
    expect(gatedPurpose(script([["type", "text/plain"], ["data-zhiqing", "analytics"]]))).toBe("analytics")
    expect(gatedPurpose(script([["data-zhiqing", "analytics"]]))).toBeUndefined()
    expect(gatedPurpose(iframe([["data-zhiqing", "social"], ["data-src", "https://x.example/"]]))).toBe("social")
  })
})

describe("markup", () => {
  it("writes the tag as pages do and gates it as the SDK releases it", () => {
    const element = script([["async", ""], ["src", "https://hm.baidu.com/hm.js?a=1&b=\"2\""]])
    expect(markupOf(element)).toBe('<script async src="https://hm.baidu.com/hm.js?a=1&amp;b=&quot;2&quot;"></script>')
    expect(gatedMarkupOf(element, "analytics")).toBe('<script type="text/plain" data-zhiqing="analytics" async src="https://hm.baidu.com/hm.js?a=1&amp;b=&quot;2&quot;"></script>')
  })

  it("keeps a module a module through data-type, and drops a classic type", () => {
    expect(gatedMarkupOf(script([["type", "module"], ["src", "/a.js"]]), "analytics")).toBe('<script type="text/plain" data-zhiqing="analytics" data-type="module" src="/a.js"></script>')
    expect(gatedMarkupOf(script([["type", "text/javascript"]], "x()"), "analytics")).toBe('<script type="text/plain" data-zhiqing="analytics">x()</script>')
  })

  it("quotes cut inline code without its end tag, so the edit still replaces the page's own prefix", () => {
    const element = script([], "var _hmt = [];", true)
    expect(markupOf(element)).toBe("<script>var _hmt = [];")
    expect(gatedMarkupOf(element, "analytics")).toBe('<script type="text/plain" data-zhiqing="analytics">var _hmt = [];')
  })

  it("moves an iframe's src to data-src", () => {
    const element = iframe([["src", "https://player.example/v/1"], ["width", "300"]])
    expect(markupOf(element)).toBe('<iframe src="https://player.example/v/1" width="300"></iframe>')
    expect(gatedMarkupOf(element, "social")).toBe('<iframe data-zhiqing="social" data-src="https://player.example/v/1" width="300"></iframe>')
  })
})
