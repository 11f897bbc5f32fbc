/**
 * The `zhiqing-ledger` commands: run the ledger, work through rights tickets, and list whom a breach concerns
 * (PIPL-57). Kept apart from the process entry (cli.ts) so tests run the commands in-process.
 */
import { parseArgs, type ParseArgsConfig } from "node:util"
import { LOCALES, type Locale } from "../src/schema"
import { breachNotice } from "./breach-notice"
import { startLedgerServer, type LedgerServer } from "./index"
import { openStore, type GrantKind, type LedgerStore, type Ticket } from "./store"

export const HELP = `zhiqing-ledger — the Zhiqing consent ledger

Usage:
  zhiqing-ledger [serve] [--port 8787] [--host 127.0.0.1] [--data ./ledger-data] [--origin URL]...
      Run the ledger. --origin (repeatable) lets a page on another origin call it (CORS).
  zhiqing-ledger tickets [--all] [--data DIR]
      List open individual-rights tickets, soonest due first (--all: closed ones too).
  zhiqing-ledger close TICKET [--data DIR]
      Mark a rights ticket answered.
  zhiqing-ledger breach (--purpose ID | --recipient ID) --from DATE --to DATE [--notice zh-CN|en] [--data DIR]
      List the subjects whose consent to a purpose, or to a separate-consent item (a recipient), was in force
      at some time in the window; --notice also prints the PIPL Art. 57 notification to fill in.
      DATE is 2026-11-01 (a UTC day; --to includes the whole day) or an ISO time such as 2026-11-01T08:00+08:00.

Environment:
  DATABASE_URL           use this PostgreSQL database instead of PGlite in --data; several serve processes
                         (with the same secret) may share one
  ZHIQING_LEDGER_SECRET  HMAC key for subject tokens (serve); without it tokens last only as long as the process

Exit status: 0 done, 1 failed (for example the store could not open), 2 bad arguments.`

/** Where a command writes; the process entry passes stdout and stderr. */
export interface CommandOutput {
  out(line: string): void
  err(line: string): void
}

/** A finished command's exit status, or a running server (`serve`). */
export type CommandResult = { exit: number } | { exit: null; server: LedgerServer }

class UsageError extends Error {}

const OPTIONS = {
  port: { type: "string" },
  host: { type: "string" },
  data: { type: "string" },
  origin: { type: "string", multiple: true },
  all: { type: "boolean" },
  purpose: { type: "string" },
  recipient: { type: "string" },
  from: { type: "string" },
  to: { type: "string" },
  notice: { type: "string" },
  help: { type: "boolean", short: "h" }
} satisfies ParseArgsConfig["options"]

type Option = keyof typeof OPTIONS

/** Which options each command takes; anything else is a usage error rather than silently ignored. */
const COMMANDS: Record<string, { options: Option[]; operands: number }> = {
  serve: { options: ["port", "host", "data", "origin"], operands: 0 },
  tickets: { options: ["all", "data"], operands: 0 },
  close: { options: ["data"], operands: 1 },
  breach: { options: ["purpose", "recipient", "from", "to", "notice", "data"], operands: 0 }
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/

/** A --from/--to value; a bare date is a UTC day, and as an end it takes in the whole of that day. */
function parseDate(value: string | undefined, name: "from" | "to"): Date {
  if (value === undefined) throw new UsageError(`--${name} is required`)
  const parsed = DATE_ONLY.test(value) || DATE_TIME.test(value) ? new Date(DATE_ONLY.test(value) ? `${value}T00:00:00Z` : value) : new Date(NaN)
  if (Number.isNaN(parsed.getTime())) throw new UsageError(`--${name} "${value}" is not a date such as 2026-11-01 or 2026-11-01T08:00+08:00`)
  if (name === "to" && DATE_ONLY.test(value)) parsed.setUTCDate(parsed.getUTCDate() + 1)
  return parsed
}

function parsePort(value: string | undefined): number {
  if (value === undefined) return 8787
  const port = Number(value)
  if (!/^\d+$/.test(value) || port > 65535) throw new UsageError(`--port "${value}" is not a port number from 0 to 65535`)
  return port
}

/** Shopper-written text goes to a terminal: no control characters (escape sequences), one line. */
function printable(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, " ").trim()
}

function formatTicket(ticket: Ticket, now: Date): string {
  const overdue = !ticket.closedAt && new Date(ticket.dueAt) < now ? "  OVERDUE" : ""
  const lines = [
    `${ticket.id}  ${ticket.right}  subject ${ticket.subject}  opened ${ticket.createdAt}  due ${ticket.dueAt}${ticket.closedAt ? `  closed ${ticket.closedAt}` : ""}${overdue}`
  ]
  if (ticket.contact) lines.push(`    contact: ${printable(ticket.contact)}`)
  if (ticket.details) lines.push(`    details: ${printable(ticket.details)}`)
  if (ticket.locale) lines.push(`    language: ${ticket.locale}`)
  return lines.join("\n")
}

type OptionValues = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>["values"]

function parse(argv: string[]): { command: string; values: OptionValues; operands: string[] } {
  let parsed
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true })
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error))
  }
  const [first, ...rest] = parsed.positionals
  if (parsed.values.help || first === "help") return { command: "help", values: parsed.values, operands: [] }
  const command = first ?? "serve"
  const spec = COMMANDS[command]
  if (!spec) throw new UsageError(`unknown command "${command}"`)
  const stray = (Object.keys(parsed.values) as Option[]).filter((name) => name !== "help" && !spec.options.includes(name))
  if (stray.length) throw new UsageError(`${command} does not take ${stray.map((name) => `--${name}`).join(", ")}`)
  if (rest.length !== spec.operands) throw new UsageError(spec.operands ? `${command} needs ${spec.operands} argument` : `${command} takes no argument "${rest[0]}"`)
  return { command, values: parsed.values, operands: rest }
}

async function withStore<T>(dataDir: string, work: (store: LedgerStore) => Promise<T>): Promise<T> {
  const databaseUrl = process.env.DATABASE_URL
  const store = await openStore({ dataDir, ...(databaseUrl ? { databaseUrl } : {}) })
  try {
    return await work(store)
  } finally {
    await store.close()
  }
}

/** Run one command line (without the program name). Never throws; `serve` resolves once it listens. */
export async function runCommand(argv: string[], output: CommandOutput): Promise<CommandResult> {
  try {
    const { command, values, operands } = parse(argv)
    if (command === "help") {
      output.out(HELP)
      return { exit: 0 }
    }
    const dataDir = values.data ?? "./ledger-data"
    const database = process.env.DATABASE_URL ? "PostgreSQL (DATABASE_URL)" : `PGlite in ${dataDir}`
    switch (command) {
      case "serve": {
        const port = parsePort(values.port)
        const host = values.host ?? "127.0.0.1"
        const server = await startLedgerServer({ port, host, dataDir, allowedOrigins: values.origin ?? [] })
        output.out(`zhiqing-ledger listening on http://${host.includes(":") ? `[${host}]` : host}:${server.port}/api (${database})`)
        return { exit: null, server }
      }
      case "tickets": {
        const tickets = await withStore(dataDir, (store) => store.tickets(values.all ?? false))
        if (!tickets.length) output.out(values.all ? "No rights tickets." : "No open rights tickets.")
        const now = new Date()
        for (const ticket of tickets) output.out(formatTicket(ticket, now))
        return { exit: 0 }
      }
      case "close": {
        const id = operands[0]!
        const closed = await withStore(dataDir, (store) => store.closeTicket(id))
        if (!closed) {
          output.err(`zhiqing-ledger: there is no open ticket ${id}`)
          return { exit: 1 }
        }
        output.out(`Closed ${id}.`)
        return { exit: 0 }
      }
      case "breach": {
        if ((values.purpose === undefined) === (values.recipient === undefined)) throw new UsageError("name exactly one of --purpose and --recipient")
        const kind: GrantKind = values.purpose !== undefined ? "purpose" : "separate"
        const id = (values.purpose ?? values.recipient)!
        const from = parseDate(values.from, "from")
        const to = parseDate(values.to, "to")
        if (from >= to) throw new UsageError("--from must be before --to")
        const notice = values.notice
        if (notice !== undefined && !(LOCALES as readonly string[]).includes(notice)) throw new UsageError(`--notice takes ${LOCALES.join(" or ")}, not "${notice}"`)
        const subjects = await withStore(dataDir, (store) => store.grantedBetween(kind, id, from, to))
        const what = `${kind === "purpose" ? "purpose" : "separate item"} "${id}"`
        output.out(`${subjects.length} subject${subjects.length === 1 ? "" : "s"} consented to ${what} at some time from ${from.toISOString()} to ${to.toISOString()}:`)
        for (const subject of subjects) output.out(subject)
        if (notice !== undefined) output.out("\n" + breachNotice(notice as Locale, { concerning: id, from, to }))
        return { exit: 0 }
      }
    }
    throw new UsageError(`unknown command "${command}"`)
  } catch (error) {
    if (error instanceof UsageError) {
      output.err(`zhiqing-ledger: ${error.message}\nRun "zhiqing-ledger --help" for usage.`)
      return { exit: 2 }
    }
    output.err(`zhiqing-ledger: ${error instanceof Error ? error.message : String(error)}`)
    return { exit: 1 }
  }
}
