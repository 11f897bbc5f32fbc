/**
 * Putting canary values into the page's form fields: which value goes where (from the field inventory the relay
 * keeps), and the function injected into the page that types them in.
 */
import type { ReportField } from "../report"
import type { CanaryValue } from "./generate"

/** One field to fill, by the selector the field inventory gave it. */
export interface FillStep {
  selector: string
  value: string
}

/** What filling did in one frame. */
export interface FillOutcome {
  filled: number
  /** Fields found but disabled or read-only: the page has not opened them yet (e.g. before separate consent). */
  skipped: number
}

/** The answer to the `canary` message's "fill": the values and how many fields took them. */
export interface CanaryFill extends FillOutcome {
  canaries: CanaryValue[]
}

/** A step for every field whose kind has a canary value; other fields are left alone. */
export function fillPlan(fields: readonly ReportField[], canaries: readonly CanaryValue[]): FillStep[] {
  const byKind = new Map<string, string>(canaries.map((canary) => [canary.kind, canary.value]))
  const seen = new Set<string>()
  const steps: FillStep[] = []
  for (const field of fields) {
    const value = byKind.get(field.kind)
    if (value === undefined || seen.has(field.selector)) continue
    seen.add(field.selector)
    steps.push({ selector: field.selector, value })
  }
  return steps
}

/**
 * Runs inside the page (chrome.scripting serialises it, so it must use nothing from outside its body): sets each
 * field's value through the platform's own setter, as typing would, and fires `input` and `change` so the page's
 * listeners — and the inspector's field watcher — see it.
 */
export function fillFieldsInPage(steps: FillStep[]): FillOutcome {
  const outcome: FillOutcome = { filled: 0, skipped: 0 }
  for (const step of steps) {
    let elements: Element[]
    try {
      elements = Array.from(document.querySelectorAll(step.selector))
    } catch {
      continue
    }
    for (const element of elements) {
      const isInput = element instanceof HTMLInputElement
      if (!isInput && !(element instanceof HTMLTextAreaElement)) continue
      if (element.disabled || element.readOnly) {
        outcome.skipped++
        continue
      }
      const prototype = isInput ? HTMLInputElement.prototype : HTMLTextAreaElement.prototype
      const setter = Object.getOwnPropertyDescriptor(prototype, "value")?.set
      if (setter) setter.call(element, step.value)
      else element.value = step.value
      element.dispatchEvent(new Event("input", { bubbles: true }))
      element.dispatchEvent(new Event("change", { bubbles: true }))
      outcome.filled++
    }
  }
  return outcome
}
