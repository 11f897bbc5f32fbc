import { describe, expect, it } from "vitest"
import { escapeHtml, html, jsonForScript, trustedHtml } from "./html"

describe("escaping", () => {
  it("escapes the characters that could open markup or leave an attribute", () => {
    expect(escapeHtml(`<img src=x onerror="alert('x')">&\``)).toBe("&lt;img src=x onerror=&quot;alert(&#39;x&#39;)&quot;&gt;&amp;&#96;")
  })

  it("escapes every interpolated value in an html template, including inside arrays", () => {
    const name = "<script>alert(1)</script>"
    const out = html`<p title="${name}">${name}${[name, 1]}</p>`.value
    expect(out).not.toContain("<script>")
    expect(out).toBe(`<p title="&lt;script&gt;alert(1)&lt;/script&gt;">&lt;script&gt;alert(1)&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;1</p>`)
  })

  it("inserts nested templates and trusted markup as they are, and nothing for null, undefined or false", () => {
    expect(html`<div>${html`<b>${"a&b"}</b>`}${trustedHtml("<i>ok</i>")}${null}${undefined}${false}</div>`.value).toBe("<div><b>a&amp;b</b><i>ok</i></div>")
  })

  it("keeps JSON in a script element from closing it", () => {
    const out = jsonForScript({ text: "</script><script>alert(1)</script>", amp: "&" }).value
    expect(out).not.toContain("</script>")
    expect(JSON.parse(out)).toEqual({ text: "</script><script>alert(1)</script>", amp: "&" })
  })
})
