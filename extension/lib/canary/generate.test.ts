import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { luhnValid, residentIdValid } from "../pii/checksums"
import { findPi } from "../pii/detect"
import { bankCard, chineseName, emailAddress, generateCanaries, mobileNumber, residentId, streetAddress } from "./generate"

const NOW = Date.UTC(2026, 10, 25)

/** A repeatable random source from a seed (mulberry32). */
function seeded(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

describe("canary values look real to validators and to the inspector's detectors", () => {
  it("PIPL-28: every resident ID has a valid GB 11643 check character and an adult's real birth date", () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const id = residentId(seeded(seed), NOW)
        expect(id).toMatch(/^\d{17}[\dX]$/)
        expect(residentIdValid(id, NOW)).toBe(true)
        const born = Date.UTC(Number(id.slice(6, 10)), Number(id.slice(10, 12)) - 1, Number(id.slice(12, 14)))
        const age = (NOW - born) / (365.25 * 86_400_000)
        expect(age).toBeGreaterThanOrEqual(17.99)
        expect(age).toBeLessThanOrEqual(65.01)
      })
    )
  })

  it("every bank card is a 19-digit UnionPay number that passes Luhn", () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const card = bankCard(seeded(seed))
        expect(card).toMatch(/^62\d{17}$/)
        expect(luhnValid(card)).toBe(true)
      })
    )
  })

  it("the detectors recognise each generated value where a tracker would put it", () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const random = seeded(seed)
        const kindsIn = (text: string, key?: string) => findPi(text, { key, now: NOW }).map((match) => match.kind)
        expect(kindsIn(`mobile=${mobileNumber(random)}`)).toEqual(["phone"])
        expect(kindsIn(`id=${residentId(random, NOW)}`)).toEqual(["id-card"])
        expect(kindsIn(bankCard(random), "card_no")).toEqual(["bank-card"])
        expect(kindsIn(`to ${emailAddress(random)}`)).toEqual(["email"])
      })
    )
  })

  it("names and addresses read as Chinese: a surname and two characters, province to flat", () => {
    const random = seeded(7)
    expect(chineseName(random)).toMatch(/^[\u4e00-\u9fff]{3}$/)
    expect(streetAddress(random)).toMatch(/^[\u4e00-\u9fff]+省[\u4e00-\u9fff]+市[\u4e00-\u9fff]+区[\u4e00-\u9fff]+路\d+号\d+室$/)
  })

  it("each run is fresh: two runs share no number or email", () => {
    const first = generateCanaries()
    const second = generateCanaries()
    expect(first.map((canary) => canary.kind)).toEqual(["name", "phone", "id-card", "bank-card", "email", "address"])
    // Names and addresses come from short lists and may repeat by chance; the numbers have millions of values.
    for (const canary of first.filter((item) => item.kind !== "name" && item.kind !== "address")) {
      expect(second.find((other) => other.kind === canary.kind)?.value).not.toBe(canary.value)
    }
  })
})
