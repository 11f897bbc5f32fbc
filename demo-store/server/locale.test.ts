import { describe, expect, it } from "vitest"
import { chooseLocale, localeFromAcceptLanguage, pickText } from "./locale"

describe("page language", () => {
  it("takes ?lang= first and asks for it to be remembered", () => {
    expect(chooseLocale({ query: "en", cookie: "zh-CN", acceptLanguage: "zh-CN" })).toEqual({ locale: "en", explicit: true })
  })

  it("falls back to the lang cookie, then Accept-Language", () => {
    expect(chooseLocale({ query: null, cookie: "en", acceptLanguage: "zh-CN,zh;q=0.9" })).toEqual({ locale: "en", explicit: false })
    expect(chooseLocale({ query: null, cookie: undefined, acceptLanguage: "en-GB,en;q=0.9" })).toEqual({ locale: "en", explicit: false })
  })

  it("ignores unsupported values and defaults to Simplified Chinese (APPM-1)", () => {
    expect(chooseLocale({ query: "fr", cookie: "de", acceptLanguage: "fr-FR,de;q=0.8" })).toEqual({ locale: "zh-CN", explicit: false })
    expect(chooseLocale({ query: "<script>", cookie: undefined, acceptLanguage: undefined }).locale).toBe("zh-CN")
  })

  it("reads Accept-Language by quality, not by position", () => {
    expect(localeFromAcceptLanguage("en;q=0.4, zh-TW;q=0.8, fr")).toBe("zh-CN")
    expect(localeFromAcceptLanguage("fr, en;q=0.5, zh;q=0")).toBe("en")
    expect(localeFromAcceptLanguage("")).toBeUndefined()
  })

  it("shows a merchant text in the other language when the page's is missing", () => {
    expect(pickText({ "zh-CN": "中文" }, "en")).toBe("中文")
    expect(pickText({ "zh-CN": "中文", en: "English" }, "en")).toBe("English")
    expect(pickText(undefined, "en")).toBe("")
  })
})
