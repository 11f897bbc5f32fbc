/**
 * The private channel between the MAIN-world probe and the ISOLATED-world relay of one document.
 *
 * Both run at document_start, before any page script, in an order Chrome does not fix. Each announces itself
 * on start and listens for the other; whichever starts second completes the handshake at once, so it is over
 * before the page can listen. The relay then hands over a fresh random event name: the probe's batches travel
 * only under that name, which the page never sees. Once the handshake is done, both stop listening for hellos.
 */
import { announce, listen, unlisten } from "./natives"

export const PROBE_HELLO = "zhiqing-inspector:probe-hello"
export const RELAY_HELLO = "zhiqing-inspector:relay-hello"

/** The probe's side: `onSecret` is called once, with the event name to send batches under. */
export function greetRelay(target: EventTarget, onSecret: (secret: string) => void): void {
  let secret: string | undefined
  const onRelayHello = (event: Event): void => {
    const detail = (event as CustomEvent<unknown>).detail
    if (secret !== undefined || typeof detail !== "string" || !detail) return
    secret = detail
    unlisten(target, RELAY_HELLO, onRelayHello)
    // Tell a relay that started first that the handshake is done, so it stops answering hellos.
    announce(target, PROBE_HELLO, "")
    onSecret(detail)
  }
  listen(target, RELAY_HELLO, onRelayHello)
  announce(target, PROBE_HELLO, "")
}

/** The relay's side: listens under a fresh secret name and passes each batch (a JSON string) to `onBatch`. */
export function openRelay(target: EventTarget, secret: string, onBatch: (batch: string) => void): void {
  target.addEventListener(secret, (event) => {
    const detail = (event as CustomEvent<unknown>).detail
    if (typeof detail === "string") onBatch(detail)
  })
  let done = false
  const onProbeHello = (): void => {
    if (done) return
    done = true
    target.removeEventListener(PROBE_HELLO, onProbeHello)
    announce(target, RELAY_HELLO, secret)
  }
  target.addEventListener(PROBE_HELLO, onProbeHello)
  announce(target, RELAY_HELLO, secret)
}
