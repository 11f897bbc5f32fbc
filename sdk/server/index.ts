/**
 * The consent ledger: a Node request handler that keeps receipts append-only and serves a shopper's choices back.
 * `createLedger()` works with node:http, Express and Fastify; `startLedgerServer()` runs it on a port.
 */
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto"
import { createServer, type IncomingMessage, type ServerResponse } from "node:http"
import { formatIssues, parseReceipt, parseRightsRequest, type ConfigIssue } from "../src/schema"
import { openStore, type LedgerStore } from "./store"

export { dueDate, openStore, type LedgerStore, type Ticket } from "./store"

export interface LedgerOptions {
  /** PGlite data directory (default "./ledger-data"); ignored when a database URL is given. */
  dataDir?: string
  /** PostgreSQL connection string; defaults to the DATABASE_URL environment variable. */
  databaseUrl?: string
  /** HMAC key for subject tokens; defaults to ZHIQING_LEDGER_SECRET, else a random key for this process. */
  secret?: string
  /** Origins allowed to call the ledger from a browser (CORS); none by default, so only the same origin. */
  allowedOrigins?: string[]
  /** Where the routes live (default "/api"). */
  basePath?: string
}

export interface Ledger {
  (req: IncomingMessage, res: ServerResponse, next?: () => void): void
  /** Resolves once the store is open and migrated. */
  ready: Promise<void>
  close(): Promise<void>
}

/** Largest body accepted; a receipt is about 1 KB. */
export const MAX_BODY = 64 * 1024

/** The token a merchant's server gives a signed-in shopper so the SDK may read that shopper's choices. */
export function signSubject(secret: string, subject: string): string {
  return createHmac("sha256", secret).update(subject).digest("base64url")
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly field?: string
  ) {
    super(message)
  }
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" }).end(JSON.stringify(body))
}

function readJson(req: IncomingMessage): Promise<unknown> {
  if (!/^application\/json\b/i.test(req.headers["content-type"] ?? "")) return Promise.reject(new HttpError(415, "the body must be application/json"))
  if (Number(req.headers["content-length"] ?? 0) > MAX_BODY) return Promise.reject(new HttpError(413, `the body is larger than ${MAX_BODY} bytes`))
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on("data", (chunk: Buffer) => {
      size += chunk.length
      if (size > MAX_BODY) {
        reject(new HttpError(413, `the body is larger than ${MAX_BODY} bytes`))
        req.destroy()
      } else chunks.push(chunk)
    })
    req.on("error", reject)
    req.on("end", () => {
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString("utf8")))
      } catch {
        reject(new HttpError(400, "the body is not valid JSON"))
      }
    })
  })
}

function invalid(issues: ConfigIssue[]): HttpError {
  return new HttpError(422, formatIssues(issues), issues[0]?.path)
}

function tokenMatches(secret: string, subject: string, header: string | undefined): boolean {
  const given = Buffer.from(/^Bearer (.+)$/.exec(header ?? "")?.[1] ?? "")
  const expected = Buffer.from(signSubject(secret, subject))
  return given.length === expected.length && timingSafeEqual(given, expected)
}

export function createLedger(options: LedgerOptions = {}): Ledger {
  const base = (options.basePath ?? "/api").replace(/\/$/, "")
  const databaseUrl = options.databaseUrl ?? process.env.DATABASE_URL
  let secret = options.secret ?? process.env.ZHIQING_LEDGER_SECRET
  if (!secret) {
    console.warn("[zhiqing-ledger] no secret given (ZHIQING_LEDGER_SECRET): subject tokens only hold for this process")
    secret = randomBytes(32).toString("hex")
  }
  const key = secret
  const storeReady: Promise<LedgerStore> = openStore({ dataDir: options.dataDir ?? "./ledger-data", ...(databaseUrl ? { databaseUrl } : {}) })
  const allowed = new Set(options.allowedOrigins ?? [])

  async function route(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    const store = await storeReady
    const method = req.method ?? "GET"
    if (path === "/health") {
      if (method !== "GET") throw new HttpError(405, "use GET")
      await store.ping()
      return send(res, 200, { ok: true })
    }
    if (path === "/consent") {
      if (method !== "POST") throw new HttpError(405, "use POST")
      const parsed = parseReceipt(await readJson(req))
      if (!parsed.ok) throw invalid(parsed.issues)
      const outcome = await store.addReceipt(parsed.value)
      if (outcome === "conflict") throw new HttpError(409, "a different receipt with this id is already stored", "id")
      return send(res, outcome === "created" ? 201 : 200, { id: parsed.value.id, stored: true })
    }
    if (path === "/rights") {
      if (method !== "POST") throw new HttpError(405, "use POST")
      const parsed = parseRightsRequest(await readJson(req))
      if (!parsed.ok) throw invalid(parsed.issues)
      const ticket = await store.addTicket(parsed.value)
      return send(res, 201, { ticket: ticket.id, dueAt: ticket.dueAt })
    }
    const subjectRoute = /^\/consent\/([^/]+)(\/history)?$/.exec(path)
    if (subjectRoute) {
      if (method !== "GET") throw new HttpError(405, "use GET")
      const subject = decodeURIComponent(subjectRoute[1]!)
      if (!tokenMatches(key, subject, req.headers.authorization)) throw new HttpError(401, "a valid subject token is required")
      if (subjectRoute[2]) return send(res, 200, await store.history(subject))
      const latest = await store.latest(subject)
      if (!latest) throw new HttpError(404, "no consent is stored for this subject")
      const { given: _given, origin: _origin, sdk: _sdk, ...state } = latest
      return send(res, 200, state)
    }
    throw new HttpError(404, "no such route")
  }

  const ledger = ((req, res, next) => {
    const url = new URL(req.url ?? "/", "http://ledger")
    if (url.pathname !== base && !url.pathname.startsWith(base + "/")) {
      if (next) return next()
      return send(res, 404, { error: "no such route" })
    }
    const origin = req.headers.origin
    if (origin && allowed.has(origin)) {
      res.setHeader("access-control-allow-origin", origin)
      res.setHeader("vary", "origin")
      res.setHeader("access-control-allow-headers", "content-type, authorization")
      res.setHeader("access-control-allow-methods", "GET, POST, OPTIONS")
    }
    if (req.method === "OPTIONS") return void res.writeHead(origin && allowed.has(origin) ? 204 : 403).end()
    route(req, res, url.pathname.slice(base.length)).catch((error: unknown) => {
      if (res.headersSent) return
      if (error instanceof HttpError) return send(res, error.status, { error: error.message, ...(error.field ? { field: error.field } : {}) })
      console.error("[zhiqing-ledger]", error instanceof Error ? error.message : "unknown error")
      send(res, isStoreDown(error) ? 503 : 500, { error: "the ledger could not answer; try again" })
    })
  }) as Ledger
  ledger.ready = storeReady.then(() => undefined)
  ledger.close = async () => (await storeReady).close()
  return ledger
}

function isStoreDown(error: unknown): boolean {
  return error instanceof Error && /connect|terminat|closed/i.test(error.message)
}

/** Run the ledger on its own port (the `zhiqing-ledger` command and the benchmarks use this). */
export async function startLedgerServer(options: LedgerOptions & { port: number; host?: string }): Promise<{ port: number; close(): Promise<void> }> {
  const ledger = createLedger(options)
  await ledger.ready
  const server = createServer((req, res) => ledger(req, res))
  // A slow client cannot hold a connection for long.
  server.headersTimeout = 10_000
  server.requestTimeout = 15_000
  await new Promise<void>((done) => server.listen(options.port, options.host ?? "127.0.0.1", done))
  const address = server.address()
  return {
    port: typeof address === "object" && address ? address.port : options.port,
    async close() {
      server.closeAllConnections()
      await new Promise((done) => server.close(done))
      await ledger.close()
    }
  }
}
