import { describe, expect, it } from "vitest"
import { reportToJson } from "./json"
import { sampleReport } from "./test-report"

describe("reportToJson", () => {
  it("saves the Report contract unchanged", () => {
    const report = sampleReport()
    expect(JSON.parse(reportToJson(report))).toEqual(report)
  })
})
