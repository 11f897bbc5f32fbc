/**
 * Hex digests of the shopper's own values, to recognise them when a tracker sends them hashed. SHA-256 comes from
 * Web Crypto; MD5, which Web Crypto lacks but ad platforms still ask for, is computed here (RFC 1321).
 */

const SHIFTS = [7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21] as const
const SINES = Array.from({ length: 64 }, (_, index) => Math.floor(Math.abs(Math.sin(index + 1)) * 2 ** 32) >>> 0)

function wordsOf(bytes: Uint8Array): Uint32Array {
  const blocks = ((bytes.length + 8) >>> 6) + 1
  const words = new Uint32Array(blocks * 16)
  for (let index = 0; index < bytes.length; index++) words[index >>> 2]! |= bytes[index]! << ((index % 4) * 8)
  words[bytes.length >>> 2]! |= 0x80 << ((bytes.length % 4) * 8)
  const bits = bytes.length * 8
  words[blocks * 16 - 2] = bits >>> 0
  words[blocks * 16 - 1] = Math.floor(bits / 2 ** 32)
  return words
}

/** MD5 of the UTF-8 bytes of `text`, as lowercase hex. */
export function md5Hex(text: string): string {
  const words = wordsOf(new TextEncoder().encode(text))
  let a0 = 0x67452301
  let b0 = 0xefcdab89
  let c0 = 0x98badcfe
  let d0 = 0x10325476
  for (let block = 0; block < words.length; block += 16) {
    let a = a0
    let b = b0
    let c = c0
    let d = d0
    for (let step = 0; step < 64; step++) {
      const round = step >>> 4
      let f: number
      let g: number
      if (round === 0) [f, g] = [(b & c) | (~b & d), step]
      else if (round === 1) [f, g] = [(d & b) | (~d & c), (5 * step + 1) % 16]
      else if (round === 2) [f, g] = [b ^ c ^ d, (3 * step + 5) % 16]
      else [f, g] = [c ^ (b | ~d), (7 * step) % 16]
      const sum = (a + f + SINES[step]! + words[block + g]!) >>> 0
      const shift = SHIFTS[round * 4 + (step % 4)]!
      a = d
      d = c
      c = b
      b = (b + ((sum << shift) | (sum >>> (32 - shift)))) >>> 0
    }
    a0 = (a0 + a) >>> 0
    b0 = (b0 + b) >>> 0
    c0 = (c0 + c) >>> 0
    d0 = (d0 + d) >>> 0
  }
  let hex = ""
  for (const word of [a0, b0, c0, d0]) for (let byte = 0; byte < 4; byte++) hex += ((word >>> (byte * 8)) & 0xff).toString(16).padStart(2, "0")
  return hex
}

/** SHA-256 of the UTF-8 bytes of `text`, as lowercase hex. */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text))
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, "0")).join("")
}
