/**
 * A throwaway PostgreSQL cluster for the ledger's tests: Debian's server binaries, a temp directory, a free port on
 * loopback, run as the `postgres` user (PostgreSQL refuses to run as root). `npm test` installs Debian's postgresql
 * when it is absent and it is root; otherwise, or with DATABASE_URL already set, this says why it cannot start one.
 */
import { execFileSync } from "node:child_process"
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs"
import { createServer } from "node:net"
import { tmpdir } from "node:os"
import { join } from "node:path"

export interface TestPostgres {
  url: string
  stop(): void
}

function serverBin(): string | undefined {
  const root = "/usr/lib/postgresql"
  if (!existsSync(root)) return undefined
  const version = readdirSync(root).sort().at(-1)
  return version && join(root, version, "bin")
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
  const bin = serverBin()
  if (!bin) return "PostgreSQL's server is not installed (apt-get install postgresql)"
  const asRoot = process.getuid?.() === 0
  const run = (command: string, args: string[]) =>
    execFileSync(asRoot ? "runuser" : join(bin, command), asRoot ? ["-u", "postgres", "--", join(bin, command), ...args] : args, { stdio: "pipe" })
  const dir = mkdtempSync(join(tmpdir(), "zhiqing-pg-"))
  chmodSync(dir, 0o777)
  const data = join(dir, "data")
  const port = await freePort()
  try {
    run("initdb", ["-D", data, "-A", "trust", "-U", "postgres", "--no-sync"])
    run("pg_ctl", ["-D", data, "-o", `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1`, "-l", join(dir, "log"), "-w", "start"])
  } catch (error) {
    rmSync(dir, { recursive: true, force: true })
    return `could not start PostgreSQL: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`
  }
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop() {
      try {
        run("pg_ctl", ["-D", data, "-m", "immediate", "stop"])
      } finally {
        rmSync(dir, { recursive: true, force: true })
      }
    }
  }
}
