import { createHash } from "node:crypto"
import { describe, expect, it } from "vitest"
import { md5Hex, sha256Hex } from "./digest"

describe("digests of the shopper's values", () => {
  it("computes MD5 as RFC 1321 defines it, also across block boundaries and for Chinese text", () => {
    expect(md5Hex("")).toBe("d41d8cd98f00b204e9800998ecf8427e")
    expect(md5Hex("abc")).toBe("900150983cd24fb0d6963f7d28e17f72")
    for (const text of ["13812345678", "张三", "x".repeat(55), "y".repeat(56), "z".repeat(64), "浙江省杭州市".repeat(30)]) {
      expect(md5Hex(text)).toBe(createHash("md5").update(text).digest("hex"))
    }
  })

  it("computes SHA-256 with Web Crypto", async () => {
    expect(await sha256Hex("8613812345678")).toBe(createHash("sha256").update("8613812345678").digest("hex"))
  })
})
