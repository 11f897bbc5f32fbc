/**
 * `zhiqing-ledger`: run the ledger, list open rights tickets, or list the subjects a breach may concern (PIPL-57).
 */
import { parseArgs } from "node:util"
import { openStore, startLedgerServer } from "./index"
import { breachNotice } from "./breach-notice"

const HELP = `zhiqing-ledger — the Zhiqing consent ledger

  zhiqing-ledger [serve] [--port 8787] [--data ./ledger-data]   run the ledger (PostgreSQL when DATABASE_URL is set)
  zhiqing-ledger tickets [--all] [--data DIR]                    list open individual-rights tickets
  zhiqing-ledger breach (--purpose ID | --recipient ID) --from DATE --to DATE [--notice zh-CN|en] [--data DIR]
                                                                 subjects whose receipts granted it in that window

Environment: DATABASE_URL (PostgreSQL), ZHIQING_LEDGER_SECRET (HMAC key for subject tokens).`

function fail(message: string): never {
  console.error(`zhiqing-ledger: ${message}\n\n${HELP}`)
  process.exit(2)
}

function date(value: string | undefined, name: string): Date {
  const parsed = new Date(value ?? "")
  if (!value || Number.isNaN(parsed.getTime())) fail(`--${name} needs a date such as 2026-11-01`)
  return parsed
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      port: { type: "string", default: "8787" },
      data: { type: "string", default: "./ledger-data" },
      all: { type: "boolean", default: false },
      purpose: { type: "string" },
      recipient: { type: "string" },
      from: { type: "string" },
      to: { type: "string" },
      notice: { type: "string" },
      help: { type: "boolean", short: "h", default: false }
    }
  })
  const command = positionals[0] ?? "serve"
  if (values.help) return console.log(HELP)
  const databaseUrl = process.env.DATABASE_URL
  const storeOptions = { dataDir: values.data, ...(databaseUrl ? { databaseUrl } : {}) }
  if (command === "serve") {
    const port = Number(values.port)
    if (!Number.isInteger(port) || port < 0 || port > 65535) fail("--port needs a number from 0 to 65535")
    const server = await startLedgerServer({ port, ...storeOptions })
    console.log(`zhiqing-ledger listening on http://127.0.0.1:${server.port}/api (${databaseUrl ? "PostgreSQL" : `PGlite in ${values.data}`})`)
    for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => void server.close().then(() => process.exit(0)))
    return
  }
  const store = await openStore(storeOptions)
  try {
    if (command === "tickets") {
      const tickets = await store.openTickets(values.all)
      if (!tickets.length) console.log("No open rights tickets.")
      for (const ticket of tickets) console.log(`${ticket.id}  ${ticket.right.padEnd(13)}  subject ${ticket.subject}  opened ${ticket.createdAt}  due ${ticket.dueAt}${ticket.closedAt ? `  closed ${ticket.closedAt}` : ""}`)
    } else if (command === "breach") {
      const id = values.purpose ?? values.recipient ?? fail("name a --purpose or a --recipient")
      const subjects = await store.grantedBetween(id, date(values.from, "from"), date(values.to, "to"))
      console.log(subjects.length ? subjects.join("\n") : `No subject granted "${id}" in that window.`)
      if (values.notice) {
        if (values.notice !== "zh-CN" && values.notice !== "en") fail("--notice takes zh-CN or en")
        console.log("\n" + breachNotice(values.notice))
      }
    } else fail(`unknown command "${command}"`)
  } finally {
    await store.close()
  }
}

main().catch((error: unknown) => {
  console.error(`zhiqing-ledger: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
})
