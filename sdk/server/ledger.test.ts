import { request } from "node:http"
import { afterAll, beforeAll, describe, expect, test } from "vitest"
import type { Receipt } from "../src/schema"
import { signSubject, startLedgerServer } from "./index"
import { sampleReceipt, testStores } from "./test-support"
import { dueDate } from "./store"

const SECRET = "test-secret"
const ALLOWED_ORIGIN = "https://shop.example.cn"
const stores = await testStores()

describe.each(stores)("the consent ledger on $name", (store) => {
  const it = store.skip ? test.skip : test
  let base: string
  let port: number
  let close: () => Promise<void>

  beforeAll(async () => {
    if (store.skip) return
    const server = await startLedgerServer({ port: 0, secret: SECRET, allowedOrigins: [ALLOWED_ORIGIN], ...(await store.fresh()) })
    port = server.port
    base = `http://127.0.0.1:${port}/api`
    close = server.close
  }, 60_000)

  afterAll(async () => {
    await close?.()
    await store.cleanUp()
  })

  const post = (path: string, body: unknown, type = "application/json") =>
    fetch(base + path, { method: "POST", headers: { "content-type": type }, body: typeof body === "string" ? body : JSON.stringify(body) })
  const bearer = (subject: string, secret = SECRET) => ({ authorization: `Bearer ${signSubject(secret, subject)}` })
  const history = async (subject: string): Promise<Receipt[]> => (await fetch(`${base}/consent/${subject}/history`, { headers: bearer(subject) })).json()

  it("PIPL-69: the same receipt sent three times is stored once (201, then 200, 200)", async () => {
    const sent = sampleReceipt({ subject: "s_threetimes" })
    const statuses = [(await post("/consent", sent)).status, (await post("/consent", sent)).status, (await post("/consent", sent)).status]
    expect(statuses).toEqual([201, 200, 200])
    expect((await history(sent.subject)).map((item) => item.id)).toEqual([sent.id])
  })

  it("PIPL-69: a resend with its keys in another order is still the same receipt", async () => {
    const sent = sampleReceipt({ subject: "s_reordered" })
    expect((await post("/consent", sent)).status).toBe(201)
    const reordered = Object.fromEntries(Object.entries(sent).reverse())
    expect((await post("/consent", reordered)).status).toBe(200)
  })

  it("PIPL-69: receipts are append-only — a different body under a stored id is refused with 409 and changes nothing", async () => {
    const sent = sampleReceipt({ subject: "s_appendonly" })
    await post("/consent", sent)
    const response = await post("/consent", { ...sent, purposes: { necessary: true, analytics: false } })
    expect(response.status).toBe(409)
    expect(await response.json()).toMatchObject({ field: "id" })
    expect((await history(sent.subject))[0]?.purposes).toEqual(sent.purposes)
  })

  it("a receipt whose id PostgreSQL cannot read as a uuid gets 422 naming the body, and nothing is stored", async () => {
    const subject = "s_hyphenid01"
    const response = await post("/consent", sampleReceipt({ subject, id: "-".repeat(36) }))
    expect(response.status).toBe(422)
    expect(await response.json()).toEqual({ error: "the database cannot store a value in this receipt", field: "body" })
    expect(await history(subject)).toEqual([])
  })

  it("PIPL-15-1: a withdrawal is a new receipt; the latest state follows it and the history keeps both, oldest first", async () => {
    const subject = "s_crossdevice"
    const first = sampleReceipt({ subject, decidedAt: "2026-11-01T00:00:00.000Z" })
    const withdrawal = sampleReceipt({ subject, decidedAt: "2026-11-02T00:00:00.000Z", purposes: { necessary: true, analytics: false }, given: { flow: "withdraw", control: "api" } })
    // Sent out of order, as an outbox replaying after a device came back online may do.
    await post("/consent", withdrawal)
    await post("/consent", first)
    const latest = await fetch(`${base}/consent/${subject}`, { headers: bearer(subject) })
    expect(latest.status).toBe(200)
    const { given: _given, ...withdrawnState } = withdrawal
    expect(await latest.json()).toStrictEqual(withdrawnState)
    expect((await history(subject)).map((item) => item.id)).toEqual([first.id, withdrawal.id])
  })

  it("a receipt dated in the future cannot outrank the ones sent after it", async () => {
    const subject = "s_futuredated"
    await post("/consent", sampleReceipt({ subject, decidedAt: "2099-01-01T00:00:00.000Z" }))
    const later = sampleReceipt({ subject, decidedAt: new Date().toISOString(), purposes: { necessary: true, analytics: false } })
    await post("/consent", later)
    expect((await (await fetch(`${base}/consent/${subject}`, { headers: bearer(subject) })).json()).id).toBe(later.id)
  })

  it("a forged token gets 401, and so do a missing one and another subject's token, on both subject routes", async () => {
    const subject = "s_tokencheck"
    await post("/consent", sampleReceipt({ subject }))
    for (const path of [`/consent/${subject}`, `/consent/${subject}/history`]) {
      const forged = await fetch(base + path, { headers: bearer(subject, "another-secret") })
      expect(forged.status).toBe(401)
      expect(await forged.json()).toMatchObject({ field: "authorization" })
      expect((await fetch(base + path)).status).toBe(401)
      expect((await fetch(base + path, { headers: bearer("s_someoneelse") })).status).toBe(401)
      expect((await fetch(base + path, { headers: { authorization: "Basic abc" } })).status).toBe(401)
    }
  })

  it("a forged token learns nothing: an unknown subject gets 401 too, and 404 only with its real token", async () => {
    const subject = "s_neverseen"
    expect((await fetch(`${base}/consent/${subject}`, { headers: bearer(subject, "guess") })).status).toBe(401)
    const response = await fetch(`${base}/consent/${subject}`, { headers: bearer(subject) })
    expect(response.status).toBe(404)
    expect(await response.json()).toEqual({ error: "no consent is stored for this subject" })
    expect(await history(subject)).toEqual([])
  })

  it("names the field that is wrong (422), and keeps nothing of a bad receipt", async () => {
    const bad = { ...sampleReceipt({ subject: "s_badreceipt" }), noticeHash: "nope" }
    const response = await post("/consent", bad)
    expect(response.status).toBe(422)
    const body = await response.json()
    expect(body).toMatchObject({ field: "noticeHash", error: expect.stringContaining("noticeHash") })
    expect(body.issues).toContainEqual({ field: "noticeHash", message: "must be a sha-256 hex digest" })
    const nested = await post("/consent", { ...sampleReceipt(), given: { flow: "telepathy", control: "agree" } })
    expect(await nested.json()).toMatchObject({ field: "given.flow" })
    expect((await post("/consent", [])).status).toBe(422)
    expect(await history(bad.subject)).toEqual([])
  })

  it("answers malformed and mistyped bodies with 400 and 415, naming the body", async () => {
    const notJson = await post("/consent", "{not json")
    expect(notJson.status).toBe(400)
    expect(await notJson.json()).toEqual({ error: "the body is not valid JSON", field: "body" })
    expect((await post("/consent", JSON.stringify(sampleReceipt()), "text/plain")).status).toBe(415)
    expect((await fetch(base + "/consent", { method: "POST", body: JSON.stringify(sampleReceipt()) })).status).toBe(415)
  })

  it("refuses a body over 64 KB with 413, whether declared up front or streamed without a length", async () => {
    const declared = await post("/consent", JSON.stringify({ pad: "x".repeat(70 * 1024) }))
    expect(declared.status).toBe(413)
    expect(await declared.json()).toMatchObject({ field: "body" })
    const streamed = await new Promise<number>((resolve, reject) => {
      const req = request({ host: "127.0.0.1", port, method: "POST", path: "/api/consent", headers: { "content-type": "application/json", "transfer-encoding": "chunked" } }, (res) => {
        res.resume()
        resolve(res.statusCode ?? 0)
      })
      req.on("error", reject)
      // 80 KB in 1 KB chunks: the ledger answers as soon as it has seen more than 64 KB.
      let sent = 0
      const pump = () => {
        while (sent < 80 && req.write("x".repeat(1024))) sent++
        if (sent < 80) req.once("drain", pump)
      }
      pump()
    })
    expect(streamed).toBe(413)
  })

  it("answers unknown routes with a JSON 404 and wrong methods with 405", async () => {
    const notFound = await fetch(base + "/nowhere")
    expect(notFound.status).toBe(404)
    expect(await notFound.json()).toEqual({ error: "no such route" })
    const wrongMethod = await fetch(base + "/consent")
    expect(wrongMethod.status).toBe(405)
    expect(wrongMethod.headers.get("allow")).toBe("POST")
    expect((await fetch(base + "/health", { method: "POST" })).status).toBe(405)
    expect((await fetch(`${base}/consent/s_tokencheck`, { method: "DELETE" })).status).toBe(405)
  })

  it("allows cross-origin calls only from configured origins", async () => {
    const preflight = (origin: string) =>
      fetch(base + "/consent", { method: "OPTIONS", headers: { origin, "access-control-request-method": "POST", "access-control-request-headers": "content-type" } })
    const allowed = await preflight(ALLOWED_ORIGIN)
    expect(allowed.status).toBe(204)
    expect(allowed.headers.get("access-control-allow-origin")).toBe(ALLOWED_ORIGIN)
    expect(allowed.headers.get("access-control-allow-headers")).toContain("authorization")
    const refused = await preflight("https://evil.example")
    expect(refused.status).toBe(403)
    expect(refused.headers.get("access-control-allow-origin")).toBeNull()
    const simple = await fetch(base + "/health", { headers: { origin: "https://evil.example" } })
    expect(simple.headers.get("access-control-allow-origin")).toBeNull()
    expect(simple.headers.get("vary")).toBe("origin")
  })

  it("PIPL-44-50: a rights request gets a ticket due in 15 working days; a bad one is refused naming the field", async () => {
    const before = new Date()
    const response = await post("/rights", { subject: "s_ledgertest1", right: "delete", details: "<script>alert(1)</script>" })
    const after = new Date()
    expect(response.status).toBe(201)
    const body = await response.json()
    expect(body.ticket).toMatch(/^R-[0-9A-F]{8}$/)
    // 15 working days: 21 calendar days from a weekday, fewer from a weekend (store.test.ts counts them), so the
    // due date is the one for the moment the request arrived.
    const due = new Date(body.dueAt).getTime()
    expect(due).toBeGreaterThanOrEqual(dueDate(before).getTime())
    expect(due).toBeLessThanOrEqual(dueDate(after).getTime())
    const bad = await post("/rights", { subject: "s_ledgertest1", right: "forget-me" })
    expect(bad.status).toBe(422)
    expect(await bad.json()).toMatchObject({ field: "right" })
  })

  it("reports its health", async () => {
    expect(await (await fetch(base + "/health")).json()).toEqual({ ok: true })
  })
})
