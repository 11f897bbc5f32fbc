import { gzipSync } from "node:zlib"
import { describe, expect, it } from "vitest"
import { MAX_BODY_TEXT } from "./limits"
import { inflatedBody, requestBodyContent } from "./request-body"

const chunk = (bytes: Uint8Array) => ({ bytes: bytes.slice().buffer })

describe("request bodies seen by webRequest", () => {
  it("turns form data into a query string", () => {
    expect(requestBodyContent({ formData: { mobile: ["13912345678"], tag: ["a", "b"] } })).toEqual({ text: "mobile=13912345678&tag=a&tag=b" })
  })

  it("decodes every raw chunk as UTF-8, also across chunk boundaries, and caps the text", () => {
    const bytes = new TextEncoder().encode('{"name":"张三"}')
    expect(requestBodyContent({ raw: [chunk(bytes.slice(0, 11)), chunk(bytes.slice(11))] })).toEqual({ text: '{"name":"张三"}' })
    const big = new TextEncoder().encode("x".repeat(MAX_BODY_TEXT + 10))
    expect((requestBodyContent({ raw: [chunk(big)] }) as { text: string }).text).toHaveLength(MAX_BODY_TEXT)
  })

  it("inflates gzip bodies, even when split into chunks", async () => {
    const gzipped = new Uint8Array(gzipSync('{"phone":"13912345678"}'))
    const content = requestBodyContent({ raw: [chunk(gzipped.slice(0, 5)), chunk(gzipped.slice(5))] })
    expect(content && "gzip" in content).toBe(true)
    expect(await inflatedBody((content as { gzip: Uint8Array }).gzip)).toBe('{"phone":"13912345678"}')
    expect(await inflatedBody(new Uint8Array([0x1f, 0x8b, 0, 1]))).toBeUndefined()
  })

  it("has nothing to say about an empty body or a file upload", () => {
    expect(requestBodyContent(undefined)).toBeUndefined()
    expect(requestBodyContent({ raw: [] })).toBeUndefined()
    expect(requestBodyContent({ raw: [{ file: "/tmp/photo.jpg" }] })).toBeUndefined()
  })
})
