/**
 * The consent ledger: a Node request handler that keeps receipts append-only and serves a shopper's choices back.
 * `createLedger()` works with node:http, Express and Fastify; `startLedgerServer()` runs it on a port.
 *
 * Answers are JSON. Errors are `{ error, field? }`: 400 body not JSON, 401 subject token missing or wrong,
 * 404 no such route or nothing stored, 405 wrong method, 408 body too slow, 409 another receipt under that id,
 * 413 body over 64 KB, 415 not application/json, 422 the body breaks the shared schema (with every `issues` entry) or
 * holds a value the database cannot store, 503 the store does not answer.
 */
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto"
import { createServer, type IncomingMessage, type ServerResponse } from "node:http"
import { parseReceipt, parseRightsRequest, type ConfigIssue, type ConsentState } from "../src/schema"
import { AnsweredError, BODY_FIELD, HttpError, readJson, send, sendError } from "./http"
import { StoreUnavailableError, ValueRefusedError } from "./sql"
import { openStore, type LedgerStore } from "./store"

export { breachNotice, type BreachNoticeFacts } from "./breach-notice"
export { BODY_TIMEOUT_MS, MAX_BODY } from "./http"
export { dueDate, MIGRATIONS, openStore, type AddOutcome, type GrantKind, type LedgerStore, type StoreOptions, type Ticket } from "./store"

export interface LedgerOptions {
  /** PGlite data directory (default "./ledger-data"); ignored when a database URL is given. */
  dataDir?: string
  /** PostgreSQL connection string; defaults to the DATABASE_URL environment variable ("" means PGlite regardless). */
  databaseUrl?: string
  /** HMAC key for subject tokens; defaults to ZHIQING_LEDGER_SECRET, else a random key for this process (with a warning). */
  secret?: string
  /** Origins allowed to call the ledger from a browser (CORS); none by default, so only the same origin. */
  allowedOrigins?: string[]
  /** Where the routes live (default "/api"). */
  basePath?: string
}

export interface Ledger {
  /** Answers the ledger's routes; other paths go to `next`, or get a JSON 404 when there is none. */
  (req: IncomingMessage, res: ServerResponse, next?: () => void): void
  /** Resolves once the store is open and migrated; rejects when it cannot be. */
  ready: Promise<void>
  /** Close the store (and release a PGlite data directory). */
  close(): Promise<void>
}

/** The token a merchant's server gives a signed-in shopper so the SDK may read that shopper's choices (HMAC-SHA256, base64url). */
export function signSubject(secret: string, subject: string): string {
  return createHmac("sha256", secret).update(subject).digest("base64url")
}

function tokenMatches(secret: string, subject: string, header: string | undefined): boolean {
  const given = Buffer.from(/^Bearer ([A-Za-z0-9_-]+)$/.exec(header ?? "")?.[1] ?? "")
  const expected = Buffer.from(signSubject(secret, subject))
  return given.length === expected.length && timingSafeEqual(given, expected)
}

function invalid(issues: ConfigIssue[]): HttpError {
  const first = issues[0]
  return new HttpError(422, first ? `${first.path || BODY_FIELD}: ${first.message}` : "the body is not valid", first?.path || BODY_FIELD, {
    issues: issues.map((issue) => ({ field: issue.path || BODY_FIELD, message: issue.message }))
  })
}

function methodNotAllowed(allowed: string): HttpError {
  return new HttpError(405, `use ${allowed}`, undefined, {}, { allow: allowed })
}

/** The state part of a receipt: what another device adopts (design.md, ConsentState). */
function stateOf(receipt: ConsentState): ConsentState {
  const { schema, id, subject, policyVersion, locale, decidedAt, purposes, separate, noticeHash } = receipt
  return { schema, id, subject, policyVersion, locale, decidedAt, purposes, separate, noticeHash }
}

function resolveSecret(given: string | undefined): string {
  const secret = given ?? process.env.ZHIQING_LEDGER_SECRET
  if (secret) return secret
  console.warn("[zhiqing-ledger] no secret given (ZHIQING_LEDGER_SECRET): subject tokens hold only until this process exits")
  return randomBytes(32).toString("hex")
}

/** Create the ledger's request handler; the store opens in the background (see `ready`). */
export function createLedger(options: LedgerOptions = {}): Ledger {
  const base = (options.basePath ?? "/api").replace(/\/+$/, "")
  const databaseUrl = options.databaseUrl ?? process.env.DATABASE_URL
  const secret = resolveSecret(options.secret)
  const allowed = new Set(options.allowedOrigins ?? [])
  const storeReady: Promise<LedgerStore> = openStore({ dataDir: options.dataDir ?? "./ledger-data", ...(databaseUrl ? { databaseUrl } : {}) })
  // Requests still get 503 when the store cannot open; the reason is logged once, not left unhandled.
  storeReady.catch((error: unknown) => console.error("[zhiqing-ledger] the store did not open:", error instanceof Error ? error.message : "unknown error"))
  const store = () => storeReady.catch(() => Promise.reject(new StoreUnavailableError("the store did not open")))

  async function route(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    const method = req.method ?? "GET"
    if (path === "/health") {
      if (method !== "GET") throw methodNotAllowed("GET")
      await (await store()).ping()
      return send(res, 200, { ok: true })
    }
    if (path === "/consent") {
      if (method !== "POST") throw methodNotAllowed("POST")
      const parsed = parseReceipt(await readJson(req, res))
      if (!parsed.ok) throw invalid(parsed.issues)
      const outcome = await (await store())
        .addReceipt(parsed.value)
        .catch((error: unknown) => Promise.reject(error instanceof ValueRefusedError ? new HttpError(422, "the database cannot store a value in this receipt", BODY_FIELD) : error))
      if (outcome === "conflict") throw new HttpError(409, "another receipt is already stored under this id; receipts are never changed", "id")
      return send(res, outcome === "created" ? 201 : 200, { id: parsed.value.id, stored: true })
    }
    if (path === "/rights") {
      if (method !== "POST") throw methodNotAllowed("POST")
      const parsed = parseRightsRequest(await readJson(req, res))
      if (!parsed.ok) throw invalid(parsed.issues)
      const ticket = await (await store()).addTicket(parsed.value)
      return send(res, 201, { ticket: ticket.id, dueAt: ticket.dueAt })
    }
    const subjectRoute = /^\/consent\/([^/]+)(\/history)?$/.exec(path)
    if (subjectRoute) {
      if (method !== "GET") throw methodNotAllowed("GET")
      let subject: string
      try {
        subject = decodeURIComponent(subjectRoute[1]!)
      } catch {
        throw new HttpError(400, "the subject in the path is not valid percent-encoding", "subject")
      }
      // The token is checked before the store is touched, so a guess learns nothing, not even whether a subject exists.
      if (!tokenMatches(secret, subject, req.headers.authorization)) {
        throw new HttpError(401, "a valid subject token is required (Authorization: Bearer <token>)", "authorization", {}, { "www-authenticate": 'Bearer realm="zhiqing-ledger"' })
      }
      if (subjectRoute[2]) return send(res, 200, await (await store()).history(subject))
      const latest = await (await store()).latest(subject)
      if (!latest) throw new HttpError(404, "no consent is stored for this subject")
      return send(res, 200, stateOf(latest))
    }
    throw new HttpError(404, "no such route")
  }

  function fail(res: ServerResponse, error: unknown): void {
    if (error instanceof AnsweredError || res.headersSent) return
    if (error instanceof HttpError) return sendError(res, error)
    // Only the kind of failure is logged: messages from the database can quote the values in a statement.
    const unavailable = error instanceof StoreUnavailableError
    console.error(`[zhiqing-ledger] ${unavailable ? "store unavailable" : "internal error"}: ${error instanceof Error ? error.name : typeof error}${unavailable ? ` (${error.message})` : ""}`)
    send(res, unavailable ? 503 : 500, { error: unavailable ? "the ledger's store did not answer; try again later" : "the ledger could not answer; try again later" })
  }

  const ledger = ((req, res, next) => {
    let pathname: string
    try {
      pathname = new URL(req.url ?? "/", "http://ledger").pathname
    } catch {
      return sendError(res, new HttpError(400, "the request target is not a valid URL"))
    }
    if (pathname !== base && !pathname.startsWith(base + "/")) {
      if (next) return next()
      return sendError(res, new HttpError(404, "no such route"))
    }
    const origin = req.headers.origin
    const crossOriginAllowed = origin !== undefined && allowed.has(origin)
    res.setHeader("vary", "origin")
    if (crossOriginAllowed) {
      res.setHeader("access-control-allow-origin", origin)
      res.setHeader("access-control-allow-headers", "content-type, authorization")
      res.setHeader("access-control-allow-methods", "GET, POST, OPTIONS")
      res.setHeader("access-control-max-age", "600")
    }
    if (req.method === "OPTIONS") {
      if (crossOriginAllowed) return void res.writeHead(204).end()
      return sendError(res, new HttpError(403, "this origin may not call the ledger", "origin"))
    }
    route(req, res, pathname.slice(base.length)).catch((error: unknown) => fail(res, error))
  }) as Ledger
  ledger.ready = storeReady.then(() => undefined)
  // Awaiting `ready` still sees the failure; a caller who never awaits it does not get an unhandled rejection.
  ledger.ready.catch(() => undefined)
  ledger.close = async () => {
    const opened = await storeReady.catch(() => undefined)
    await opened?.close()
  }
  return ledger
}

/** A ledger listening on its own port: the `zhiqing-ledger` command and the benchmarks use this. */
export interface LedgerServer {
  /** The port it listens on (useful with `port: 0`). */
  port: number
  /** Stop listening, drop open connections and close the store. */
  close(): Promise<void>
}

/** Run the ledger on a port; resolves once the store is open and the port is listening. */
export async function startLedgerServer(options: LedgerOptions & { port: number; host?: string }): Promise<LedgerServer> {
  const ledger = createLedger(options)
  await ledger.ready
  // A slow client cannot hold a connection open: headers within 10 s, the whole request within 15 s. Node checks
  // those limits every 30 s by default, which would let a slowloris client hold a socket for up to 45 s.
  const server = createServer({ connectionsCheckingInterval: 1_000 }, (req, res) => ledger(req, res))
  server.headersTimeout = 10_000
  server.requestTimeout = 15_000
  server.keepAliveTimeout = 5_000
  try {
    await new Promise<void>((done, reject) => {
      server.once("error", reject)
      server.listen(options.port, options.host ?? "127.0.0.1", () => {
        server.off("error", reject)
        done()
      })
    })
  } catch (error) {
    await ledger.close()
    throw error
  }
  const address = server.address()
  return {
    port: typeof address === "object" && address ? address.port : options.port,
    async close() {
      await new Promise((done) => {
        server.close(done)
        server.closeAllConnections()
      })
      await ledger.close()
    }
  }
}
