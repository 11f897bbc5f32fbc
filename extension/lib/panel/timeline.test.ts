import { describe, expect, it } from "vitest"
import { isoTime } from "../analysis/evidence"
import { BAIDU, META, T0, sampleReport } from "../export/test-report"
import type { Report, ReportRequest } from "../report"
import { buildTimeline, consentAt, explainRow, facetsOf, filterRows, timelineItems, type ConsentMoment, type ReportWithConsentLog } from "./timeline"

const decision = sampleReport().consent!

function withLog(report: Report, log: ConsentMoment[]): ReportWithConsentLog {
  return { ...report, consentLog: log }
}

/** The demo store's consent story: dialog at +100 ms, decision at +5 s, withdrawal of analytics at +40 s. */
const LOG: ConsentMoment[] = [
  { time: T0 + 50, phase: "ready", state: null },
  { time: T0 + 100, phase: "dialog-shown", state: null },
  { time: T0 + 5000, phase: "decision", state: decision },
  { time: T0 + 40_000, phase: "withdrawal", state: { ...decision, purposes: { ...decision.purposes, analytics: false } } }
]

describe("the consent axis", () => {
  it("places each event before the dialog, while it shows, after the decision or after a withdrawal (APPM-3-1, PIPL-15-2)", () => {
    const report = sampleReport()
    report.requests.push({ ...report.requests[1]!, url: "https://hm.baidu.com/hm.gif?si=6a2f&rnd=2", time: T0 + 45_000, beforeConsent: false })
    const { rows, phaseStarts } = buildTimeline(withLog(report, LOG))
    expect(rows.map((row) => [row.label.slice(0, 30), row.phase])).toEqual([
      ["https://shop.example.cn/", "before-dialog"],
      ["Hm_lvt_6a2f", "dialog-shown"],
      ["https://hm.baidu.com/hm.gif?si", "dialog-shown"],
      ["https://www.facebook.com/tr?id", "decided"],
      ["https://hm.baidu.com/hm.gif?si", "withdrawn"]
    ])
    expect(phaseStarts).toEqual({ "dialog-shown": T0 + 100, decided: T0 + 5000, withdrawn: T0 + 40_000 })
  })

  it("without a consent log, splits the axis at the latest decision", () => {
    const { rows, phaseStarts } = buildTimeline(sampleReport())
    expect(rows.map((row) => row.phase)).toEqual(["before-dialog", "before-dialog", "before-dialog", "decided"])
    expect(phaseStarts).toEqual({ decided: Date.parse(decision.decidedAt) })
  })

  it("ignores consent log entries that are not consent events", () => {
    const { rows } = buildTimeline({ ...sampleReport(), consentLog: [{ time: "soon" }, null, 7] })
    expect(rows.every((row) => row.phase === "before-dialog")).toBe(true)
  })

  it("marks a cookie set before any decision as before consent", () => {
    const cookie = buildTimeline(sampleReport()).rows.find((row) => row.kind === "cookie")!
    expect(cookie.beforeConsent).toBe(true)
    expect(cookie.vendor).toBe(BAIDU.company)
    expect(cookie.country).toBe("CN")
  })

  it("tells the consent in force at a moment", () => {
    expect(consentAt(LOG, T0 + 1000)).toBeNull()
    expect(consentAt(LOG, T0 + 6000)?.purposes.analytics).toBe(true)
    expect(consentAt(LOG, T0 + 41_000)?.purposes.analytics).toBe(false)
  })

  it("headings cover every stretch the page reached, even with no row in it", () => {
    const timeline = buildTimeline(withLog(sampleReport(), LOG))
    const items = timelineItems(filterRows(timeline.rows, { verdict: "high" }), timeline.phaseStarts)
    expect(items.map((item) => (item.type === "phase" ? `${item.phase}:${item.count}` : item.row.host))).toEqual([
      "before-dialog:0",
      "dialog-shown:2",
      "shop.example.cn",
      "hm.baidu.com",
      "decided:1",
      "www.facebook.com",
      "withdrawn:0"
    ])
  })
})

describe("verdicts and findings", () => {
  it("a row cited by a finding carries it and its severity; others are ok (APPM-3-1, PIPL-39)", () => {
    const rows = buildTimeline(sampleReport()).rows
    const byLabel = (start: string) => rows.find((row) => row.label.startsWith(start))!
    expect(byLabel("https://hm.baidu.com").findings.map((finding) => finding.rule)).toEqual(["APPM-3-1"])
    expect(byLabel("https://hm.baidu.com").verdict).toBe("high")
    expect(byLabel("Hm_lvt").findings.map((finding) => finding.rule)).toEqual(["APPM-3-1"])
    expect(byLabel("https://www.facebook.com").findings.map((finding) => finding.rule)).toEqual(["PIPL-39"])
    expect(byLabel("https://shop.example.cn/").verdict).toBe("ok")
  })

  it("explains why a row is or is not a finding", () => {
    const timeline = buildTimeline(withLog(sampleReport(), LOG))
    const [shop, , baidu] = timeline.rows
    expect(explainRow(baidu!, timeline.moments).en).toBe("This event is evidence for: APPM-3-1.")
    expect(explainRow(shop!, timeline.moments).en).toContain("the shop's own site")
    const granted = { ...baidu!, findings: [], verdict: "ok" as const, time: T0 + 6000 }
    expect(explainRow(granted, timeline.moments)["zh-CN"]).toContain("已同意目的「analytics」")
    const captcha = { ...granted, purpose: undefined, tracker: { id: "geetest", company: "GeeTest", category: "captcha", country: "CN" } as const }
    expect(explainRow(captcha, timeline.moments)).toEqual({
      "zh-CN": "这是页面运行可能需要的服务（人机验证），无须事先同意。",
      en: "This service may be needed for the page to work (CAPTCHA), so it needs no prior consent."
    })
    const replay = { ...captcha, tracker: { ...captcha.tracker, category: "session-recording" } as const }
    expect(explainRow(replay, timeline.moments).en).toBe("No rule the inspector checks cites this event.")
  })
})

describe("filters", () => {
  const timeline = buildTimeline(sampleReport())

  it("by vendor, purpose, PI kind, country and verdict", () => {
    const labels = (filter: Parameters<typeof filterRows>[1]) => filterRows(timeline.rows, filter).map((row) => row.kind === "cookie" ? row.label : row.host)
    expect(labels({ vendor: META.company })).toEqual(["www.facebook.com"])
    expect(labels({ purpose: "analytics" })).toEqual(["hm.baidu.com"])
    expect(labels({ piKind: "id-card" })).toEqual(["www.facebook.com"])
    expect(labels({ country: "CN" })).toEqual(["Hm_lvt_6a2f", "hm.baidu.com"])
    expect(labels({ verdict: "finding" })).toEqual(["Hm_lvt_6a2f", "hm.baidu.com", "www.facebook.com"])
    expect(labels({ verdict: "ok" })).toEqual(["shop.example.cn"])
    expect(labels({ text: "HM.GIF" })).toEqual(["hm.baidu.com"])
    expect(labels({ rule: "APPM-3-1" })).toEqual(["Hm_lvt_6a2f", "hm.baidu.com"])
    expect(labels({ vendor: BAIDU.company, piKind: "phone" })).toEqual([])
  })

  it("offers the values the rows have, most frequent first", () => {
    const facets = facetsOf(timeline.rows)
    expect(facets.vendor.map((facet) => facet.value)).toEqual([BAIDU.company, META.company, "shop.example.cn"])
    expect(facets.piKind).toEqual([
      { value: "id-card", count: 1 },
      { value: "phone", count: 1 }
    ])
    expect(facets.country.map((facet) => facet.value)).toEqual(["CN", "US"])
  })
})

describe("10,000 events", () => {
  function bigReport(): ReportWithConsentLog {
    const base = sampleReport()
    const requests: ReportRequest[] = []
    for (let index = 0; index < 10_000; index++) {
      const tracker = index % 3 === 0 ? { ...BAIDU } : index % 3 === 1 ? { ...META } : undefined
      requests.push({
        url: `https://${tracker?.id ?? "shop"}.example/e?n=${index}`,
        host: tracker ? `${tracker.id}.example` : "shop.example.cn",
        method: "GET",
        time: T0 + index * 10,
        thirdParty: tracker !== undefined,
        tracker,
        crossBorder: tracker?.country === "US",
        beforeConsent: index < 500,
        purpose: tracker ? (tracker.id === BAIDU.id ? "analytics" : "marketing") : undefined,
        pii: index % 7 === 0 ? [{ kind: "phone", where: "query:m", masked: "138****5678" }] : []
      })
    }
    const cited = requests.filter((_, index) => index % 100 === 1)
    base.findings = [{ rule: "PIPL-39", severity: "high", message: base.findings[1]!.message, evidence: cited.map((request) => `${isoTime(request.time)} GET ${request.url} — x`) }]
    return { ...base, requests, cookies: [], consentLog: LOG.map((moment) => ({ ...moment, time: moment.time + 4000 })) }
  }

  it("builds the timeline of 10,000 events and filters it by vendor, PI kind, verdict, country and text", () => {
    const timeline = buildTimeline(bigReport())
    const filters = [{ vendor: META.company }, { piKind: "phone" as const }, { verdict: "finding" as const }, { country: "CN", text: "e?n=99" }, {}]
    const results = filters.map((filter) => filterRows(timeline.rows, filter))
    expect(timeline.rows).toHaveLength(10_000)
    expect(results.map((rows) => rows.length)).toEqual([3333, 1429, 100, 39, 10_000])
    expect(results[2]!.every((row) => row.verdict === "high" && row.findings[0]?.rule === "PIPL-39")).toBe(true)
    const items = timelineItems(results[4]!, timeline.phaseStarts)
    expect(items.filter((item) => item.type === "phase").map((item) => item.type === "phase" && [item.phase, item.count])).toEqual([
      ["before-dialog", 410],
      ["dialog-shown", 490],
      ["decided", 3500],
      ["withdrawn", 5600]
    ])
  })
})
