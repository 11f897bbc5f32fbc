/** What every part of the probe shares: where events go, the clock, and who is calling. */
import type { CollectionEvent } from "../events"
import { natives } from "./natives"
import { currentScript } from "./stack"

export interface ProbeContext {
  emit(event: CollectionEvent): void
  /** Milliseconds since the epoch, by the clock as it was before the page could replace it. */
  now(): number
  /** The URL of the page script that is calling right now, when the stack tells. */
  script(): string | undefined
  /** True the first time `key` is seen on this page: repeated calls of one kind are reported once. */
  first(key: string): boolean
}

export function createContext(emit: (event: CollectionEvent) => void): ProbeContext {
  const seen = new Set<string>()
  return {
    emit,
    now: () => natives.now(),
    script: () => currentScript(natives.Error),
    first(key) {
      if (seen.has(key)) return false
      seen.add(key)
      return true
    }
  }
}

/** `text` as an absolute URL against the page, or undefined when it is not one. */
export function absoluteUrl(text: unknown): string | undefined {
  try {
    return new URL(String(text), location.href).href
  } catch {
    return undefined
  }
}
