import "fake-indexeddb/auto"
import { afterEach, describe, expect, it, vi } from "vitest"
import type { Receipt } from "../schema"

const receipt = (id: string, decidedAt: string) => ({ id, decidedAt }) as Receipt

afterEach(() => {
  vi.unstubAllGlobals()
  vi.restoreAllMocks()
  vi.resetModules()
})

describe("receipts in IndexedDB", () => {
  it("keeps receipts oldest first, queues them for the ledger and takes a delivered one out of the outbox", async () => {
    const { keepReceipt, listReceipts, removeFromOutbox } = await import("./receipts")
    await keepReceipt(receipt("b", "2026-12-02T00:00:00.000Z"), true)
    await keepReceipt(receipt("a", "2026-12-01T00:00:00.000Z"), false)
    expect((await listReceipts("receipts")).map((kept) => kept.id)).toEqual(["a", "b"])
    expect((await listReceipts("outbox")).map((kept) => kept.id)).toEqual(["b"])
    await removeFromOutbox("b")
    expect(await listReceipts("outbox")).toEqual([])
    // A new page (module) reads what the last one kept.
    vi.resetModules()
    expect((await (await import("./receipts")).listReceipts("receipts")).map((kept) => kept.id)).toEqual(["a", "b"])
  })

  it("without IndexedDB keeps them in memory for the page, with a warning", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined)
    vi.stubGlobal("indexedDB", undefined)
    const { keepReceipt, listReceipts } = await import("./receipts")
    await keepReceipt(receipt("c", "2026-12-03T00:00:00.000Z"), true)
    expect((await listReceipts("outbox")).map((kept) => kept.id)).toEqual(["c"])
    expect(String(warn.mock.calls[0]?.[0])).toContain("IndexedDB is unavailable")
  })
})
