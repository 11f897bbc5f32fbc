// @vitest-environment happy-dom
import "fake-indexeddb/auto"
import { IDBFactory } from "fake-indexeddb"
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest"
import type { Receipt } from "../schema"
import type { StoredRecord } from "./decisions"

const receipt = (id: string, decidedAt: string): Receipt => ({
  schema: 1,
  id,
  subject: "s_sync00001",
  policyVersion: "2026-11",
  locale: "zh-CN",
  decidedAt,
  purposes: { necessary: true, analytics: false },
  separate: {},
  noticeHash: "e".repeat(64),
  given: { flow: "banner", control: "decline" }
})
const first = receipt("11111111-1111-4111-8111-111111111111", "2026-11-25T03:00:00.000Z")
const second = receipt("22222222-2222-4222-8222-222222222222", "2026-11-25T03:00:01.000Z")

/** The modules as a new page load sees them: IndexedDB persists, memory does not. */
async function page() {
  vi.resetModules()
  return { ...(await import("./receipts")), ...(await import("./sync")) }
}

/** A ledger that answers each POST with the next status in line (0: the network fails), then 201. */
function ledger(statuses: number[]) {
  const seen: string[] = []
  vi.stubGlobal("fetch", async (_url: string, init: RequestInit) => {
    seen.push((JSON.parse(String(init.body)) as Receipt).id)
    const status = statuses.shift() ?? 201
    if (status === 0) throw new TypeError("Failed to fetch")
    return new Response("{}", { status })
  })
  return seen
}

beforeEach(() => {
  vi.stubGlobal("indexedDB", new IDBFactory())
  vi.spyOn(console, "warn").mockImplementation(() => undefined)
})

afterEach(() => {
  vi.useRealTimers()
  vi.unstubAllGlobals()
  vi.restoreAllMocks()
})

describe("the outbox", () => {
  it("PIPL-69: a receipt the ledger acknowledges leaves the outbox and stays among the shopper's receipts", async () => {
    const { keepReceipt, listReceipts, createOutbox } = await page()
    const seen = ledger([201])
    await keepReceipt(first, true)
    await createOutbox("/api/consent").flush()
    expect(seen).toEqual([first.id])
    expect(await listReceipts("outbox")).toEqual([])
    expect(await listReceipts("receipts")).toEqual([first])
  })

  it("PIPL-69: with the ledger down (network, 5xx, 408, 429) receipts wait and are retried with backoff", async () => {
    const { keepReceipt, listReceipts, createOutbox } = await page()
    const seen = ledger([0, 503, 408, 429])
    const times: number[] = []
    const fetch = globalThis.fetch
    vi.stubGlobal("fetch", (...args: Parameters<typeof fetch>) => (times.push(performance.now()), fetch(...args)))
    await keepReceipt(first, true)
    await createOutbox("/api/consent", 40).flush()
    expect(await listReceipts("outbox")).toEqual([first])
    await vi.waitFor(() => expect(seen).toHaveLength(5), { timeout: 3000 })
    await vi.waitFor(async () => expect(await listReceipts("outbox")).toEqual([]))
    const gaps = times.slice(1).map((time, index) => time - times[index]!)
    expect(gaps.every((gap, index) => gap >= 40 * 2 ** index - 5)).toBe(true)
  })

  it("PIPL-69: an undelivered receipt survives the page and is delivered on the next load, exactly once", async () => {
    const before = await page()
    ledger([503])
    await before.keepReceipt(first, true)
    await before.createOutbox("/api/consent", 60_000).flush()
    const after = await page()
    const seen = ledger([])
    await after.createOutbox("/api/consent").flush()
    await after.createOutbox("/api/consent").flush()
    expect(seen).toEqual([first.id])
  })

  it("a receipt the ledger refuses for good (4xx) is dropped from the outbox with a warning, not retried", async () => {
    const { keepReceipt, listReceipts, createOutbox } = await page()
    const seen = ledger([422])
    await keepReceipt(first, true)
    await createOutbox("/api/consent").flush()
    expect(seen).toEqual([first.id])
    expect(await listReceipts("outbox")).toEqual([])
    expect(String(vi.mocked(console.warn).mock.calls.at(-1)?.[0])).toContain("refused receipt")
  })

  it("a receipt queued while a delivery is under way is sent straight after it, in order", async () => {
    const { keepReceipt, createOutbox } = await page()
    const seen = ledger([])
    const outbox = createOutbox("/api/consent")
    await keepReceipt(first, true)
    const running = outbox.flush()
    await keepReceipt(second, true)
    void outbox.flush()
    await running
    await vi.waitFor(() => expect(seen).toEqual([first.id, second.id]))
  })

  it("without IndexedDB the receipts are kept in memory for the page, and nothing throws", async () => {
    vi.stubGlobal("indexedDB", undefined)
    const { keepReceipt, listReceipts, createOutbox } = await page()
    const seen = ledger([])
    await keepReceipt(first, true)
    expect(await listReceipts("receipts")).toEqual([first])
    await createOutbox("/api/consent").flush()
    expect(seen).toEqual([first.id])
  })
})

describe("other tabs and devices", () => {
  const record: StoredRecord = { v: 1, fp: { analytics: "x" }, policy: "2026-11", state: { ...first, given: undefined } as unknown as StoredRecord["state"] }
  delete (record.state as Partial<Receipt>).given

  it("a record from another tab arrives through the storage event when BroadcastChannel is missing, and garbage is ignored", async () => {
    vi.stubGlobal("BroadcastChannel", undefined)
    const { tabChannel } = await page()
    const heard: StoredRecord[] = []
    tabChannel((other) => heard.push(other))
    dispatchEvent(new StorageEvent("storage", { key: "zhiqing", newValue: "{garbage" }))
    dispatchEvent(new StorageEvent("storage", { key: "zhiqing", newValue: JSON.stringify(record) }))
    expect(heard).toEqual([record])
  })

  it("a record sent on the BroadcastChannel reaches the other tab", async () => {
    const { tabChannel } = await page()
    const heard: StoredRecord[] = []
    tabChannel((other) => heard.push(other))
    const send = tabChannel(() => undefined)
    send(JSON.stringify(record))
    await vi.waitFor(() => expect(heard).toEqual([record]))
  })

  it("the ledger's copy is read with the subject's token; a 404, a 401 or an invalid body is no copy", async () => {
    const { pullState } = await page()
    const answers = [Response.json(record.state), new Response("", { status: 404 }), new Response("", { status: 401 }), Response.json({ schema: 1 })]
    const fetch = vi.fn(async () => answers.shift()!)
    vi.stubGlobal("fetch", fetch)
    const subject = { id: "s_sync00001", token: "t0ken" }
    expect(await pullState("/api/consent/", subject)).toEqual(record.state)
    expect(fetch).toHaveBeenCalledWith("/api/consent/s_sync00001", { headers: { authorization: "Bearer t0ken" } })
    expect(await pullState("/api/consent", subject)).toBeNull()
    expect(await pullState("/api/consent", subject)).toBeNull()
    expect(await pullState("/api/consent", subject)).toBeNull()
  })
})
