import { describe, expect, it } from "vitest"
import { buildReport } from "./build-report"
import { usableConfig, usableState } from "./page-input"
import { CONFIG, PAGE, T0, request, state } from "./test-events"

describe("config and state from the page", () => {
  it("uses a config and a state of the right shape", () => {
    expect(usableConfig(CONFIG)).toBe(CONFIG)
    expect(usableState(state({ analytics: true }))).not.toBeNull()
  })

  it("counts broken ones as absent", () => {
    for (const bad of [null, "x", [], { purposes: "all" }, { purposes: [{ id: 1 }] }, { purposes: [{ id: "a", title: {}, vendors: [1] }] }]) expect(usableConfig(bad)).toBeUndefined()
    for (const bad of [null, 1, { purposes: {} }, { purposes: [], separate: {}, decidedAt: "x" }]) expect(usableState(bad)).toBeNull()
  })

  it("a hostile page's state and config do not break the report", async () => {
    const events = [
      { type: "config", time: T0, config: { purposes: 7 } },
      { type: "consent", time: T0, phase: "decision", state: { purposes: null } },
      request(T0 + 1, "https://hm.baidu.com/hm.js?1")
    ] as unknown as Parameters<typeof buildReport>[0]["events"]
    const report = await buildReport({ url: PAGE, events })
    expect(report.consent).toBeNull()
    expect(report.findings.map((finding) => finding.rule)).toEqual(["APPM-3-1"])
  })
})
