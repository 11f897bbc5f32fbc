/**
 * Group commit: receipts that arrive while a write is in flight are stored together in the next one, as one
 * multi-row INSERT in one transaction (one WAL flush for all of them instead of one each). Every receipt still gets
 * its own outcome, and none is answered before the statement that stored it has committed.
 */
import type { Receipt } from "../src/schema"
import type { Sql } from "./sql"
import { StoreUnavailableError } from "./sql"

/** What storing a receipt did: stored it, found the same receipt already stored, or found another under its id. */
export type AddOutcome = "created" | "repeat" | "conflict"

/**
 * Store a batch in one statement, so in one transaction. `receipt_ids` is the one place a receipt id is unique
 * across the whole (partitioned) table: a batch first claims its ids there, and only the receipts whose id it
 * claimed are inserted. Within the batch the first receipt with an id wins and the others are judged against it,
 * exactly as if they had come later. The ids are claimed in ascending order, so two ledgers writing overlapping
 * batches wait for each other instead of deadlocking.
 */
const INSERT_BATCH = `
  WITH sent AS (
    SELECT (e->>'id')::uuid AS id, e->>'subject' AS subject, (e->>'decidedAt')::timestamptz AS decided_at, e AS body, ord
      FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS x(e, ord)
  ), first_of_each AS (
    SELECT DISTINCT ON (id) * FROM sent ORDER BY id, ord
  ), claimed AS (
    INSERT INTO receipt_ids (id, subject) SELECT id, subject FROM first_of_each ON CONFLICT (id) DO NOTHING RETURNING id
  ), stored AS (
    INSERT INTO receipts (id, subject, decided_at, body)
      SELECT f.id, f.subject, f.decided_at, f.body FROM first_of_each f JOIN claimed USING (id) ORDER BY f.ord
      RETURNING id
  )
  SELECT f.ord FROM first_of_each f JOIN stored USING (id)`

/**
 * How each receipt that was not stored compares with the one stored under its id. jsonb equality ignores key
 * order and spacing, so a resend serialised differently is still the same receipt. A separate statement, so it
 * sees a receipt another ledger committed while this batch waited for it.
 */
const COMPARE_STORED = `
  SELECT x.ord, r.body = x.e AS same
    FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS x(e, ord)
    JOIN receipt_ids i ON i.id = (x.e->>'id')::uuid
    JOIN receipts r ON r.subject = i.subject AND r.id = i.id`

/** Store receipts in one transaction; the outcomes are in the order of `receipts`. */
export async function writeReceipts(sql: Pick<Sql, "query">, receipts: readonly Receipt[]): Promise<AddOutcome[]> {
  const batch = JSON.stringify(receipts)
  const created = new Set((await sql.query<{ ord: number | string }>(INSERT_BATCH, [batch])).rows.map((row) => Number(row.ord)))
  const outcomes: Array<AddOutcome | undefined> = receipts.map((_, index) => (created.has(index + 1) ? "created" : undefined))
  if (created.size < receipts.length) {
    const others = receipts.filter((_, index) => !created.has(index + 1))
    const positions = receipts.flatMap((_, index) => (created.has(index + 1) ? [] : [index]))
    const { rows } = await sql.query<{ ord: number | string; same: boolean }>(COMPARE_STORED, [JSON.stringify(others)])
    for (const row of rows) outcomes[positions[Number(row.ord) - 1]!] = row.same ? "repeat" : "conflict"
  }
  const missing = outcomes.findIndex((outcome) => outcome === undefined)
  if (missing >= 0) throw new Error(`receipt ${missing + 1} of the batch was neither stored nor found stored`)
  return outcomes as AddOutcome[]
}

interface Waiting {
  receipt: Receipt
  resolve(outcome: AddOutcome): void
  reject(error: unknown): void
}

/**
 * `addReceipt` with group commit: one batch is written at a time, and the receipts that arrive meanwhile form the
 * next one (up to `maxBatch`). Under light load each receipt is written at once, alone. One batch at a time is what
 * makes the batches large: on PostgreSQL, other ledger processes and the server's own WAL group flush already
 * overlap the commits.
 */
export function groupCommit(sql: Pick<Sql, "query">, maxBatch: number): (receipt: Receipt) => Promise<AddOutcome> {
  const queue: Waiting[] = []
  let busy = false

  async function write(batch: Waiting[]): Promise<void> {
    try {
      const outcomes = await writeReceipts(
        sql,
        batch.map((each) => each.receipt)
      )
      batch.forEach((each, index) => each.resolve(outcomes[index]!))
    } catch (error) {
      // Nothing of a failed batch was committed. When the store is down every receipt gets that answer; otherwise one
      // receipt the database refused must not cost the others theirs, so each is tried on its own.
      if (error instanceof StoreUnavailableError || batch.length === 1) {
        for (const each of batch) each.reject(error)
        return
      }
      for (const each of batch) await write([each])
    }
  }

  // Deferred to the end of this turn of the event loop, so the requests read in one turn share a batch.
  function schedule(): void {
    if (busy || queue.length === 0) return
    busy = true
    setImmediate(() => {
      void write(queue.splice(0, maxBatch)).finally(() => {
        busy = false
        schedule()
      })
    })
  }

  return (receipt) =>
    new Promise<AddOutcome>((resolve, reject) => {
      queue.push({ receipt, resolve, reject })
      schedule()
    })
}
