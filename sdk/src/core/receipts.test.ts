import "fake-indexeddb/auto"
import { readdirSync, readFileSync } from "node:fs"
import { fileURLToPath } from "node:url"
import { afterEach, describe, expect, it, vi } from "vitest"
import type { Receipt } from "../schema"

const receipt = (id: string, decidedAt: string) => ({ id, decidedAt }) as Receipt
const src = fileURLToPath(new URL("..", import.meta.url))

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

  it("when IndexedDB fails to open, keeps them in memory for the page, with a warning, and throws nothing", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined)
    vi.stubGlobal("indexedDB", {
      open: () => {
        throw new DOMException("The user denied permission to access the database.", "SecurityError")
      }
    })
    const { keepReceipt, listReceipts, removeFromOutbox } = await import("./receipts")
    await keepReceipt(receipt("d", "2026-12-04T00:00:00.000Z"), true)
    expect((await listReceipts("receipts")).map((kept) => kept.id)).toEqual(["d"])
    await removeFromOutbox("d")
    expect(await listReceipts("outbox")).toEqual([])
    expect(String(warn.mock.calls[0]?.[0])).toContain("IndexedDB is unavailable")
  })

  it("when a write fails, keeps the receipt in memory for the page, with a warning", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined)
    const { keepReceipt, listReceipts } = await import("./receipts")
    // A value IndexedDB cannot clone fails the write, as a full quota would.
    const unstorable = { ...receipt("e", "2026-12-05T00:00:00.000Z"), given: { control: () => undefined } } as unknown as Receipt
    await keepReceipt(unstorable, false)
    expect((await listReceipts("receipts")).map((kept) => kept.id)).toContain("e")
    expect(String(warn.mock.calls[0]?.[0])).toContain("IndexedDB failed")
  })
})

describe("IndexedDB through idb", () => {
  // build.mjs leaves idb's database shortcuts and cursor iterators out of the script tag, so there they do not exist.
  it("is used without idb's db.get/db.put-style shortcuts and cursor iterators", () => {
    const users = readdirSync(src, { recursive: true, encoding: "utf8" })
      .filter((path) => /\.tsx?$/.test(path) && !/\.test\.tsx?$/.test(path))
      .map((path) => readFileSync(src + path, "utf8"))
      .filter((code) => /from "idb"/.test(code))
    expect(users.length).toBeGreaterThan(0)
    for (const code of users) expect(code).not.toMatch(/\bdb\.(get|getKey|getAll|getAllKeys|count|put|add|delete|clear)\w*\(|\.iterate\(|for await/)
  })
})
