/**
 * Receipts and the outbox in IndexedDB (via idb). Every failure — no IndexedDB, private mode, a blocked open —
 * falls back to memory for this page, with a warning, so a decision is never lost for the page that made it.
 */
import { openDB, type IDBPDatabase } from "idb"
import type { Receipt } from "../schema"
import { warn } from "./storage"

type Store = "receipts" | "outbox"

let database: Promise<IDBPDatabase | null> | undefined
const memory: Record<Store, Map<string, Receipt>> = { receipts: new Map(), outbox: new Map() }

function open(): Promise<IDBPDatabase | null> {
  database ??= openDB("zhiqing", 1, {
    upgrade(db) {
      db.createObjectStore("receipts", { keyPath: "id" })
      db.createObjectStore("outbox", { keyPath: "id" })
    }
  }).catch((error: unknown) => {
    warn("IndexedDB is unavailable; receipts are kept for this page only", error)
    return null
  })
  return database
}

async function withStore<T>(work: (db: IDBPDatabase) => Promise<T>, fallback: () => T): Promise<T> {
  const db = await open()
  if (!db) return fallback()
  try {
    return await work(db)
  } catch (error) {
    warn("IndexedDB failed; using memory for this page", error)
    return fallback()
  }
}

/** Keep a receipt for the shopper and queue it for the ledger. */
export function keepReceipt(receipt: Receipt, queue: boolean): Promise<void> {
  memory.receipts.set(receipt.id, receipt)
  if (queue) memory.outbox.set(receipt.id, receipt)
  return withStore(
    async (db) => {
      const tx = db.transaction(["receipts", "outbox"], "readwrite")
      await Promise.all([tx.objectStore("receipts").put(receipt), queue && tx.objectStore("outbox").put(receipt), tx.done])
    },
    () => undefined
  )
}

/** All kept receipts of one store, oldest first. */
export function listReceipts(store: Store): Promise<Receipt[]> {
  const byTime = (list: Receipt[]) => list.sort((a, b) => a.decidedAt.localeCompare(b.decidedAt))
  return withStore(
    async (db) => byTime(await db.getAll(store)),
    () => byTime([...memory[store].values()])
  )
}

export function removeFromOutbox(id: string): Promise<void> {
  memory.outbox.delete(id)
  return withStore(
    (db) => db.delete("outbox", id),
    () => undefined
  )
}
