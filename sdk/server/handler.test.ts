import { rmSync } from "node:fs"
import { createServer, type IncomingMessage, type RequestListener } from "node:http"
import { createServer as createNetServer } from "node:net"
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest"
import { createLedger, signSubject, type Ledger } from "./index"
import { newPgliteDir, sampleReceipt } from "./test-support"

/** Serve a handler on a free loopback port for one test. */
async function serve(handler: RequestListener): Promise<{ base: string; close(): Promise<void> }> {
  const server = createServer(handler)
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done))
  const address = server.address()
  const port = typeof address === "object" && address ? address.port : 0
  return { base: `http://127.0.0.1:${port}`, close: () => new Promise((done) => server.close(() => done())) }
}

describe("createLedger as middleware", () => {
  let dataDir: string
  let ledger: Ledger

  beforeAll(async () => {
    dataDir = await newPgliteDir()
    ledger = createLedger({ dataDir, databaseUrl: "", secret: "middleware-secret", basePath: "/privacy/api/" })
    await ledger.ready
  }, 60_000)

  afterAll(async () => {
    await ledger.close()
    rmSync(dataDir, { recursive: true, force: true })
  })

  test("answers under its base path and passes every other path to next(), or a JSON 404 without one", async () => {
    const passed: string[] = []
    const app = await serve((req, res) =>
      ledger(req, res, () => {
        passed.push(req.url ?? "")
        res.writeHead(200, { "content-type": "text/plain" }).end("the shop")
      })
    )
    const bare = await serve((req, res) => ledger(req, res))
    try {
      expect((await fetch(`${app.base}/privacy/api/health`)).status).toBe(200)
      expect(await (await fetch(`${app.base}/api/health`)).text()).toBe("the shop")
      expect(await (await fetch(`${app.base}/privacy/apiary`)).text()).toBe("the shop")
      expect(passed).toEqual(["/api/health", "/privacy/apiary"])
      const missing = await fetch(`${bare.base}/elsewhere`)
      expect(missing.status).toBe(404)
      expect(await missing.json()).toEqual({ error: "no such route" })
    } finally {
      await app.close()
      await bare.close()
    }
  })

  test("accepts a body an Express-style parser already read", async () => {
    const receipt = sampleReceipt({ subject: "s_preparsed" })
    const app = await serve((req, res) => {
      // What express.json() leaves behind: the stream consumed and the value on req.body.
      req.resume()
      req.on("end", () => {
        Object.assign(req as IncomingMessage & { body?: unknown }, { body: receipt })
        ledger(req, res)
      })
    })
    try {
      const response = await fetch(`${app.base}/privacy/api/consent`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(receipt) })
      expect(response.status).toBe(201)
      const history = await fetch(`${app.base}/privacy/api/consent/s_preparsed/history`, { headers: { authorization: `Bearer ${signSubject("middleware-secret", "s_preparsed")}` } })
      expect((await history.json()).map((item: { id: string }) => item.id)).toEqual([receipt.id])
    } finally {
      await app.close()
    }
  })

  test("a percent-encoding error in the subject is a 400, not a crash", async () => {
    const app = await serve((req, res) => ledger(req, res))
    try {
      const response = await fetch(`${app.base}/privacy/api/consent/%E0%A4%A/history`)
      expect(response.status).toBe(400)
      expect(await response.json()).toMatchObject({ field: "subject" })
    } finally {
      await app.close()
    }
  })
})

describe("a ledger whose store does not answer", () => {
  test("answers 503 on health and on writes, without a stack trace, and ready rejects", async () => {
    // A port nothing listens on: PostgreSQL is "down".
    const probe = createNetServer()
    await new Promise<void>((done) => probe.listen(0, "127.0.0.1", done))
    const address = probe.address()
    const port = typeof address === "object" && address ? address.port : 0
    await new Promise((done) => probe.close(done))
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined)
    const ledger = createLedger({ databaseUrl: `postgres://nobody@127.0.0.1:${port}/none`, secret: "down-secret" })
    const app = await serve((req, res) => ledger(req, res))
    try {
      await expect(ledger.ready).rejects.toThrow()
      const health = await fetch(`${app.base}/api/health`)
      expect(health.status).toBe(503)
      const body = await health.text()
      expect(body).not.toMatch(/at .*\.ts|ECONNREFUSED|Error:/)
      expect(JSON.parse(body)).toEqual({ error: "the ledger's store did not answer; try again later" })
      const write = await fetch(`${app.base}/api/consent`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(sampleReceipt()) })
      expect(write.status).toBe(503)
      expect(logged).toHaveBeenCalled()
    } finally {
      await app.close()
      await ledger.close()
      logged.mockRestore()
    }
  })

  test("warns when no secret is configured, and still refuses tokens signed with a guess", async () => {
    const warned = vi.spyOn(console, "warn").mockImplementation(() => undefined)
    const secret = process.env.ZHIQING_LEDGER_SECRET
    delete process.env.ZHIQING_LEDGER_SECRET
    const dataDir = await newPgliteDir()
    const ledger = createLedger({ dataDir, databaseUrl: "" })
    const app = await serve((req, res) => ledger(req, res))
    try {
      expect(warned).toHaveBeenCalledWith(expect.stringContaining("ZHIQING_LEDGER_SECRET"))
      const guessed = await fetch(`${app.base}/api/consent/s_nosecret1`, { headers: { authorization: `Bearer ${signSubject("", "s_nosecret1")}` } })
      expect(guessed.status).toBe(401)
    } finally {
      await app.close()
      await ledger.close()
      rmSync(dataDir, { recursive: true, force: true })
      if (secret !== undefined) process.env.ZHIQING_LEDGER_SECRET = secret
      warned.mockRestore()
    }
  }, 60_000)
})
