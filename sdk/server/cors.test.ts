import { rmSync } from "node:fs"
import { afterAll, beforeAll, describe, expect, test } from "vitest"
import { runCommand } from "./commands"
import type { LedgerServer } from "./index"
import { newPgliteDir, sampleReceipt } from "./test-support"

const ALLOWED = "https://shop.example.cn"
const OTHER = "https://evil.example"

describe("CORS on a ledger started with zhiqing-ledger serve --origin", () => {
  let dataDir: string
  let server: LedgerServer
  let base: string

  beforeAll(async () => {
    dataDir = await newPgliteDir()
    const lines: string[] = []
    const result = await runCommand(["serve", "--port", "0", "--data", dataDir, "--origin", ALLOWED, "--origin", "http://localhost:4173"], { out: (line) => lines.push(line), err: (line) => lines.push(line) })
    if (result.exit !== null) throw new Error(lines.join("\n"))
    server = result.server
    base = `http://127.0.0.1:${server.port}/api`
  }, 60_000)

  afterAll(async () => {
    await server?.close()
    rmSync(dataDir, { recursive: true, force: true })
  })

  const preflight = (origin: string, headers = "content-type") =>
    fetch(`${base}/consent`, { method: "OPTIONS", headers: { origin, "access-control-request-method": "POST", "access-control-request-headers": headers } })

  test("each configured origin gets the CORS headers on preflights and answers; its JSON POST is stored", async () => {
    for (const origin of [ALLOWED, "http://localhost:4173"]) {
      const allowed = await preflight(origin, "content-type, authorization")
      expect(allowed.status).toBe(204)
      expect(allowed.headers.get("access-control-allow-origin")).toBe(origin)
      expect(allowed.headers.get("access-control-allow-methods")).toContain("POST")
      expect(allowed.headers.get("access-control-allow-headers")).toContain("authorization")
    }
    const stored = await fetch(`${base}/consent`, { method: "POST", headers: { origin: ALLOWED, "content-type": "application/json" }, body: JSON.stringify(sampleReceipt()) })
    expect(stored.status).toBe(201)
    expect(stored.headers.get("access-control-allow-origin")).toBe(ALLOWED)
    expect(stored.headers.get("vary")).toBe("origin")
  })

  test("any other origin, a look-alike or the literal null included, gets no CORS headers and its preflight is refused", async () => {
    for (const origin of [OTHER, `${ALLOWED}.evil.example`, "https://shop.example.cn:8443", "http://shop.example.cn", "null"]) {
      const refused = await preflight(origin)
      expect(refused.status).toBe(403)
      expect(await refused.json()).toMatchObject({ field: "origin" })
      expect(refused.headers.get("access-control-allow-origin")).toBeNull()
      const answered = await fetch(`${base}/health`, { headers: { origin } })
      expect(answered.headers.get("access-control-allow-origin")).toBeNull()
    }
  })

  test("a page elsewhere cannot store a receipt: the only POST a browser sends it without a preflight is refused (415)", async () => {
    // text/plain is what a form or a no-cors fetch can send cross-origin without asking first.
    const simple = await fetch(`${base}/consent`, { method: "POST", headers: { origin: OTHER, "content-type": "text/plain" }, body: JSON.stringify(sampleReceipt()) })
    expect(simple.status).toBe(415)
    expect(simple.headers.get("access-control-allow-origin")).toBeNull()
  })
})
