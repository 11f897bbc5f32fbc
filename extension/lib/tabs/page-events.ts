/**
 * Events that come from a page (the probe and the field inventory) are checked before they are kept: a page can
 * send anything down the relay. Only events of the kinds a page reports, with the fields the analysis reads
 * correctly typed, are accepted; strings are cut to sane lengths.
 */
import type { CollectionEvent, FieldEvent, RequestChannel, RequestEvent, SensitiveApi } from "../events"
import { MAX_BODY_TEXT, MAX_EVENTS_PER_MESSAGE } from "./limits"

/** URLs, selectors, names and labels are cut at this length. */
const MAX_TEXT = 8 * 1024

const PAGE_CHANNELS = new Set<RequestChannel>(["fetch", "xhr", "beacon", "image", "websocket", "form"])
const APIS = new Set<SensitiveApi>(["geolocation", "camera", "microphone", "clipboard-read", "canvas-read", "audio-fingerprint"])
const AREAS = new Set(["localStorage", "sessionStorage", "indexedDB"])
const PHASES = new Set(["ready", "dialog-shown", "decision", "withdrawal"])

type Input = Record<string, unknown>

const text = (value: unknown, max = MAX_TEXT): string | undefined => (typeof value === "string" ? value.slice(0, max) : undefined)

function optionalText<T extends object>(target: T, source: Input, keys: ReadonlyArray<keyof T & string>, max = MAX_TEXT): T {
  for (const key of keys) {
    const value = text(source[key], max)
    if (value !== undefined) (target as Record<string, unknown>)[key] = value
  }
  return target
}

function isObject(value: unknown): value is Input {
  return typeof value === "object" && value !== null && !Array.isArray(value)
}

/** One page event, checked; undefined when it is not one. */
export function pageEvent(value: unknown): CollectionEvent | undefined {
  if (!isObject(value) || typeof value.time !== "number" || !Number.isFinite(value.time)) return undefined
  const time = value.time
  const script = text(value.script)
  const base = script === undefined ? { time } : { time, script }
  switch (value.type) {
    case "request": {
      const url = text(value.url)
      const method = text(value.method, 16)
      const channel = value.channel as RequestChannel
      if (!url || !method || !PAGE_CHANNELS.has(channel)) return undefined
      return optionalText<RequestEvent>({ type: "request", ...base, url, method, channel }, value, ["body"], MAX_BODY_TEXT)
    }
    case "cookie": {
      const name = text(value.name)
      const domain = text(value.domain)
      if (!name || !domain || value.setBy !== "script") return undefined
      return { type: "cookie", ...base, name, domain, setBy: "script", removed: value.removed === true, ...(value.partitioned === true ? { partitioned: true } : {}) }
    }
    case "storage": {
      const key = text(value.key)
      if (key === undefined || !AREAS.has(value.area as string)) return undefined
      return { type: "storage", ...base, area: value.area as "localStorage", key }
    }
    case "api":
      return APIS.has(value.api as SensitiveApi) ? { type: "api", ...base, api: value.api as SensitiveApi } : undefined
    case "listener": {
      const event = text(value.event, 64)
      const selector = text(value.selector)
      return event && selector ? { type: "listener", ...base, event, selector } : undefined
    }
    case "consent":
      if (!PHASES.has(value.phase as string) || (value.state !== null && !isObject(value.state))) return undefined
      // The analysis checks the state's shape before it reads it (page-input.ts).
      return { type: "consent", ...base, phase: value.phase as "ready", state: value.state as never }
    case "config":
      return isObject(value.config) ? { type: "config", ...base, config: value.config as never } : undefined
    case "field": {
      const selector = text(value.selector)
      if (!selector) return undefined
      return optionalText<FieldEvent>({ type: "field", ...base, selector }, value, ["name", "inputType", "autocomplete", "label", "value"])
    }
    default:
      return undefined
  }
}

/** One page message: its events, checked, and how many the page side could not keep or send. */
export interface PageEvents {
  events: CollectionEvent[]
  lost: number
}

/**
 * The events of one page message, checked; what is not an event is left out. Events past the per-message limit
 * count as lost, with those the probe says it dropped (`body.lost`), so a flood shows in the report's `dropped`.
 */
export function pageEvents(body: unknown): PageEvents | string {
  const events = isObject(body) ? body.events : undefined
  if (!Array.isArray(events)) return 'a "page-events" message needs body.events, an array of events'
  const reported = isObject(body) && Number.isSafeInteger(body.lost) && (body.lost as number) > 0 ? (body.lost as number) : 0
  return {
    events: events
      .slice(0, MAX_EVENTS_PER_MESSAGE)
      .map(pageEvent)
      .filter((event): event is CollectionEvent => event !== undefined),
    lost: reported + Math.max(0, events.length - MAX_EVENTS_PER_MESSAGE)
  }
}
