/**
 * A request payload unwrapped into the texts the detectors read: url-encoded forms, JSON (each value with a
 * JSONPath-like `where`), base64 or hex that decodes to text, percent-encoded text, and JSON inside form or query
 * values, nested a few levels.
 */
import { base64Text, hexText, plusRestored } from "./base64"

/** One text found in a payload, with where it was and the key it was the value of. */
export interface PayloadPart {
  /** E.g. "body:json:$.user.phone", "query:mobile", "body:form:data→base64→json:$.phone". */
  where: string
  text: string
  /** The key (form field, query parameter, JSON property) the text was the value of. */
  key?: string
  /** The key of the object holding `key`. */
  parentKey?: string
  /** The last layer unwrapped on the way: "base64" or "hex", or "url" when percent-decoding changed the text. */
  encoding: "plain" | "url" | "base64" | "hex"
}

/** How deep encodings may nest (form → base64 → JSON → …) before the rest is read as plain text. */
export const MAX_DEPTH = 5
/** A payload yields at most this many parts; the rest of a huge JSON is read as one text. */
const MAX_PARTS = 5000

interface Layer {
  where: string
  key?: string
  parentKey?: string
  encoding: PayloadPart["encoding"]
  depth: number
}

/** `where` one layer deeper: "body" + "json:$" → "body:json:$", "query:data" + "base64" → "query:data→base64". */
export function nest(where: string, label: string): string {
  return where.includes(":") ? `${where}→${label}` : `${where}:${label}`
}

function jsonKey(key: string | number): string {
  if (typeof key === "number") return `[${key}]`
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`
}

function parseJson(text: string): unknown {
  const first = text[0]
  if (first !== "{" && first !== "[") return undefined
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

export function safeDecodeComponent(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, " "))
  } catch {
    return text
  }
}

const PERCENT_ESCAPE = /%[0-9A-Fa-f]{2}/

/** The JSON value `text` holds when it is an object or an array. */
export function jsonContainer(text: string): object | undefined {
  const json = parseJson(text)
  return typeof json === "object" && json !== null ? json : undefined
}

/** Percent-decoded `text` when it has escapes that decode, else undefined. */
export function percentDecoded(text: string): string | undefined {
  if (!PERCENT_ESCAPE.test(text)) return undefined
  const decoded = safeDecodeComponent(text)
  return decoded === text ? undefined : decoded
}

/** `a=1&b=2` with no spaces and a plain key in every pair. */
export function formPairs(text: string): Array<[string, string]> | undefined {
  if (!text.includes("=") || /\s/.test(text)) return undefined
  // Base64 padding is not a form with one empty field.
  if (text.length >= 8 && /^[A-Za-z0-9+/_-]+={1,2}$/.test(text)) return undefined
  const pairs: Array<[string, string]> = []
  for (const piece of text.split("&")) {
    if (!piece) continue
    const equals = piece.indexOf("=")
    if (equals <= 0) return undefined
    pairs.push([safeDecodeComponent(piece.slice(0, equals)), safeDecodeComponent(piece.slice(equals + 1))])
  }
  return pairs.length ? pairs : undefined
}

class Unwrapper {
  readonly parts: PayloadPart[] = []

  add(text: string, layer: Layer): void {
    if (this.parts.length >= MAX_PARTS) return
    const trimmed = text.trim()
    if (layer.depth < MAX_DEPTH && trimmed.length > 1) {
      const json = jsonContainer(trimmed)
      if (json) return this.walk(json, `${nest(layer.where, "json:$")}`, layer)
      const decoded = base64Text(plusRestored(trimmed))
      if (decoded !== undefined) return this.add(decoded, { ...layer, where: nest(layer.where, "base64"), encoding: "base64", depth: layer.depth + 1 })
      const pairs = formPairs(trimmed)
      if (pairs) return this.form(pairs, layer)
      const unescaped = percentDecoded(trimmed)
      if (unescaped !== undefined) return this.add(unescaped, { ...layer, where: nest(layer.where, "url"), encoding: "url", depth: layer.depth + 1 })
      const hex = hexText(trimmed)
      // A run of digits can be a phone number as well as hex: both readings are kept.
      if (hex !== undefined) this.add(hex, { ...layer, where: nest(layer.where, "hex"), encoding: "hex", depth: layer.depth + 1 })
    }
    this.parts.push({ where: layer.where, text, key: layer.key, parentKey: layer.parentKey, encoding: layer.encoding })
  }

  form(pairs: Array<[string, string]>, layer: Layer): void {
    for (const [key, value] of pairs) {
      this.add(value, { where: nest(layer.where, `form:${key}`), key, parentKey: layer.key, encoding: layer.encoding, depth: layer.depth + 1 })
    }
  }

  walk(value: unknown, path: string, layer: Layer, key?: string, parentKey?: string): void {
    if (this.parts.length >= MAX_PARTS) return
    if (Array.isArray(value)) {
      value.forEach((item, index) => this.walk(item, path + jsonKey(index), layer, key, parentKey))
    } else if (value !== null && typeof value === "object") {
      for (const [name, item] of Object.entries(value)) this.walk(item, path + jsonKey(name), layer, name, key)
    } else if (typeof value === "string") {
      this.add(value, { where: path, key, parentKey, encoding: layer.encoding, depth: layer.depth + 1 })
    } else if (typeof value === "number") {
      this.parts.push({ where: path, text: String(value), key, parentKey, encoding: layer.encoding })
    }
  }
}

/**
 * Unwrap a request body into the texts it carries. Never throws: what cannot be decoded is returned as it is.
 * @param root names the source in every `where` ("body" unless told).
 */
export function decodePayload(body: string, root = "body"): PayloadPart[] {
  const unwrapper = new Unwrapper()
  unwrapper.add(body, { where: root, encoding: "plain", depth: 0 })
  return unwrapper.parts
}

/**
 * The texts a URL carries: each path segment (`where` "path") and each query parameter (`where` "query:<name>"),
 * percent-decoded and unwrapped like a body.
 */
export function decodeUrl(url: string): PayloadPart[] {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return decodePayload(url, "url")
  }
  const unwrapper = new Unwrapper()
  for (const segment of parsed.pathname.split("/")) {
    if (!segment) continue
    const decoded = safeDecodeComponent(segment)
    unwrapper.add(decoded, { where: "path", encoding: decoded === segment ? "plain" : "url", depth: 1 })
  }
  const query = parsed.search.slice(1)
  for (const piece of query.split("&")) {
    if (!piece) continue
    const equals = piece.indexOf("=")
    const key = safeDecodeComponent(equals === -1 ? piece : piece.slice(0, equals))
    const raw = equals === -1 ? "" : piece.slice(equals + 1)
    const value = safeDecodeComponent(raw)
    const where = equals === -1 ? "query" : `query:${key}`
    unwrapper.add(equals === -1 ? key : value, { where, key: equals === -1 ? undefined : key, encoding: value === raw ? "plain" : "url", depth: 1 })
  }
  if (parsed.hash.length > 1) unwrapper.add(safeDecodeComponent(parsed.hash.slice(1)), { where: "fragment", encoding: "plain", depth: 1 })
  return unwrapper.parts
}
