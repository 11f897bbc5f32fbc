/**
 * The ledger's storage: one SQL schema for embedded PGlite and for PostgreSQL 15+. Receipts are append-only — the
 * database itself refuses UPDATE, DELETE and TRUNCATE on them — and a withdrawal is simply a newer receipt.
 */
import type { Receipt, RightsRequest } from "../src/schema"
import { groupCommit, type AddOutcome } from "./group-commit"
import { connect, type Sql } from "./sql"

export type { AddOutcome } from "./group-commit"

/**
 * The schema, one numbered step at a time. A step, once released, never changes: a data directory records the
 * steps it has had (`ledger_migrations`) and gets only the ones it lacks, each in its own transaction.
 * Step 1 is the schema of the first release, written so it is harmless on a database that already has it.
 */
export const MIGRATIONS: readonly string[] = [
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
   );`,
  // The columns the ledger queries, derived from the stored JSON by the database so they can never disagree with
  // it; adding generated columns rewrites the table without firing the append-only trigger.
  `CREATE FUNCTION ledger_granted_ids(choices jsonb) RETURNS text[] LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
     SELECT coalesce(array_agg(key ORDER BY key), '{}') FROM jsonb_each(choices) WHERE value = 'true'::jsonb
   $$;
   -- Arrival order breaks ties between receipts decided in the same millisecond.
   ALTER TABLE receipts ADD COLUMN seq bigint GENERATED ALWAYS AS IDENTITY;
   -- A receipt counts from when it was decided, but never from later than it arrived: a device whose clock runs
   -- ahead (or a forged date) cannot make a receipt outrank the ones sent after it.
   ALTER TABLE receipts ADD COLUMN effective_at timestamptz GENERATED ALWAYS AS (LEAST(decided_at, received_at)) STORED;
   ALTER TABLE receipts ADD COLUMN granted_purposes text[] GENERATED ALWAYS AS (ledger_granted_ids(body->'purposes')) STORED;
   ALTER TABLE receipts ADD COLUMN granted_separate text[] GENERATED ALWAYS AS (ledger_granted_ids(body->'separate')) STORED;
   DROP INDEX receipts_subject;
   CREATE INDEX receipts_subject ON receipts (subject, effective_at, seq);
   CREATE INDEX receipts_effective ON receipts (effective_at);
   CREATE INDEX receipts_granted_purposes ON receipts USING gin (granted_purposes);
   CREATE INDEX receipts_granted_separate ON receipts USING gin (granted_separate);
   CREATE TRIGGER receipts_no_truncate BEFORE TRUNCATE ON receipts FOR EACH STATEMENT EXECUTE FUNCTION receipts_append_only();
   CREATE INDEX rights_tickets_open ON rights_tickets (due_at) WHERE closed_at IS NULL;`,
  // Receipts partitioned by a hash of the subject (sdk/README.md, "Growth"): a shopper's receipts all sit in one
  // of 16 partitions, so reading them touches one partition however many there are. A unique index on a
  // partitioned table must contain the partition key, so a receipt id's uniqueness across the whole table lives in
  // receipt_ids, claimed in the same transaction as the receipt is inserted. The receipts of the unpartitioned
  // table move over with their arrival times and order.
  `ALTER TABLE receipts RENAME TO receipts_unpartitioned;
   ALTER INDEX receipts_pkey RENAME TO receipts_unpartitioned_pkey;
   CREATE TABLE receipts (
     id uuid NOT NULL,
     subject text NOT NULL,
     decided_at timestamptz NOT NULL,
     received_at timestamptz NOT NULL DEFAULT now(),
     body jsonb NOT NULL,
     seq bigint GENERATED ALWAYS AS IDENTITY,
     effective_at timestamptz GENERATED ALWAYS AS (LEAST(decided_at, received_at)) STORED,
     -- A JSON path rather than ledger_granted_ids(): the same ids (as a JSON array), for a fraction of the work per
     -- receipt stored.
     granted_purposes jsonb GENERATED ALWAYS AS (jsonb_path_query_array(body->'purposes', '$.keyvalue() ? (@.value == true).key')) STORED,
     granted_separate jsonb GENERATED ALWAYS AS (jsonb_path_query_array(body->'separate', '$.keyvalue() ? (@.value == true).key')) STORED,
     PRIMARY KEY (subject, id)
   ) PARTITION BY HASH (subject);
   DO $$ BEGIN
     FOR remainder IN 0..15 LOOP
       EXECUTE format('CREATE TABLE receipts_p%s PARTITION OF receipts FOR VALUES WITH (MODULUS 16, REMAINDER %s)', lpad(remainder::text, 2, '0'), remainder);
       -- A TRUNCATE of the parent does not fire its partitions' triggers, nor the other way round.
       EXECUTE format('CREATE TRIGGER receipts_no_truncate BEFORE TRUNCATE ON receipts_p%s FOR EACH STATEMENT EXECUTE FUNCTION receipts_append_only()', lpad(remainder::text, 2, '0'));
     END LOOP;
   END $$;
   CREATE TABLE receipt_ids (id uuid PRIMARY KEY, subject text NOT NULL);
   INSERT INTO receipts (id, subject, decided_at, received_at, body, seq) OVERRIDING SYSTEM VALUE
     SELECT id, subject, decided_at, received_at, body, seq FROM receipts_unpartitioned ORDER BY seq;
   INSERT INTO receipt_ids (id, subject) SELECT id, subject FROM receipts_unpartitioned;
   SELECT setval(pg_get_serial_sequence('receipts', 'seq'), coalesce((SELECT max(seq) FROM receipts), 0) + 1, false);
   -- Dropped in the same transaction that copied every row; DROP is not an UPDATE, DELETE or TRUNCATE.
   DROP TABLE receipts_unpartitioned;
   DROP FUNCTION ledger_granted_ids(jsonb);
   CREATE INDEX receipts_subject ON receipts (subject, effective_at, seq);
   CREATE INDEX receipts_effective ON receipts (effective_at);
   CREATE INDEX receipts_granted_purposes ON receipts USING gin (granted_purposes jsonb_path_ops);
   CREATE INDEX receipts_granted_separate ON receipts USING gin (granted_separate jsonb_path_ops);
   CREATE TRIGGER receipts_append_only BEFORE UPDATE OR DELETE ON receipts FOR EACH ROW EXECUTE FUNCTION receipts_append_only();
   CREATE TRIGGER receipts_no_truncate BEFORE TRUNCATE ON receipts FOR EACH STATEMENT EXECUTE FUNCTION receipts_append_only();
   CREATE TRIGGER receipt_ids_append_only BEFORE UPDATE OR DELETE ON receipt_ids FOR EACH ROW EXECUTE FUNCTION receipts_append_only();
   CREATE TRIGGER receipt_ids_no_truncate BEFORE TRUNCATE ON receipt_ids FOR EACH STATEMENT EXECUTE FUNCTION receipts_append_only();`
]

/** An individual-rights request as the merchant works on it (PIPL-44-50). */
export interface Ticket {
  id: string
  subject: string
  right: RightsRequest["right"]
  /** The shopper's own words and how to reach them: untrusted text. */
  details?: string
  contact?: string
  locale?: RightsRequest["locale"]
  createdAt: string
  /** Fifteen working days after `createdAt` (a convention; see {@link dueDate}). */
  dueAt: string
  closedAt: string | null
}

/** Which of a receipt's choices a breach query looks at: a purpose, or a separate-consent item (a recipient). */
export type GrantKind = "purpose" | "separate"

export interface LedgerStore {
  /**
   * Store a receipt unless its id is taken, in any ledger on the same database; resolves once the write is committed.
   * Receipts added while a write is in flight are committed together (group commit).
   */
  addReceipt(receipt: Receipt): Promise<AddOutcome>
  /** The subject's receipt in force now, or null. */
  latest(subject: string): Promise<Receipt | null>
  /** Every receipt of the subject, oldest first. */
  history(subject: string): Promise<Receipt[]>
  addTicket(request: RightsRequest, now?: Date): Promise<Ticket>
  /** Open tickets, soonest due first; every ticket with `all`. */
  tickets(all?: boolean): Promise<Ticket[]>
  /** Mark a ticket answered; false when there is no such open ticket. */
  closeTicket(id: string, now?: Date): Promise<boolean>
  /**
   * Subjects whose consent to a purpose or separate item was in force at some moment of [from, to): the receipt in
   * force at `from` granted it, or a receipt made in the window did (PIPL-57).
   */
  grantedBetween(kind: GrantKind, id: string, from: Date, to: Date): Promise<string[]>
  /** Resolves when the database answers. */
  ping(): Promise<void>
  close(): Promise<void>
}

/** Where the ledger keeps its data: PostgreSQL when a URL is given, else PGlite in a directory. */
export interface StoreOptions {
  dataDir: string
  databaseUrl?: string
}

/** Fifteen working days (Monday to Friday, UTC) after a time: a common convention for answering rights requests. */
export function dueDate(from: Date): Date {
  const due = new Date(from)
  for (let left = 15; left > 0; ) {
    due.setUTCDate(due.getUTCDate() + 1)
    if (due.getUTCDay() !== 0 && due.getUTCDay() !== 6) left--
  }
  return due
}

async function migrate(sql: Sql): Promise<void> {
  await sql.transaction(async (tx) => {
    // Two ledgers starting at once on one PostgreSQL database take turns.
    await tx.query("SELECT pg_advisory_xact_lock(7418026)")
    await tx.exec("CREATE TABLE IF NOT EXISTS ledger_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())")
    const { rows } = await tx.query<{ version: number }>("SELECT coalesce(max(version), 0) AS version FROM ledger_migrations")
    const applied = Number(rows[0]?.version ?? 0)
    if (applied > MIGRATIONS.length) throw new Error(`the database has ledger schema ${applied}, newer than this ledger knows (${MIGRATIONS.length}); upgrade the ledger`)
    for (let version = applied + 1; version <= MIGRATIONS.length; version++) {
      await tx.exec(MIGRATIONS[version - 1]!)
      await tx.query("INSERT INTO ledger_migrations (version) VALUES ($1)", [version])
    }
  })
}

interface TicketRow {
  id: string
  subject: string
  right_kind: string
  created_at: Date | string
  due_at: Date | string
  closed_at: Date | string | null
  body: RightsRequest
}

function toTicket(row: TicketRow): Ticket {
  return {
    id: row.id,
    subject: row.subject,
    right: row.body.right,
    ...(row.body.details !== undefined && { details: row.body.details }),
    ...(row.body.contact !== undefined && { contact: row.body.contact }),
    ...(row.body.locale !== undefined && { locale: row.body.locale }),
    createdAt: new Date(row.created_at).toISOString(),
    dueAt: new Date(row.due_at).toISOString(),
    closedAt: row.closed_at === null ? null : new Date(row.closed_at).toISOString()
  }
}

/** A short id a shopper can quote on the phone; collisions are retried. */
function ticketId(): string {
  return "R-" + crypto.randomUUID().slice(0, 8).toUpperCase()
}

/** Receipts in one batch at most: well past what 50 waiting clients make, small enough to keep one statement short. */
const MAX_BATCH = 256

/** The column a breach query reads; chosen here, never taken from input. */
const GRANT_COLUMNS: Record<GrantKind, string> = { purpose: "granted_purposes", separate: "granted_separate" }

/** The ledger's reads of receipts, exported so the bench EXPLAINs exactly what the ledger runs. */
export const RECEIPT_READS = {
  /** The subject's receipt in force ($1 subject): one partition, one index lookup. */
  latest: "SELECT body FROM receipts WHERE subject = $1 ORDER BY effective_at DESC, seq DESC LIMIT 1",
  /** Every receipt of the subject, oldest first ($1 subject). */
  history: "SELECT body FROM receipts WHERE subject = $1 ORDER BY effective_at, seq",
  /**
   * Subjects whose consent to $1 was in force at some moment of [$2, $3). Only a subject with a receipt granting it
   * before the window closed can be concerned (the GIN index); for each, the receipt in force when the window
   * opened is one index lookup in its own partition.
   */
  grantedBetween(kind: GrantKind): string {
    const column = GRANT_COLUMNS[kind]
    const granted = "jsonb_build_array($1::text)"
    return `SELECT subject FROM (SELECT DISTINCT subject FROM receipts WHERE ${column} @> ${granted} AND effective_at < $3) AS candidate
       WHERE EXISTS (SELECT 1 FROM receipts r WHERE r.subject = candidate.subject AND r.effective_at >= $2 AND r.effective_at < $3 AND r.${column} @> ${granted})
          OR (SELECT r.${column} FROM receipts r WHERE r.subject = candidate.subject AND r.effective_at < $2 ORDER BY r.effective_at DESC, r.seq DESC LIMIT 1) @> ${granted}
       ORDER BY subject`
  }
}

/** Open the store and bring its schema up to date. */
export async function openStore(options: StoreOptions): Promise<LedgerStore> {
  const sql = await connect(options)
  try {
    await migrate(sql)
  } catch (error) {
    await sql.close()
    throw error
  }
  return {
    addReceipt: groupCommit(sql, MAX_BATCH),
    async latest(subject) {
      const { rows } = await sql.query<{ body: Receipt }>(RECEIPT_READS.latest, [subject])
      return rows[0]?.body ?? null
    },
    async history(subject) {
      const { rows } = await sql.query<{ body: Receipt }>(RECEIPT_READS.history, [subject])
      return rows.map((row) => row.body)
    },
    async addTicket(request, now = new Date()) {
      for (let attempt = 0; ; attempt++) {
        const { rows } = await sql.query<TicketRow>(
          `INSERT INTO rights_tickets (id, subject, right_kind, created_at, due_at, body) VALUES ($1, $2, $3, $4, $5, $6)
             ON CONFLICT (id) DO NOTHING RETURNING *`,
          [ticketId(), request.subject, request.right, now.toISOString(), dueDate(now).toISOString(), JSON.stringify(request)]
        )
        if (rows[0]) return toTicket(rows[0])
        if (attempt === 3) throw new Error("could not find a free ticket id")
      }
    },
    async tickets(all = false) {
      const { rows } = await sql.query<TicketRow>(`SELECT * FROM rights_tickets ${all ? "" : "WHERE closed_at IS NULL"} ORDER BY due_at, id`)
      return rows.map(toTicket)
    },
    async closeTicket(id, now = new Date()) {
      const { rows } = await sql.query("UPDATE rights_tickets SET closed_at = $2 WHERE id = $1 AND closed_at IS NULL RETURNING id", [id, now.toISOString()])
      return rows.length > 0
    },
    async grantedBetween(kind, id, from, to) {
      const { rows } = await sql.query<{ subject: string }>(RECEIPT_READS.grantedBetween(kind), [id, from.toISOString(), to.toISOString()])
      return rows.map((row) => row.subject)
    },
    async ping() {
      await sql.query("SELECT 1")
    },
    close: () => sql.close()
  }
}
