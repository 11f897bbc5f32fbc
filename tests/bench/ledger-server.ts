/**
 * Child process for the ledger benchmark: the ledger gets its own process (and core), as in production, so the
 * load generator does not share its event loop. Options come as JSON in argv[2]; the port goes to stdout as
 * `{"port":N}`; the server closes when stdin ends.
 */
import { importFunction } from "./parts"
import { SkipSection } from "./section"

export interface LedgerServerOptions {
  port: number
  dataDir?: string
  databaseUrl?: string
  secret?: string
}

type StartLedgerServer = (options: LedgerServerOptions) => Promise<{ port: number; close(): Promise<void> }>

try {
  const startLedgerServer = await importFunction<StartLedgerServer>("@zhiqing/sdk/server", "startLedgerServer")
  const server = await startLedgerServer(JSON.parse(process.argv[2] ?? "{}") as LedgerServerOptions)
  process.stdout.write(`${JSON.stringify({ port: server.port })}\n`)
  process.stdin.resume()
  process.stdin.on("end", () => void server.close().then(() => process.exit(0)))
} catch (error) {
  process.stdout.write(`${JSON.stringify(error instanceof SkipSection ? { skip: error.message } : { error: String(error) })}\n`)
  process.exit(1)
}
