import fc from "fast-check"
import { describe, expect, it } from "vitest"
import type { PiKind } from "../report"
import { maskPi } from "./mask"
import { anyText, mobileNumber, residentId, unionPayCard } from "./test-arbitraries"

const KINDS: PiKind[] = ["phone", "id-card", "bank-card", "email", "name", "address", "location"]

describe("maskPi on generated values", () => {
  it("never throws and never returns the value itself, for any kind and any text of two characters or more", () => {
    fc.assert(
      fc.property(fc.constantFrom(...KINDS), anyText, (kind, value) => {
        const masked = maskPi(kind, value)
        expect(typeof masked).toBe("string")
        if (kind !== "location" && value.trim().length >= 2 && !value.includes("*")) expect(masked).not.toBe(value.trim())
      }),
      { numRuns: 3000 }
    )
  })

  it("masking never leaks a full number, even from text typed with spaces, dashes or a country code", () => {
    const typed = (value: string) => fc.constantFrom(value, value.replace(/(\d{4})/g, "$1 "), `+86 ${value}`, ` ${value.split("").join("-")} `)
    const cases = fc.oneof(
      mobileNumber.chain((value) => typed(value).map((text) => ["phone", value, text, 7] as const)),
      residentId.chain((value) => typed(value).map((text) => ["id-card", value, text, 4] as const)),
      unionPayCard.chain((value) => typed(value).map((text) => ["bank-card", value, text, 8] as const))
    )
    fc.assert(
      fc.property(cases, ([kind, value, text, shown]) => {
        const masked = maskPi(kind, text)
        expect(masked.replace(/\D/g, "")).not.toContain(value.replace(/\D/g, ""))
        expect(masked.replace(/[^0-9X]/g, "").length).toBeLessThanOrEqual(shown)
      }),
      { numRuns: 3000 }
    )
  })

  it("shows at most a phone's first 3 and last 4, an ID's first and last 2, a card's first and last 4 digits, of any text", () => {
    const shown: Partial<Record<PiKind, number>> = { phone: 7, "id-card": 4, "bank-card": 8 }
    fc.assert(
      fc.property(fc.constantFrom("phone", "id-card", "bank-card"), fc.string({ unit: fc.constantFrom(..."0123456789 -+X"), maxLength: 64 }), (kind, value) => {
        expect(maskPi(kind, value).replace(/[^0-9X]/g, "").length).toBeLessThanOrEqual(shown[kind]!)
      }),
      { numRuns: 3000 }
    )
  })
})
