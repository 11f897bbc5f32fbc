/**
 * Several `zhiqing-ledger` processes in front of one PostgreSQL database: they keep no state of their own, so a
 * receipt is stored once whichever node it reaches, a node killed mid-burst loses nothing it acknowledged, and
 * rights tickets never share an id.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest"
import type { Receipt } from "../src/schema"
import { signSubject } from "./index"
import { openStore } from "./store"
import { killLedgerProcesses, sampleReceipt, startLedgerProcess, testStores, type LedgerProcess } from "./test-support"

const SECRET = "scale-out-secret"
const [, postgres] = await testStores()

afterAll(async () => {
  killLedgerProcesses()
  await postgres!.cleanUp()
})

/** POST to one node; the status, or "network" when the connection failed (the node is gone). */
async function post(node: LedgerProcess, path: string, body: unknown): Promise<{ status: number | "network"; json?: unknown }> {
  try {
    const response = await fetch(`http://127.0.0.1:${node.port}/api${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) })
    return { status: response.status, json: await response.json() }
  } catch {
    return { status: "network" }
  }
}

async function history(node: LedgerProcess, subject: string): Promise<Receipt[]> {
  const response = await fetch(`http://127.0.0.1:${node.port}/api/consent/${subject}/history`, { headers: { authorization: `Bearer ${signSubject(SECRET, subject)}` } })
  expect(response.status).toBe(200)
  return (await response.json()) as Receipt[]
}

describe.skipIf(postgres!.skip)("three ledger processes on one PostgreSQL database", () => {
  let nodes: LedgerProcess[]
  let database: { dataDir: string; databaseUrl?: string }

  beforeAll(async () => {
    database = await postgres!.fresh()
    // They start together: the schema migrations take turns under an advisory lock.
    nodes = await Promise.all([0, 1, 2].map(() => startLedgerProcess(database, SECRET)))
  }, 60_000)

  test("PIPL-69: the same receipt posted to two nodes at once is stored once, answered 201 by one and 200 by the other", async () => {
    const subject = "s_twonodes01"
    const receipts = Array.from({ length: 40 }, () => sampleReceipt({ subject }))
    const answers = await Promise.all(receipts.map((receipt) => Promise.all([post(nodes[0]!, "/consent", receipt), post(nodes[1]!, "/consent", receipt)])))
    for (const pair of answers) expect(pair.map((answer) => answer.status).sort()).toEqual([200, 201])
    expect((await history(nodes[2]!, subject)).map((receipt) => receipt.id).sort()).toEqual(receipts.map((receipt) => receipt.id).sort())
  })

  test("PIPL-69: two different receipts under one id posted to two nodes at once: one is stored (201), the other refused (409)", async () => {
    const subject = "s_twonodes02"
    const pairs = Array.from({ length: 40 }, () => {
      const granted = sampleReceipt({ subject, purposes: { necessary: true, analytics: true } })
      return [granted, { ...granted, purposes: { necessary: true, analytics: false } }] as const
    })
    const answers = await Promise.all(pairs.map(([one, other]) => Promise.all([post(nodes[0]!, "/consent", one), post(nodes[1]!, "/consent", other)])))
    const stored = new Map((await history(nodes[2]!, subject)).map((receipt) => [receipt.id, receipt]))
    expect(stored.size).toBe(pairs.length)
    answers.forEach((pair, index) => {
      expect(pair.map((answer) => answer.status).sort()).toEqual([201, 409])
      // The one stored is the one that was answered 201.
      expect(stored.get(pairs[index]![0].id)).toEqual(pairs[index]![pair[0].status === 201 ? 0 : 1])
    })
  })

  test("PIPL-44-50: rights tickets opened on three nodes at once all get distinct ids, and every one is listed", async () => {
    const PER_NODE = 60
    const answers = await Promise.all(
      nodes.flatMap((node, index) => Array.from({ length: PER_NODE }, (_, each) => post(node, "/rights", { subject: `s_ticket${index}x${each}`, right: "copy" })))
    )
    expect(answers.map((answer) => answer.status)).toEqual(answers.map(() => 201))
    const ids = answers.map((answer) => (answer.json as { ticket: string }).ticket)
    expect(new Set(ids).size).toBe(nodes.length * PER_NODE)
    const store = await openStore(database)
    try {
      expect((await store.tickets()).map((ticket) => ticket.id).sort()).toEqual([...ids].sort())
    } finally {
      await store.close()
    }
  })

  test("PIPL-69: a node killed mid-burst loses nothing it acknowledged; its clients carry on through the other nodes", async () => {
    const RECEIPTS = 1200
    const CLIENTS = 30
    const KILL_AFTER = 150
    const subject = "s_killednode"
    const [doomed] = nodes
    const acknowledged = new Map<string, number>()
    let acknowledgedByDoomed = 0
    let cutOff = 0
    let next = 0
    const client = async (index: number) => {
      while (next < RECEIPTS) {
        const receipt = sampleReceipt({ subject, decidedAt: new Date(Date.UTC(2026, 10, 1) + next++).toISOString() })
        // Like the SDK's outbox: a receipt is sent again until a ledger settles it, to the next node when one is gone.
        for (let attempt = 0; ; attempt++) {
          const node = nodes[(index + attempt) % nodes.length]!
          const { status } = await post(node, "/consent", receipt)
          if (status === 201 || status === 200) {
            acknowledged.set(receipt.id, nodes.indexOf(node))
            if (node === doomed && ++acknowledgedByDoomed === KILL_AFTER) doomed.kill()
            break
          }
          expect(status).toBe("network")
          cutOff++
        }
      }
    }
    await Promise.all(Array.from({ length: CLIENTS }, (_, index) => client(index)))
    await doomed!.exited
    const stored = await history(nodes[1]!, subject)
    const storedIds = new Set(stored.map((receipt) => receipt.id))
    const missing = [...acknowledged.keys()].filter((id) => !storedIds.has(id))
    console.log(
      `scale-out: ${RECEIPTS} receipts from ${CLIENTS} clients over 3 nodes, node 0 killed after acknowledging ${acknowledgedByDoomed}; ` +
        `${cutOff} requests cut off and resent elsewhere; ${stored.length} stored, ${missing.length} acknowledged missing`
    )
    expect(acknowledgedByDoomed).toBeGreaterThanOrEqual(KILL_AFTER)
    expect(missing).toEqual([])
    // Resent receipts were stored once, not once per node.
    expect(stored).toHaveLength(storedIds.size)
    expect(storedIds.size).toBe(RECEIPTS)
  }, 120_000)
})
