/**
 * A throwaway PostgreSQL cluster for the ledger's tests and benchmarks: Debian's server binaries, a temp directory,
 * a free port on loopback, run as the `postgres` user (PostgreSQL refuses to run as root). When DATABASE_URL is set
 * that database is used instead. When the server is absent and we are root, Debian's `postgresql` is installed;
 * when it still cannot start, the caller gets the reason, to skip with a clear message.
 */
import { execFile, execFileSync, spawnSync } from "node:child_process"
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs"
import { createServer } from "node:net"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { promisify } from "node:util"

export interface TestPostgres {
  url: string
  /** Stop the cluster and delete its files (nothing for a DATABASE_URL given from outside). */
  stop(): void
  /**
   * Stop the server at once, as a crash would (no shutdown checkpoint), keeping its files; then start it again,
   * which runs crash recovery. Resolves when it accepts connections. Absent for a DATABASE_URL given from outside.
   */
  crash?(downMs: number): Promise<void>
}

const SERVER_ROOT = "/usr/lib/postgresql"
const isRoot = process.getuid?.() === 0

function serverBin(): string | undefined {
  if (!existsSync(SERVER_ROOT)) return undefined
  const version = readdirSync(SERVER_ROOT)
    .filter((name) => existsSync(join(SERVER_ROOT, name, "bin", "initdb")))
    .sort((a, b) => Number(a) - Number(b))
    .at(-1)
  return version && join(SERVER_ROOT, version, "bin")
}

/** Debian's server, installed on the spot when we may; the reason when it is not there. */
function ensureServer(): string | { reason: string } {
  const found = serverBin()
  if (found) return found
  if (!isRoot) return { reason: "PostgreSQL's server is not installed and this is not root (apt-get install postgresql)" }
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" }
  const options = { env, stdio: "ignore" as const, timeout: 300_000 }
  const installed =
    spawnSync("apt-get", ["update", "-qq"], options).status === 0 &&
    spawnSync("apt-get", ["install", "-y", "-qq", "--no-install-recommends", "postgresql"], options).status === 0
  return (installed && serverBin()) || { reason: "PostgreSQL's server is not installed and apt-get install postgresql failed" }
}

async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done))
  const address = server.address()
  await new Promise((done) => server.close(done))
  return typeof address === "object" && address ? address.port : 0
}

/** A running cluster, or the reason there is none. */
export async function startTestPostgres(): Promise<TestPostgres | string> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, stop: () => undefined }
  const bin = ensureServer()
  if (typeof bin !== "string") return bin.reason
  const commandLine = (command: string, args: string[]): [string, string[]] =>
    isRoot ? ["runuser", ["-u", "postgres", "--", join(bin, command), ...args]] : [join(bin, command), args]
  const run = (command: string, args: string[]) => execFileSync(...commandLine(command, args), { stdio: "pipe", timeout: 60_000 })
  // Asynchronous, so a test's clients and an in-process ledger keep running while the server is down.
  const runAsync = (command: string, args: string[]) => promisify(execFile)(...commandLine(command, args), { timeout: 60_000 })
  const dir = mkdtempSync(join(tmpdir(), "zhiqing-pg-"))
  // The cluster runs as `postgres`, which must be able to write here.
  chmodSync(dir, 0o777)
  const data = join(dir, "data")
  const port = await freePort()
  const startArgs = ["-D", data, "-o", `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1`, "-l", join(dir, "log"), "-w", "-t", "30", "start"]
  try {
    run("initdb", ["-D", data, "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8", "--locale", "C"])
    run("pg_ctl", startArgs)
  } catch (error) {
    rmSync(dir, { recursive: true, force: true })
    const stderr = (error as { stderr?: Buffer }).stderr?.toString().trim()
    return `could not start PostgreSQL: ${stderr?.split("\n")[0] || (error instanceof Error ? error.message.split("\n")[0] : String(error))}`
  }
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    async crash(downMs) {
      await runAsync("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"])
      await new Promise((done) => setTimeout(done, downMs))
      await runAsync("pg_ctl", startArgs)
    },
    stop() {
      try {
        run("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"])
      } finally {
        rmSync(dir, { recursive: true, force: true })
      }
    }
  }
}

/** A new, empty database in the cluster at `clusterUrl`; its URL. */
export async function createDatabase(clusterUrl: string, name: string): Promise<string> {
  const { default: pg } = await import("pg")
  const client = new pg.Client({ connectionString: clusterUrl })
  await client.connect()
  try {
    await client.query(`CREATE DATABASE ${name}`)
  } finally {
    await client.end()
  }
  const url = new URL(clusterUrl)
  url.pathname = `/${name}`
  return url.toString()
}
