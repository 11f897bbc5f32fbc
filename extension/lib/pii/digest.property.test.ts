import { createHash } from "node:crypto"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { md5Hex, sha256Hex } from "./digest"

describe("the digests on generated text", () => {
  it("MD5 agrees with Node's for any text, every length across the 64-byte block edges included", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: "grapheme", maxLength: 200 }), fc.string({ unit: "binary", maxLength: 200 }), fc.nat({ max: 300 }).map((length) => "a".repeat(length))), (text) => {
        expect(md5Hex(text)).toBe(createHash("md5").update(text, "utf8").digest("hex"))
      }),
      { numRuns: 3000 }
    )
  })

  it("SHA-256 agrees with Node's for any text", async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: "binary", maxLength: 200 }), async (text) => {
        expect(await sha256Hex(text)).toBe(createHash("sha256").update(text, "utf8").digest("hex"))
      }),
      { numRuns: 1000 }
    )
  })
})
