/**
 * SHA-256 for the noticeHash that proves which exact notice the shopper saw (PIPL-69, ISO29184-LANG), and random
 * ids. Both also work on a plain-http page (an http shop, a staging host, a LAN address), where the browser offers
 * neither `crypto.subtle` nor `crypto.randomUUID`: the SDK then uses its own SHA-256 (sha256.ts, loaded only on
 * such pages) and the UUID below.
 */

/** SHA-256 of bytes, for pages without `crypto.subtle`. */
export type Sha256 = (data: Uint8Array) => Uint8Array

/** SHA-256 hex of a text; `fallback` loads the SDK's own SHA-256 where `crypto.subtle` is missing. */
export async function sha256(text: string, fallback: () => Promise<Sha256>): Promise<string> {
  const bytes = new TextEncoder().encode(text)
  const digest = crypto.subtle ? new Uint8Array(await crypto.subtle.digest("SHA-256", bytes)) : (await fallback())(bytes)
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, "0")).join("")
}

/** A random version-4 UUID, from `crypto.getRandomValues` where `crypto.randomUUID` is missing (plain http). */
export function randomId(): string {
  if (crypto.randomUUID) return crypto.randomUUID()
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  bytes[6] = (bytes[6]! & 0x0f) | 0x40
  bytes[8] = (bytes[8]! & 0x3f) | 0x80
  return Array.from(bytes, (byte, index) => (index > 3 && index < 11 && !(index & 1) ? "-" : "") + (byte + 256).toString(16).slice(1)).join("")
}
