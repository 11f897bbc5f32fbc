/**
 * What the collectors record about a page, in the order it happened. The probe (MAIN world), the webRequest and
 * cookie listeners all produce these; the analysis turns a tab's events into a Report.
 */
import type { Config, ConsentState } from "@zhiqing/sdk/schema"

interface Base {
  /** Milliseconds since the epoch. */
  time: number
  /** URL of the script that caused it, from the call stack, when known. */
  script?: string
}

export type RequestChannel = "webRequest" | "fetch" | "xhr" | "beacon" | "image" | "websocket" | "form"

export interface RequestEvent extends Base {
  type: "request"
  url: string
  method: string
  channel: RequestChannel
  /** The request body as text (decoded from form data or raw bytes), capped; undefined when there was none. */
  body?: string
  /** "gzip" when the body was sent gzip-compressed and `body` is its inflated text. */
  bodyEncoding?: "gzip"
  /** The server's IP address, from webRequest, when known. */
  ip?: string
  /** webRequest resource type, e.g. "script", "image", "xmlhttprequest". */
  resourceType?: string
}

export interface CookieEvent extends Base {
  type: "cookie"
  name: string
  domain: string
  setBy: "script" | "http"
  removed: boolean
  partitioned?: boolean
}

export interface StorageEvent extends Base {
  type: "storage"
  area: "localStorage" | "sessionStorage" | "indexedDB"
  key: string
}

export type SensitiveApi = "geolocation" | "camera" | "microphone" | "clipboard-read" | "canvas-read" | "audio-fingerprint"

export interface ApiEvent extends Base {
  type: "api"
  api: SensitiveApi
}

export interface ListenerEvent extends Base {
  type: "listener"
  /** The DOM event listened to on a form field, e.g. "input", "keydown". */
  event: string
  selector: string
}

export interface ConsentEvent extends Base {
  type: "consent"
  phase: "ready" | "dialog-shown" | "decision" | "withdrawal"
  state: ConsentState | null
}

export interface ConfigEvent extends Base {
  type: "config"
  config: Config
}

/** A form field seen on the page, with what it asks for. */
export interface FieldEvent extends Base {
  type: "field"
  selector: string
  name?: string
  inputType?: string
  autocomplete?: string
  label?: string
  /**
   * What the shopper typed, kept only in the extension's memory so hashed or encoded copies of it can be recognised
   * in payloads; never put in a report.
   */
  value?: string
}

export type CollectionEvent = RequestEvent | CookieEvent | StorageEvent | ApiEvent | ListenerEvent | ConsentEvent | ConfigEvent | FieldEvent

/** The events of one type, typed as such, in their order. */
export function ofType<T extends CollectionEvent["type"]>(events: readonly CollectionEvent[], type: T): Array<Extract<CollectionEvent, { type: T }>> {
  return events.filter((event): event is Extract<CollectionEvent, { type: T }> => event.type === type)
}
