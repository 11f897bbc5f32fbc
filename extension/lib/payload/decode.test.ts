import { describe, expect, it } from "vitest"
import { decodePayload, decodeUrl } from "./decode"

const b64 = (text: string) => Buffer.from(text).toString("base64")
const view = (parts: ReturnType<typeof decodePayload>) => parts.map(({ where, text }) => `${where} = ${text}`)

describe("decoding payloads", () => {
  it("walks JSON values with JSONPath-like places and keeps their keys", () => {
    const parts = decodePayload('{"user":{"phone":"13812345678","tags":["a",2]},"odd key":true}')
    expect(view(parts)).toEqual(["body:json:$.user.phone = 13812345678", "body:json:$.user.tags[0] = a", "body:json:$.user.tags[1] = 2"])
    expect(parts[0]).toMatchObject({ key: "phone", parentKey: "user", encoding: "plain" })
  })

  it("reads url-encoded forms, base64 values and the JSON inside them, as Sensors Data sends events", () => {
    const body = `data=${encodeURIComponent(b64(JSON.stringify({ properties: { receiver_phone: "13812345678" } })))}&gzip=0`
    const parts = decodePayload(body)
    expect(view(parts)).toEqual(["body:form:data→base64→json:$.properties.receiver_phone = 13812345678", "body:form:gzip = 0"])
    expect(parts[0]).toMatchObject({ key: "receiver_phone", parentKey: "properties", encoding: "base64" })
  })

  it("reads JSON inside a JSON string, and base64url without padding", () => {
    const inner = Buffer.from('{"email":"a@b.cn"}').toString("base64url")
    expect(view(decodePayload(JSON.stringify({ payload: JSON.stringify({ ext: inner }) })))).toEqual([
      "body:json:$.payload→json:$.ext→base64→json:$.email = a@b.cn"
    ])
  })

  it("leaves identifiers, hashes, numbers and binary-looking base64 as they are", () => {
    const hash = "5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8"
    for (const text of ["6a2f1c7e0b9d4e3f8a5c2b1d0e9f8a7b", hash, "13812345678", "page_view", "AAECAwQFBgcICQ=="]) {
      expect(view(decodePayload(text))).toEqual([`body = ${text}`])
    }
  })

  it("stops unwrapping at a small depth, so a hostile nesting cannot run away", () => {
    let text = "13812345678"
    for (let level = 0; level < 20; level++) text = JSON.stringify({ x: text })
    const parts = decodePayload(text)
    expect(parts).toHaveLength(1)
    expect(parts[0]!.where.split("json").length - 1).toBeLessThanOrEqual(6)
  })

  it("returns broken JSON and plain text as text", () => {
    expect(view(decodePayload('{"a":'))).toEqual(['body = {"a":'])
    expect(view(decodePayload("hello world"))).toEqual(["body = hello world"])
  })
})

describe("decoding URLs", () => {
  it("reads path segments and query parameters, percent-decoded, and the JSON in them", () => {
    const url = `https://t.example.com/u/13812345678/p?mobile=13912345678&q=${encodeURIComponent('{"name":"张三"}')}&flag`
    expect(view(decodeUrl(url))).toEqual([
      "path = u",
      "path = 13812345678",
      "path = p",
      "query:mobile = 13912345678",
      "query:q→json:$.name = 张三",
      "query = flag"
    ])
  })

  it("treats something that is not a URL as text", () => expect(view(decodeUrl("not a url")).length).toBe(1))
})
