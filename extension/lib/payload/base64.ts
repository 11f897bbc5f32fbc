/** Base64 that trackers use to wrap payloads (standard or URL-safe, padded or not), decoded only when it is text. */

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
  if (!bytes) return undefined
  let decoded: string
  try {
    decoded = new TextDecoder("utf-8", { fatal: true }).decode(bytes)
  } catch {
    return undefined
  }
  return printableShare(decoded) >= 0.9 ? decoded : undefined
}
