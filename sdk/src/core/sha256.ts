/**
 * SHA-256 (FIPS 180-4) for pages without `crypto.subtle` (plain http). The script tag has it in the dialogs chunk
 * (ui/chunk.ts), which computes the notice hash; a property test proves it equal to `crypto.subtle`'s.
 */
import type { Sha256 } from "./hash"

const rotate = (word: number, by: number) => (word >>> by) | (word << (32 - by))

/**
 * SHA-256 of bytes. The round constants are the first 32 bits of the fractional parts of the cube roots of the
 * first 64 primes, and the initial hash those of the square roots of the first 8; they are computed rather than
 * listed to keep the chunk small.
 */
export const sha256Bytes: Sha256 = (data) => {
  const fraction = (root: number) => ((root % 1) * 2 ** 32) | 0
  const k: number[] = []
  let hash: number[] = []
  for (let n = 2; k.length < 64; n++) {
    let divisor = 2
    while (n % divisor) divisor++
    if (divisor === n) {
      k.push(fraction(n ** (1 / 3)))
      hash.push(fraction(n ** 0.5))
    }
  }
  hash.length = 8
  // The message as big-endian 32-bit words: its bytes, a 1 bit, zeros, and its length in bits as a 64-bit number,
  // in 16-word blocks.
  const length = data.length
  const words = new Int32Array((((length + 8) >> 6) + 1) * 16)
  const put = (byte: number, at: number) => (words[at >> 2] = words[at >> 2]! | (byte << (24 - (at % 4) * 8)))
  data.forEach(put)
  put(0x80, length)
  words[words.length - 2] = length / 2 ** 29
  words[words.length - 1] = length * 8
  const w: number[] = []
  for (let offset = 0; offset < words.length; offset += 16) {
    // The working variables a…h; each round drops h, puts the new a in front and adds to e.
    const state = hash.slice()
    for (let i = 0; i < 64; i++) {
      const x = w[i - 15]!
      const y = w[i - 2]!
      w[i] = i < 16 ? words[offset + i]! : (w[i - 16]! + (rotate(x, 7) ^ rotate(x, 18) ^ (x >>> 3)) + w[i - 7]! + (rotate(y, 17) ^ rotate(y, 19) ^ (y >>> 10))) | 0
      const [a, b, c, , e, f, g, h] = state as [number, number, number, number, number, number, number, number]
      const t1 = (h + (rotate(e, 6) ^ rotate(e, 11) ^ rotate(e, 25)) + (g ^ (e & (f ^ g))) + k[i]! + w[i]!) | 0
      state.pop()
      state.unshift((t1 + (rotate(a, 2) ^ rotate(a, 13) ^ rotate(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) | 0)
      state[4] = (state[4]! + t1) | 0
    }
    hash = hash.map((word, i) => (word + state[i]!) | 0)
  }
  return new Uint8Array(32).map((_, i) => hash[i >> 2]! >> (24 - (i % 4) * 8))
}
