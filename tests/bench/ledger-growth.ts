/**
 * The ledger's reads as the receipts table grows: a PostgreSQL database filled with generated receipts, first a few
 * hundred thousand and then a few million, and EXPLAIN ANALYZE of the very statements the ledger runs (the subject's
 * latest state, its history, the breach query). Each should stay an index lookup in one partition (the breach query:
 * a GIN lookup, then one per concerned subject), so its time barely moves while the table grows tenfold.
 */
import pg from "pg"
import { openStore, RECEIPT_READS } from "../../sdk/server/store"
import { median, round } from "./stats"

export interface GrowthQuery {
  name: string
  /** The ledger's route or command that runs it. */
  runBy: string
  /** Execution time (EXPLAIN ANALYZE, median of {@link TIMINGS}) at each size, in ms. */
  msBySize: number[]
  /** Receipt partitions the plan reads at the largest size. */
  partitionsRead: number
  /** Sequential scans in that plan (0: index lookups only). */
  seqScans: number
  rows: number
  plan: string[]
}

export interface GrowthFigures {
  /** Receipts in the table at each measurement. */
  sizes: number[]
  subjects: number
  queries: GrowthQuery[]
}

const SIZES = [300_000, 3_000_000]
const SUBJECTS = 300_000
const CHUNK = 250_000
const TIMINGS = 5
/** A subject in the middle of the generated ones, with about ten receipts at the largest size. */
const SUBJECT = "g-subject-0123456"
/** One receipt in 500 gives this recipient separate consent: a breach notice concerns a few subjects, not all. */
const RECIPIENT = "share-logistics"

/**
 * Receipts $1 to $2: subjects in turn, one decision every 20 s from 2025-01-01 (about two years at three million),
 * each arriving two seconds after it was made; a body shaped like the SDK's.
 */
const GENERATE = `
  WITH generated AS (
    SELECT n, gen_random_uuid() AS id, 'g-subject-' || lpad((n % ${SUBJECTS})::text, 7, '0') AS subject,
           timestamptz '2025-01-01T00:00:00Z' + n * interval '20 seconds' AS decided_at
      FROM generate_series($1::bigint, $2::bigint) AS n
  ), claimed AS (
    INSERT INTO receipt_ids (id, subject) SELECT id, subject FROM generated
  )
  INSERT INTO receipts (id, subject, decided_at, received_at, body)
  SELECT id, subject, decided_at, decided_at + interval '2 seconds', jsonb_build_object(
           'schema', 1, 'id', id, 'subject', subject, 'policyVersion', '2026-11', 'locale', CASE WHEN n % 2 = 0 THEN 'zh-CN' ELSE 'en' END,
           'decidedAt', to_char(decided_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
           'purposes', jsonb_build_object('necessary', true, 'analytics', n % 2 = 0, 'marketing', n % 7 = 0),
           'separate', jsonb_build_object('${RECIPIENT}', n % 500 = 0),
           'noticeHash', repeat('b', 64), 'given', jsonb_build_object('flow', 'banner', 'control', 'agree'))
    FROM generated`

interface Explained {
  ms: number
  rows: number
  plan: string[]
}

async function explain(client: pg.Client, text: string, params: unknown[]): Promise<Explained> {
  const { rows } = await client.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, COSTS OFF, BUFFERS OFF) ${text}`, params)
  const plan = rows.map((row) => row["QUERY PLAN"])
  const ms = Number(/Execution Time: ([\d.]+) ms/.exec(plan.join("\n"))?.[1] ?? NaN)
  const top = /actual time=[\d.]+\.\.[\d.]+ rows=(\d+)/.exec(plan[0] ?? "")
  return { ms, rows: Number(top?.[1] ?? 0), plan }
}

/** Fill the database (migrated by the ledger itself) and time the ledger's reads at each size. */
export async function measureGrowth(databaseUrl: string): Promise<GrowthFigures> {
  await (await openStore({ dataDir: "", databaseUrl })).close()
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  // Only the generated rows go without waiting for their WAL flush; the figures are about reading them.
  await client.query("SET synchronous_commit = off")
  const windowStart = new Date("2026-06-01T00:00:00Z")
  const windowEnd = new Date("2026-07-01T00:00:00Z")
  const queries = [
    { name: "a subject's state in force", runBy: "GET /api/consent/:subject", text: RECEIPT_READS.latest, params: [SUBJECT] },
    { name: "a subject's history", runBy: "GET /api/consent/:subject/history", text: RECEIPT_READS.history, params: [SUBJECT] },
    {
      name: `breach: consent to the recipient "${RECIPIENT}" in force during June 2026`,
      runBy: "zhiqing-ledger breach --recipient",
      text: RECEIPT_READS.grantedBetween("separate"),
      params: [RECIPIENT, windowStart.toISOString(), windowEnd.toISOString()]
    }
  ]
  const timings = queries.map(() => [] as number[])
  const last: Explained[] = []
  try {
    let filled = 0
    for (const size of SIZES) {
      for (; filled < size; filled += CHUNK) await client.query(GENERATE, [filled + 1, Math.min(filled + CHUNK, size)])
      await client.query("VACUUM ANALYZE receipts, receipt_ids")
      for (const [index, query] of queries.entries()) {
        const runs: Explained[] = []
        for (let run = 0; run < TIMINGS; run++) runs.push(await explain(client, query.text, query.params))
        timings[index]!.push(round(median(runs.map((each) => each.ms)), 3))
        last[index] = runs.at(-1)!
      }
    }
  } finally {
    await client.end()
  }
  return {
    sizes: SIZES,
    subjects: SUBJECTS,
    queries: queries.map((query, index) => {
      const { plan, rows } = last[index]!
      return {
        name: query.name,
        runBy: query.runBy,
        msBySize: timings[index]!,
        partitionsRead: new Set(plan.flatMap((line) => (/never executed/.test(line) ? [] : (/\bon (receipts_p\d\d)\b/.exec(line)?.[1] ?? [])))).size,
        seqScans: plan.filter((line) => /Seq Scan/.test(line)).length,
        rows,
        plan
      }
    })
  }
}
