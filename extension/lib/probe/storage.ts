/** What the page's scripts store on the device: cookies written from script, Web Storage keys, IndexedDB databases. */
import { parseCookieWrite } from "../cookies/cookie-write"
import type { CookieEvent, StorageEvent } from "../events"
import type { ProbeContext } from "./context"
import { wrapMethod, wrapSetter } from "./wrap"

function watchCookieWrites(context: ProbeContext): void {
  wrapSetter(globalThis.Document?.prototype, "cookie", (_self, value) => {
    const write = parseCookieWrite(String(value), location.hostname, context.now())
    if (!write) return
    const event: CookieEvent = { type: "cookie", time: context.now(), name: write.name, domain: write.domain, setBy: "script", removed: write.removed }
    if (write.partitioned) event.partitioned = true
    const script = context.script()
    if (script) event.script = script
    context.emit(event)
  })
}

function store(context: ProbeContext, area: StorageEvent["area"], key: string): void {
  const script = context.script()
  // Pages rewrite the same key over and over (timestamps, counters): the first write says it all.
  if (!context.first(`${area}\u0000${key}\u0000${script ?? ""}`)) return
  const event: StorageEvent = { type: "storage", time: context.now(), area, key }
  if (script) event.script = script
  context.emit(event)
}

function watchWebStorage(context: ProbeContext): void {
  let local: Storage | undefined
  try {
    local = globalThis.localStorage
  } catch {
    // Storage blocked (sandboxed frame, settings): there is nothing to watch in it either.
  }
  wrapMethod(globalThis.Storage?.prototype, "setItem", (self, [key]) => store(context, self === local ? "localStorage" : "sessionStorage", String(key)))
}

function watchIndexedDb(context: ProbeContext): void {
  wrapMethod(globalThis.IDBFactory?.prototype, "open", (_self, [name]) => store(context, "indexedDB", String(name)))
}

export function watchStorage(context: ProbeContext): void {
  watchCookieWrites(context)
  watchWebStorage(context)
  watchIndexedDb(context)
}
