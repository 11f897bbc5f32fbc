import { afterAll, describe, expect, test } from "vitest"
import { connect } from "./sql"
import { dueDate, MIGRATIONS, openStore, type LedgerStore } from "./store"
import { sampleReceipt, testStores } from "./test-support"

const stores = await testStores()

describe("dueDate", () => {
  test("PIPL-44-50: counts 15 working days, skipping weekends", () => {
    // Friday 2026-11-06 → three weeks later, Friday 2026-11-27.
    expect(dueDate(new Date("2026-11-06T10:00:00Z")).toISOString()).toBe("2026-11-27T10:00:00.000Z")
    // Saturday → the weekend does not count: 15 working days end on Friday 2026-11-27.
    expect(dueDate(new Date("2026-11-07T10:00:00Z")).toISOString()).toBe("2026-11-27T10:00:00.000Z")
  })
})

describe.each(stores)("the ledger's SQL on $name", (store) => {
  const it = store.skip ? test.skip : test
  const opened: LedgerStore[] = []
  const open = async () => {
    const options = await store.fresh()
    const ledgerStore = await openStore(options)
    opened.push(ledgerStore)
    return { store: ledgerStore, options }
  }
  // Opening a new PGlite database takes seconds; tests that keep to their own subjects share one.
  let shared: Promise<{ store: LedgerStore }> | undefined
  const openShared = () => (shared ??= open())

  afterAll(async () => {
    for (const each of opened) await each.close()
    await store.cleanUp()
  })

  it("PIPL-69: the database itself refuses to update, delete or truncate a receipt", async () => {
    const { store: ledgerStore, options } = await open()
    const receipt = sampleReceipt()
    await ledgerStore.addReceipt(receipt)
    await ledgerStore.close()
    const sql = await connect(options)
    try {
      await expect(sql.query("UPDATE receipts SET subject = 'changed' WHERE id = $1", [receipt.id])).rejects.toThrow(/append-only/)
      await expect(sql.query("DELETE FROM receipts WHERE id = $1", [receipt.id])).rejects.toThrow(/append-only/)
      await expect(sql.exec("TRUNCATE receipts")).rejects.toThrow(/append-only/)
      const { rows } = await sql.query<{ subject: string }>("SELECT subject FROM receipts WHERE id = $1", [receipt.id])
      expect(rows).toEqual([{ subject: receipt.subject }])
    } finally {
      await sql.close()
    }
  })

  it("upgrades a database made by the first release, keeping its receipts, and migrates only once", async () => {
    const options = await store.fresh()
    const sql = await connect(options)
    const old = sampleReceipt({ subject: "s_firstrelease", separate: { "third-party-courier": true } })
    try {
      await sql.exec(MIGRATIONS[0]!)
      await sql.query("INSERT INTO receipts (id, subject, decided_at, body) VALUES ($1, $2, $3, $4)", [old.id, old.subject, old.decidedAt, JSON.stringify(old)])
    } finally {
      await sql.close()
    }
    for (let run = 0; run < 2; run++) {
      const ledgerStore = await openStore(options)
      try {
        expect(await ledgerStore.latest(old.subject)).toEqual(old)
        expect(await ledgerStore.grantedBetween("separate", "third-party-courier", new Date("2026-01-01"), new Date("2027-01-01"))).toEqual([old.subject])
      } finally {
        await ledgerStore.close()
      }
    }
    const check = await connect(options)
    try {
      const { rows } = await check.query<{ version: number }>("SELECT version FROM ledger_migrations ORDER BY version")
      expect(rows.map((row) => row.version)).toEqual(MIGRATIONS.map((_, index) => index + 1))
    } finally {
      await check.close()
    }
  })

  it("PIPL-57: lists the subjects whose consent to a purpose or a recipient was in force in a window", async () => {
    const { store: ledgerStore } = await openShared()
    const at = (day: string) => `2026-11-${day}T12:00:00.000Z`
    const grant = { necessary: true, analytics: true }
    const refuse = { necessary: true, analytics: false }
    const receipts = [
      // Granted long before the window and never changed: still in force during it.
      sampleReceipt({ subject: "s_grantedbefore", decidedAt: at("01"), purposes: grant }),
      // Granted, then withdrew before the window: not concerned.
      sampleReceipt({ subject: "s_withdrewbefore", decidedAt: at("01"), purposes: grant }),
      sampleReceipt({ subject: "s_withdrewbefore", decidedAt: at("05"), purposes: refuse, given: { flow: "withdraw", control: "toggle" } }),
      // Granted during the window, then withdrew during it: concerned.
      sampleReceipt({ subject: "s_grantedinside", decidedAt: at("11"), purposes: grant }),
      sampleReceipt({ subject: "s_grantedinside", decidedAt: at("12"), purposes: refuse }),
      // Granted only after the window: not concerned.
      sampleReceipt({ subject: "s_grantedafter", decidedAt: at("25"), purposes: grant }),
      // Refused throughout, but agreed to a recipient (a separate item).
      sampleReceipt({ subject: "s_recipientonly", decidedAt: at("02"), purposes: refuse, separate: { "third-party-courier": true } })
    ]
    for (const receipt of receipts) expect(await ledgerStore.addReceipt(receipt)).toBe("created")
    const from = new Date(at("10"))
    const to = new Date(at("20"))
    expect(await ledgerStore.grantedBetween("purpose", "analytics", from, to)).toEqual(["s_grantedbefore", "s_grantedinside"])
    expect(await ledgerStore.grantedBetween("separate", "third-party-courier", from, to)).toEqual(["s_recipientonly"])
    // A purpose id is not a recipient id: the two kinds are looked up apart.
    expect(await ledgerStore.grantedBetween("separate", "analytics", from, to)).toEqual([])
  })

  it("PIPL-44-50: rights tickets stay open until closed, soonest due first", async () => {
    const { store: ledgerStore } = await openShared()
    const later = await ledgerStore.addTicket({ subject: "s_ticketholder", right: "copy", contact: "buyer@example.cn" }, new Date("2026-11-10T00:00:00Z"))
    const sooner = await ledgerStore.addTicket({ subject: "s_ticketholder", right: "delete" }, new Date("2026-11-02T00:00:00Z"))
    expect((await ledgerStore.tickets()).map((ticket) => ticket.id)).toEqual([sooner.id, later.id])
    expect(later).toMatchObject({ right: "copy", contact: "buyer@example.cn", closedAt: null, dueAt: "2026-12-01T00:00:00.000Z" })
    expect(await ledgerStore.closeTicket(sooner.id)).toBe(true)
    expect(await ledgerStore.closeTicket(sooner.id)).toBe(false)
    expect((await ledgerStore.tickets()).map((ticket) => ticket.id)).toEqual([later.id])
    expect((await ledgerStore.tickets(true)).find((ticket) => ticket.id === sooner.id)?.closedAt).toEqual(expect.any(String))
  })

  it("stores every receipt of a concurrent burst once, with repeats answered as repeats", async () => {
    const { store: ledgerStore } = await openShared()
    const receipts = Array.from({ length: 50 }, (_, index) => sampleReceipt({ subject: `s_burst${index % 5}xxxx` }))
    const outcomes = await Promise.all([...receipts, ...receipts].map((receipt) => ledgerStore.addReceipt(receipt)))
    expect(outcomes.filter((outcome) => outcome === "created")).toHaveLength(50)
    expect(outcomes.filter((outcome) => outcome === "repeat")).toHaveLength(50)
  })
})

describe("PGlite's data directory", () => {
  const [pglite] = stores
  test("is refused to a second ledger while one has it open, with a message saying so", async () => {
    const options = await pglite!.fresh()
    const first = await openStore(options)
    try {
      await expect(openStore(options)).rejects.toThrow(/in use by process \d+/)
    } finally {
      await first.close()
    }
    const again = await openStore(options)
    await again.close()
    await pglite!.cleanUp()
  })
})
