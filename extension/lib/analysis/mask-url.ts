/**
 * URLs as a report shows them: personal information in the path, query or fragment masked, everything else as it
 * was, so a reader still sees which endpoint was called with which parameters.
 */
import { decodePayload } from "../payload/decode"
import { findPi, type PiMatch } from "../pii/detect"
import type { KnownValueMatcher } from "../pii/known-values"
import { maskPi } from "../pii/mask"

/** What replaces a value that carries personal information only in encoded form (base64, a hash). */
const OPAQUE_MASK = "***"

function decodeComponent(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, " "))
  } catch {
    return text
  }
}

/** Escape only what would change the URL's structure, so masked Chinese text stays readable. */
function encodeLight(text: string): string {
  return text.replace(/[%&=#?/\s+]/g, (character) => encodeURIComponent(character))
}

/** A detection, or a copy of a known value (which may be a hash or base64 of it). */
type Found = PiMatch & { encoding?: string }

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

/** `text` with its personal information masked, or undefined when it has none. */
function maskValue(text: string, key: string | undefined, known: KnownValueMatcher | undefined): string | undefined {
  const matches: Found[] = [...findPi(text, { key }), ...(known?.find(text) ?? [])]
  if (matches.length) return replaceMatches(text, matches)
  const hidden = decodePayload(text, "value").some((part) => part.where !== "value" && (findPi(part.text, { key: part.key, parentKey: part.parentKey }).length > 0 || (known?.find(part.text).length ?? 0) > 0))
  return hidden ? OPAQUE_MASK : undefined
}

function maskPiece(raw: string, key: string | undefined, known: KnownValueMatcher | undefined): string {
  const masked = maskValue(decodeComponent(raw), key, known)
  return masked === undefined ? raw : encodeLight(masked)
}

function maskQuery(query: string, known: KnownValueMatcher | undefined): string {
  return query
    .split("&")
    .map((piece) => {
      const equals = piece.indexOf("=")
      if (equals === -1) return maskPiece(piece, undefined, known)
      const key = piece.slice(0, equals)
      return `${key}=${maskPiece(piece.slice(equals + 1), decodeComponent(key), known)}`
    })
    .join("&")
}

/**
 * The URL with personal information masked, also values of the shopper's that were hashed or encoded when
 * `known` is given. Unchanged (character for character) when it carries none; text that is not a URL is masked
 * as text.
 */
export function maskUrlWith(url: string, known?: KnownValueMatcher): string {
  const queryAt = url.indexOf("?")
  const hashAt = url.indexOf("#")
  const pathEnd = [queryAt, hashAt].filter((at) => at !== -1).reduce((a, b) => Math.min(a, b), url.length)
  const schemeEnd = url.indexOf("://")
  if (schemeEnd === -1) return maskValue(url, undefined, known) ?? url
  const authorityEnd = url.indexOf("/", schemeEnd + 3)
  const originEnd = authorityEnd === -1 || authorityEnd > pathEnd ? pathEnd : authorityEnd
  let origin = url.slice(0, originEnd)
  const credentials = origin.lastIndexOf("@")
  if (credentials > schemeEnd) origin = `${origin.slice(0, schemeEnd + 3)}${OPAQUE_MASK}${origin.slice(credentials)}`
  const path = url
    .slice(originEnd, pathEnd)
    .split("/")
    .map((segment) => (segment ? maskPiece(segment, undefined, known) : segment))
    .join("/")
  const hasQuery = queryAt !== -1 && (hashAt === -1 || queryAt < hashAt)
  const query = hasQuery ? `?${maskQuery(url.slice(queryAt + 1, hashAt === -1 ? url.length : hashAt), known)}` : ""
  // Single-page apps keep parameters in the fragment too.
  const rawFragment = url.slice(hashAt + 1)
  const fragment = hashAt === -1 ? "" : `#${rawFragment.includes("=") ? maskQuery(rawFragment, known) : maskPiece(rawFragment, undefined, known)}`
  return origin + path + query + fragment
}

/** The URL with detected personal information in its path, query and fragment masked. */
export function maskUrl(url: string): string {
  return maskUrlWith(url)
}

/** Free text (a label, a selector) with detected personal information masked. */
export function maskText(text: string, known?: KnownValueMatcher): string {
  return maskValue(text, undefined, known) ?? text
}
