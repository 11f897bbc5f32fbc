/**
 * Base64 that trackers use to wrap payloads (standard or URL-safe, padded or not), and hex, decoded only when it is
 * text.
 */

const BASE64_TEXT = /^[A-Za-z0-9+/_-]+={0,2}$/
const MIN_LENGTH = 8

/** Raw bytes of a base64 or base64url string, or undefined when it is not base64. */
export function base64Bytes(text: string): Uint8Array | undefined {
  if (text.length < MIN_LENGTH || !BASE64_TEXT.test(text)) return undefined
  // Numbers and hex digests are far more often what they look like than base64 that happens to fit.
  if (/^(?:\d+|[0-9a-f]+|[0-9A-F]+)$/.test(text)) return undefined
  const standard = text.replace(/-/g, "+").replace(/_/g, "/").replace(/=+$/, "")
  if (standard.length % 4 === 1) return undefined
  try {
    const binary = atob(standard + "=".repeat((4 - (standard.length % 4)) % 4))
    const bytes = new Uint8Array(binary.length)
    for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index)
    return bytes
  } catch {
    return undefined
  }
}

/** Share of characters that are printable (letters in any script, digits, punctuation, spaces). */
function printableShare(text: string): number {
  if (!text.length) return 0
  let printable = 0
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index)
    if ((code >= 32 && code < 127) || code === 9 || code === 10 || code === 13 || (code >= 0xa0 && code !== 0xfffd)) printable++
  }
  return printable / text.length
}

/**
 * The text a base64 string stands for, when it decodes to valid UTF-8 that is at least 90% printable; otherwise
 * undefined (so identifiers and hashes that happen to be valid base64 stay as they are).
 */
export function base64Text(text: string): string | undefined {
  const bytes = base64Bytes(text)
  return bytes && printableText(bytes)
}

/** UTF-8 text of `bytes` when it is valid and at least 90% printable. */
function printableText(bytes: Uint8Array): string | undefined {
  let decoded: string
  try {
    decoded = new TextDecoder("utf-8", { fatal: true }).decode(bytes)
  } catch {
    return undefined
  }
  return printableShare(decoded) >= 0.9 ? decoded : undefined
}

/**
 * {@link base64Text} of a run cut out of a longer text: a character split at either end is dropped instead of
 * failing the whole run.
 */
export function base64CutText(text: string): string | undefined {
  const bytes = base64Bytes(text)
  if (!bytes) return undefined
  const decoded = new TextDecoder("utf-8").decode(bytes).replace(/^\uFFFD{1,3}|\uFFFD{1,3}$/g, "")
  return decoded.includes("\uFFFD") || printableShare(decoded) < 0.9 ? undefined : decoded
}

/**
 * `text` with the spaces put back to `+` when that makes it base64: form decoding turns the `+` of base64 into
 * spaces when a page did not escape it.
 */
export function plusRestored(text: string): string {
  return text.includes(" ") && !/[^ \S]/.test(text) && base64Bytes(text.replace(/ /g, "+")) ? text.replace(/ /g, "+") : text
}

const HEX_TEXT = /^(?:[0-9a-fA-F]{2}){4,}$/

/** The text a hex string stands for (`7b2270…` for `{"p…`), under the same rule as {@link base64Text}. */
export function hexText(text: string): string | undefined {
  if (!HEX_TEXT.test(text)) return undefined
  const bytes = new Uint8Array(text.length / 2)
  for (let index = 0; index < bytes.length; index++) bytes[index] = parseInt(text.slice(index * 2, index * 2 + 2), 16)
  return printableText(bytes)
}

/** Base64 of UTF-8 `text`, in the alphabet and padding of `like` (an encoded string the text came from). */
export function base64Like(text: string, like: string): string {
  let binary = ""
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte)
  let encoded = btoa(binary)
  if (/[-_]/.test(like)) encoded = encoded.replace(/\+/g, "-").replace(/\//g, "_")
  return like.endsWith("=") ? encoded : encoded.replace(/=+$/, "")
}

/** Hex of UTF-8 `text`, in the letter case of `like`. */
export function hexLike(text: string, like: string): string {
  const hex = [...new TextEncoder().encode(text)].map((byte) => byte.toString(16).padStart(2, "0")).join("")
  return /[A-F]/.test(like) ? hex.toUpperCase() : hex
}
