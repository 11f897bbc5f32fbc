import { describe, expect, it } from "vitest"
import { base64url, draftLink } from "./draft-link"

describe("draftLink", () => {
  it("carries the draft as base64url of its UTF-8 JSON in the fragment, Chinese included", () => {
    const draft = { config: { handler: { name: { "zh-CN": "知选跨境" } } }, todo: [], gating: [{ vendor: "x", purpose: "analytics", before: "<script>?>", after: "" }] }
    const link = draftLink("chrome-extension://abc/setup/index.html", draft as never)
    const [page, encoded] = link.split("#draft=")
    expect(page).toBe("chrome-extension://abc/setup/index.html")
    expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/)
    expect(JSON.parse(Buffer.from(encoded!, "base64url").toString("utf8"))).toEqual(draft)
  })

  it("encodes texts larger than one slice", () => {
    const text = "知".repeat(40_000)
    expect(Buffer.from(base64url(text), "base64url").toString("utf8")).toBe(text)
  })
})
