import { describe, expect, it } from "vitest"
import type { Report, ReportRequest } from "../report"
import { summarize } from "./summary"

const request = (overrides: Partial<ReportRequest>): ReportRequest => ({
  url: "http://localhost/",
  host: "localhost",
  method: "GET",
  time: 1,
  thirdParty: false,
  crossBorder: false,
  beforeConsent: false,
  pii: [],
  ...overrides
})

const baidu = { id: "baidu-tongji", company: "Baidu", category: "analytics", country: "CN" } as const
const meta = { id: "meta-pixel", company: "Meta", category: "advertising", country: "US" } as const

const report: Report = {
  url: "http://localhost/checkout",
  consent: null,
  requests: [
    request({}),
    request({ host: "hm.baidu.com", thirdParty: true, tracker: baidu, beforeConsent: true }),
    request({ host: "hm.baidu.com", thirdParty: true, tracker: baidu, beforeConsent: true }),
    request({ host: "www.facebook.com", thirdParty: true, tracker: meta, crossBorder: true }),
    request({ host: "cdn.example.cn", thirdParty: true, pii: [{ kind: "phone", where: "query:m", masked: "139****5678" }, { kind: "id-card", where: "body:json:$.id", masked: "110105**********2X" }] })
  ],
  cookies: [],
  fields: [
    { selector: "#id", kind: "id-card", sensitive: true },
    { selector: "#phone", kind: "phone", sensitive: false }
  ],
  findings: [
    { rule: "APPM-3-1", severity: "high", message: { "zh-CN": "同意前发送", en: "Sent before consent" }, evidence: ["x"] },
    { rule: "PIPL-28", severity: "low", message: { "zh-CN": "敏感字段", en: "Sensitive fields" }, evidence: ["y"] }
  ],
  generatedAt: "2026-11-25T08:00:00.000Z"
}

describe("the popup's summary of a report", () => {
  it("counts recipients in China and abroad, early trackers, PI leaving the page and sensitive fields", () => {
    expect(summarize(report)).toEqual({
      verdict: "problems",
      thirdParties: { china: 2, abroad: 1, unknown: 0 },
      trackersBeforeConsent: 1,
      piLeaving: { requests: 1, kinds: ["phone", "id-card"] },
      sensitiveFields: 1,
      topFindings: report.findings
    })
  })

  it("counts a recipient whose location nothing tells as unknown, not as in China", () => {
    const unknown = request({ host: "api.collector.com", thirdParty: true, crossBorderBasis: "unknown" })
    const likelyAbroad = request({ host: "t.tracker.de", thirdParty: true, crossBorder: true, crossBorderBasis: "tld", destinationCountry: "DE" })
    const inChina = request({ host: "hm.baidu.com", thirdParty: true, tracker: baidu, crossBorderBasis: "catalog", destinationCountry: "CN" })
    const summary = summarize({ ...report, requests: [unknown, unknown, likelyAbroad, inChina] })
    expect(summary.thirdParties).toEqual({ china: 1, abroad: 1, unknown: 1 })
  })

  it("judges a page with only low findings clean", () => {
    expect(summarize({ ...report, findings: [report.findings[1]!] }).verdict).toBe("clean")
  })
})
