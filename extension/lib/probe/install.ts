/**
 * The MAIN-world probe, installed at document_start: it watches what the page's scripts collect and send, and
 * hands batches to the relay over the private channel. It changes nothing the page can observe.
 */
import { watchApis } from "./apis"
import { greetRelay } from "./channel"
import { watchConsent } from "./consent"
import { createContext } from "./context"
import { ProbeEmitter } from "./emitter"
import { watchListeners } from "./listeners"
import { listen } from "./natives"
import { watchNetwork } from "./network"
import { watchStorage } from "./storage"

const INSTALLED = Symbol.for("zhiqing-inspector.probe")

export function installProbe(): void {
  const scope = globalThis as typeof globalThis & { [INSTALLED]?: true }
  // A frame can be injected twice (the extension reloaded); wrapping twice would report everything twice.
  if (scope[INSTALLED]) return
  Object.defineProperty(scope, INSTALLED, { value: true })
  const emitter = new ProbeEmitter(globalThis)
  const context = createContext((event) => emitter.emit(event))
  watchNetwork(context, watchConsent(context))
  watchStorage(context)
  watchApis(context)
  watchListeners(context)
  listen(globalThis, "pagehide", () => emitter.flush())
  greetRelay(globalThis, (secret) => emitter.open(secret))
}
