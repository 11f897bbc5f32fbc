/** Check digits that tell real identifiers from look-alike digit runs (order numbers, timestamps). */

/** The Luhn sum of `digits` when the last digit is (`withCheck`) or will be (not yet appended) the check digit; NaN on a non-digit. */
function luhnSum(digits: string, withCheck: boolean): number {
  let sum = 0
  let double = !withCheck
  for (let index = digits.length - 1; index >= 0; index--) {
    let digit = digits.charCodeAt(index) - 48
    if (digit < 0 || digit > 9) return Number.NaN
    if (double) {
      digit *= 2
      if (digit > 9) digit -= 9
    }
    sum += digit
    double = !double
  }
  return sum
}

/** Luhn (ISO/IEC 7812) check over a string of digits, as bank card numbers carry. */
export function luhnValid(digits: string): boolean {
  return digits.length > 0 && luhnSum(digits, true) % 10 === 0
}

/** The Luhn check digit that completes `digits` (all digits) into a valid number. */
export function luhnCheckDigit(digits: string): string {
  const sum = luhnSum(digits, false)
  if (Number.isNaN(sum)) throw new Error(`a Luhn check digit needs digits only, got "${digits}"`)
  return String((10 - (sum % 10)) % 10)
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const
const ID_CHECK_CHARS = "10X98765432"

/** Province-level codes (GB/T 2260) that open a mainland resident ID, plus 83 (Taiwan residents) and 91 (foreigners). */
const PROVINCES = new Set([
  11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65,
  71, 81, 82, 83, 91
])

/**
 * An 18-character resident identity number (GB 11643-1999): a known province code, a real birth date between 1900
 * and `now`, and the ISO 7064 MOD 11-2 check character (0–9 or X).
 */
export function residentIdValid(id: string, now: number = Date.now()): boolean {
  if (id.length !== 18) return false
  if (!PROVINCES.has(Number(id.slice(0, 2)))) return false
  const year = Number(id.slice(6, 10))
  const month = Number(id.slice(10, 12))
  const day = Number(id.slice(12, 14))
  const birth = Date.UTC(year, month - 1, day)
  const date = new Date(birth)
  if (year < 1900 || date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day || birth > now) return false
  const check = idCheckChar(id.slice(0, 17))
  return check !== undefined && check === id[17]!.toUpperCase()
}

function idCheckChar(first17: string): string | undefined {
  let sum = 0
  for (let index = 0; index < 17; index++) {
    const digit = first17.charCodeAt(index) - 48
    if (!(digit >= 0 && digit <= 9)) return undefined
    sum += digit * ID_WEIGHTS[index]!
  }
  return ID_CHECK_CHARS[sum % 11]
}

/** The ISO 7064 MOD 11-2 check character (0–9 or X) that completes the first 17 digits of a resident ID. */
export function residentIdCheckChar(first17: string): string {
  const check = first17.length === 17 ? idCheckChar(first17) : undefined
  if (check === undefined) throw new Error(`a resident ID check character needs 17 digits, got "${first17}"`)
  return check
}
