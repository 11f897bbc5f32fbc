/**
 * Requests the page's scripts make, with the calling script and the body: fetch, XMLHttpRequest, sendBeacon,
 * WebSocket messages, image pixels and form submissions. webRequest sees the same requests from the network's
 * side; the analysis merges the two sightings.
 */
import type { RequestChannel, RequestEvent } from "../events"
import { bodyText } from "./body"
import { absoluteUrl, type ProbeContext } from "./context"
import { listen, natives } from "./natives"
import { wrapMethod, wrapSetter } from "./wrap"

/** Someone who wants to look at a fetch response (the consent watcher reads the SDK's config this way). */
export type FetchWatcher = (url: string, response: Promise<Response>) => void

function send(context: ProbeContext, channel: RequestChannel, url: string | undefined, method: string, body: unknown, script = context.script(), time = context.now()): void {
  if (!url) return
  const event: RequestEvent = { type: "request", time, url, method: method.toUpperCase(), channel }
  if (script) event.script = script
  const text = bodyText(body)
  if (text instanceof Promise) {
    void text.then((value) => context.emit(value === undefined ? event : { ...event, body: value }))
  } else {
    context.emit(text === undefined ? event : { ...event, body: text })
  }
}

function watchFetch(context: ProbeContext, watchResponse: FetchWatcher): void {
  wrapMethod(globalThis, "fetch", (_self, [input, init]) => {
    const request = typeof Request !== "undefined" && input instanceof Request ? input : undefined
    const options = (init ?? {}) as RequestInit
    const url = absoluteUrl(request ? request.url : input)
    const method = options.method ?? request?.method ?? "GET"
    // A Request's own body is read from a clone, taken before fetch consumes it.
    const body = options.body !== undefined ? options.body : request?.body ? request.clone().blob() : undefined
    if (body instanceof Promise) void body.then((blob) => send(context, "fetch", url, method, blob), () => send(context, "fetch", url, method, undefined))
    else send(context, "fetch", url, method, body)
    return (result) => {
      if (url && result instanceof Promise) watchResponse(url, result as Promise<Response>)
    }
  })
}

function watchXhr(context: ProbeContext): void {
  const opened = new WeakMap<object, { method: string; url: string | undefined }>()
  const prototype = globalThis.XMLHttpRequest?.prototype
  wrapMethod(prototype, "open", (self, [method, url]) => {
    opened.set(self as object, { method: String(method), url: absoluteUrl(url) })
  })
  wrapMethod(prototype, "send", (self, [body]) => {
    const request = opened.get(self as object)
    if (request) send(context, "xhr", request.url, request.method, body)
  })
}

function watchBeacon(context: ProbeContext): void {
  wrapMethod(globalThis.Navigator?.prototype, "sendBeacon", (_self, [url, data]) => send(context, "beacon", absoluteUrl(url), "POST", data))
}

function watchWebSocket(context: ProbeContext): void {
  wrapMethod(globalThis.WebSocket?.prototype, "send", (self, [data]) => send(context, "websocket", (self as WebSocket).url, "SEND", data))
}

/** Pixels are images made in script and never shown; images in the page are the page's own pictures. */
function watchPixels(context: ProbeContext): void {
  wrapSetter(globalThis.HTMLImageElement?.prototype, "src", (self, value) => {
    if ((self as HTMLImageElement).isConnected) return
    const url = absoluteUrl(value)
    if (url && /^https?:/.test(url)) send(context, "image", url, "GET", undefined)
  })
}

function watchForms(context: ProbeContext): void {
  listen(
    globalThis,
    "submit",
    (event) => {
      try {
        const submission = submissionOf(event.target)
        if (!submission) return
        const time = context.now()
        // The page's own submit handlers run after this one and may cancel the submission (single-page checkouts
        // do, then send the order themselves): only one that goes ahead is a request.
        natives.setTimeout(() => {
          if (!event.defaultPrevented) send(context, "form", submission.url, submission.method, submission.body, undefined, time)
        }, 0)
      } catch {
        // A form the probe cannot read is still submitted as the page wants.
      }
    },
    true
  )
}

/** What submitting `form` sends, read when it is submitted (the page may clear the fields afterwards). */
function submissionOf(form: EventTarget | null): { url: string | undefined; method: string; body?: FormData } | undefined {
  if (!(form instanceof HTMLFormElement)) return undefined
  const method = (form.getAttribute("method") ?? "GET").toUpperCase()
  const data = new FormData(form)
  // Passwords are never read, not even to look for personal information.
  for (const field of Array.from(form.querySelectorAll<HTMLInputElement>("input[type=password][name]"))) data.delete(field.name)
  const action = absoluteUrl(form.getAttribute("action") ?? location.href)
  if (method === "GET" && action) {
    const url = new URL(action)
    url.search = bodyText(data) as string
    return { url: url.href, method }
  }
  return { url: action, method, body: data }
}

/** Watch every way the page's scripts send data. */
export function watchNetwork(context: ProbeContext, watchResponse: FetchWatcher): void {
  watchFetch(context, watchResponse)
  watchXhr(context)
  watchBeacon(context)
  watchWebSocket(context)
  watchPixels(context)
  watchForms(context)
}
