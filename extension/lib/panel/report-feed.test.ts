import { afterEach, beforeEach, describe, expect, it, vi } from "vitest"
import { sampleReport } from "../export/test-report"
import { isReport, reportSignature, watchReport } from "./report-feed"

beforeEach(() => {
  vi.useFakeTimers()
})

afterEach(() => {
  vi.useRealTimers()
})

describe("watchReport", () => {
  it("asks about once a second and passes on only reports that changed", async () => {
    const report = sampleReport()
    const answers = [report, { ...report, generatedAt: "later" }, { ...report, requests: [...report.requests, report.requests[0]!] }]
    const ask = vi.fn(async () => answers[Math.min(ask.mock.calls.length - 1, answers.length - 1)])
    const seen: number[] = []
    const stop = watchReport(ask, { onReport: (next) => seen.push(next.requests.length), onError: () => undefined }, 1000)
    await vi.advanceTimersByTimeAsync(2500)
    expect(ask).toHaveBeenCalledTimes(3)
    expect(seen).toEqual([3, 4])
    stop()
    await vi.advanceTimersByTimeAsync(5000)
    expect(ask).toHaveBeenCalledTimes(3)
  })

  it("reports a failed question or a wrong answer and keeps asking", async () => {
    let call = 0
    const ask = async () => {
      call += 1
      if (call === 1) throw new Error("Could not establish connection")
      return call === 2 ? { nope: true } : sampleReport()
    }
    const errors: string[] = []
    const reports: unknown[] = []
    const stop = watchReport(ask, { onReport: (report) => reports.push(report), onError: (error) => errors.push(error.message) }, 1000)
    await vi.advanceTimersByTimeAsync(2100)
    stop()
    expect(errors).toEqual(["Could not establish connection", "the background answered with something that is not a report"])
    expect(reports).toHaveLength(1)
  })
})

describe("isReport and reportSignature", () => {
  it("tells a report from other answers", () => {
    expect(isReport(sampleReport())).toBe(true)
    expect(isReport(undefined)).toBe(false)
    expect(isReport({ url: "x", requests: [] })).toBe(false)
  })

  it("changes when consent changes, not when only the generation time does", () => {
    const report = sampleReport()
    expect(reportSignature({ ...report, generatedAt: "x" })).toBe(reportSignature(report))
    expect(reportSignature({ ...report, consent: null })).not.toBe(reportSignature(report))
    expect(reportSignature({ ...report, consentLog: [] })).not.toBe(reportSignature(report))
  })
})
