import { afterAll, describe, expect, test } from "vitest"
import { writeReceipts } from "./group-commit"
import { connect, ValueRefusedError } from "./sql"
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
      // Nor through the partition that holds it, nor by freeing its id for another receipt.
      const { rows: held } = await sql.query<{ partition: string }>("SELECT tableoid::regclass::text AS partition FROM receipts WHERE id = $1", [receipt.id])
      const partition = held[0]!.partition
      expect(partition).toMatch(/^receipts_p\d\d$/)
      await expect(sql.query(`DELETE FROM ${partition} WHERE id = $1`, [receipt.id])).rejects.toThrow(/append-only/)
      await expect(sql.exec(`TRUNCATE ${partition}`)).rejects.toThrow(/append-only/)
      await expect(sql.query("DELETE FROM receipt_ids WHERE id = $1", [receipt.id])).rejects.toThrow(/append-only/)
      await expect(sql.query("UPDATE receipt_ids SET subject = 'changed' WHERE id = $1", [receipt.id])).rejects.toThrow(/append-only/)
      await expect(sql.exec("TRUNCATE receipt_ids")).rejects.toThrow(/append-only/)
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

  it("upgrades an unpartitioned receipts table into the partitioned one, keeping arrival times, order and idempotency", async () => {
    const options = await store.fresh()
    const subject = "s_beforepartitions"
    // Three receipts decided in the same millisecond: only their arrival order (seq) tells which is in force.
    const old = [true, false, true].map((analytics) => sampleReceipt({ subject, purposes: { necessary: true, analytics } }))
    const sql = await connect(options)
    try {
      await sql.exec(MIGRATIONS[0]!)
      await sql.exec(MIGRATIONS[1]!)
      await sql.exec("CREATE TABLE ledger_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now()); INSERT INTO ledger_migrations (version) VALUES (1), (2)")
      for (const [index, receipt] of old.entries()) {
        await sql.query("INSERT INTO receipts (id, subject, decided_at, received_at, body) VALUES ($1, $2, $3, $4, $5)", [
          receipt.id,
          subject,
          receipt.decidedAt,
          `2026-11-0${index + 2}T00:00:00Z`,
          JSON.stringify(receipt)
        ])
      }
    } finally {
      await sql.close()
    }
    const ledgerStore = await openStore(options)
    try {
      expect(await ledgerStore.history(subject)).toEqual(old)
      expect(await ledgerStore.latest(subject)).toEqual(old[2])
      expect(await ledgerStore.addReceipt(old[0]!)).toBe("repeat")
      expect(await ledgerStore.addReceipt({ ...old[0]!, purposes: { necessary: true } })).toBe("conflict")
      const next = sampleReceipt({ subject, purposes: { necessary: true, analytics: false } })
      expect(await ledgerStore.addReceipt(next)).toBe("created")
      // A receipt stored after the upgrade comes after the old ones, not among them.
      expect((await ledgerStore.history(subject)).map((receipt) => receipt.id)).toEqual([...old, next].map((receipt) => receipt.id))
    } finally {
      await ledgerStore.close()
    }
    const check = await connect(options)
    try {
      const { rows } = await check.query<{ partitioned: boolean; received: Date | string }>(
        "SELECT (SELECT count(*) FROM pg_partitioned_table WHERE partrelid = 'receipts'::regclass) = 1 AS partitioned, min(received_at) AS received FROM receipts"
      )
      expect(rows[0]?.partitioned).toBe(true)
      expect(new Date(rows[0]!.received).toISOString()).toBe("2026-11-02T00:00:00.000Z")
      expect((await check.query("SELECT 1 FROM pg_class WHERE relname = 'receipts_unpartitioned'")).rows).toEqual([])
    } finally {
      await check.close()
    }
  })

  it("PIPL-69: within one batch, the first receipt under an id is stored and the others are judged against it", async () => {
    const { store: ledgerStore, options } = await open()
    const first = sampleReceipt({ subject: "s_onebatch01" })
    const other = sampleReceipt({ subject: "s_onebatch02" })
    const reordered = Object.fromEntries(Object.entries(first).reverse()) as typeof first
    const changed = { ...first, purposes: { necessary: true, analytics: false } }
    // Under another subject too: the id is unique across the whole table, not within a subject's partition.
    const elsewhere = { ...first, subject: "s_onebatch03" }
    // PGlite's data directory takes one user at a time: the batch is written straight to it.
    await ledgerStore.close()
    const sql = await connect(options)
    try {
      expect(await writeReceipts(sql, [first, first, changed, other, reordered, elsewhere])).toEqual(["created", "repeat", "conflict", "created", "repeat", "conflict"])
      expect(await writeReceipts(sql, [changed, first])).toEqual(["conflict", "repeat"])
      const { rows } = await sql.query<{ body: unknown }>("SELECT body FROM receipts ORDER BY seq")
      expect(rows.map((row) => row.body)).toEqual([first, other])
    } finally {
      await sql.close()
    }
  })

  it("a receipt the database cannot store is refused on its own; the receipts batched with it are stored", async () => {
    const { store: ledgerStore } = await open()
    const subject = "s_batchmates"
    const good = [sampleReceipt({ subject }), sampleReceipt({ subject })]
    // Both pass the shared schema; PostgreSQL takes neither a uuid of hyphens nor a NUL character in jsonb.
    const hyphens = sampleReceipt({ subject, id: "-".repeat(36) })
    const nul = sampleReceipt({ subject, origin: "https://shop.example.cn/\u0000" })
    const outcomes = await Promise.allSettled([good[0]!, hyphens, nul, good[1]!].map((receipt) => ledgerStore.addReceipt(receipt)))
    expect(outcomes.map((outcome) => (outcome.status === "fulfilled" ? outcome.value : outcome.reason))).toEqual([
      "created",
      expect.any(ValueRefusedError),
      expect.any(ValueRefusedError),
      "created"
    ])
    expect((await ledgerStore.history(subject)).map((receipt) => receipt.id)).toEqual(good.map((receipt) => receipt.id))
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
