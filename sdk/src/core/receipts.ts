/**
 * Receipts and the outbox in IndexedDB. Every failure — no IndexedDB, private mode, a failed open, a full quota —
 * falls back to memory for this page, with a warning, so a decision is never lost for the page that made it.
 * IndexedDB is used directly: a wrapper library would cost the script tag more than these few requests.
 */
import type { Receipt } from "../schema"
import { warn } from "./storage"

type Store = "receipts" | "outbox"

let database: Promise<IDBDatabase | null> | undefined
const memory: Record<Store, Map<string, Receipt>> = { receipts: new Map(), outbox: new Map() }

function open(): Promise<IDBDatabase | null> {
  // Inside the executor, a page without IndexedDB at all rejects instead of throwing.
  database ??= new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open("zhiqing", 1)
    request.onupgradeneeded = () => {
      request.result.createObjectStore("receipts", { keyPath: "id" })
      request.result.createObjectStore("outbox", { keyPath: "id" })
    }
    request.onsuccess = () => resolve(request.result)
    request.onerror = () => reject(request.error)
  }).catch((error: unknown) => {
    warn("IndexedDB is unavailable; receipts are kept for this page only", error)
    return null
  })
  return database
}

/**
 * One transaction over `stores`, settled once it is committed, with the result of the request `work` returns. No
 * IndexedDB, or a failing one, runs `fallback` instead.
 */
async function transact<T>(stores: Store[], mode: IDBTransactionMode, work: (tx: IDBTransaction) => IDBRequest<T> | void, fallback: () => T): Promise<T> {
  const db = await open()
  if (db) {
    try {
      return await new Promise<T>((resolve, reject) => {
        const tx = db.transaction(stores, mode)
        const request = work(tx)
        tx.oncomplete = () => resolve(request?.result as T)
        tx.onerror = tx.onabort = () => reject(tx.error)
      })
    } catch (error) {
      warn("IndexedDB failed; using memory for this page", error)
    }
  }
  return fallback()
}

/** Keep a receipt for the shopper and, when there is a ledger, queue it for delivery. */
export function keepReceipt(receipt: Receipt, queue: boolean): Promise<void> {
  const stores: Store[] = queue ? ["receipts", "outbox"] : ["receipts"]
  return transact(
    stores,
    "readwrite",
    (tx) => stores.forEach((store) => tx.objectStore(store).put(receipt)),
    () => stores.forEach((store) => memory[store].set(receipt.id, receipt))
  )
}

/** The kept receipts of one store, oldest first, also those that only memory holds. */
export async function listReceipts(store: Store): Promise<Receipt[]> {
  const kept = await transact<Receipt[]>([store], "readonly", (tx) => tx.objectStore(store).getAll(), () => [])
  const byId = new Map(kept.map((receipt) => [receipt.id, receipt]))
  memory[store].forEach((receipt, id) => byId.set(id, receipt))
  return [...byId.values()].sort((a, b) => a.decidedAt.localeCompare(b.decidedAt))
}

/** Take a delivered (or permanently refused) receipt out of the outbox. */
export function removeFromOutbox(id: string): Promise<void> {
  memory.outbox.delete(id)
  return transact(
    ["outbox"],
    "readwrite",
    (tx) => void tx.objectStore("outbox").delete(id),
    () => undefined
  )
}
