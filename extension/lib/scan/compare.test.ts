import { describe, expect, it } from "vitest"
import { state } from "../analysis/test-events"
import type { ConsentLogEntry, Report, ReportRequest } from "../report"
import { compareRuns, type ScanRun } from "./compare"

const PAGE = "https://www.zhixuan.com.cn/"
const T0 = Date.UTC(2026, 10, 25, 8)

const BAIDU = { id: "baidu-tongji", company: "Baidu Tongji", category: "analytics", country: "CN" } as const
const SENSORS = { id: "sensors-data", company: "Sensors Data", category: "analytics", country: "CN" } as const
const META = { id: "meta-pixel", company: "Meta Pixel", category: "advertising", country: "US" } as const
const ALICDN = { id: "alicdn", company: "Alibaba Cloud CDN", category: "cdn", country: "CN" } as const

function request(time: number, url: string, extra: Partial<ReportRequest> = {}): ReportRequest {
  const host = new URL(url).hostname
  return { url, host, method: "GET", time, thirdParty: host !== "www.zhixuan.com.cn", crossBorder: false, beforeConsent: false, pii: [], ...extra }
}

function report(requests: ReportRequest[], consentLog: ConsentLogEntry[] = [], cookies: Report["cookies"] = []): Report {
  const decided = consentLog.filter((entry) => entry.state).at(-1)?.state ?? null
  return { url: PAGE, consent: decided, requests, cookies, fields: [], findings: [], consentLog, generatedAt: new Date(T0).toISOString() }
}

const shown: ConsentLogEntry = { time: T0 + 300, phase: "dialog-shown", state: null }
const declined = state({ analytics: false, marketing: false }, {}, T0 + 2000)
const accepted = state({ analytics: true, marketing: true }, {}, T0 + 2000)
const decision = (consent: typeof declined): ConsentLogEntry => ({ time: T0 + 2000, phase: "decision", state: consent })
const ready = (consent: typeof declined): ConsentLogEntry => ({ time: T0 + 200, phase: "ready", state: consent })

/** The correct demo store: only the CDN before a decision, trackers only after Agree. */
function cleanRuns(): ScanRun[] {
  const cdn = request(T0 + 100, "https://img.alicdn.com/p/1.svg", { tracker: ALICDN, purpose: "necessary" })
  return [
    { choice: "ignore", outcome: "done", reports: [report([request(T0, PAGE), cdn], [shown])] },
    { choice: "decline", outcome: "done", reports: [report([request(T0, PAGE), cdn], [shown, decision(declined)]), report([request(T0, PAGE), cdn], [ready(declined)])] },
    {
      choice: "accept",
      outcome: "done",
      reports: [
        report(
          [request(T0, PAGE), cdn, request(T0 + 2100, "https://hm.baidu.com/hm.js?1", { tracker: BAIDU, purpose: "analytics" })],
          [shown, decision(accepted)],
          [{ name: "Hm_lvt_1", domain: "www.zhixuan.com.cn", thirdParty: false, tracker: "baidu-tongji", time: T0 + 2200 }]
        )
      ]
    }
  ]
}

describe("the consent scan's comparison of ignore, decline and accept", () => {
  it("a store that respects the choice: nothing to flag, trackers only in the accept column", () => {
    const result = compareRuns(PAGE, cleanRuns(), T0)
    expect(result.issues).toEqual([])
    expect(result.zhiqing).toBe(true)
    expect(result.runs.map((run) => [run.choice, run.trackers.map((tracker) => tracker.id)])).toEqual([
      ["ignore", ["alicdn"]],
      ["decline", ["alicdn"]],
      ["accept", ["alicdn", "baidu-tongji"]]
    ])
    expect(result.runs[2]!.cookies).toEqual([{ name: "Hm_lvt_1", domain: "www.zhixuan.com.cn", thirdParty: false, tracker: "baidu-tongji", breach: false }])
    expect(result.runs[1]!.dialogOnRevisit).toBe(false)
    expect(result.runs.every((run) => run.trackers.every((tracker) => !tracker.breach))).toBe(true)
  })

  it("APPM-3-1: Baidu firing while the dialog is ignored is highlighted in the ignore column, with its requests and cookie", () => {
    const runs = cleanRuns()
    const early = request(T0 + 150, "https://hm.baidu.com/hm.gif?si=1", { tracker: BAIDU, beforeConsent: true })
    const cookie = { name: "HMACCOUNT", domain: ".hm.baidu.com", thirdParty: true, tracker: "baidu-tongji", time: T0 + 160 }
    runs[0]!.reports[0]!.requests.push(early)
    runs[0]!.reports[0]!.cookies.push(cookie)
    const result = compareRuns(PAGE, runs, T0)
    expect(result.issues.map((issue) => [issue.rule, issue.severity, issue.choice])).toEqual([["APPM-3-1", "high", "ignore"]])
    expect(result.issues[0]!.message.en).toContain("Baidu Tongji")
    expect(result.issues[0]!.evidence).toEqual(["GET https://hm.baidu.com/hm.gif?si=1", "cookie HMACCOUNT (.hm.baidu.com)"])
    expect(result.runs[0]!.trackers.find((tracker) => tracker.id === "baidu-tongji")).toMatchObject({ breach: true, nonEssential: true, afterChoice: false })
    expect(result.runs[0]!.cookies[0]).toMatchObject({ name: "HMACCOUNT", breach: true })
  })

  it("PIPL-14-1: a tracker that still runs after Decline, as it does after Agree, is flagged; what ran before the click is the ignore run's", () => {
    const runs = cleanRuns()
    const decline = runs[1]!.reports[0]!
    decline.requests.push(request(T0 + 150, "https://hm.baidu.com/hm.gif?early=1", { tracker: BAIDU, beforeConsent: true }))
    decline.requests.push(request(T0 + 2500, "https://hm.baidu.com/hm.gif?after=1", { tracker: BAIDU, purpose: "analytics" }))
    const result = compareRuns(PAGE, runs, T0)
    const issue = result.issues.find((item) => item.choice === "decline")!
    expect(issue).toMatchObject({ rule: "PIPL-14-1", severity: "high" })
    expect(issue.message.en).toContain("declining made no difference")
    expect(issue.evidence).toEqual(["GET https://hm.baidu.com/hm.gif?after=1"])
    expect(result.runs[1]!.trackers.find((tracker) => tracker.id === "baidu-tongji")).toMatchObject({ afterChoice: true, breach: true, requests: 2 })
  })

  it("PIPL-14-1 and PIPL-39: on the revisit after Decline, a stored refusal does not stop Sensors or the overseas pixel", () => {
    const runs = cleanRuns()
    runs[1]!.reports[1]!.requests.push(
      request(T0 + 50, "https://zhixuan.datasink.sensorsdata.cn/sa", { tracker: SENSORS, method: "POST", pii: [{ kind: "phone", where: "body", masked: "139****5678" }] }),
      request(T0 + 60, "https://www.facebook.com/tr?ud[ph]=…", { tracker: META, crossBorder: true, pii: [{ kind: "phone", where: "query:ud[ph]", masked: "139****5678", encoding: "sha256" }] })
    )
    const result = compareRuns(PAGE, runs, T0)
    expect(result.issues.map((issue) => issue.rule).sort()).toEqual(["PIPL-14-1", "PIPL-14-1", "PIPL-39"])
    expect(result.issues.find((issue) => issue.rule === "PIPL-39")!.message.en).toContain("mobile number")
    expect(result.runs[1]!.piKinds).toEqual(["phone"])
    expect(result.runs[1]!.crossBorder).toEqual(["Meta Pixel"])
  })

  it("NDSR-22-5 and NDSR-22-1: a dialog asking again after a refusal, and a Decline that records nothing", () => {
    const runs = cleanRuns()
    runs[1]!.reports[1]!.consentLog!.push({ time: T0 + 400, phase: "dialog-shown", state: null })
    expect(compareRuns(PAGE, runs, T0).issues.map((issue) => [issue.rule, issue.severity])).toEqual([["NDSR-22-5", "medium"]])
    runs[1] = { choice: "decline", outcome: "no-decision", reports: [report([request(T0, PAGE)], [shown])] }
    expect(compareRuns(PAGE, runs, T0).issues.map((issue) => [issue.rule, issue.severity])).toEqual([["NDSR-22-1", "high"]])
  })

  it("a page without Zhiqing: only the ignore run means anything, and its trackers are still judged", () => {
    const ignore = report([request(T0, "https://shop.example.com/"), request(T0 + 5, "https://hm.baidu.com/hm.js?1", { tracker: BAIDU, beforeConsent: true })])
    const result = compareRuns("https://shop.example.com/", [
      { choice: "ignore", outcome: "done", reports: [ignore] },
      { choice: "decline", outcome: "no-dialog", reports: [] },
      { choice: "accept", outcome: "no-dialog", reports: [] }
    ])
    expect(result.zhiqing).toBe(false)
    expect(result.issues.map((issue) => issue.rule)).toEqual(["APPM-3-1"])
    expect(result.runs.map((run) => run.outcome)).toEqual(["done", "no-dialog", "no-dialog"])
  })
})
