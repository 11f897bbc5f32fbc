import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { detectPi, findPi } from "./detect"
import { anyText, mobileNumber, residentId, separator, unionPayCard } from "./test-arbitraries"

const NOW = Date.UTC(2026, 10, 25)
const KEYS = [undefined, "name", "receiver_name", "收货地址", "address", "lat", "location", "cardNo", "phone", "q", "__proto__", "constructor"]
const context = fc.record({ key: fc.constantFrom(...KEYS), parentKey: fc.constantFrom(undefined, "receiver", "user", "product") }, { requiredKeys: [] })

/** The digits of a value: what "a full number" means for phones, IDs and cards. */
const digitsOf = (text: string) => text.replace(/[^0-9Xx]/g, "")

describe("the PI detectors on generated input", () => {
  it("never throw on any text in any context, and every match points at its own value inside the text", () => {
    fc.assert(
      fc.property(anyText, context, (text, where) => {
        for (const match of findPi(text, { ...where, now: NOW })) {
          expect(match.start).toBeGreaterThanOrEqual(0)
          expect(match.end).toBeLessThanOrEqual(text.length)
          expect(text.slice(match.start, match.end)).toBe(match.value)
        }
      }),
      { numRuns: 3000 }
    )
  })

  it.each([
    ["phone", mobileNumber],
    ["id-card", residentId],
    ["bank-card", unionPayCard]
  ] as const)("PIPL-28: find every %s wherever it stands between separators", (kind, value) => {
    fc.assert(
      fc.property(fc.array(fc.tuple(separator, value), { minLength: 1, maxLength: 5 }), separator, (parts, tail) => {
        const text = parts.map(([before, each]) => before + each).join("") + tail
        const found = findPi(text, { now: NOW }).filter((match) => match.kind === kind)
        expect(found.map((match) => match.value)).toEqual(parts.map(([, each]) => each))
      }),
      { numRuns: 1500 }
    )
  })

  it("masking never leaks a full number: a report shows at most 7 of a phone's, 4 of an ID's and 8 of a card's digits", () => {
    const limits = { phone: 7, "id-card": 4, "bank-card": 8 } as const
    const piece = fc.oneof(mobileNumber, residentId, unionPayCard, fc.constant("86").chain(() => mobileNumber.map((phone) => `86${phone}`)), mobileNumber.map((phone) => `${phone.slice(0, 3)}-${phone.slice(3, 7)}-${phone.slice(7)}`))
    fc.assert(
      fc.property(fc.array(fc.tuple(separator, piece), { minLength: 1, maxLength: 4 }), context, (parts, where) => {
        const text = parts.map(([before, each]) => before + each).join("") + " "
        const raw = new Set(parts.map(([, each]) => digitsOf(each)))
        const found = detectPi(text, { ...where, now: NOW })
        expect(found.length).toBeGreaterThan(0)
        for (const pi of found) {
          for (const value of raw) expect(pi.masked).not.toContain(value)
          if (pi.kind in limits) expect(digitsOf(pi.masked).length).toBeLessThanOrEqual(limits[pi.kind as keyof typeof limits])
        }
      }),
      { numRuns: 2000 }
    )
  })

  it("reports never carry the raw text of anything they found, whatever the text", () => {
    fc.assert(
      fc.property(anyText, context, (text, where) => {
        const found = findPi(text, { ...where, now: NOW })
        const masked = detectPi(text, { ...where, now: NOW })
        expect(masked.length).toBe(found.length)
        found.forEach((match, index) => {
          if (match.value.trim().length > 1) expect(masked[index]!.masked).not.toBe(match.value.trim())
        })
      }),
      { numRuns: 2000 }
    )
  })

  it("coordinates are shown to one decimal place at most", () => {
    const coordinate = fc.tuple(fc.double({ min: -90, max: 90, noNaN: true }), fc.double({ min: -180, max: 180, noNaN: true })).map(([lat, lng]) => `${lat.toFixed(6)},${lng.toFixed(6)}`)
    fc.assert(
      fc.property(coordinate, separator, (pair, before) => {
        for (const pi of detectPi(before + pair + " ", { now: NOW })) if (pi.kind === "location") expect(pi.masked).not.toMatch(/\.\d\d/)
      }),
      { numRuns: 1000 }
    )
  })

  // A hang guard, not a speed target (that is `npm run bench`): backtracking gone wrong takes minutes, not seconds.
  it("do not hang on hostile payloads: a quarter megabyte of near-misses each is scanned within two seconds", () => {
    const size = 256 * 1024
    const hostile = [
      "1".repeat(size),
      "13812345678".repeat(size / 11),
      "a@".repeat(size / 2),
      ("a".repeat(63) + "@").repeat(size / 64),
      "1.12345,".repeat(size / 8),
      "北京市朝阳路1".repeat(size / 7),
      "%2".repeat(size / 2),
      "6".repeat(18) + "X".repeat(size)
    ]
    for (const text of hostile) {
      const started = performance.now()
      findPi(text, { key: "address", now: NOW })
      expect(performance.now() - started, text.slice(0, 20)).toBeLessThan(2_000)
    }
  })
})
