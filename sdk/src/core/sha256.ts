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
  const primes: number[] = []
  for (let n = 2; primes.length < 64; n++) if (primes.every((prime) => n % prime)) primes.push(n)
  const fraction = (root: number) => ((root - Math.floor(root)) * 2 ** 32) | 0
  const k = primes.map((prime) => fraction(Math.cbrt(prime)))
  let hash = primes.slice(0, 8).map((prime) => fraction(Math.sqrt(prime)))
  // The message, a 1 bit, zeros, and its length in bits as a 64-bit big-endian number, in 64-byte blocks.
  const padded = new Uint8Array((((data.length + 8) >> 6) + 1) * 64)
  padded.set(data)
  padded[data.length] = 0x80
  const view = new DataView(padded.buffer)
  view.setUint32(padded.length - 8, Math.floor(data.length / 2 ** 29))
  view.setUint32(padded.length - 4, data.length * 8)
  const w: number[] = []
  for (let offset = 0; offset < padded.length; offset += 64) {
    for (let i = 0; i < 64; i++) {
      const x = w[i - 15]!
      const y = w[i - 2]!
      w[i] = i < 16 ? view.getInt32(offset + i * 4) : (w[i - 16]! + (rotate(x, 7) ^ rotate(x, 18) ^ (x >>> 3)) + w[i - 7]! + (rotate(y, 17) ^ rotate(y, 19) ^ (y >>> 10))) | 0
    }
    let [a, b, c, d, e, f, g, h] = hash as [number, number, number, number, number, number, number, number]
    for (let i = 0; i < 64; i++) {
      const t1 = (h + (rotate(e, 6) ^ rotate(e, 11) ^ rotate(e, 25)) + ((e & f) ^ (~e & g)) + k[i]! + w[i]!) | 0
      const t2 = ((rotate(a, 2) ^ rotate(a, 13) ^ rotate(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) | 0
      h = g
      g = f
      f = e
      e = (d + t1) | 0
      d = c
      c = b
      b = a
      a = (t1 + t2) | 0
    }
    hash = [a, b, c, d, e, f, g, h].map((word, i) => (word + hash[i]!) | 0)
  }
  const digest = new DataView(new ArrayBuffer(32))
  hash.forEach((word, i) => digest.setInt32(i * 4, word))
  return new Uint8Array(digest.buffer)
}
