/**
 * What the ledger's tests share: sample receipts, the two stores every test runs against — PGlite in a temp
 * directory, and PostgreSQL (a throwaway cluster, or DATABASE_URL) when it can start — and `zhiqing-ledger`
 * processes to kill.
 */
import { spawn, type ChildProcess } from "node:child_process"
import { cpSync, existsSync, mkdtempSync, readFileSync, renameSync, rmSync } from "node:fs"
import { createRequire } from "node:module"
import { tmpdir } from "node:os"
import { join, sep } from "node:path"
import { fileURLToPath } from "node:url"
import type { Receipt } from "../src/schema"
import { createDatabase, startTestPostgres } from "./test-postgres"

/** A valid receipt; each call gets a new id. */
export function sampleReceipt(overrides: Partial<Receipt> = {}): Receipt {
  return {
    schema: 1,
    id: crypto.randomUUID(),
    subject: "s_ledgertest1",
    policyVersion: "2026-11",
    locale: "zh-CN",
    decidedAt: "2026-11-01T08:00:00.000Z",
    purposes: { necessary: true, analytics: true },
    separate: { "sensitive-id-card": false },
    noticeHash: "b".repeat(64),
    given: { flow: "banner", control: "agree" },
    ...overrides
  }
}

/** One of the two stores, as the tests see it: a fresh place to keep data, and how to throw it all away. */
export interface TestStore {
  name: "PGlite" | "PostgreSQL"
  /** The reason this store's tests are skipped, if they are. */
  skip?: string
  /** Options for a ledger or store on a new, empty database. */
  fresh(): Promise<{ dataDir: string; databaseUrl?: string }>
  /** Remove everything `fresh` made. */
  cleanUp(): Promise<void>
}

/**
 * An empty PGlite cluster to copy: creating one takes seconds (initdb in WebAssembly), copying it a fraction of
 * that. It is made once per PGlite version and kept in the temp directory for later runs.
 */
async function pgliteTemplate(): Promise<string> {
  // The package does not export its package.json; it sits above the resolved entry's dist/ folder.
  const entry = createRequire(import.meta.url).resolve("@electric-sql/pglite")
  const { version } = JSON.parse(readFileSync(join(entry.slice(0, entry.lastIndexOf(`${sep}dist${sep}`)), "package.json"), "utf8")) as { version: string }
  const template = join(tmpdir(), `zhiqing-pglite-template-${version}`)
  if (existsSync(join(template, "PG_VERSION"))) return template
  const building = mkdtempSync(join(tmpdir(), "zhiqing-pglite-building-"))
  const { PGlite } = await import("@electric-sql/pglite")
  await (await PGlite.create({ dataDir: building })).close()
  try {
    renameSync(building, template)
  } catch {
    // Another test file finished its template first; use that one.
    rmSync(building, { recursive: true, force: true })
  }
  return template
}

/** A new, empty PGlite data directory under `parent` (the temp directory by default); the caller removes it. */
export async function newPgliteDir(parent = tmpdir()): Promise<string> {
  const dataDir = mkdtempSync(join(parent, "zhiqing-ledger-test-"))
  cpSync(await pgliteTemplate(), dataDir, { recursive: true })
  return dataDir
}

function pgliteStore(): TestStore {
  const dirs: string[] = []
  return {
    name: "PGlite",
    async fresh() {
      const dataDir = await newPgliteDir()
      dirs.push(dataDir)
      // An empty URL keeps PGlite even when DATABASE_URL is set for the PostgreSQL half.
      return { dataDir, databaseUrl: "" }
    },
    async cleanUp() {
      for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
    }
  }
}

/** PostgreSQL gives each `fresh()` its own database in one throwaway cluster, so tests never see each other's data. */
async function postgresStore(): Promise<TestStore> {
  const cluster = await startTestPostgres()
  if (typeof cluster === "string") {
    console.warn(`Skipping the ledger's PostgreSQL tests: ${cluster}`)
    return { name: "PostgreSQL", skip: cluster, fresh: () => Promise.reject(new Error(cluster)), cleanUp: async () => undefined }
  }
  let created = 0
  return {
    name: "PostgreSQL",
    async fresh() {
      return { dataDir: "", databaseUrl: await createDatabase(cluster.url, `zhiqing_test_${process.pid}_${++created}`) }
    },
    async cleanUp() {
      cluster.stop()
    }
  }
}

/** Both stores; the PostgreSQL one carries `skip` when no cluster could start. */
export async function testStores(): Promise<TestStore[]> {
  return [pgliteStore(), await postgresStore()]
}

/** A `zhiqing-ledger serve` process of a test. */
export interface LedgerProcess {
  port: number
  /** Resolves when the process has exited. */
  exited: Promise<void>
  /** SIGKILL: no shutdown, no warning. */
  kill(): void
}

const ledgerProcesses: ChildProcess[] = []

/** The `zhiqing-ledger` command as a separate process, so it can be killed without warning. */
export function startLedgerProcess(options: { dataDir: string; databaseUrl?: string }, secret: string): Promise<LedgerProcess> {
  const cli = fileURLToPath(new URL("./cli.ts", import.meta.url))
  const child = spawn(process.execPath, ["--conditions=source", "--import", "tsx", cli, "serve", "--port", "0", "--data", options.dataDir || "unused"], {
    stdio: ["ignore", "pipe", "inherit"],
    env: { ...process.env, ZHIQING_LEDGER_SECRET: secret, DATABASE_URL: options.databaseUrl ?? "" }
  })
  ledgerProcesses.push(child)
  const exited = new Promise<void>((done) => child.once("exit", () => done()))
  return new Promise((resolve, reject) => {
    void exited.then(() => reject(new Error("the ledger exited before it listened")))
    child.stdout!.on("data", (chunk: Buffer) => {
      const port = /127\.0\.0\.1:(\d+)/.exec(String(chunk))?.[1]
      if (port) resolve({ port: Number(port), exited, kill: () => child.kill("SIGKILL") })
    })
  })
}

/** Kill every ledger process a test file started (for its afterAll). */
export function killLedgerProcesses(): void {
  for (const child of ledgerProcesses) child.kill("SIGKILL")
}
