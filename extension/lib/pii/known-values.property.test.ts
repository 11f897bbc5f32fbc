import { createHash } from "node:crypto"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { MAX_BODY_TEXT } from "../tabs/limits"
import { knownValueMatcher, type KnownValue } from "./known-values"
import { anyText, mobileNumber, residentId, separator, unionPayCard } from "./test-arbitraries"

const known = fc.oneof(
  mobileNumber.map((value): KnownValue => ({ kind: "phone", value })),
  residentId.map((value): KnownValue => ({ kind: "id-card", value })),
  unionPayCard.map((value): KnownValue => ({ kind: "bank-card", value })),
  fc.constantFrom("张三", "欧阳娜娜", "Li Wei").map((value): KnownValue => ({ kind: "name", value })),
  fc.emailAddress().map((value): KnownValue => ({ kind: "email", value }))
)
/** The value as typed, hashed, or (from four characters, as the matcher asks) in base64. */
const copyOf = (value: string) =>
  fc.constantFrom(
    value,
    createHash("sha256").update(value).digest("hex"),
    createHash("md5").update(value).digest("hex").toUpperCase(),
    ...(value.length >= 4 ? [Buffer.from(value).toString("base64").replace(/=+$/, "")] : [])
  )

describe("the shopper's own values on generated payloads", () => {
  it("never throw on any text, and report only spans of the text, masked", async () => {
    const matcher = await knownValueMatcher([{ kind: "phone", value: "13812345678" }, { kind: "name", value: "张三" }])
    fc.assert(
      fc.property(anyText, (text) => {
        for (const match of matcher.find(text)) {
          expect(text.slice(match.start, match.end)).toBe(match.value)
          expect(match.masked).not.toContain("13812345678")
        }
      }),
      { numRuns: 3000 }
    )
  })

  it("PIPL-28: find a value the shopper typed wherever a payload carries it, as typed, hashed or in base64", async () => {
    await fc.assert(
      fc.asyncProperty(known.chain((value) => copyOf(value.value).map((copy) => [value, copy] as const)), separator, anyText, async ([value, copy], before, noise) => {
        const matcher = await knownValueMatcher([value])
        const text = `${noise}${before}${copy}${before}`
        const found = matcher.find(text)
        expect(found.some((match) => match.kind === value.kind && match.start === noise.length + before.length)).toBe(true)
        for (const match of found) expect(match.masked).not.toBe(value.value)
      }),
      { numRuns: 500 }
    )
  })

  // A hang guard, not a speed target (that is `npm run bench`): a quadratic matcher would not finish this body in time.
  it("does not hang when a page repeats a value: a full body of copies is matched within two seconds", async () => {
    const matcher = await knownValueMatcher([{ kind: "name", value: "张三" }, { kind: "phone", value: "13812345678" }])
    const copies = Math.floor(MAX_BODY_TEXT / 3)
    const started = performance.now()
    expect(matcher.find("张三,".repeat(copies))).toHaveLength(copies)
    expect(performance.now() - started).toBeLessThan(2_000)
  })
})
