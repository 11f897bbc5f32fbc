import { spawn, type ChildProcess } from "node:child_process"
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { afterAll, describe, expect, it } from "vitest"
import type { Receipt } from "../src/schema"
import { signSubject } from "./index"

const SECRET = "durability-secret"
const SUBJECT = "s_durability1"
const dataDir = mkdtempSync(join(tmpdir(), "ledger-kill-"))
const children: ChildProcess[] = []

/** The ledger command as a separate process, so it can be killed without warning. */
function startLedger(): Promise<{ child: ChildProcess; port: number }> {
  const cli = fileURLToPath(new URL("./cli.ts", import.meta.url))
  const child = spawn(process.execPath, ["--conditions=source", "--import", "tsx", cli, "--port", "0", "--data", dataDir], {
    stdio: ["ignore", "pipe", "inherit"],
    env: { ...process.env, ZHIQING_LEDGER_SECRET: SECRET }
  })
  children.push(child)
  return new Promise((resolve, reject) => {
    child.on("exit", (code) => reject(new Error(`the ledger exited with ${code}`)))
    child.stdout!.on("data", (chunk: Buffer) => {
      const port = /127\.0\.0\.1:(\d+)/.exec(String(chunk))?.[1]
      if (port) resolve({ child, port: Number(port) })
    })
  })
}

function receipt(index: number): Receipt {
  return {
    schema: 1,
    id: crypto.randomUUID(),
    subject: SUBJECT,
    policyVersion: "2026-11",
    locale: "zh-CN",
    decidedAt: new Date(Date.UTC(2026, 10, 1) + index).toISOString(),
    purposes: { necessary: true, analytics: index % 2 === 0 },
    separate: {},
    noticeHash: "d".repeat(64),
    given: { flow: "banner", control: "agree" }
  }
}

afterAll(() => {
  for (const child of children) child.kill("SIGKILL")
  rmSync(dataDir, { recursive: true, force: true })
})

describe("the ledger under a hard kill", () => {
  it("PIPL-69: every receipt it acknowledged before SIGKILL is there after a restart", async () => {
    const first = await startLedger()
    const acknowledged: string[] = []
    let next = 0
    // 20 clients send up to 1,000 receipts; the ledger is killed once 300 are acknowledged, mid-burst.
    const client = async () => {
      while (next < 1000) {
        const sent = receipt(next++)
        try {
          const response = await fetch(`http://127.0.0.1:${first.port}/api/consent`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(sent) })
          if (response.status === 201) acknowledged.push(sent.id)
          if (acknowledged.length === 300) first.child.kill("SIGKILL")
        } catch {
          return
        }
      }
    }
    await Promise.all(Array.from({ length: 20 }, client))
    expect(acknowledged.length).toBeGreaterThanOrEqual(300)
    expect(next).toBeLessThan(1000)

    const second = await startLedger()
    const response = await fetch(`http://127.0.0.1:${second.port}/api/consent/${SUBJECT}/history`, { headers: { authorization: `Bearer ${signSubject(SECRET, SUBJECT)}` } })
    const stored = new Set(((await response.json()) as Receipt[]).map((item) => item.id))
    expect(acknowledged.filter((id) => !stored.has(id))).toEqual([])
    console.log(`sent ${next}, acknowledged ${acknowledged.length} before SIGKILL, found ${stored.size} after restart`)
  }, 90_000)
})
