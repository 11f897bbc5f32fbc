import { describe, expect, it } from "vitest"
import { scrollToReveal, visibleWindow } from "./virtual-window"

describe("visibleWindow", () => {
  it("renders the rows on screen and a few around them, of 10,000", () => {
    const window = visibleWindow({ scrollTop: 28 * 5000, viewportHeight: 560, rowHeight: 28, count: 10_000, overscan: 4 })
    expect(window).toEqual({ start: 4996, end: 5025, offsetTop: 4996 * 28, totalHeight: 280_000 })
  })

  it("starts at the top and stops at the end", () => {
    expect(visibleWindow({ scrollTop: 0, viewportHeight: 100, rowHeight: 20, count: 1000, overscan: 2 })).toMatchObject({ start: 0, end: 8 })
    expect(visibleWindow({ scrollTop: 99_999, viewportHeight: 100, rowHeight: 20, count: 1000, overscan: 2 })).toMatchObject({ start: 993, end: 1000 })
  })

  it("is empty for an empty list", () => {
    expect(visibleWindow({ scrollTop: 40, viewportHeight: 100, rowHeight: 20, count: 0 })).toEqual({ start: 0, end: 0, offsetTop: 0, totalHeight: 0 })
  })
})

describe("scrollToReveal", () => {
  const metrics = { scrollTop: 200, viewportHeight: 100, rowHeight: 20 }

  it("leaves a row in view where it is", () => {
    expect(scrollToReveal(12, metrics)).toBe(200)
  })

  it("scrolls up to a row above and down to a row below", () => {
    expect(scrollToReveal(3, metrics)).toBe(60)
    expect(scrollToReveal(20, metrics)).toBe(320)
  })
})
