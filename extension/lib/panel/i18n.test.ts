import { describe, expect, it } from "vitest"
import { crossBorderLine, phaseName, piKindName, preferredLocale, trackerCategoryName, word } from "./i18n"
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

  it("names tracker categories, and says where a request went and how sure that is", () => {
    expect(trackerCategoryName("captcha", "zh-CN")).toBe("人机验证")
    expect(trackerCategoryName("monitoring", "en")).toBe("performance and error monitoring")
    expect(crossBorderLine({ thirdParty: true, crossBorder: true, crossBorderBasis: "catalog", destinationCountry: "US" }, "en")).toBe("yes · US (known · vendor catalog)")
    expect(crossBorderLine({ thirdParty: true, crossBorder: true, crossBorderBasis: "tld", destinationCountry: "DE" }, "zh-CN")).toBe("是 · DE（可能 · 国家或地区顶级域名）")
    expect(crossBorderLine({ thirdParty: true, crossBorder: false, crossBorderBasis: "cloud-region", destinationCountry: "CN" }, "en")).toBe("no · CN (known · cloud region in the host)")
    expect(crossBorderLine({ thirdParty: true, crossBorder: false, crossBorderBasis: "unknown" }, "en")).toBe("unknown (nothing tells where: please confirm)")
    expect(crossBorderLine({ thirdParty: false, crossBorder: false, crossBorderBasis: "unknown" }, "zh-CN")).toBe("未知（商家自己的服务器）")
    expect(crossBorderLine({ thirdParty: true, crossBorder: false }, "zh-CN")).toBe("否")
  })
})
