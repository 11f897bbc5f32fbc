/**
 * Ledger throughput: 50 concurrent clients POST valid receipts to /api/consent, on the embedded PGlite store and
 * on PostgreSQL. The ledger runs in its own process; the clients here use plain http.request with keep-alive.
 */
import { spawn, type ChildProcess } from "node:child_process"
import { createHash, randomUUID } from "node:crypto"
import { mkdtempSync, rmSync } from "node:fs"
import { Agent, request } from "node:http"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { createInterface } from "node:readline"
import type { LedgerServerOptions } from "./ledger-server"
import { repo } from "./parts"
import { startTestPostgres } from "../../sdk/server/test-postgres"
import { SkipSection } from "./section"
import { percentile, round } from "./stats"

export interface LedgerRun {
  store: "PGlite" | "PostgreSQL"
  receipts: number
  receiptsPerSecond: number
  p50Ms: number
  p99Ms: number
  /** Responses other than 201, by status (absent when every receipt was stored). */
  errors?: Record<string, number>
}

export interface LedgerFigures {
  clients: number
  runs: LedgerRun[]
}

const CLIENTS = 50
const RECEIPTS = 5000
const WARM_UP = 200
/** A run stops here even if not every receipt was sent. */
const RUN_LIMIT_MS = 90_000
const SUBJECTS = 500
const NOTICE_HASH = createHash("sha256").update("bench notice").digest("hex")

/** A receipt as the SDK sends one (sdk/src/schema.ts Receipt). */
function receipt(index: number): string {
  return JSON.stringify({
    schema: 1,
    id: randomUUID(),
    subject: `bench-subject-${String(index % SUBJECTS).padStart(4, "0")}`,
    policyVersion: "2026-11",
    locale: index % 2 ? "en" : "zh-CN",
    decidedAt: new Date().toISOString(),
    purposes: { necessary: true, analytics: index % 2 === 0, personalization: index % 5 === 0, marketing: index % 3 === 0 },
    separate: { "sensitive-id-card": false },
    noticeHash: NOTICE_HASH,
    given: { flow: "banner", control: index % 2 === 0 ? "agree" : "decline" }
  })
}

function post(port: number, agent: Agent, body: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: "127.0.0.1", port, method: "POST", path: "/api/consent", agent, headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body) }, timeout: 30_000 },
      (res) => {
        let text = ""
        res.setEncoding("utf8")
        res.on("data", (chunk: string) => (text += chunk))
        res.on("end", () => resolve({ status: res.statusCode ?? 0, text }))
      }
    )
    req.on("timeout", () => req.destroy(new Error("no answer within 30 s")))
    req.on("error", reject)
    req.end(body)
  })
}

/** Send `count` receipts from {@link CLIENTS} clients, each with its own keep-alive connection. */
async function load(port: number, count: number, firstIndex: number): Promise<{ latencies: number[]; elapsedMs: number; statuses: Map<number, number> }> {
  const latencies: number[] = []
  const statuses = new Map<number, number>()
  const deadline = Date.now() + RUN_LIMIT_MS
  let next = 0
  const client = async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 })
    try {
      while (next < count && Date.now() < deadline) {
        const body = receipt(firstIndex + next++)
        const started = performance.now()
        const { status } = await post(port, agent, body)
        latencies.push(performance.now() - started)
        statuses.set(status, (statuses.get(status) ?? 0) + 1)
      }
    } finally {
      agent.destroy()
    }
  }
  const started = performance.now()
  await Promise.all(Array.from({ length: CLIENTS }, client))
  return { latencies, elapsedMs: performance.now() - started, statuses }
}

interface LedgerProcess {
  port: number
  stop(): Promise<void>
}

async function startLedger(options: Omit<LedgerServerOptions, "port">): Promise<LedgerProcess> {
  const child: ChildProcess = spawn(
    process.execPath,
    ["--conditions=source", "--import", "tsx", join(repo, "tests", "bench", "ledger-server.ts"), JSON.stringify({ port: 0, ...options })],
    { cwd: repo, stdio: ["pipe", "pipe", "inherit"] }
  )
  const exited = new Promise<void>((done) => child.once("exit", () => done()))
  const stop = async () => {
    child.stdin?.end()
    const timer = setTimeout(() => child.kill("SIGKILL"), 10_000)
    await exited
    clearTimeout(timer)
  }
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream })
  let timer: NodeJS.Timeout | undefined
  const first = await Promise.race([
    new Promise<string>((done) => lines.once("line", done)),
    exited.then(() => ""),
    new Promise<string>((done) => (timer = setTimeout(() => done(""), 60_000)))
  ])
  clearTimeout(timer)
  lines.close()
  const message = (first ? JSON.parse(first) : {}) as { port?: number; skip?: string; error?: string }
  if (typeof message.port === "number") return { port: message.port, stop }
  await stop()
  if (message.skip) throw new SkipSection(message.skip)
  throw new Error(`the ledger did not start: ${message.error ?? "no answer within 60 s"}`)
}

async function measureStore(store: LedgerRun["store"], options: Omit<LedgerServerOptions, "port">): Promise<LedgerRun> {
  const ledger = await startLedger(options)
  try {
    const probe = await post(ledger.port, new Agent(), receipt(0))
    if (probe.status !== 201) throw new Error(`the ledger refused a valid receipt: ${probe.status} ${probe.text.slice(0, 300)}`)
    await load(ledger.port, WARM_UP, 1)
    const { latencies, elapsedMs, statuses } = await load(ledger.port, RECEIPTS, WARM_UP + 1)
    const errors = [...statuses].filter(([status]) => status !== 201)
    return {
      store,
      receipts: latencies.length,
      receiptsPerSecond: round((latencies.length / elapsedMs) * 1000),
      p50Ms: round(percentile(latencies, 50), 2),
      p99Ms: round(percentile(latencies, 99), 2),
      ...(errors.length > 0 && { errors: Object.fromEntries(errors.map(([status, n]) => [String(status), n])) })
    }
  } finally {
    await ledger.stop()
  }
}

/** Receipts per second and latency on both stores; PostgreSQL is skipped (not the section) when it cannot start. */
export async function measureLedger(): Promise<LedgerFigures & { postgresSkipped?: string }> {
  const dataDir = mkdtempSync(join(tmpdir(), "zhiqing-bench-ledger-"))
  const runs: LedgerRun[] = []
  try {
    runs.push(await measureStore("PGlite", { dataDir, secret: "bench-secret" }))
  } finally {
    rmSync(dataDir, { recursive: true, force: true })
  }
  // The ledger's own throwaway-cluster helper: it answers with a reason instead when PostgreSQL cannot start.
  const postgres = await startTestPostgres()
  if (typeof postgres === "string") return { clients: CLIENTS, runs, postgresSkipped: postgres }
  try {
    runs.push(await measureStore("PostgreSQL", { databaseUrl: postgres.url, secret: "bench-secret" }))
  } finally {
    postgres.stop()
  }
  return { clients: CLIENTS, runs }
}
