import { afterAll, describe, expect, test } from "vitest"
import type { Receipt } from "../src/schema"
import { signSubject } from "./index"
import { killLedgerProcesses, sampleReceipt, startLedgerProcess, testStores } from "./test-support"

const SECRET = "durability-secret"
const SUBJECT = "s_durability1"
const BURST = 1000
const CLIENTS = 20
const KILL_AFTER = 300
const stores = await testStores()

afterAll(async () => {
  killLedgerProcesses()
  for (const store of stores) await store.cleanUp()
})

describe.each(stores)("the ledger on $name under a hard kill", (store) => {
  const it = store.skip ? test.skip : test

  it(`PIPL-69: every receipt acknowledged before a SIGKILL mid-burst of ${BURST} is there after a restart`, async () => {
    const options = await store.fresh()
    const first = await startLedgerProcess(options, SECRET)
    const sent = new Map<string, Receipt>()
    const acknowledged: string[] = []
    let next = 0
    let failed = 0
    // CLIENTS clients share a burst of BURST receipts; the ledger is killed once KILL_AFTER are acknowledged.
    const client = async () => {
      while (next < BURST) {
        const receipt = sampleReceipt({ subject: SUBJECT, decidedAt: new Date(Date.UTC(2026, 10, 1) + next).toISOString(), purposes: { necessary: true, analytics: next % 2 === 0 } })
        next++
        sent.set(receipt.id, receipt)
        try {
          const response = await fetch(`http://127.0.0.1:${first.port}/api/consent`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(receipt) })
          if (response.status === 201) acknowledged.push(receipt.id)
          if (acknowledged.length === KILL_AFTER) first.kill()
        } catch {
          failed++
          return
        }
      }
    }
    await Promise.all(Array.from({ length: CLIENTS }, client))
    await first.exited
    expect(acknowledged.length).toBeGreaterThanOrEqual(KILL_AFTER)
    expect(next).toBeLessThan(BURST)

    const second = await startLedgerProcess(options, SECRET)
    const response = await fetch(`http://127.0.0.1:${second.port}/api/consent/${SUBJECT}/history`, { headers: { authorization: `Bearer ${signSubject(SECRET, SUBJECT)}` } })
    const stored = (await response.json()) as Receipt[]
    const storedIds = new Set(stored.map((receipt) => receipt.id))
    const missing = acknowledged.filter((id) => !storedIds.has(id))
    console.log(`${store.name}: sent ${next}, acknowledged ${acknowledged.length}, ${failed} cut off by the SIGKILL; ${storedIds.size} stored after restart, ${missing.length} acknowledged missing`)
    expect(missing).toEqual([])
    // Nothing half-written: whatever is stored is exactly a receipt that was sent.
    for (const receipt of stored) expect(receipt).toEqual(sent.get(receipt.id))
    // And the restarted ledger takes new receipts.
    const after = await fetch(`http://127.0.0.1:${second.port}/api/consent`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(sampleReceipt({ subject: SUBJECT })) })
    expect(after.status).toBe(201)
    second.kill()
    await second.exited
  }, 120_000)
})
