import { describe, expect, it } from "vitest"
import { NON_ESSENTIAL_CATEGORIES } from "../analysis/page-facts"
import type { TrackerCategory } from "../report"
import { CATEGORY_PURPOSE, NECESSARY, PURPOSE_TEXTS } from "./texts"

describe("the purpose a draft proposes for each category", () => {
  it("puts under the always-on purpose exactly the categories the inspector holds need no consent", () => {
    for (const [category, purpose] of Object.entries(CATEGORY_PURPOSE) as [TrackerCategory, string][]) {
      expect(purpose === NECESSARY, category).toBe(!NON_ESSENTIAL_CATEGORIES.has(category))
    }
  })

  it("has words in both languages for every purpose it proposes", () => {
    for (const purpose of new Set(Object.values(CATEGORY_PURPOSE))) {
      expect(PURPOSE_TEXTS[purpose]?.title["zh-CN"], purpose).toBeTruthy()
      expect(PURPOSE_TEXTS[purpose]?.description.en, purpose).toBeTruthy()
    }
  })
})
