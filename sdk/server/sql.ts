/**
 * The few database calls the ledger makes, answered alike by embedded PGlite and by node-postgres.
 */
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from "node:fs"
import { join, resolve } from "node:path"

/** What a query adapter offers; `transaction` runs `work` on one connection between BEGIN and COMMIT. */
export interface Sql {
  query<Row = Record<string, unknown>>(text: string, params?: unknown[]): Promise<{ rows: Row[] }>
  /** Several statements, no parameters. */
  exec(text: string): Promise<void>
  transaction<T>(work: (tx: Omit<Sql, "transaction" | "close">) => Promise<T>): Promise<T>
  close(): Promise<void>
}

/** Raised when the database cannot be reached or refuses to work: the ledger answers 503, not 500. */
export class StoreUnavailableError extends Error {
  override readonly name = "StoreUnavailableError"
}

/**
 * Raised when the database refuses a value it was given (SQLSTATE class 22, "data exception"): a receipt the shared
 * schema lets through but PostgreSQL cannot store, such as an id of 36 hyphens or a NUL character in a string.
 * The ledger answers 422.
 */
export class ValueRefusedError extends Error {
  override readonly name = "ValueRefusedError"
}

const LOCK_FILE = "zhiqing-ledger.lock"

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM"
  }
}

/**
 * PGlite is a single-process database: a second process opening the same directory would corrupt it. The lock
 * holds the owner's pid; a lock left by a process that died (for example by SIGKILL) is taken over.
 */
function lockDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true })
  const path = join(dataDir, LOCK_FILE)
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, "wx")
      writeSync(fd, String(process.pid))
      closeSync(fd)
      return () => rmSync(path, { force: true })
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error
      const owner = Number(readFileSync(path, "utf8").trim())
      if (Number.isInteger(owner) && owner > 0 && isRunning(owner)) {
        throw new StoreUnavailableError(
          `the data directory ${resolve(dataDir)} is in use by process ${owner}; stop that ledger first, or use PostgreSQL (DATABASE_URL). ` +
            `If no ledger is running, delete ${resolve(path)}.`
        )
      }
      rmSync(path, { force: true })
    }
  }
  throw new StoreUnavailableError(`could not lock the data directory ${resolve(dataDir)}`)
}

async function connectPostgres(url: string): Promise<Sql> {
  const { default: pg } = await import("pg")
  const pool = new pg.Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 5_000 })
  // An idle connection dropped by the server must not take the process down; the next query reconnects.
  pool.on("error", (error) => console.error("[zhiqing-ledger] PostgreSQL connection lost:", error.message))
  const run = async <Row>(client: Pick<InstanceType<typeof pg.Pool>, "query">, text: string, params?: unknown[]) => {
    try {
      return { rows: (await client.query(text, params)).rows as Row[] }
    } catch (error) {
      throw classify(error)
    }
  }
  return {
    query: (text, params) => run(pool, text, params),
    exec: async (text) => void (await run(pool, text)),
    async transaction(work) {
      const client = await pool.connect().catch((error: unknown) => Promise.reject(classify(error)))
      try {
        await client.query("BEGIN")
        const result = await work({ query: (text, params) => run(client, text, params), exec: async (text) => void (await run(client, text)) })
        await client.query("COMMIT")
        return result
      } catch (error) {
        await client.query("ROLLBACK").catch(() => undefined)
        throw error
      } finally {
        client.release()
      }
    },
    async close() {
      if (!pool.ended) await pool.end()
    }
  }
}

/** Connection failures and an unusable server are "unavailable", a value it cannot take is "refused"; a mistake in a statement is neither. */
function classify(error: unknown): unknown {
  const code = (error as { code?: unknown }).code
  if (typeof code === "string" && code.startsWith("22")) return new ValueRefusedError(error instanceof Error ? error.message : String(error))
  const unavailable =
    (typeof code === "string" && (/^(08|53|57)/.test(code) || /^E(CONNREFUSED|CONNRESET|HOSTUNREACH|TIMEDOUT|PIPE)$/.test(code))) ||
    (error instanceof Error && /timeout|terminat|Connection ended/i.test(error.message))
  return unavailable ? new StoreUnavailableError(error instanceof Error ? error.message : String(error)) : error
}

async function connectPglite(dataDir: string): Promise<Sql> {
  const unlock = lockDataDir(dataDir)
  try {
    const { PGlite } = await import("@electric-sql/pglite")
    // relaxedDurability stays off, so every statement's result waits for its filesystem sync. With a data directory
    // PGlite writes through to the files as PostgreSQL commits, so a receipt acknowledged after its INSERT
    // returned survives the process being killed (a power cut needs PostgreSQL with fsync).
    const db = await PGlite.create({ dataDir, relaxedDurability: false })
    let closed = false
    // PGlite reports a full disk as PostgreSQL does (SQLSTATE 53100) and carries on once space is freed, so it is
    // "unavailable, try again", not an internal error.
    const run = async <T>(work: () => Promise<T>): Promise<T> => {
      if (closed) throw new StoreUnavailableError("the ledger's store is closed")
      try {
        return await work()
      } catch (error) {
        throw classify(error)
      }
    }
    return {
      query: (text, params) => run(() => db.query(text, params)),
      exec: (text) => run(async () => void (await db.exec(text))),
      transaction: (work) =>
        run(() => db.transaction((tx) => work({ query: (text, params) => tx.query(text, params), exec: async (text) => void (await tx.exec(text)) }))),
      async close() {
        if (closed) return
        closed = true
        try {
          await db.close()
        } finally {
          unlock()
        }
      }
    }
  } catch (error) {
    unlock()
    throw error
  }
}

/** PostgreSQL when a URL is given, else PGlite in the data directory. */
export function connect(options: { dataDir: string; databaseUrl?: string }): Promise<Sql> {
  return options.databaseUrl ? connectPostgres(options.databaseUrl) : connectPglite(options.dataDir)
}
