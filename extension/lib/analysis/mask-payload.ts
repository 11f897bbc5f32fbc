/**
 * Masking a value the way the decoders read it: each layer the decoders open (JSON, base64, hex, percent-encoding,
 * form pairs) is opened here too, the personal information inside is masked in its decoded form, and the layer is
 * closed again around the masked text. What cannot be masked that way (a compressed blob, a hash of the shopper's
 * value, base64 hidden inside a longer token) is left out as `***`. A last check decodes the result once more and
 * leaves the whole value out if anything is still found, so no masked value gives personal information back.
 */
import { base64Bytes, base64CutText, base64Like, base64Text, hexLike, hexText, plusRestored } from "../payload/base64"
import { MAX_DEPTH, decodePayload, formPairs, jsonContainer, percentDecoded } from "../payload/decode"
import { findPi, type PiMatch } from "../pii/detect"
import type { KnownValueMatcher } from "../pii/known-values"
import { maskPi } from "../pii/mask"

/** What replaces a value that cannot be shown masked. */
export const OPAQUE_MASK = "***"

/** A detection, or a copy of a known value (which may be a hash or base64 of it). */
type Found = PiMatch & { encoding?: string }

/** Runs this long or longer inside a token are tried as base64 or hex at every alignment. */
const EMBEDDED_RUN = /[A-Za-z0-9+/_-]{12,}={0,2}/g

function replaceMatches(text: string, matches: readonly Found[]): string {
  let out = ""
  let at = 0
  for (const match of [...matches].sort((a, b) => a.start - b.start)) {
    if (match.start < at) continue
    out += text.slice(at, match.start) + (match.encoding && match.encoding !== "plain" ? OPAQUE_MASK : maskPi(match.kind, match.value))
    at = match.end
  }
  return out + text.slice(at)
}

function hasPi(text: string, key: string | undefined, parentKey: string | undefined, known: KnownValueMatcher | undefined): boolean {
  return findPi(text, { key, parentKey }).length > 0 || (known?.find(text).length ?? 0) > 0
}

/** Whether any text the decoders find in `text` carries personal information. */
export function revealsPi(text: string, key: string | undefined, known: KnownValueMatcher | undefined): boolean {
  return decodePayload(text, "value").some((part) => hasPi(part.text, part.key ?? key, part.parentKey, known))
}

function isGzip(bytes: Uint8Array | undefined): boolean {
  return bytes !== undefined && bytes[0] === 0x1f && bytes[1] === 0x8b
}

/** The texts a base64 or hex run could stand for, at each of its alignments; OPAQUE_MASK for a gzip reading. */
function embeddedReadings(run: string): string[] {
  const readings: string[] = []
  const bare = run.replace(/=+$/, "")
  for (let offset = 0; offset < 4; offset++) {
    const rest = bare.slice(offset)
    const base64 = rest.slice(0, rest.length - (rest.length % 4 === 1 ? 1 : 0))
    if (isGzip(base64Bytes(base64))) readings.push(OPAQUE_MASK)
    const text = base64CutText(base64)
    if (text !== undefined) readings.push(text)
    const hex = offset < 2 ? hexText(rest.slice(0, rest.length - (rest.length % 2))) : undefined
    if (hex !== undefined) readings.push(hex)
  }
  return readings
}

/** Base64 or hex runs inside a token that decode (at any alignment) to personal information, or to gzip, left out. */
function maskEmbedded(text: string, known: KnownValueMatcher | undefined): string {
  return text.replace(EMBEDDED_RUN, (run) => (embeddedReadings(run).some((reading) => reading === OPAQUE_MASK || revealsPi(reading, undefined, known)) ? OPAQUE_MASK : run))
}

/** `text` with the personal information it shows as it is masked, or undefined when it has none. */
function maskLeaf(text: string, key: string | undefined, parentKey: string | undefined, known: KnownValueMatcher | undefined): string | undefined {
  const matches: Found[] = [...findPi(text, { key, parentKey }), ...(known?.find(text) ?? [])]
  const masked = maskEmbedded(matches.length ? replaceMatches(text, matches) : text, known)
  return masked === text ? undefined : masked
}

class LayerMasker {
  constructor(private readonly known: KnownValueMatcher | undefined) {}

  /** `text` masked inside its layers, or undefined when nothing in it needed masking. */
  value(text: string, key: string | undefined, parentKey: string | undefined, depth: number): string | undefined {
    const trimmed = text.trim()
    if (trimmed.length < 2) return maskLeaf(text, key, parentKey, this.known)
    // Layers nested deeper than the decoders open are left out rather than shown unread.
    const deeper = depth < MAX_DEPTH
    const json = jsonContainer(trimmed)
    if (json) return deeper ? this.json(json, key, depth) : OPAQUE_MASK
    const base64 = plusRestored(trimmed)
    // Inflating is asynchronous and masking is not: a compressed blob is left out whole.
    if (isGzip(base64Bytes(base64))) return OPAQUE_MASK
    const decoded = base64Text(base64)
    if (decoded !== undefined) return deeper ? this.wrapped(decoded, (masked) => base64Like(masked, base64), key, parentKey, depth) : OPAQUE_MASK
    const pairs = formPairs(trimmed)
    if (pairs) return deeper ? this.form(trimmed, pairs, key, depth) : OPAQUE_MASK
    const unescaped = percentDecoded(trimmed)
    if (unescaped !== undefined) return deeper ? this.wrapped(unescaped, encodeURIComponent, key, parentKey, depth) : OPAQUE_MASK
    // A run of digits can be a phone number as well as hex: the hex reading is masked first, then the text as it is.
    const hex = hexText(trimmed)
    const unhexed = hex === undefined ? undefined : deeper ? this.wrapped(hex, (masked) => hexLike(masked, trimmed), key, parentKey, depth) : OPAQUE_MASK
    return maskLeaf(unhexed ?? text, key, parentKey, this.known) ?? unhexed
  }

  private wrapped(decoded: string, encode: (masked: string) => string, key: string | undefined, parentKey: string | undefined, depth: number): string | undefined {
    const masked = this.value(decoded, key, parentKey, depth + 1)
    return masked === undefined ? undefined : encode(masked)
  }

  /** A key masked as it stands: a page can put data where a key belongs. */
  private key(key: string): string | undefined {
    return maskLeaf(key, undefined, undefined, this.known)
  }

  private form(text: string, pairs: ReadonlyArray<[string, string]>, parentKey: string | undefined, depth: number): string | undefined {
    const masked = pairs.map(([key, value]) => [this.key(key), key, this.value(value, key, parentKey, depth + 1)] as const)
    if (masked.every(([maskedKey, , value]) => maskedKey === undefined && value === undefined)) return undefined
    const raw = text.split("&").filter(Boolean)
    return masked
      .map(([maskedKey, key, value], index) => (maskedKey === undefined && value === undefined ? raw[index] : `${encodeURIComponent(maskedKey ?? key)}=${encodeURIComponent(value ?? pairs[index]![1])}`))
      .join("&")
  }

  private json(root: object, key: string | undefined, depth: number): string | undefined {
    let changed = false
    const walk = (value: unknown, name: string | undefined, parent: string | undefined): unknown => {
      if (Array.isArray(value)) return value.map((item) => walk(item, name, parent))
      if (value !== null && typeof value === "object") {
        return Object.fromEntries(
          Object.entries(value).map(([child, item]) => {
            const maskedKey = this.key(child)
            if (maskedKey !== undefined) changed = true
            return [maskedKey ?? child, walk(item, child, name)]
          })
        )
      }
      if (typeof value !== "string" && typeof value !== "number") return value
      const masked = this.value(String(value), name, parent, depth + 1)
      if (masked === undefined) return value
      changed = true
      return masked
    }
    const masked = walk(root, key, undefined)
    return changed ? JSON.stringify(masked) : undefined
  }
}

/**
 * `text` with its personal information masked, in every layer the decoders open, or undefined when it has none.
 * @param key the key (query parameter, form field) `text` was the value of, which sharpens detection.
 * @param known the shopper's own values, also found hashed or encoded.
 */
export function maskValue(text: string, key: string | undefined, known: KnownValueMatcher | undefined): string | undefined {
  const masked = new LayerMasker(known).value(text, key, undefined, 0)
  return revealsPi(masked ?? text, key, known) ? OPAQUE_MASK : masked
}

/** Personal information in `text` masked as it stands, without opening any layer. */
export function maskPlain(text: string, known: KnownValueMatcher | undefined): string {
  return maskLeaf(text, undefined, undefined, known) ?? text
}
