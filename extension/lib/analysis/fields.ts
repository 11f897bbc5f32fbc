/** The page's form fields and what they ask for (PIPL-28). */
import type { FieldEvent } from "../events"
import type { KnownValue } from "../pii/known-values"
import { fieldKind } from "../pii/field-kind"
import type { ReportField } from "../report"
import { maskText } from "./mask-url"

/** Each field once (by selector), as last seen. */
export function reportFields(events: readonly FieldEvent[]): ReportField[] {
  const fields = new Map<string, ReportField>()
  for (const event of events) {
    const { kind, sensitive } = fieldKind(event)
    // Labels and selectors are the page's words, but a page may echo what the shopper typed into them.
    const field: ReportField = { selector: maskText(event.selector), kind, sensitive }
    if (event.label) field.label = maskText(event.label)
    fields.set(event.selector, field)
  }
  return [...fields.values()]
}

/** The values the shopper typed into fields that ask for personal information. */
export function knownValues(events: readonly FieldEvent[]): KnownValue[] {
  const values = new Map<string, KnownValue>()
  for (const event of events) {
    const { kind } = fieldKind(event)
    const value = event.value?.trim()
    if (kind !== "other" && value && value.length >= 2) values.set(`${kind}\u0000${value}`, { kind, value })
  }
  return [...values.values()]
}
