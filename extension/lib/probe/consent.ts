/**
 * The page's Zhiqing consent over time, so every event can be judged by the state at its moment: the SDK's
 * `zhiqing:ready` and `zhiqing:change` events, and its config — read from the SDK's own fetch of the script tag's
 * `data-config` URL (no extra request), from the SDK's copy of a config file pinned by `data-config-integrity` (a page
 * that fetches nothing), or from `window.zhiqingConfig`.
 */
import type { Config, ConsentState } from "@zhiqing/sdk/schema"
import type { ConsentEvent } from "../events"
import { absoluteUrl, type ProbeContext } from "./context"
import { listen, natives } from "./natives"
import type { FetchWatcher } from "./network"

type ZhiqingPage = typeof globalThis & { Zhiqing?: { get?: () => unknown }; zhiqingConfig?: unknown }

/** A plain copy of what the page handed over: no functions, no getters that could change later. */
function plain<T>(value: unknown): T | undefined {
  try {
    return natives.parse(natives.stringify(value) as string) as T
  } catch {
    return undefined
  }
}

/** A change that turns off something granted before is a withdrawal; any other change is a decision. */
function changePhase(previous: ConsentState | null, next: ConsentState | null): ConsentEvent["phase"] {
  if (!previous || !next) return "decision"
  const revoked = (before: Record<string, boolean>, after: Record<string, boolean>) => Object.keys(before).some((id) => before[id] && after[id] === false)
  return revoked(previous.purposes ?? {}, next.purposes ?? {}) || revoked(previous.separate ?? {}, next.separate ?? {}) ? "withdrawal" : "decision"
}

/**
 * Where an announced state goes on the consent axis. The SDK announces a decision made on the page as "ready" too
 * (its `ready` promise settles then): a state decided after the page started is a decision, not one loaded from
 * storage; any later change is a decision or a withdrawal.
 */
export function consentPhase(announced: "ready" | "change", previous: ConsentState | null, next: ConsentState | null, pageStart: number): ConsentEvent["phase"] {
  const decidedHere = next !== null && natives.parseDate(next.decidedAt) >= pageStart
  return announced === "ready" && !decidedHere ? "ready" : changePhase(previous, next)
}

/** The URLs the page's Zhiqing script tags load their config from. */
function configUrls(): Set<string> {
  const urls = new Set<string>()
  for (const script of Array.from(document.querySelectorAll("script[data-config]"))) {
    const url = absoluteUrl(script.getAttribute("data-config"))
    if (url) urls.add(url)
  }
  return urls
}

/**
 * The config file a script tag pins with `data-config-integrity`, as the SDK kept it on this device (localStorage
 * "zhiqing.pinned": the hash, a space, the file's text) when it was fetched on an earlier page: on this one the SDK
 * starts from that copy and requests nothing. Undefined when there is no copy for the tag's hash.
 */
export function pinnedConfig(): unknown {
  const pins = Array.from(document.querySelectorAll("script[data-config][data-config-integrity]"), (script) => script.getAttribute("data-config-integrity"))
  // Storage is read only on a page that pins its config: a first read of localStorage costs a page a call into the
  // browser, which most pages the inspector watches would otherwise never make.
  if (!pins.length) return undefined
  try {
    const kept: unknown = Reflect.apply(natives.getItem as Storage["getItem"], globalThis.localStorage, ["zhiqing.pinned"])
    const pin = pins.find((each) => each && typeof kept === "string" && kept.startsWith(each + " "))
    if (pin) return natives.parse((kept as string).slice(pin.length + 1))
  } catch {
    // Storage blocked, or not text the SDK wrote: the config is then read from the page's fetch, if it makes one.
  }
  return undefined
}

/** Watch the consent state and config; returns the fetch watcher that picks the config out of the SDK's fetch. */
export function watchConsent(context: ProbeContext): FetchWatcher {
  const page = globalThis as ZhiqingPage
  // The probe starts with the document: a decision dated after this was made on this page, not loaded from storage.
  const pageStart = context.now()
  let last: ConsentState | null = null
  let lastReceipt: string | undefined
  let configSeen = false

  const state = (announced: "ready" | "change", value: unknown): void => {
    const next = plain<ConsentState | null>(value ?? null) ?? null
    // The SDK announces one decision as both "ready" and "change": it is one event on the timeline.
    if (next && next.id === lastReceipt && announced !== "ready") return
    context.emit({ type: "consent", time: context.now(), phase: consentPhase(announced, last, next, pageStart), state: next })
    last = next
    lastReceipt = next?.id
  }

  const config = (value: unknown): void => {
    if (configSeen || typeof value !== "object" || value === null) return
    const copy = plain<Config>(value)
    if (!copy) return
    configSeen = true
    context.emit({ type: "config", time: context.now(), config: copy })
  }

  // The page's own config, else the SDK's copy of a pinned one; nothing is read once the config is known.
  const findConfig = (): void => {
    if (!configSeen) config(page.zhiqingConfig ?? pinnedConfig())
  }
  listen(globalThis, "zhiqing:ready", (event) => {
    state("ready", (event as CustomEvent<unknown>).detail)
    findConfig()
  })
  listen(globalThis, "zhiqing:change", (event) => state("change", (event as CustomEvent<unknown>).detail))
  const lookAround = (): void => {
    findConfig()
    // A decision made before the probe could listen (a frame the probe reached late) is still read.
    if (lastReceipt === undefined && typeof page.Zhiqing?.get === "function") {
      const current = page.Zhiqing.get()
      if (current) state("ready", current)
    }
  }
  listen(document, "DOMContentLoaded", lookAround)
  listen(globalThis, "load", lookAround)

  return (url, response) => {
    if (configSeen || !configUrls().has(url)) return
    void response
      .then((answer) => (answer.ok ? answer.clone().json() : undefined))
      .then(config)
      .catch(() => undefined)
  }
}
