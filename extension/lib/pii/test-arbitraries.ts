/**
 * fast-check generators of real-looking personal information for the detectors' property tests. The check digits
 * are computed here from their definitions (GB 11643 MOD 11-2, Luhn), independently of checksums.ts.
 */
import fc from "fast-check"

const digit = fc.integer({ min: 0, max: 9 }).map(String)
const digits = (length: number) => fc.array(digit, { minLength: length, maxLength: length }).map((list) => list.join(""))

/** A mainland mobile number: 1, then 3–9, then nine digits. */
export const mobileNumber = fc.tuple(fc.integer({ min: 3, max: 9 }), digits(9)).map(([second, rest]) => `1${second}${rest}`)

function idCheck(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
  const sum = [...first17].reduce((total, char, index) => total + Number(char) * weights[index]!, 0)
  return "10X98765432"[sum % 11]!
}

/** An 18-character resident ID with a real province, a birth date from 1900 to 2020 and its check character. */
export const residentId = fc
  .tuple(
    fc.constantFrom("11", "31", "44", "51", "65"),
    digits(4),
    fc.date({ min: new Date("1900-01-01T00:00:00Z"), max: new Date("2020-12-31T00:00:00Z"), noInvalidDate: true }),
    digits(3)
  )
  .map(([province, area, birth, sequence]) => {
    const first17 = province + area + birth.toISOString().slice(0, 10).replace(/-/g, "") + sequence
    return first17 + idCheck(first17)
  })

function luhnComplete(body: string): string {
  let sum = 0
  for (let index = 0; index < body.length; index++) {
    // Counting from the right of the finished number, where the check digit is position 1, every second digit doubles.
    let value = Number(body[body.length - 1 - index])
    if (index % 2 === 0) value = value * 2 > 9 ? value * 2 - 9 : value * 2
    sum += value
  }
  return body + String((10 - (sum % 10)) % 10)
}

/**
 * A UnionPay card number (62…, 16 to 19 digits) that passes Luhn. An 18-digit one whose last digit is also a resident
 * ID's check character (62 is Gansu's province code) may read as an ID number to anyone, the detectors included, so
 * those are left out.
 */
export const unionPayCard = fc
  .integer({ min: 16, max: 19 })
  .chain((length) => digits(length - 3).map((body) => luhnComplete("62" + body)))
  .filter((card) => card.length !== 18 || idCheck(card.slice(0, 17)) !== card[17])

/** Text that cannot join a neighbouring digit run or email: spaces, punctuation, Chinese. */
export const separator = fc.constantFrom(" ", ", ", "\n", "&phone=", "=", '":"', "：", "手机 ", "卡号 ", "/", "|")

/** Any text, including astral characters, lone surrogates and control characters. */
export const anyText = fc.oneof(fc.string({ unit: "binary", maxLength: 400 }), fc.string({ maxLength: 400 }), fc.string({ unit: fc.constantFrom(..."0123456789@.,-X号市路 %"), maxLength: 400 }))
