/**
 * A webRequest body as text for the detectors: form fields as a query string, raw bytes as UTF-8, gzip inflated.
 * Decoding base64 and JSON inside the text is the payload library's job; this only makes bytes into text.
 */
import { gunzipBytes } from "../payload/gzip"
import { MAX_BODY_TEXT } from "./limits"

export type RequestBody = chrome.webRequest.OnBeforeRequestDetails["requestBody"]

/** What a body reads as: text now, or gzip bytes that take a moment to inflate. */
export type BodyContent = { text: string } | { gzip: Uint8Array }

function rawBytes(raw: NonNullable<NonNullable<RequestBody>["raw"]>): Uint8Array {
  const chunks = raw.filter((chunk) => chunk.bytes).map((chunk) => new Uint8Array(chunk.bytes!))
  const length = Math.min(
    chunks.reduce((sum, chunk) => sum + chunk.length, 0),
    MAX_BODY_TEXT
  )
  const bytes = new Uint8Array(length)
  let at = 0
  for (const chunk of chunks) {
    if (at >= length) break
    const part = chunk.subarray(0, length - at)
    bytes.set(part, at)
    at += part.length
  }
  return bytes
}

/** The body's content, or undefined when there is none (or only file uploads, which are not read). */
export function requestBodyContent(body: RequestBody | null | undefined): BodyContent | undefined {
  if (!body) return undefined
  if (body.formData) {
    const form = new URLSearchParams()
    for (const [name, values] of Object.entries(body.formData)) for (const value of values) form.append(name, String(value))
    return { text: form.toString().slice(0, MAX_BODY_TEXT) }
  }
  if (!body.raw?.length) return undefined
  const bytes = rawBytes(body.raw)
  if (!bytes.length) return undefined
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) return { gzip: bytes }
  return { text: new TextDecoder("utf-8", { fatal: false }).decode(bytes) }
}

/** Gzip bytes as text, or undefined when they do not inflate (cut off at the cap, or not gzip after all). */
export async function inflatedBody(bytes: Uint8Array): Promise<string | undefined> {
  try {
    return (await gunzipBytes(bytes)).slice(0, MAX_BODY_TEXT)
  } catch {
    return undefined
  }
}
