import { webcrypto } from "node:crypto"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { randomId, sha256 } from "./hash"
import { sha256Bytes } from "./sha256"

const hex = (bytes: Uint8Array | ArrayBuffer) => Buffer.from(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes)).toString("hex")

describe("the SHA-256 used where crypto.subtle is missing (plain http)", () => {
  it("equals crypto.subtle's digest for any bytes, across every padding boundary", async () => {
    // Lengths up to 300 bytes cross the 55/56/64-byte padding edges several times.
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 300 }), async (bytes) => {
        expect(hex(sha256Bytes(bytes))).toBe(hex(await webcrypto.subtle.digest("SHA-256", bytes)))
      }),
      { numRuns: 500 }
    )
  })

  it("hashes notice texts (Chinese included) as crypto.subtle does", async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: "grapheme", maxLength: 400 }), async (text) => {
        const subtle = hex(await webcrypto.subtle.digest("SHA-256", new TextEncoder().encode(text)))
        const real = globalThis.crypto
        try {
          Object.defineProperty(globalThis, "crypto", { value: { getRandomValues: real.getRandomValues.bind(real) }, configurable: true })
          expect(await sha256(text, async () => sha256Bytes)).toBe(subtle)
        } finally {
          Object.defineProperty(globalThis, "crypto", { value: real, configurable: true })
        }
      }),
      { numRuns: 200 }
    )
  })

  it("gives the standard digests of the empty text and of 'abc'", () => {
    expect(hex(sha256Bytes(new Uint8Array()))).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    expect(hex(sha256Bytes(new TextEncoder().encode("abc")))).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
  })
})

describe("randomId without crypto.randomUUID", () => {
  it("is a version-4 UUID, different every time", () => {
    const real = globalThis.crypto
    try {
      Object.defineProperty(globalThis, "crypto", { value: { getRandomValues: real.getRandomValues.bind(real) }, configurable: true })
      const ids = new Set(Array.from({ length: 100 }, randomId))
      expect(ids.size).toBe(100)
      for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    } finally {
      Object.defineProperty(globalThis, "crypto", { value: real, configurable: true })
    }
  })
})
