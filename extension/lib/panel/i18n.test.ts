import { describe, expect, it } from "vitest"
import { phaseName, piKindName, preferredLocale, word } from "./i18n"
import { formatTime } from "./time-format"

describe("the panel's language", () => {
  it("is Chinese for a Chinese browser, English otherwise", () => {
    expect(preferredLocale(["zh-CN", "en"])).toBe("zh-CN")
    expect(preferredLocale(["zh-TW"])).toBe("zh-CN")
    expect(preferredLocale(["en-US", "zh-CN"])).toBe("en")
    expect(preferredLocale([])).toBe("en")
  })

  it("has every word in both languages", () => {
    expect(word("exportHar", "zh-CN")).toBe("导出 HAR 证据")
    expect(phaseName("dialog-shown", "en")).toBe("Dialog shown, no decision yet")
    expect(piKindName("id-card", "zh-CN")).toBe("身份证号码")
    expect(piKindName("shoe-size", "en")).toBe("shoe-size")
  })
})

describe("formatTime", () => {
  it("shows the local clock to the millisecond, and a dash for no time", () => {
    expect(formatTime(new Date(2026, 10, 25, 8, 5, 9, 42).getTime())).toBe("08:05:09.042")
    expect(formatTime(Number.NEGATIVE_INFINITY)).toBe("—")
  })
})
