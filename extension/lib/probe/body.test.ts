import { gzipSync } from "node:zlib"
import { describe, expect, it } from "vitest"
import { gunzipBase64 } from "../payload/gzip"
import { bodyText } from "./body"

describe("request bodies the page sends", () => {
  it("reads strings, forms, URLSearchParams, bytes and blobs as text", async () => {
    expect(bodyText('{"phone":"13912345678"}')).toBe('{"phone":"13912345678"}')
    expect(bodyText(new URLSearchParams({ mobile: "13912345678" }))).toBe("mobile=13912345678")
    const form = new FormData()
    form.append("name", "张三")
    expect(bodyText(form)).toBe("name=%E5%BC%A0%E4%B8%89")
    expect(bodyText(new TextEncoder().encode("a=1"))).toBe("a=1")
    expect(await bodyText(new Blob(['{"id":"11010519491231002X"}']))).toBe('{"id":"11010519491231002X"}')
  })

  it("hands gzip bytes on as base64, which the payload library inflates", async () => {
    const text = bodyText(gzipSync('{"phone":"13912345678"}')) as string
    expect(text.startsWith("H4sI")).toBe(true)
    expect(await gunzipBase64(text)).toBe('{"phone":"13912345678"}')
  })

  it("leaves streams and nothing alone", () => {
    expect(bodyText(undefined)).toBeUndefined()
    expect(bodyText(new ReadableStream())).toBeUndefined()
  })
})
