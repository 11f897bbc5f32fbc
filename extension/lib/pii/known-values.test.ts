import { createHash } from "node:crypto"
import { describe, expect, it } from "vitest"
import { knownValueMatcher } from "./known-values"

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex")
const md5 = (text: string) => createHash("md5").update(text).digest("hex")

describe("the shopper's own values, hashed or encoded", () => {
  it("recognises SHA-256 and MD5 copies in lower or upper hex, after ad-platform normalisation", async () => {
    const matcher = await knownValueMatcher([
      { kind: "phone", value: "138 1234 5678" },
      { kind: "email", value: " Zhang.San@Example.CN " }
    ])
    const text = `ud[ph]=${sha256("8613812345678")}&ud[em]=${sha256("zhang.san@example.cn")}&m=${md5("13812345678").toUpperCase()}`
    expect(matcher.find(text).map(({ kind, encoding, masked }) => ({ kind, encoding, masked }))).toEqual([
      { kind: "phone", encoding: "sha256", masked: "138****5678" },
      { kind: "email", encoding: "sha256", masked: "Z***@Example.CN" },
      { kind: "phone", encoding: "md5", masked: "138****5678" }
    ])
  })

  it("recognises base64 copies and copies as typed, such as a name a session recorder sent", async () => {
    const matcher = await knownValueMatcher([
      { kind: "name", value: "张三" },
      { kind: "address", value: "浙江省杭州市西湖区文三路90号" }
    ])
    const address64 = Buffer.from("浙江省杭州市西湖区文三路90号").toString("base64").replace(/=+$/, "")
    const found = matcher.find(`{"selector":"input#name","value":"张三"} addr=${address64}`)
    expect(found.map(({ kind, encoding }) => `${kind}:${encoding}`)).toEqual(["name:plain", "address:base64"])
  })

  it("ignores hashes of other values and hex runs of other lengths", async () => {
    const matcher = await knownValueMatcher([{ kind: "phone", value: "13812345678" }])
    expect(matcher.find(`${sha256("13812345679")} ${sha256("13812345678").slice(0, 40)} ${sha256("13812345678")}00`)).toEqual([])
  })

  it("with no values, finds nothing", async () => expect((await knownValueMatcher([])).find("anything")).toEqual([]))
})
