import { spawnSync } from "node:child_process"
import { rmSync } from "node:fs"
import { fileURLToPath } from "node:url"
import { afterAll, beforeAll, describe, expect, test } from "vitest"
import { runCommand, type CommandResult } from "./commands"
import { openStore } from "./store"
import { newPgliteDir, sampleReceipt } from "./test-support"

let dataDir: string
const databaseUrl = process.env.DATABASE_URL

/** Run a command in-process on the test's PGlite directory, capturing what it prints. */
async function run(...argv: string[]): Promise<{ exit: number | null; out: string; err: string; result: CommandResult }> {
  const out: string[] = []
  const err: string[] = []
  const result = await runCommand(argv.includes("--data") ? argv : [...argv, "--data", dataDir], { out: (line) => out.push(line), err: (line) => err.push(line) })
  return { exit: result.exit, out: out.join("\n"), err: err.join("\n"), result }
}

beforeAll(async () => {
  // The commands use PostgreSQL when DATABASE_URL is set; these tests are about the command line, on PGlite.
  delete process.env.DATABASE_URL
  process.env.ZHIQING_LEDGER_SECRET ??= "cli-test-secret"
  dataDir = await newPgliteDir()
  const store = await openStore({ dataDir })
  try {
    await store.addReceipt(sampleReceipt({ subject: "s_breached01", decidedAt: "2026-11-03T09:00:00Z", separate: { "third-party-courier": true } }))
    await store.addReceipt(sampleReceipt({ subject: "s_breached02", decidedAt: "2026-11-04T09:00:00Z", purposes: { necessary: true, analytics: false } }))
    await store.addTicket({ subject: "s_breached01", right: "copy", contact: "buyer@example.cn", details: "please\u001b[31m send\nmy data" })
  } finally {
    await store.close()
  }
}, 60_000)

afterAll(() => {
  if (databaseUrl !== undefined) process.env.DATABASE_URL = databaseUrl
  rmSync(dataDir, { recursive: true, force: true })
})

describe("zhiqing-ledger", () => {
  test("--help lists every command and the exit statuses", async () => {
    const { exit, out } = await run("--help")
    expect(exit).toBe(0)
    for (const word of ["serve", "tickets", "close", "breach", "--notice", "DATABASE_URL", "Exit status"]) expect(out).toContain(word)
  })

  test.each([
    [["frobnicate"], /unknown command "frobnicate"/],
    [["serve", "--port", "http"], /--port "http" is not a port/],
    [["serve", "--all"], /serve does not take --all/],
    [["tickets", "--bogus"], /Unknown option '--bogus'/],
    [["close"], /close needs 1 argument/],
    [["breach", "--from", "2026-11-01", "--to", "2026-11-30"], /exactly one of --purpose and --recipient/],
    [["breach", "--purpose", "analytics", "--recipient", "x", "--from", "2026-11-01", "--to", "2026-11-30"], /exactly one of/],
    [["breach", "--purpose", "analytics", "--to", "2026-11-30"], /--from is required/],
    [["breach", "--purpose", "analytics", "--from", "yesterday", "--to", "2026-11-30"], /--from "yesterday" is not a date/],
    [["breach", "--purpose", "analytics", "--from", "2026-11-30", "--to", "2026-11-01"], /--from must be before --to/],
    [["breach", "--purpose", "analytics", "--from", "2026-11-01", "--to", "2026-11-30", "--notice", "fr"], /--notice takes zh-CN or en/]
  ])("refuses %j with exit status 2 and says why", async (argv, message) => {
    const { exit, err } = await run(...argv)
    expect(exit).toBe(2)
    expect(err).toMatch(message)
    expect(err).toContain("--help")
  })

  test("PIPL-44-50: tickets lists open rights tickets with the shopper's words made safe for a terminal; close answers one", async () => {
    const listed = await run("tickets")
    expect(listed.exit).toBe(0)
    const id = /^(R-[0-9A-F]{8})  copy  subject s_breached01/m.exec(listed.out)?.[1]
    expect(id).toBeDefined()
    expect(listed.out).toContain("contact: buyer@example.cn")
    expect(listed.out).toContain("details: please [31m send my data")
    expect(listed.out).not.toContain("\u001b")
    expect((await run("close", id!)).out).toBe(`Closed ${id}.`)
    expect((await run("tickets")).out).toBe("No open rights tickets.")
    expect((await run("tickets", "--all")).out).toContain(`closed `)
    const again = await run("close", id!)
    expect(again.exit).toBe(1)
    expect(again.err).toContain(`there is no open ticket ${id}`)
  })

  test("PIPL-57: breach lists the subjects whose receipts granted a recipient in the window, whole days included", async () => {
    const { exit, out } = await run("breach", "--recipient", "third-party-courier", "--from", "2026-11-01", "--to", "2026-11-03")
    expect(exit).toBe(0)
    expect(out).toContain('1 subject consented to separate item "third-party-courier"')
    expect(out.split("\n")).toContain("s_breached01")
    expect(out).not.toContain("s_breached02")
    const analytics = await run("breach", "--purpose", "analytics", "--from", "2026-11-01T00:00+08:00", "--to", "2026-11-05T00:00+08:00")
    expect(analytics.out.split("\n").slice(1)).toEqual(["s_breached01"])
  })

  test.each([
    ["zh-CN", ["个人信息种类", "事件原因", "可能造成的危害", "补救措施", "您可以采取的减轻危害的措施", "联系方式", "第五十七条", "third-party-courier"]],
    ["en", ["Categories of personal information", "Cause", "Harm it may cause", "Remedies", "What you can do", "How to reach us", "Article 57", "third-party-courier"]]
  ])("PIPL-57: --notice %s prints the notification with every item Art. 57 requires", async (locale, items) => {
    const { exit, out } = await run("breach", "--recipient", "third-party-courier", "--from", "2026-11-01", "--to", "2026-11-30", "--notice", locale)
    expect(exit).toBe(0)
    for (const item of items) expect(out).toContain(item)
    expect(out).toContain("2026-11-01 00:00 UTC")
  })

  test("says clearly when the data directory is held by a running ledger (exit status 1)", async () => {
    const serving = await run("serve", "--port", "0")
    expect(serving.exit).toBeNull()
    try {
      expect(serving.out).toMatch(/listening on http:\/\/127\.0\.0\.1:\d+\/api \(PGlite in /)
      const blocked = await run("tickets")
      expect(blocked.exit).toBe(1)
      expect(blocked.err).toMatch(/is in use by process \d+; stop that ledger first/)
    } finally {
      if (serving.result.exit === null) await serving.result.server.close()
    }
  })

  test("the installed entry exits with the command's status", () => {
    const cli = fileURLToPath(new URL("./cli.ts", import.meta.url))
    const node = (...argv: string[]) => spawnSync(process.execPath, ["--conditions=source", "--import", "tsx", cli, ...argv], { encoding: "utf8", timeout: 30_000 })
    expect(node("--help").status).toBe(0)
    const bad = node("breach", "--purpose", "analytics")
    expect(bad.status).toBe(2)
    expect(bad.stderr).toContain("--from is required")
  })
})
