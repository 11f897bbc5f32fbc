/**
 * `npm start`: the demo store for a person's own browser on http://localhost:4173 (or $PORT). Tracker hosts are
 * `<vendor>.localhost`, which browsers resolve to this machine, so no request ever reaches a real third party.
 */
import { createServer } from "node:http"
import { join } from "node:path"
import { createDemoStore } from "./app"
import { REPO_DIR } from "./assets"

const DEFAULT_PORT = 4173

function portFromEnv(value: string | undefined): number {
  if (value === undefined || value === "") return DEFAULT_PORT
  const port = Number(value)
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    console.error(`PORT must be a whole number from 1 to 65535, got "${value}".`)
    process.exit(1)
  }
  return port
}

const port = portFromEnv(process.env.PORT)
const store = await createDemoStore({
  dataDir: join(REPO_DIR, "demo-store", ".ledger-data"),
  trackerHosts: "localhost",
  ...(process.env.ZHIQING_LEDGER_SECRET ? { ledgerSecret: process.env.ZHIQING_LEDGER_SECRET } : {})
})
const server = createServer(store.handle)
server.on("error", (error: NodeJS.ErrnoException) => {
  console.error(error.code === "EADDRINUSE" ? `Port ${port} is in use; start with PORT=<another port> npm start.` : `The demo store could not start: ${error.message}`)
  void store.close().finally(() => process.exit(1))
})
server.listen(port, () => {
  console.log(`ZhiXuan Global demo store (知选跨境): http://localhost:${port}/`)
  console.log(`Leaky mode, for the inspector to catch: http://localhost:${port}/?leaky=1`)
  console.log(`Configurator, to write the merchant config: http://localhost:${port}/setup`)
})

let closing = false
async function shutDown(signal: NodeJS.Signals): Promise<void> {
  if (closing) return
  closing = true
  console.log(`\n${signal}: closing the demo store…`)
  server.closeAllConnections()
  await new Promise<void>((done) => server.close(() => done()))
  await store.close()
  process.exit(0)
}
process.on("SIGINT", (signal) => void shutDown(signal))
process.on("SIGTERM", (signal) => void shutDown(signal))
