import { createHash } from "node:crypto"
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

  it("masks a value whole when it carries personal information encoded, as base64 JSON", () => {
    const data = Buffer.from(JSON.stringify({ phone: "13812345678" })).toString("base64")
    expect(maskUrl(`https://sa.cn/sa?project=p&data=${encodeURIComponent(data)}`)).toBe("https://sa.cn/sa?project=p&data=***")
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
