import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { luhnValid, residentIdValid } from "./checksums"
import { anyText, residentId, unionPayCard } from "./test-arbitraries"

const NOW = Date.UTC(2026, 10, 25)

/** The same text with the character at `index` replaced by a different digit. */
const changeOne = (text: string, index: number, shift: number) => text.slice(0, index) + String((Number(text[index]) + shift) % 10) + text.slice(index + 1)

describe("the check digits on generated numbers", () => {
  it("accept every well-formed card and resident ID", () => {
    fc.assert(
      fc.property(unionPayCard, (card) => {
        expect(luhnValid(card)).toBe(true)
      }),
      { numRuns: 2000 }
    )
    fc.assert(
      fc.property(residentId, (id) => {
        expect(residentIdValid(id, NOW)).toBe(true)
      }),
      { numRuns: 2000 }
    )
  })

  it("catch every single mistyped digit of a card (Luhn) and of an ID's checked part (MOD 11-2)", () => {
    fc.assert(
      fc.property(unionPayCard, fc.nat(), fc.integer({ min: 1, max: 9 }), (card, at, shift) => {
        expect(luhnValid(changeOne(card, at % card.length, shift))).toBe(false)
      }),
      { numRuns: 2000 }
    )
    fc.assert(
      fc.property(residentId, fc.integer({ min: 14, max: 16 }), fc.integer({ min: 1, max: 9 }), (id, at, shift) => {
        // The sequence digits (15–17th) are checked by the check character alone; the date has its own rules.
        expect(residentIdValid(changeOne(id, at, shift), NOW)).toBe(false)
      }),
      { numRuns: 2000 }
    )
  })

  it("never throw, and accept nothing that is not made of digits", () => {
    fc.assert(
      fc.property(anyText, (text) => {
        if (luhnValid(text)) expect(text).toMatch(/^\d+$/)
        if (residentIdValid(text, NOW)) expect(text).toMatch(/^\d{17}[\dXx]$/)
      }),
      { numRuns: 3000 }
    )
  })

  it("refuse a birth date after the day the check runs", () => {
    fc.assert(
      fc.property(residentId, (id) => {
        expect(residentIdValid(id, Date.UTC(1899, 11, 31))).toBe(false)
      }),
      { numRuns: 500 }
    )
  })
})
