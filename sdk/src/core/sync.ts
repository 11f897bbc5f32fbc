/**
 * Keeping choices in step: other tabs through BroadcastChannel (the storage event where it is missing), the
 * merchant's ledger through the IndexedDB outbox with retries, and other devices by pulling the signed-in
 * shopper's latest state from the ledger.
 */
import type { ConsentState } from "../schema"
import { STATE_SCHEMA } from "../generated/json-schemas"
import type { StoredRecord } from "./decisions"
import { listReceipts, removeFromOutbox } from "./receipts"
import { parseRecord, warn } from "./storage"
import { validate } from "./validate"

/**
 * Tell other tabs about a new record (its stored text), and hear theirs. What arrives is checked like a stored
 * record: another tab may run another version of the SDK.
 */
export function tabChannel(onRecord: (record: StoredRecord) => void): (raw: string) => void {
  const hear = (raw: unknown) => {
    const record = typeof raw === "string" ? parseRecord(raw) : null
    if (record) onRecord(record)
  }
  if (typeof BroadcastChannel === "function") {
    const channel = new BroadcastChannel("zhiqing")
    channel.onmessage = (event: MessageEvent<unknown>) => hear(event.data)
    return (raw) => channel.postMessage(raw)
  }
  addEventListener("storage", (event) => event.key === "zhiqing" && hear(event.newValue))
  return () => undefined
}

/** A ledger answer that takes the receipt out of the outbox: acknowledged, or refused for good (0: no answer). */
function settled(status: number): boolean {
  return (status >= 200 && status < 300) || (status >= 400 && status < 500 && status !== 408 && status !== 429)
}

/**
 * Deliver every queued receipt. Acknowledged (2xx) or refused for good (4xx but 408/429) leaves the outbox; anything
 * else stays for the next try, here with backoff and on the next page load. The ledger is idempotent on the receipt
 * id, so a repeat after a lost answer (or from two tabs at once) is harmless: delivery is at least once.
 */
export function createOutbox(endpoint: string, firstDelay = 1000): { flush(): Promise<void> } {
  let delay = firstDelay
  let timer: ReturnType<typeof setTimeout> | undefined
  // One delivery at a time, in order: a receipt queued during one is sent by the next, straight after.
  let queue = Promise.resolve()
  const flush = () => (queue = queue.then(deliver, deliver))

  async function deliver(): Promise<void> {
    let failed = false
    for (const receipt of await listReceipts("outbox")) {
      // Cookies go with it only to the shop's own origin: fetch's default credentials mode, same-origin.
      const status = await fetch(endpoint, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(receipt),
        keepalive: true
      }).then(
        (response) => response.status,
        () => 0
      )
      if (!settled(status)) failed = true
      else {
        if (status >= 300) warn(`the ledger refused receipt ${receipt.id} (HTTP ${status}); it is kept on this device only`)
        await removeFromOutbox(receipt.id)
      }
    }
    clearTimeout(timer)
    if (failed) {
      timer = setTimeout(() => void flush(), delay)
      delay = Math.min(delay * 2, 60000)
    } else delay = firstDelay
  }

  addEventListener("online", () => void flush())
  return { flush }
}

/** The signed-in shopper's latest state on the ledger, or null when there is none or it cannot be had. */
export async function pullState(endpoint: string, subject: { id: string; token: string }): Promise<ConsentState | null> {
  let why: string
  try {
    const response = await fetch(`${endpoint.replace(/\/$/, "")}/${encodeURIComponent(subject.id)}`, { headers: { authorization: `Bearer ${subject.token}` } })
    if (response.status === 404) return null
    const state: unknown = response.ok ? await response.json() : null
    if (state && !validate(STATE_SCHEMA, state).length) return state as ConsentState
    why = response.ok ? "its copy does not validate" : `HTTP ${response.status}`
  } catch {
    why = "no readable answer"
  }
  warn(`could not read this shopper's choices from the ledger (${why})`)
  return null
}
