import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll, beforeAll, describe, expect, test } from "vitest"
import type { Receipt } from "../src/schema"
import { signSubject, startLedgerServer } from "./index"
import { startTestPostgres } from "./test-postgres"

const SECRET = "test-secret"
const postgres = await startTestPostgres()
if (typeof postgres === "string") console.warn(`Skipping the ledger tests on PostgreSQL: ${postgres}`)

function receipt(overrides: Partial<Receipt> = {}): Receipt {
  return {
    schema: 1,
    id: crypto.randomUUID(),
    subject: "s_ledgertest1",
    policyVersion: "2026-11",
    locale: "zh-CN",
    decidedAt: new Date().toISOString(),
    purposes: { necessary: true, analytics: true },
    separate: { "sensitive-id-card": false },
    noticeHash: "b".repeat(64),
    given: { flow: "banner", control: "agree" },
    ...overrides
  }
}

describe.each([
  { store: "PGlite", databaseUrl: undefined, skip: false },
  { store: "PostgreSQL", databaseUrl: typeof postgres === "string" ? undefined : postgres.url, skip: typeof postgres === "string" }
])("the consent ledger on $store", ({ databaseUrl, skip }) => {
  let dir: string
  let base: string
  let close: () => Promise<void>

  beforeAll(async () => {
    if (skip) return
    dir = mkdtempSync(join(tmpdir(), "ledger-test-"))
    const server = await startLedgerServer({ port: 0, dataDir: dir, secret: SECRET, ...(databaseUrl ? { databaseUrl } : {}) })
    base = `http://127.0.0.1:${server.port}/api`
    close = server.close
  }, 60_000)

  afterAll(async () => {
    if (skip) return
    await close()
    rmSync(dir, { recursive: true, force: true })
    if (databaseUrl && typeof postgres !== "string") postgres.stop()
  })

  const post = (path: string, body: unknown, type = "application/json") =>
    fetch(base + path, { method: "POST", headers: { "content-type": type }, body: typeof body === "string" ? body : JSON.stringify(body) })
  const it = skip ? test.skip : test

  it("PIPL-69: stores a receipt once, however often it is sent", async () => {
    const sent = receipt()
    const statuses = [(await post("/consent", sent)).status, (await post("/consent", sent)).status, (await post("/consent", sent)).status]
    expect(statuses).toEqual([201, 200, 200])
    const history = await fetch(`${base}/consent/${sent.subject}/history`, { headers: { authorization: `Bearer ${signSubject(SECRET, sent.subject)}` } })
    expect((await history.json()).filter((item: Receipt) => item.id === sent.id)).toHaveLength(1)
  })

  it("refuses a different receipt under an id already stored (append-only)", async () => {
    const sent = receipt()
    await post("/consent", sent)
    expect((await post("/consent", { ...sent, purposes: { necessary: true, analytics: false } })).status).toBe(409)
  })

  it("serves the newest state to the holder of the subject's token, and 401 to a forged one", async () => {
    const subject = "s_crossdevice"
    await post("/consent", receipt({ subject, decidedAt: "2026-11-01T00:00:00.000Z" }))
    const newer = receipt({ subject, decidedAt: "2026-11-02T00:00:00.000Z", purposes: { necessary: true, analytics: false }, given: { flow: "withdraw", control: "api" } })
    await post("/consent", newer)
    const good = await fetch(`${base}/consent/${subject}`, { headers: { authorization: `Bearer ${signSubject(SECRET, subject)}` } })
    expect(good.status).toBe(200)
    const state = await good.json()
    expect(state.id).toBe(newer.id)
    expect(state.given).toBeUndefined()
    const forged = await fetch(`${base}/consent/${subject}`, { headers: { authorization: `Bearer ${signSubject("another-secret", subject)}` } })
    expect(forged.status).toBe(401)
    expect((await fetch(`${base}/consent/${subject}`)).status).toBe(401)
  })

  it("names the field that is wrong, and keeps nothing of a bad receipt", async () => {
    const bad = { ...receipt(), noticeHash: "nope" }
    const response = await post("/consent", bad)
    expect(response.status).toBe(422)
    expect(await response.json()).toMatchObject({ field: "noticeHash" })
    const history = await fetch(`${base}/consent/${bad.subject}/history`, { headers: { authorization: `Bearer ${signSubject(SECRET, bad.subject)}` } })
    expect((await history.json()).some((item: Receipt) => item.id === bad.id)).toBe(false)
  })

  it("answers malformed, mistyped and oversize bodies with 400, 415 and 413", async () => {
    expect((await post("/consent", "{not json")).status).toBe(400)
    expect((await post("/consent", "x", "text/plain")).status).toBe(415)
    expect((await post("/consent", JSON.stringify({ pad: "x".repeat(70 * 1024) }))).status).toBe(413)
    const notFound = await fetch(base + "/nowhere")
    expect(notFound.status).toBe(404)
    expect(await notFound.json()).toEqual({ error: "no such route" })
  })

  it("PIPL-44-50: a rights request gets a ticket due in 15 working days", async () => {
    const response = await post("/rights", { subject: "s_ledgertest1", right: "delete", details: "<script>alert(1)</script>" })
    expect(response.status).toBe(201)
    const body = await response.json()
    expect(body.ticket).toMatch(/^R-[0-9A-F]{8}$/)
    expect(new Date(body.dueAt).getTime() - Date.now()).toBeGreaterThan(18 * 86400_000)
  })

  it("reports its health", async () => {
    expect((await fetch(base + "/health")).status).toBe(200)
  })
})
