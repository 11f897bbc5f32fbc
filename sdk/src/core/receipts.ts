/**
 * Receipts and the outbox in IndexedDB (via idb). Every failure — no IndexedDB, private mode, a blocked open, a full
 * quota — falls back to memory for this page, with a warning, so a decision is never lost for the page that made it.
 * Stores are reached through transactions, never idb's `db.getAll`-style shortcuts or cursor iterators: the script
 * tag leaves those out (see build.mjs), and receipts.test.ts checks that no source uses them.
 */
import { wrap, type IDBPDatabase, type IDBPObjectStore } from "idb"
import type { Receipt } from "../schema"
import { warn } from "./storage"

type Store = "receipts" | "outbox"

let database: Promise<IDBPDatabase | null> | undefined
const memory: Record<Store, Map<string, Receipt>> = { receipts: new Map(), outbox: new Map() }

function open(): Promise<IDBPDatabase | null> {
  // idb's wrap() of the open request rather than its openDB(), whose blocked/blocking/terminated hooks the SDK does not
  // use. Promise.resolve() first: indexedDB.open throws at once where there is no IndexedDB at all.
  database ??= Promise.resolve()
    .then(() => {
      const request = indexedDB.open("zhiqing", 1)
      request.onupgradeneeded = () => {
        request.result.createObjectStore("receipts", { keyPath: "id" })
        request.result.createObjectStore("outbox", { keyPath: "id" })
      }
      return wrap(request) as Promise<IDBPDatabase>
    })
    .catch((error: unknown) => {
      warn("IndexedDB is unavailable; receipts are kept for this page only", error)
      return null
    })
  return database
}

async function withStore<T>(work: (db: IDBPDatabase) => Promise<T>, fallback: () => T): Promise<T> {
  const db = await open()
  if (db) {
    try {
      return await work(db)
    } catch (error) {
      warn("IndexedDB failed; receipts are kept for this page only", error)
    }
  }
  return fallback()
}

/** One change to each of the stores, settled once it is committed. */
async function write(db: IDBPDatabase, stores: Store[], change: (store: IDBPObjectStore<unknown, Store[], Store, "readwrite">) => Promise<unknown>): Promise<void> {
  const tx = db.transaction(stores, "readwrite")
  await Promise.all([...stores.map((store) => change(tx.objectStore(store))), tx.done])
}

/** Keep a receipt for the shopper and, when there is a ledger, queue it for delivery. */
export function keepReceipt(receipt: Receipt, queue: boolean): Promise<void> {
  const stores: Store[] = queue ? ["receipts", "outbox"] : ["receipts"]
  return withStore(
    (db) => write(db, stores, (store) => store.put(receipt)),
    () => stores.forEach((store) => memory[store].set(receipt.id, receipt))
  )
}

/** The kept receipts of one store, oldest first, also those that only memory holds. */
export async function listReceipts(store: Store): Promise<Receipt[]> {
  const kept = await withStore<Receipt[]>(
    (db) => db.transaction(store).store.getAll(),
    () => []
  )
  const byId = new Map([...kept.map((receipt) => [receipt.id, receipt] as const), ...memory[store]])
  return [...byId.values()].sort((a, b) => a.decidedAt.localeCompare(b.decidedAt))
}

/** Take a delivered (or permanently refused) receipt out of the outbox. */
export function removeFromOutbox(id: string): Promise<void> {
  memory.outbox.delete(id)
  return withStore(
    (db) => write(db, ["outbox"], (store) => store.delete(id)),
    () => undefined
  )
}
