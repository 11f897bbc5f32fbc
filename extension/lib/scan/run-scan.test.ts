import { describe, expect, it } from "vitest"
import { state } from "../analysis/test-events"
import type { ConsentLogEntry, Report } from "../report"
import { runConsentScan, type PressResult, type ScanBrowser } from "./run-scan"

const PAGE = "https://www.zhixuan.com.cn/?leaky=1"
const TIMING = { settleMs: 10, afterChoiceMs: 20 }

/** A browser that records each step and answers like a page whose dialog `press` describes. */
function fakeBrowser(press: (choice: string) => PressResult, options: { recordsDecision?: boolean; failLoadOf?: number } = {}): ScanBrowser & { steps: string[] } {
  const steps: string[] = []
  let loads = 0
  let log: ConsentLogEntry[] = []
  return {
    steps,
    async clearSite(origins) {
      steps.push(`clear ${origins.join(" ")}`)
    },
    async load(url) {
      loads++
      steps.push(`load ${url}`)
      if (loads === options.failLoadOf) throw new Error("the tab was closed")
      log = []
    },
    async wait(ms) {
      steps.push(`wait ${ms}`)
    },
    async press(choice) {
      steps.push(`press ${choice}`)
      const result = press(choice)
      if (result === "pressed" && options.recordsDecision !== false) log.push({ time: 1, phase: "decision", state: state({ analytics: choice === "accept" }) })
      return result
    },
    async report(): Promise<Report> {
      steps.push("report")
      return { url: PAGE, consent: null, requests: [{ url: "http://hm.baidu.com/hm.gif", host: "hm.baidu.com", method: "GET", time: 0, thirdParty: true, crossBorder: false, beforeConsent: true, pii: [] }], cookies: [], fields: [], findings: [], consentLog: log, generatedAt: "" }
    }
  }
}

describe("the consent scan's order of work", () => {
  it("clears the site (and the trackers it met) before each run, revisits after Decline, and takes a report after each load", async () => {
    const browser = fakeBrowser(() => "pressed")
    const result = await runConsentScan(PAGE, browser, TIMING)
    expect(browser.steps).toEqual([
      "clear https://www.zhixuan.com.cn",
      `load ${PAGE}`,
      "wait 10",
      "report",
      "clear https://www.zhixuan.com.cn http://hm.baidu.com",
      `load ${PAGE}`,
      "press decline",
      "wait 20",
      "report",
      `load ${PAGE}`,
      "wait 10",
      "report",
      "clear https://www.zhixuan.com.cn http://hm.baidu.com",
      `load ${PAGE}`,
      "press accept",
      "wait 20",
      "report"
    ])
    expect(result.runs.map((run) => run.outcome)).toEqual(["done", "done", "done"])
  })

  it("a page without Zhiqing: decline finds no dialog and accept is not tried", async () => {
    const browser = fakeBrowser(() => "no-dialog")
    const result = await runConsentScan(PAGE, browser, TIMING)
    expect(browser.steps.filter((step) => step.startsWith("press"))).toEqual(["press decline"])
    expect(result.runs.map((run) => run.outcome)).toEqual(["done", "no-dialog", "no-dialog"])
    expect(result.zhiqing).toBe(false)
  })

  it("NDSR-22-1: a Decline that records nothing is told apart from one that is missing", async () => {
    const silent = await runConsentScan(PAGE, fakeBrowser(() => "pressed", { recordsDecision: false }), TIMING)
    expect(silent.runs[1]!.outcome).toBe("no-decision")
    const missing = await runConsentScan(PAGE, fakeBrowser((choice) => (choice === "decline" ? "no-control" : "pressed")), TIMING)
    expect(missing.runs.map((run) => run.outcome)).toEqual(["done", "no-control", "done"])
    expect(missing.issues.map((issue) => issue.rule)).toContain("NDSR-22-1")
  })

  it("a run that fails is reported with its reason and the others still run; a non-web page is refused at once", async () => {
    const result = await runConsentScan(PAGE, fakeBrowser(() => "pressed", { failLoadOf: 2 }), TIMING)
    expect(result.runs.map((run) => [run.choice, run.outcome, run.error])).toEqual([
      ["ignore", "done", undefined],
      ["decline", "failed", "the tab was closed"],
      ["accept", "done", undefined]
    ])
    await expect(runConsentScan("chrome://settings", fakeBrowser(() => "pressed"), TIMING)).rejects.toThrow(/only http and https pages/)
  })
})
