import { describe, expect, it } from "vitest"
import { MAX_BODY_TEXT, requestBodyText } from "./request-body"

describe("request bodies", () => {
  it("turns form data into a query string", () => {
    expect(requestBodyText({ formData: { mobile: ["13912345678"], tag: ["a", "b"] } })).toBe("mobile=13912345678&tag=a&tag=b")
  })

  it("decodes raw chunks as UTF-8, also across chunk boundaries, and caps the text", () => {
    const bytes = new TextEncoder().encode('{"name":"张三"}')
    const raw = [{ bytes: bytes.slice(0, 11).buffer }, { bytes: bytes.slice(11).buffer }]
    expect(requestBodyText({ raw })).toBe('{"name":"张三"}')
    const big = new TextEncoder().encode("x".repeat(MAX_BODY_TEXT + 10)).buffer
    expect(requestBodyText({ raw: [{ bytes: big }] })).toHaveLength(MAX_BODY_TEXT)
  })

  it("has nothing to say about an empty body", () => {
    expect(requestBodyText(undefined)).toBeUndefined()
    expect(requestBodyText({ raw: [] })).toBeUndefined()
  })
})
