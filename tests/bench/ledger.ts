/**
 * Ledger throughput: 50 concurrent clients POST valid receipts to /api/consent, on the embedded PGlite store and
 * on PostgreSQL. The ledger runs in its own process; the clients here use plain http.request with keep-alive.
 */
import { spawn, type ChildProcess } from "node:child_process"
import { createHash, randomUUID } from "node:crypto"
import { mkdtempSync, readFileSync, rmSync } from "node:fs"
import { loadavg } from "node:os"
import { Agent, request } from "node:http"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { createInterface } from "node:readline"
import type { LedgerServerOptions } from "./ledger-server"
import { repo } from "./parts"
import { createDatabase, startTestPostgres } from "../../sdk/server/test-postgres"
import { SkipSection } from "./section"
import { measureGrowth, type GrowthFigures } from "./ledger-growth"
import { median, percentile, round } from "./stats"

/** One measured burst. */
export interface LedgerSample {
  receipts: number
  receiptsPerSecond: number
  p50Ms: number
  p99Ms: number
  /** CPU time the ledger process(es) spent per receipt, in µs: what the receipts cost, whatever else the cores ran. */
  ledgerCpuMicros: number
  /** Responses other than 201, by status (absent when every receipt was stored). */
  errors?: Record<string, number>
}

/** The targets the ledger is held to with {@link CLIENTS} clients on the 2-core development machine. */
export interface LedgerTarget {
  receiptsPerSecond: number
  p99Ms: number
}

export interface LedgerRun {
  setup: "PGlite" | "PostgreSQL" | "PostgreSQL, 2 nodes"
  /** Every repeat, in the order run; the setups take turns, so a busy minute on the machine hits them alike. */
  samples: LedgerSample[]
  /** Medians over the samples. */
  median: Omit<LedgerSample, "receipts" | "errors">
  target?: LedgerTarget
}

export interface LedgerFigures {
  /** When the section started, to read beside the load average: on a shared machine both change by the minute. */
  measuredAt: string
  clients: number
  /** The machine's 1-minute load average before and after the section: other work shares its cores. */
  loadAverage: { before: number; after: number }
  runs: LedgerRun[]
  growth?: GrowthFigures
}

const CLIENTS = 50
const RECEIPTS = 5000
/** Samples per setup; the machine is shared, so one sample says little. */
const REPEATS = 3
const TARGETS: Partial<Record<LedgerRun["setup"], LedgerTarget>> = {
  PGlite: { receiptsPerSecond: 2500, p99Ms: 50 },
  PostgreSQL: { receiptsPerSecond: 5000, p99Ms: 50 }
}
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

/** Send `count` receipts from {@link CLIENTS} clients, each with its own keep-alive connection to one of the ports in turn. */
async function load(ports: number[], count: number, firstIndex: number): Promise<{ latencies: number[]; elapsedMs: number; statuses: Map<number, number> }> {
  const latencies: number[] = []
  const statuses = new Map<number, number>()
  const deadline = Date.now() + RUN_LIMIT_MS
  let next = 0
  const client = async (index: number) => {
    const port = ports[index % ports.length]!
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
  await Promise.all(Array.from({ length: CLIENTS }, (_, index) => client(index)))
  return { latencies, elapsedMs: performance.now() - started, statuses }
}

interface LedgerProcess {
  port: number
  /** CPU time the process has used so far, in ms (user + system, from /proc). */
  cpuMs(): number
  stop(): Promise<void>
}

/** Clock ticks per second of /proc/<pid>/stat's utime and stime: 100 on Linux. */
const CLOCK_TICKS = 100

function cpuMsOf(pid: number | undefined): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").replace(/^.*\) /s, "").split(" ")
  // After the command name: state is field 3, utime 14 and stime 15.
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS
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
  if (typeof message.port === "number") return { port: message.port, cpuMs: () => cpuMsOf(child.pid), stop }
  await stop()
  if (message.skip) throw new SkipSection(message.skip)
  throw new Error(`the ledger did not start: ${message.error ?? "no answer within 60 s"}`)
}

async function measureSample(nodes: Array<Omit<LedgerServerOptions, "port">>): Promise<LedgerSample> {
  // One after another: the first migrates the schema, the others find it done.
  const ledgers: LedgerProcess[] = []
  try {
    for (const options of nodes) ledgers.push(await startLedger(options))
    const ports = ledgers.map((ledger) => ledger.port)
    const probe = await post(ports[0]!, new Agent(), receipt(0))
    if (probe.status !== 201) throw new Error(`the ledger refused a valid receipt: ${probe.status} ${probe.text.slice(0, 300)}`)
    await load(ports, WARM_UP, 1)
    const cpuBefore = ledgers.reduce((sum, ledger) => sum + ledger.cpuMs(), 0)
    const { latencies, elapsedMs, statuses } = await load(ports, RECEIPTS, WARM_UP + 1)
    const cpuMs = ledgers.reduce((sum, ledger) => sum + ledger.cpuMs(), 0) - cpuBefore
    const errors = [...statuses].filter(([status]) => status !== 201)
    return {
      receipts: latencies.length,
      receiptsPerSecond: round((latencies.length / elapsedMs) * 1000),
      p50Ms: round(percentile(latencies, 50), 2),
      p99Ms: round(percentile(latencies, 99), 2),
      ledgerCpuMicros: round((cpuMs * 1000) / latencies.length),
      ...(errors.length > 0 && { errors: Object.fromEntries(errors.map(([status, n]) => [String(status), n])) })
    }
  } finally {
    for (const ledger of ledgers) await ledger.stop()
  }
}

function summarise(setup: LedgerRun["setup"], samples: LedgerSample[]): LedgerRun {
  const target = TARGETS[setup]
  return {
    setup,
    samples,
    median: {
      receiptsPerSecond: median(samples.map((sample) => sample.receiptsPerSecond)),
      p50Ms: median(samples.map((sample) => sample.p50Ms)),
      p99Ms: median(samples.map((sample) => sample.p99Ms)),
      ledgerCpuMicros: median(samples.map((sample) => sample.ledgerCpuMicros))
    },
    ...(target && { target })
  }
}

/**
 * Receipts per second and latency on PGlite, on PostgreSQL and on two ledger processes sharing one PostgreSQL
 * database, {@link REPEATS} times each, every sample on a new, empty database; then the reads on a table of
 * millions of receipts. PostgreSQL is skipped (not the section) when it cannot start.
 */
export async function measureLedger(): Promise<LedgerFigures & { postgresSkipped?: string }> {
  const measuredAt = new Date().toISOString()
  const before = round(loadavg()[0]!, 2)
  const postgres = await startTestPostgres()
  const samples = new Map<LedgerRun["setup"], LedgerSample[]>()
  const add = (setup: LedgerRun["setup"], sample: LedgerSample) => samples.set(setup, [...(samples.get(setup) ?? []), sample])
  let growth: GrowthFigures | undefined
  try {
    for (let repeat = 0; repeat < REPEATS; repeat++) {
      const dataDir = mkdtempSync(join(tmpdir(), "zhiqing-bench-ledger-"))
      try {
        add("PGlite", await measureSample([{ dataDir, secret: "bench-secret" }]))
      } finally {
        rmSync(dataDir, { recursive: true, force: true })
      }
      if (typeof postgres === "string") continue
      add("PostgreSQL", await measureSample([{ databaseUrl: await createDatabase(postgres.url, `bench_${repeat}_one`), secret: "bench-secret" }]))
      const shared = await createDatabase(postgres.url, `bench_${repeat}_two`)
      add("PostgreSQL, 2 nodes", await measureSample([0, 1].map(() => ({ databaseUrl: shared, secret: "bench-secret" }))))
    }
    if (typeof postgres !== "string") growth = await measureGrowth(await createDatabase(postgres.url, "bench_growth"))
  } finally {
    if (typeof postgres !== "string") postgres.stop()
  }
  const runs = [...samples].map(([setup, each]) => summarise(setup, each))
  const figures = { measuredAt, clients: CLIENTS, loadAverage: { before, after: round(loadavg()[0]!, 2) }, runs, ...(growth && { growth }) }
  return typeof postgres === "string" ? { ...figures, postgresSkipped: postgres } : figures
}
