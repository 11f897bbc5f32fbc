import { createHash } from "node:crypto"
import { gzipSync } from "node:zlib"
import { describe, expect, it } from "vitest"
import { knownValueMatcher } from "../pii/known-values"
import { maskUrl, maskUrlWith } from "./mask-url"

describe("masking URLs", () => {
  it("leaves a URL without personal information exactly as it was", () => {
    for (const url of ["http://localhost:4173/", "https://hm.baidu.com/hm.gif?si=6a2f&rnd=1732500000000&u=http%3A%2F%2Fshop.cn%2F", "https://x.cn/a#top"]) {
      expect(maskUrl(url)).toBe(url)
    }
  })

  it("masks personal information in the query, the path and the fragment", () => {
    expect(maskUrl("https://t.cn/c?mobile=13812345678&ev=buy")).toBe("https://t.cn/c?mobile=138****5678&ev=buy")
    expect(maskUrl("https://t.cn/u/11010519491231002X/orders")).toBe("https://t.cn/u/11**************2X/orders")
    expect(maskUrl("https://t.cn/p#email=zhang.san%40example.cn")).toBe("https://t.cn/p#email=z***@example.cn")
    expect(maskUrl("https://t.cn/p?receiver_name=%E5%BC%A0%E4%B8%89")).toBe("https://t.cn/p?receiver_name=张**")
  })

  it("masks base64 JSON in its decoded form and encodes it again, as Sensors Data's data= parameter", () => {
    const data = Buffer.from(JSON.stringify({ distinct_id: "13812345678", email: "zhang.san@example.cn" })).toString("base64")
    const masked = new URL(maskUrl(`https://sa.cn/sa?project=p&data=${encodeURIComponent(data)}`))
    expect(masked.searchParams.get("project")).toBe("p")
    expect(JSON.parse(Buffer.from(masked.searchParams.get("data")!, "base64").toString())).toEqual({ distinct_id: "138****5678", email: "z***@example.cn" })
  })

  it("leaves out a value whose personal information cannot be masked where it stands", async () => {
    const gzip = gzipSync(JSON.stringify({ phone: "13812345678" })).toString("base64")
    expect(maskUrl(`https://t.cn/c?e=${encodeURIComponent(gzip)}`)).toBe("https://t.cn/c?e=***")
    // Base64 that starts one character into a token is found at its own alignment.
    const shifted = `v${Buffer.from('{"mobile":"13812345678"}').toString("base64url")}`
    expect(maskUrl(`https://t.cn/c?e=${shifted}`)).toBe("https://t.cn/c?e=***")
  })

  it("masks personal information a page put where a key belongs, in JSON and in forms", () => {
    const json = new URL(maskUrl(`https://t.cn/c?d=${encodeURIComponent('{"13812345678":{"n":1}}')}`)).searchParams.get("d")
    expect(json).toBe('{"138****5678":{"n":1}}')
    const form = Buffer.from(new URL(maskUrl(`https://t.cn/c?d=${Buffer.from("zhang.san@example.cn=1&b=2").toString("base64")}`)).searchParams.get("d")!, "base64").toString()
    expect(form).toBe(`${encodeURIComponent("z***@example.cn")}=1&b=2`)
  })

  it("masks text percent-encoded twice and hex-encoded JSON", () => {
    expect(maskUrl(`https://t.cn/c?e=${encodeURIComponent(encodeURIComponent("tel:13812345678"))}`)).toBe("https://t.cn/c?e=tel%253A138****5678")
    const hex = Buffer.from('{"phone":"13812345678"}').toString("hex")
    const masked = new URL(maskUrl(`https://t.cn/c?h=${hex}`)).searchParams.get("h")!
    expect(Buffer.from(masked, "hex").toString()).toBe('{"phone":"138****5678"}')
  })

  it("masks hashes of the shopper's own values when they are known", async () => {
    const hash = createHash("sha256").update("8613812345678").digest("hex")
    const known = await knownValueMatcher([{ kind: "phone", value: "13812345678" }])
    expect(maskUrlWith(`https://www.facebook.com/tr?id=1&ud%5Bph%5D=${hash}`, known)).toBe("https://www.facebook.com/tr?id=1&ud%5Bph%5D=***")
    expect(maskUrl(`https://www.facebook.com/tr?ud%5Bph%5D=${hash}`)).toContain(hash)
  })

  it("hides credentials and masks text that is not a URL", () => {
    expect(maskUrl("https://user:13812345678@t.cn/")).toBe("https://***@t.cn/")
    expect(maskUrl("call 13812345678")).toBe("call 138****5678")
  })
})
