/**
 * The ledger's storage: one SQL schema for embedded PGlite and for PostgreSQL. Receipts are append-only — the
 * database itself refuses UPDATE and DELETE on them — and a withdrawal is simply a newer receipt.
 */
import type { Receipt, RightsRequest } from "../src/schema"

/** The few calls the ledger makes, answered alike by PGlite and by node-postgres. */
interface Sql {
  query<Row>(text: string, params?: unknown[]): Promise<{ rows: Row[] }>
  exec(text: string): Promise<unknown>
  close(): Promise<void>
}

const MIGRATIONS = [
  `CREATE TABLE IF NOT EXISTS receipts (
     id uuid PRIMARY KEY,
     subject text NOT NULL,
     decided_at timestamptz NOT NULL,
     received_at timestamptz NOT NULL DEFAULT now(),
     body jsonb NOT NULL
   );
   CREATE INDEX IF NOT EXISTS receipts_subject ON receipts (subject, decided_at);
   CREATE INDEX IF NOT EXISTS receipts_decided ON receipts (decided_at);
   CREATE OR REPLACE FUNCTION receipts_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN RAISE EXCEPTION 'receipts are append-only'; END $$;
   DROP TRIGGER IF EXISTS receipts_append_only ON receipts;
   CREATE TRIGGER receipts_append_only BEFORE UPDATE OR DELETE ON receipts FOR EACH ROW EXECUTE FUNCTION receipts_append_only();
   CREATE TABLE IF NOT EXISTS rights_tickets (
     id text PRIMARY KEY,
     subject text NOT NULL,
     right_kind text NOT NULL,
     created_at timestamptz NOT NULL DEFAULT now(),
     due_at timestamptz NOT NULL,
     closed_at timestamptz,
     body jsonb NOT NULL
   );`
]

export interface Ticket {
  id: string
  subject: string
  right: string
  createdAt: string
  dueAt: string
  closedAt: string | null
}

export interface LedgerStore {
  /** "created" the first time, "repeat" for the same id and body, "conflict" for the same id with another body. */
  addReceipt(receipt: Receipt): Promise<"created" | "repeat" | "conflict">
  latest(subject: string): Promise<Receipt | null>
  history(subject: string): Promise<Receipt[]>
  addTicket(request: RightsRequest): Promise<Ticket>
  openTickets(all?: boolean): Promise<Ticket[]>
  /** Subjects whose receipts granted a purpose or separate item between two times (PIPL-57). */
  grantedBetween(id: string, from: Date, to: Date): Promise<string[]>
  ping(): Promise<void>
  close(): Promise<void>
}

async function connect(options: { dataDir: string; databaseUrl?: string }): Promise<Sql> {
  if (options.databaseUrl) {
    const { default: pg } = await import("pg")
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 10 })
    return {
      query: async <Row>(text: string, params?: unknown[]) => ({ rows: (await pool.query(text, params)).rows as Row[] }),
      exec: (text) => pool.query(text),
      close: () => pool.end()
    }
  }
  const { PGlite } = await import("@electric-sql/pglite")
  // relaxedDurability stays off: a receipt is acknowledged only once it is on disk.
  const db = await PGlite.create({ dataDir: options.dataDir, relaxedDurability: false })
  return { query: (text, params) => db.query(text, params), exec: (text) => db.exec(text), close: () => db.close() }
}

/** Fifteen working days from a time (a common convention for answering rights requests). */
export function dueDate(from: Date): Date {
  const due = new Date(from)
  for (let left = 15; left > 0; ) {
    due.setUTCDate(due.getUTCDate() + 1)
    if (due.getUTCDay() !== 0 && due.getUTCDay() !== 6) left--
  }
  return due
}

export async function openStore(options: { dataDir: string; databaseUrl?: string }): Promise<LedgerStore> {
  const sql = await connect(options)
  for (const migration of MIGRATIONS) await sql.exec(migration)
  const toTicket = (row: { id: string; subject: string; right_kind: string; created_at: Date; due_at: Date; closed_at: Date | null }): Ticket => ({
    id: row.id,
    subject: row.subject,
    right: row.right_kind,
    createdAt: new Date(row.created_at).toISOString(),
    dueAt: new Date(row.due_at).toISOString(),
    closedAt: row.closed_at && new Date(row.closed_at).toISOString()
  })
  return {
    async addReceipt(receipt) {
      const inserted = await sql.query<{ id: string }>(
        "INSERT INTO receipts (id, subject, decided_at, body) VALUES ($1, $2, $3, $4) ON CONFLICT (id) DO NOTHING RETURNING id",
        [receipt.id, receipt.subject, receipt.decidedAt, JSON.stringify(receipt)]
      )
      if (inserted.rows.length) return "created"
      const existing = await sql.query<{ same: boolean }>("SELECT body = $2::jsonb AS same FROM receipts WHERE id = $1", [receipt.id, JSON.stringify(receipt)])
      return existing.rows[0]?.same ? "repeat" : "conflict"
    },
    async latest(subject) {
      const { rows } = await sql.query<{ body: Receipt }>("SELECT body FROM receipts WHERE subject = $1 ORDER BY decided_at DESC, received_at DESC LIMIT 1", [subject])
      return rows[0]?.body ?? null
    },
    async history(subject) {
      const { rows } = await sql.query<{ body: Receipt }>("SELECT body FROM receipts WHERE subject = $1 ORDER BY decided_at, received_at", [subject])
      return rows.map((row) => row.body)
    },
    async addTicket(request) {
      const id = "R-" + crypto.randomUUID().slice(0, 8).toUpperCase()
      const now = new Date()
      const { rows } = await sql.query<Parameters<typeof toTicket>[0]>(
        "INSERT INTO rights_tickets (id, subject, right_kind, created_at, due_at, body) VALUES ($1, $2, $3, $4, $5, $6) RETURNING *",
        [id, request.subject, request.right, now.toISOString(), dueDate(now).toISOString(), JSON.stringify(request)]
      )
      return toTicket(rows[0]!)
    },
    async openTickets(all = false) {
      const { rows } = await sql.query<Parameters<typeof toTicket>[0]>(`SELECT * FROM rights_tickets ${all ? "" : "WHERE closed_at IS NULL"} ORDER BY due_at`)
      return rows.map(toTicket)
    },
    async grantedBetween(id, from, to) {
      const { rows } = await sql.query<{ subject: string }>(
        `SELECT DISTINCT subject FROM receipts WHERE decided_at BETWEEN $2 AND $3
           AND ((body->'purposes'->>$1) = 'true' OR (body->'separate'->>$1) = 'true') ORDER BY subject`,
        [id, from.toISOString(), to.toISOString()]
      )
      return rows.map((row) => row.subject)
    },
    async ping() {
      await sql.query("SELECT 1")
    },
    close: () => sql.close()
  }
}
