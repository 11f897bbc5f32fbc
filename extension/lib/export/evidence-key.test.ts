import { describe, expect, it } from "vitest"
import { evidenceLineKey, findingsByEvidence, requestEvidenceKey } from "./evidence-key"
import { sampleReport } from "./test-report"

describe("evidence links", () => {
  it("a request's evidence line names the request", () => {
    const report = sampleReport()
    const cited = findingsByEvidence(report.findings)
    expect(cited.get(requestEvidenceKey(report.requests[1]!))?.map((finding) => finding.rule)).toEqual(["APPM-3-1"])
    expect(cited.get(requestEvidenceKey(report.requests[0]!))).toBeUndefined()
  })

  it("lines about fields or APIs cite no request", () => {
    expect(evidenceLineKey('field #id-number ("身份证号码") asks for id-card')).toBeUndefined()
    expect(evidenceLineKey("2026-11-25T08:00:00.000Z geolocation used — consent: no decision yet")).toBeUndefined()
  })
})
