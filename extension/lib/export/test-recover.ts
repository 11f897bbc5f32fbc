/**
 * The search a reader could run on an export to get a shopper's data back: every string in it, every token of every
 * string, decoded the ways the payload decoders know (URL parts, percent-encoding, JSON, form pairs, base64 and hex
 * at every alignment, gzip) and searched for the values as typed, base64-encoded or hashed. Shared by the property
 * test and the end-to-end measurement.
 */
import { base64Bytes, base64CutText, base64Text, hexText } from "../payload/base64"
import { decodePayload, decodeUrl } from "../payload/decode"
import { expandGzip, gunzipBytes } from "../payload/gzip"
import { knownValueMatcher, type KnownValue } from "../pii/known-values"

const RUN = /[A-Za-z0-9+/_-]{8,}={0,2}/g
const HTML_ENTITY = /&#(\d+);|&(amp|lt|gt|quot|apos);/g
const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" }

function unescapeHtml(text: string): string {
  return text.replace(HTML_ENTITY, (_, code: string | undefined, name: string | undefined) => (code ? String.fromCodePoint(Number(code)) : NAMED[name!]!))
}

function stringsOf(value: unknown, out: string[]): void {
  if (typeof value === "string") out.push(value)
  else if (Array.isArray(value)) value.forEach((item) => stringsOf(item, out))
  else if (value !== null && typeof value === "object") for (const [key, item] of Object.entries(value)) (out.push(key), stringsOf(item, out))
}

/** What base64 and hex runs inside `text` stand for, at every alignment, gzip inflated. */
async function hiddenReadings(text: string): Promise<string[]> {
  const readings: string[] = []
  for (const [run] of text.matchAll(RUN)) {
    const bare = run.replace(/=+$/, "")
    for (let offset = 0; offset < 4; offset++) {
      const rest = bare.slice(offset)
      const base64 = rest.slice(0, rest.length - (rest.length % 4 === 1 ? 1 : 0))
      const bytes = base64Bytes(base64)
      if (bytes && bytes[0] === 0x1f && bytes[1] === 0x8b) readings.push(await gunzipBytes(bytes).catch(() => ""))
      for (const decoded of [base64Text(base64), base64CutText(base64)]) if (decoded !== undefined) readings.push(decoded)
      const hex = hexText(rest.slice(0, rest.length - (rest.length % 2)))
      if (hex !== undefined) readings.push(hex)
    }
  }
  return readings
}

/** Every text a reader could decode out of `text`. */
async function readings(text: string, depth = 0): Promise<string[]> {
  const out = [text]
  const tokens = new Set([text, ...text.split(/[\s"'<>(),;]+/).filter((token) => token.length > 1)])
  for (const token of tokens) {
    const parts = await expandGzip(token.includes("://") ? decodeUrl(token) : decodePayload(token))
    out.push(...parts.map((part) => part.text))
    if (depth < 2) for (const hidden of await hiddenReadings(token)) out.push(...(await readings(hidden, depth + 1)))
  }
  return out
}

/**
 * The shopper's values that can be read back out of an export, as `kind encoding:copy` (masked renderings never
 * match).
 * @param exported the export's text: JSON, a HAR document, or HTML.
 */
export async function recoverableValues(exported: string, values: readonly KnownValue[]): Promise<string[]> {
  const matcher = await knownValueMatcher(values)
  const strings: string[] = [unescapeHtml(exported)]
  try {
    stringsOf(JSON.parse(exported), strings)
  } catch {
    // Not JSON: the HTML export is searched as text.
  }
  const found = new Set<string>()
  for (const text of strings) {
    for (const reading of await readings(text)) {
      for (const match of matcher.find(reading)) found.add(`${match.kind} ${match.encoding}:${match.value}`)
    }
  }
  return [...found]
}
