/**
 * Keeping choices in step: other tabs through BroadcastChannel (the storage event where it is missing), the
 * merchant's ledger through the IndexedDB outbox with retries, and other devices by pulling the signed-in
 * shopper's latest state from the ledger.
 */
import type { ConsentState } from "../schema"
import { STATE_SCHEMA } from "../generated/json-schemas"
import type { StoredRecord } from "./decisions"
import { listReceipts, removeFromOutbox } from "./receipts"
import { warn } from "./storage"
import { validate } from "./validate"

/** Tell other tabs about a new record, and hear theirs. */
export function tabChannel(onRecord: (record: StoredRecord) => void): (record: StoredRecord) => void {
  if (typeof BroadcastChannel === "function") {
    const channel = new BroadcastChannel("zhiqing")
    channel.onmessage = (event: MessageEvent<StoredRecord>) => onRecord(event.data)
    return (record) => channel.postMessage(record)
  }
  addEventListener("storage", (event) => {
    if (event.key !== "zhiqing" || !event.newValue) return
    try {
      onRecord(JSON.parse(event.newValue) as StoredRecord)
    } catch {
      warn("ignored an unreadable consent record from another tab")
    }
  })
  return () => undefined
}

/**
 * Deliver every queued receipt; acknowledged (200/201) or refused for good (4xx but 408/429) leaves the outbox,
 * anything else stays for the next try, here with backoff and on the next page load. The ledger is idempotent on
 * the receipt id, so a repeat after a lost answer is harmless.
 */
export function createOutbox(endpoint: string): { flush(): void } {
  let delay = 1000
  let timer: ReturnType<typeof setTimeout> | undefined
  let flushing = false

  async function flush(): Promise<void> {
    if (flushing) return
    flushing = true
    let failed = false
    for (const receipt of await listReceipts("outbox")) {
      try {
        const response = await fetch(endpoint, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(receipt), keepalive: true, credentials: "same-origin" })
        if (response.ok || (response.status >= 400 && response.status < 500 && response.status !== 408 && response.status !== 429)) {
          if (!response.ok) warn(`the ledger refused receipt ${receipt.id} (HTTP ${response.status}); it is kept on this device only`)
          await removeFromOutbox(receipt.id)
        } else failed = true
      } catch {
        failed = true
      }
    }
    flushing = false
    clearTimeout(timer)
    if (failed) {
      timer = setTimeout(() => void flush(), delay)
      delay = Math.min(delay * 2, 60000)
    } else delay = 1000
  }

  addEventListener("online", () => void flush())
  return { flush: () => void flush() }
}

/** The signed-in shopper's latest state on the ledger, or null when there is none or it cannot be had. */
export async function pullState(endpoint: string, subject: { id: string; token: string }): Promise<ConsentState | null> {
  try {
    const response = await fetch(`${endpoint.replace(/\/$/, "")}/${encodeURIComponent(subject.id)}`, { headers: { authorization: `Bearer ${subject.token}` } })
    if (!response.ok) {
      if (response.status !== 404) warn(`could not read this shopper's choices from the ledger (HTTP ${response.status})`)
      return null
    }
    const state: unknown = await response.json()
    return validate(STATE_SCHEMA, state).length ? null : (state as ConsentState)
  } catch {
    return null
  }
}
