import { describe, expect, it } from "vitest"
import { luhnCheckDigit, luhnValid, residentIdCheckChar, residentIdValid } from "./checksums"

describe("Luhn", () => {
  it("accepts known test card numbers and rejects one changed digit", () => {
    expect(luhnValid("4111111111111111")).toBe(true)
    expect(luhnValid("5500005555555559")).toBe(true)
    expect(luhnValid("4111111111111112")).toBe(false)
    expect(luhnValid("")).toBe(false)
    expect(luhnValid("41111111x1111111")).toBe(false)
  })
})

describe("resident ID numbers (GB 11643)", () => {
  it("accepts valid numbers, including an X check character in either case", () => {
    expect(residentIdValid("11010519491231002X")).toBe(true)
    expect(residentIdValid("11010519491231002x")).toBe(true)
    expect(residentIdValid("310115199003071239")).toBe(true)
  })

  it("rejects a wrong check character, impossible dates, unknown provinces and wrong lengths", () => {
    expect(residentIdValid("110105194912310021")).toBe(false)
    expect(residentIdValid("110105194902300020")).toBe(false)
    expect(residentIdValid("990105194912310023")).toBe(false)
    expect(residentIdValid("11010519491231002")).toBe(false)
    expect(residentIdValid("110105189912310023")).toBe(false)
  })

  it("rejects a birth date in the future", () => {
    expect(residentIdValid("110105209912310010", Date.UTC(2026, 0, 1))).toBe(false)
  })
})

describe("completing numbers with their check character", () => {
  it("the Luhn digit and the GB 11643 character make numbers the validators accept", () => {
    expect(luhnCheckDigit("622202123456789012")).toBe("8")
    expect(luhnValid("6222021234567890128")).toBe(true)
    expect(residentIdCheckChar("11010519491231002")).toBe("X")
    expect(residentIdValid(`11010519491231002${residentIdCheckChar("11010519491231002")}`)).toBe(true)
  })

  it("says what is wrong with input that is not digits, or not 17 of them", () => {
    expect(() => luhnCheckDigit("6222 0212")).toThrow('a Luhn check digit needs digits only, got "6222 0212"')
    expect(() => residentIdCheckChar("1101051949123100")).toThrow("needs 17 digits")
    expect(() => residentIdCheckChar("1101051949123100A")).toThrow("needs 17 digits")
  })
})
