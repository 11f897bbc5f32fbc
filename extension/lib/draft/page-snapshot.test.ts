// @vitest-environment happy-dom
// @vitest-environment-options { "settings": { "handleDisabledFileLoadingAsSuccess": true } }
import { afterEach, describe, expect, it } from "vitest"
import { readPageSnapshot } from "./page-snapshot"

afterEach(() => {
  document.head.innerHTML = ""
  document.body.innerHTML = ""
  document.title = ""
})

describe("readPageSnapshot", () => {
  it("reads scripts and iframes in document order with their attributes and inline text", () => {
    document.head.innerHTML = '<script async src="https://hm.baidu.com/hm.js?1"></script><script>var _hmt = [];</script>'
    document.body.innerHTML = '<iframe src="about:blank" width="300"></iframe>'
    const { elements } = readPageSnapshot(1000, 500)
    expect(elements).toEqual([
      { tag: "script", attributes: [["async", ""], ["src", "https://hm.baidu.com/hm.js?1"]], text: "", cut: false },
      { tag: "script", attributes: [], text: "var _hmt = [];", cut: false },
      { tag: "iframe", attributes: [["src", "about:blank"], ["width", "300"]], text: "", cut: false }
    ])
  })

  it("cuts long inline code at the limit without splitting a character, and stops at the element limit", () => {
    document.head.innerHTML = `<script>var a = "${"x".repeat(7)}😀";</script><script></script><script></script>`
    const { elements } = readPageSnapshot(16, 2)
    expect(elements).toHaveLength(2)
    expect(elements[0]).toMatchObject({ text: 'var a = "xxxxxxx', cut: true })
  })

  it("finds the site's name, the privacy-policy link and a contact address", () => {
    document.title = "首页 - 知选跨境"
    document.body.innerHTML = '<a href="/account">隐私设置</a><a href="/legal/privacy">隐私政策</a><a href="mailto:privacy@example.cn?subject=hi">联系我们</a>'
    expect(readPageSnapshot(1000, 500)).toMatchObject({ title: "首页 - 知选跨境", siteName: undefined, policyHref: "/legal/privacy", contactEmail: "privacy@example.cn" })
    document.head.innerHTML = '<meta property="og:site_name" content="Example Mall">'
    expect(readPageSnapshot(1000, 500).siteName).toBe("Example Mall")
  })

  it("leaves the contact to the merchant when the page's mailto link is malformed", () => {
    document.body.innerHTML = '<a href="mailto:privacy%E0%A4@example.cn">联系我们</a>'
    expect(readPageSnapshot(1000, 500).contactEmail).toBeUndefined()
  })
})
