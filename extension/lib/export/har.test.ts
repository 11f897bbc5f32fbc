import { describe, expect, it } from "vitest"
import type { Report } from "../report"
import { reportToHar } from "./har"
import { RAW, sampleReport } from "./test-report"

describe("reportToHar", () => {
  it("is a HAR 1.2 log with a creator and one entry per request, oldest first", () => {
    const har = reportToHar(sampleReport())
    expect(har.log.version).toBe("1.2")
    expect(har.log.creator.name).toBe("Zhiqing Inspector")
    expect(har.log.entries.map((entry) => entry.request.method)).toEqual(["GET", "GET", "GET"])
    expect(har.log.entries.map((entry) => entry.startedDateTime)).toEqual([...har.log.entries.map((entry) => entry.startedDateTime)].sort())
    for (const entry of har.log.entries) {
      expect(entry.pageref).toBe(har.log.pages[0]!.id)
      expect(Number.isNaN(Date.parse(entry.startedDateTime))).toBe(false)
      expect(entry.response.content.mimeType).toBeTypeOf("string")
    }
  })

  it("names the finding rules that cite each entry in its comment (APPM-3-1, PIPL-39)", () => {
    const entries = reportToHar(sampleReport()).log.entries
    expect(entries[0]!.comment).toMatch(/^findings: none/)
    expect(entries[1]!.comment).toMatch(/^findings: APPM-3-1; before consent; tracker Beijing Baidu/)
    expect(entries[2]!.comment).toMatch(/^findings: PIPL-39;.*outside mainland China; PI: phone, id-card/)
    expect(entries[2]!._zhiqing.findings).toEqual(["PIPL-39"])
  })

  it("masks a phone number and a resident ID number again even when the report left them raw in URLs", () => {
    const report = sampleReport()
    report.url = `https://shop.example.cn/account?mobile=${RAW.phone}`
    report.requests[1]!.initiator = `https://hm.baidu.com/hm.js?u=${RAW.idNumber}`
    const text = JSON.stringify(reportToHar(report))
    expect(text).not.toContain(RAW.phone)
    expect(text).not.toContain(RAW.idNumber)
    const meta = reportToHar(report).log.entries[2]!
    expect(meta.request.url).toContain("138****5678")
    expect(meta.request.queryString).toContainEqual({ name: "cd[phone]", value: "138****5678" })
    expect(meta.request.queryString).toContainEqual({ name: "idno", value: "11**************2X" })
  })

  it("handles a report with no requests", () => {
    const report: Report = { ...sampleReport(), requests: [], findings: [] }
    expect(reportToHar(report).log.entries).toEqual([])
  })
})
