import { describe, expect, it } from "vitest"
import { medianRatioInterval } from "./stats"

describe("medianRatioInterval", () => {
  it("is narrow around the true ratio for large samples and spans 1 for two samples of the same spread", () => {
    const spread = (scale: number) => Array.from({ length: 400 }, (_, i) => scale * (1 + (i % 20) / 10))
    const [low, high] = medianRatioInterval(spread(2), spread(1))!
    expect(low).toBeGreaterThan(1.8)
    expect(high).toBeLessThan(2.2)
    const [sameLow, sameHigh] = medianRatioInterval(spread(1), spread(1).reverse())!
    expect(sameLow).toBeLessThan(1)
    expect(sameHigh).toBeGreaterThan(1)
  })

  it("gives the same interval for the same samples, and none without them", () => {
    const a = [3.1, 4.5, 2.2, 5.9, 3.3, 4.1]
    const b = [2.9, 3.5, 3.1, 4.4, 2.8, 3.0]
    expect(medianRatioInterval(a, b)).toEqual(medianRatioInterval(a, b))
    expect(medianRatioInterval([], b)).toBeNull()
  })
})
