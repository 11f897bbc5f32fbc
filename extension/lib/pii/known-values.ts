/**
 * The shopper's own form values, recognised in payloads also when a tracker hashed them (MD5, SHA-256, lower or
 * upper hex) or base64-encoded them, after the normalisations ad platforms apply before hashing.
 */
import type { PiFound, PiKind } from "../report"
import type { PiMatch } from "./detect"
import { md5Hex, sha256Hex } from "./digest"
import { maskPi } from "./mask"

/** A value the shopper typed into a field of a known kind. */
export interface KnownValue {
  kind: PiKind
  value: string
}

/** A copy of a known value found in a text: where it is, how it was encoded, and the original masked. */
export interface KnownMatch extends PiMatch {
  encoding: NonNullable<PiFound["encoding"]>
  masked: string
}

interface Variant {
  kind: PiKind
  encoding: KnownMatch["encoding"]
  masked: string
}

export interface KnownValueMatcher {
  /** Copies of the known values in `text`. */
  find(text: string): KnownMatch[]
}

/** The forms a value takes before hashing: as typed, trimmed, lowercased, digits only, with the +86 country code. */
function normalisedForms(kind: PiKind, value: string): string[] {
  const trimmed = value.trim()
  const forms = new Set([trimmed, trimmed.toLowerCase(), trimmed.toUpperCase()])
  if (kind === "phone" || kind === "bank-card") {
    const digits = trimmed.replace(/\D/g, "")
    const national = kind === "phone" && digits.length === 13 && digits.startsWith("86") ? digits.slice(2) : digits
    forms.add(national)
    if (kind === "phone") for (const prefixed of [`86${national}`, `+86${national}`, `+86 ${national}`]) forms.add(prefixed)
  }
  if (kind === "name" || kind === "address") forms.add(trimmed.replace(/\s+/g, ""))
  return [...forms].filter((form) => form.length >= 2)
}

function base64Of(text: string): string[] {
  const bytes = new TextEncoder().encode(text)
  let binary = ""
  for (const byte of bytes) binary += String.fromCharCode(byte)
  const standard = btoa(binary).replace(/=+$/, "")
  return [standard, standard.replace(/\+/g, "-").replace(/\//g, "_")]
}

const HEX_RUN = /[0-9a-fA-F]{32,}/g

/** Shorter values (a two-letter name) would match by chance in encoded text; they are still matched as typed. */
const MIN_ENCODED_LENGTH = 4

/** Build a matcher for the shopper's values; hashing them is the only asynchronous part. */
export async function knownValueMatcher(values: readonly KnownValue[]): Promise<KnownValueMatcher> {
  const digests = new Map<string, Variant>()
  const literals = new Map<string, Variant>()
  for (const { kind, value } of values) {
    const masked = maskPi(kind, value)
    for (const form of normalisedForms(kind, value)) {
      literals.set(form, { kind, encoding: "plain", masked })
      digests.set(md5Hex(form), { kind, encoding: "md5", masked })
      digests.set(await sha256Hex(form), { kind, encoding: "sha256", masked })
      if (form.length >= MIN_ENCODED_LENGTH) for (const encoded of base64Of(form)) literals.set(encoded, { kind, encoding: "base64", masked })
    }
  }
  // Longest first, so "+86 138…" is reported once rather than also as its "138…" tail.
  const literalList = [...literals].sort(([a], [b]) => b.length - a.length)
  return {
    find(text) {
      const found: KnownMatch[] = []
      if (!text) return found
      if (digests.size) {
        HEX_RUN.lastIndex = 0
        for (let match = HEX_RUN.exec(text); match; match = HEX_RUN.exec(text)) {
          if (match[0].length !== 32 && match[0].length !== 64) continue
          const variant = digests.get(match[0].toLowerCase())
          if (variant) found.push({ ...variant, start: match.index, end: match.index + match[0].length, value: match[0] })
        }
      }
      for (const [literal, variant] of literalList) {
        // A copy inside an earlier, longer match is not reported again. Earlier matches sorted by start and swept
        // with one pointer keep this linear: a page repeating a value 100,000 times must not stall the inspector.
        const earlier = found.slice().sort((a, b) => a.start - b.start)
        let next = 0
        let reach = -1
        for (let at = text.indexOf(literal); at !== -1; at = text.indexOf(literal, at + literal.length)) {
          while (next < earlier.length && earlier[next]!.start <= at) reach = Math.max(reach, earlier[next++]!.end)
          const end = at + literal.length
          if (reach < end) found.push({ ...variant, start: at, end, value: literal })
        }
      }
      return found.sort((a, b) => a.start - b.start)
    }
  }
}
