import { describe, expect, it } from "vitest"
import { MAX_EVIDENCE_LINES, capEvidence, finding, isoTime } from "./evidence"

describe("evidence", () => {
  it("makes no finding without evidence", () => {
    expect(finding("APPM-3-1", "high", { "zh-CN": "无", en: "none" }, [])).toEqual([])
    expect(finding("APPM-3-1", "high", { "zh-CN": "有", en: "some" }, ["line"])).toHaveLength(1)
  })

  it("caps long evidence and says how much more there was", () => {
    const lines = Array.from({ length: MAX_EVIDENCE_LINES + 5 }, (_, index) => `line ${index}`)
    const capped = capEvidence(lines)
    expect(capped).toHaveLength(MAX_EVIDENCE_LINES + 1)
    expect(capped.at(-1)).toBe("… and 5 more")
  })

  it("writes times as ISO-8601, and says so when a time is not one", () => {
    expect(isoTime(0)).toBe("1970-01-01T00:00:00.000Z")
    expect(isoTime(Number.NaN)).toBe("time NaN")
  })
})
