/**
 * What a page sends as a request body, as text for the detectors: strings, forms and URLSearchParams as they are,
 * bytes as UTF-8, and gzip bytes as base64 (the payload library inflates base64 gzip). Streams are not read:
 * reading one would consume what the page is sending.
 */
import { MAX_BODY_TEXT } from "../tabs/limits"

function bytesText(bytes: Uint8Array): string {
  const slice = bytes.subarray(0, MAX_BODY_TEXT)
  if (slice[0] !== 0x1f || slice[1] !== 0x8b) return new TextDecoder("utf-8", { fatal: false }).decode(slice)
  let binary = ""
  for (let at = 0; at < slice.length; at += 0x8000) binary += String.fromCharCode(...slice.subarray(at, at + 0x8000))
  return btoa(binary)
}

function formText(form: FormData): string {
  const params = new URLSearchParams()
  form.forEach((value, key) => params.append(key, typeof value === "string" ? value : `[file ${value.name}]`))
  return params.toString()
}

/** The body as text: at once when it is text already, later when it must be read; undefined when unreadable. */
export function bodyText(body: unknown): string | Promise<string | undefined> | undefined {
  if (body === null || body === undefined) return undefined
  if (typeof body === "string") return body.slice(0, MAX_BODY_TEXT)
  if (body instanceof URLSearchParams) return body.toString().slice(0, MAX_BODY_TEXT)
  if (typeof FormData !== "undefined" && body instanceof FormData) return formText(body).slice(0, MAX_BODY_TEXT)
  if (body instanceof ArrayBuffer) return bytesText(new Uint8Array(body))
  if (ArrayBuffer.isView(body)) return bytesText(new Uint8Array(body.buffer, body.byteOffset, body.byteLength))
  if (typeof Blob !== "undefined" && body instanceof Blob) {
    return body
      .slice(0, MAX_BODY_TEXT)
      .arrayBuffer()
      .then((buffer) => bytesText(new Uint8Array(buffer)))
      .catch(() => undefined)
  }
  return undefined
}
