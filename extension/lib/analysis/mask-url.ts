/**
 * URLs as a report shows them: personal information in the path, query or fragment masked, everything else as it
 * was, so a reader still sees which endpoint was called with which parameters.
 */
import { safeDecodeComponent as decodeComponent } from "../payload/decode"
import type { KnownValueMatcher } from "../pii/known-values"
import { OPAQUE_MASK, maskPlain, maskValue } from "./mask-payload"

/** Escape only what would change the URL's structure, so masked Chinese text stays readable. */
function encodeLight(text: string): string {
  return text.replace(/[%&=#?/\s+]/g, (character) => encodeURIComponent(character))
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
      // A key can carry data too: base64 padding's "=" makes the blob before it look like a key.
      const key = piece.slice(0, equals)
      return `${maskPiece(key, undefined, known)}=${maskPiece(piece.slice(equals + 1), decodeComponent(key), known)}`
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

/**
 * Free text (a label, a selector, an evidence line) with personal information masked: in the text as a whole, and
 * in each URL or encoded value it quotes.
 */
export function maskText(text: string, known?: KnownValueMatcher): string {
  // Whole first: a phone written with spaces spans tokens.
  return maskPlain(text, known)
    .split(/(\s+)/)
    .map((token) => (token.includes("://") ? maskUrlWith(token, known) : token.trim() ? (maskValue(token, undefined, known) ?? token) : token))
    .join("")
}
