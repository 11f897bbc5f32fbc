import { gzipSync } from "node:zlib"
import { describe, expect, it } from "vitest"
import { decodePayloadDeep, gunzipBase64 } from "./gzip"

const gzip64 = (text: string) => gzipSync(Buffer.from(text)).toString("base64")

describe("gzip payloads", () => {
  it("gunzips base64 text", async () => expect(await gunzipBase64(gzip64("你好 world"))).toBe("你好 world"))

  it("rejects what is not base64 gzip with a clear error", async () => {
    await expect(gunzipBase64("!!!")).rejects.toThrow("not base64")
    await expect(gunzipBase64(Buffer.from("plain text here").toString("base64"))).rejects.toThrow("not gzip")
  })

  it("opens gzip blobs inside form values and reads the JSON within", async () => {
    const body = `data_list=${encodeURIComponent(gzip64(JSON.stringify([{ properties: { mobile: "13812345678" } }])))}&gzip=1`
    const parts = await decodePayloadDeep(body)
    expect(parts.map(({ where, text, encoding }) => `${where} = ${text} (${encoding})`)).toEqual([
      "body:form:data_list→gzip→json:$[0].properties.mobile = 13812345678 (base64)",
      "body:form:gzip = 1 (plain)"
    ])
  })

  it("opens a body that is base64 gzip as a whole, and leaves a truncated blob as it was", async () => {
    expect((await decodePayloadDeep(gzip64('{"email":"a@b.cn"}'))).map((part) => part.where)).toEqual(["body:gzip→json:$.email"])
    const truncated = gzip64("x".repeat(500)).slice(0, 12)
    expect((await decodePayloadDeep(truncated)).map((part) => part.text)).toEqual([truncated])
  })
})
