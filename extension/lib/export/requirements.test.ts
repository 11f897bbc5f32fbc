import { describe, expect, it } from "vitest"
import { requirementGuide } from "./requirements"

const RULES_THE_ANALYSIS_EMITS = ["APPM-3-1", "PIPL-15-2", "APPM-3-3", "NDSR-21-2", "PIPL-39", "PIPL-29", "APPM-2", "PIPL-28", "PIPL-14-1"]

describe("requirement guides", () => {
  it.each(RULES_THE_ANALYSIS_EMITS)("%s has its own title and fix in both languages", (rule) => {
    const guide = requirementGuide(rule)
    const generic = requirementGuide("NO-SUCH-RULE")
    expect(guide.fix.en).not.toBe(generic.fix.en)
    expect(guide.fix["zh-CN"]).not.toBe(generic.fix["zh-CN"])
    expect(guide.title.en.length).toBeGreaterThan(5)
    expect(guide.title["zh-CN"].length).toBeGreaterThan(3)
  })

  it("an unknown rule gets the generic advice titled with its id", () => {
    expect(requirementGuide("XB-5").title.en).toContain("XB-5")
  })
})
