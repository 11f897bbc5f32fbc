/** A webRequest body as text, capped, for the detectors: form fields as a query string, raw bytes as UTF-8. */
export const MAX_BODY_TEXT = 256 * 1024

export type RequestBody = chrome.webRequest.OnBeforeRequestDetails["requestBody"]

export function requestBodyText(body: RequestBody | null | undefined): string | undefined {
  if (!body) return undefined
  if (body.formData) {
    const form = new URLSearchParams()
    for (const [name, values] of Object.entries(body.formData)) for (const value of values) form.append(name, String(value))
    return form.toString().slice(0, MAX_BODY_TEXT)
  }
  if (!body.raw?.length) return undefined
  const decoder = new TextDecoder("utf-8", { fatal: false })
  let text = ""
  for (const chunk of body.raw) {
    if (chunk.bytes) text += decoder.decode(chunk.bytes, { stream: true })
    if (text.length >= MAX_BODY_TEXT) break
  }
  return (text + decoder.decode()).slice(0, MAX_BODY_TEXT)
}
