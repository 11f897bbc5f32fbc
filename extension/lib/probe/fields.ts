/**
 * The inventory of a page's form fields: what each asks for, by autocomplete token, name, type and label (in
 * Chinese or English), and what the shopper typed, kept only so hashed copies can be recognised in payloads.
 */
import type { FieldEvent } from "../events"
import { labelOf, selectorOf } from "./selector"

/** Inputs that carry no personal information of their own. */
const SKIPPED_TYPES = new Set(["hidden", "submit", "button", "reset", "image", "file", "range", "color"])
/** Typed values are kept up to this length; longer text is not a phone number, ID or name. */
const MAX_VALUE = 200

export type FormField = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement

export function isFormField(element: unknown): element is FormField {
  if (typeof HTMLElement === "undefined" || !(element instanceof HTMLElement)) return false
  if (element instanceof HTMLInputElement) return !SKIPPED_TYPES.has(element.type)
  return element instanceof HTMLSelectElement || element instanceof HTMLTextAreaElement
}

/** The field as an event, without its value. */
export function describeField(field: FormField, time: number): FieldEvent {
  const event: FieldEvent = { type: "field", time, selector: selectorOf(field) }
  const name = field.getAttribute("name")
  if (name) event.name = name
  event.inputType = field instanceof HTMLInputElement ? field.type : field.tagName.toLowerCase()
  const autocomplete = field.getAttribute("autocomplete")
  if (autocomplete) event.autocomplete = autocomplete
  const label = labelOf(field)
  if (label) event.label = label
  return event
}

/** The field with what the shopper typed; undefined for passwords and empty fields, which are never kept. */
export function fieldWithValue(field: FormField, time: number): FieldEvent | undefined {
  if (field instanceof HTMLInputElement && field.type === "password") return undefined
  const value = field.value.trim()
  if (!value) return undefined
  return { ...describeField(field, time), value: value.slice(0, MAX_VALUE) }
}

/** Every field under `root` not reported yet; `seen` remembers them across calls. */
export function newFields(root: ParentNode, seen: WeakSet<Element>, time: number): FieldEvent[] {
  const events: FieldEvent[] = []
  for (const element of Array.from(root.querySelectorAll("input, select, textarea"))) {
    if (seen.has(element) || !isFormField(element)) continue
    seen.add(element)
    events.push(describeField(element, time))
  }
  return events
}
