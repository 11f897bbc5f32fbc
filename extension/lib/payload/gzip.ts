/**
 * Gzip-compressed payloads (some SDKs gzip, then base64, their batches) decompressed with the platform's
 * DecompressionStream, available in service workers and in Node 20.
 */
import { base64Bytes } from "./base64"
import { decodePayload, nest, type PayloadPart } from "./decode"

/** Base64 of the gzip magic bytes 1f 8b 08. */
const GZIP_BASE64_PREFIX = "H4sI"
/** Decompressed text is capped, so a small "zip bomb" cannot fill memory. */
const MAX_INFLATED_BYTES = 4 * 1024 * 1024

/** Gunzip bytes to UTF-8 text; rejects with a clear error when they are not gzip or inflate past the cap. */
export async function gunzipBytes(bytes: Uint8Array): Promise<string> {
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) throw new Error("not gzip data (no 1f 8b header)")
  const stream = new Blob([new Uint8Array(bytes)]).stream().pipeThrough(new DecompressionStream("gzip"))
  const reader = stream.getReader()
  const decoder = new TextDecoder()
  let text = ""
  let total = 0
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    total += chunk.value.length
    if (total > MAX_INFLATED_BYTES) {
      await reader.cancel()
      throw new Error(`gzip data inflates past ${MAX_INFLATED_BYTES} bytes`)
    }
    text += decoder.decode(chunk.value, { stream: true })
  }
  return text + decoder.decode()
}

/** Gunzip a base64 (or base64url) string to text; rejects with a clear error when it is not base64 gzip. */
export async function gunzipBase64(base64: string): Promise<string> {
  const bytes = base64Bytes(base64.trim())
  if (!bytes) throw new Error("not base64 data")
  return gunzipBytes(bytes)
}

/**
 * {@link decodePayload}, also opening base64 gzip blobs wherever they appear (the body itself or one of its
 * values); a blob that fails to inflate stays as it was.
 */
export async function decodePayloadDeep(body: string, root = "body"): Promise<PayloadPart[]> {
  return expandGzip(decodePayload(body, root))
}

/** Replace each part that is base64 gzip with the parts of its inflated text. */
export async function expandGzip(parts: readonly PayloadPart[]): Promise<PayloadPart[]> {
  const out: PayloadPart[] = []
  for (const part of parts) {
    const text = part.text.trim()
    if (!text.startsWith(GZIP_BASE64_PREFIX)) {
      out.push(part)
      continue
    }
    try {
      const inflated = await gunzipBase64(text)
      for (const inner of decodePayload(inflated, nest(part.where, "gzip"))) {
        out.push({ ...inner, key: inner.key ?? part.key, parentKey: inner.parentKey ?? part.parentKey, encoding: "base64" })
      }
    } catch {
      out.push(part)
    }
  }
  return out
}
