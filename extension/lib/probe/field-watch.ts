/**
 * Watches a document's form fields from the extension's isolated world (the page cannot tamper with it there):
 * every field once as it appears, and its value when the shopper changes it.
 */
import type { FieldEvent } from "../events"
import { fieldWithValue, isFormField, newFields } from "./fields"

/** New fields are looked for at most this often while the page keeps changing. */
const SCAN_DELAY_MS = 500

export function watchFields(document: Document, send: (events: FieldEvent[]) => void): void {
  const seen = new WeakSet<Element>()
  let scheduled = false
  const scan = (): void => {
    scheduled = false
    const events = newFields(document, seen, Date.now())
    if (events.length) send(events)
  }
  const schedule = (): void => {
    if (scheduled) return
    scheduled = true
    setTimeout(scan, SCAN_DELAY_MS)
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", scan, { once: true })
  else scan()
  new MutationObserver(schedule).observe(document, { childList: true, subtree: true })
  document.addEventListener(
    "change",
    (event) => {
      if (!isFormField(event.target)) return
      const typed = fieldWithValue(event.target, Date.now())
      if (typed) send([typed])
    },
    true
  )
}
