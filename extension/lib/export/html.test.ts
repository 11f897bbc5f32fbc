// @vitest-environment happy-dom
import { describe, expect, it } from "vitest"
import { escapeHtml, reportToHtml } from "./html"
import { RAW, sampleReport, T0 } from "./test-report"

describe("reportToHtml", () => {
  it("groups findings by requirement id, each with its evidence and how to fix it, in both languages", () => {
    const html = reportToHtml(sampleReport())
    const document = new DOMParser().parseFromString(html, "text/html")
    const groups = [...document.querySelectorAll("section[id^=rule-]")].map((section) => section.id)
    expect(groups).toEqual(["rule-APPM-3-1", "rule-PIPL-39", "rule-PIPL-28"])
    const appm = document.getElementById("rule-APPM-3-1")!
    expect(appm.querySelectorAll("ol.evidence li")).toHaveLength(2)
    expect(appm.querySelector(".fix p[lang=zh-CN]")?.textContent).toContain("data-zhiqing")
    expect(appm.querySelector(".fix p[lang=en]")?.textContent).toContain("only after the shopper agrees")
    expect(appm.textContent).toContain("Before the shopper made any choice")
    expect(appm.textContent).toContain("在顾客作出任何选择之前")
  })

  it("PIPL-39: says where each recipient's data went and how sure that is; an unknown location never reads as not abroad", () => {
    const report = sampleReport()
    report.requests.push(
      { ...report.requests[2]!, host: "www.facebook.com", crossBorderBasis: "catalog", destinationCountry: "US" },
      { url: "https://collect.unplaced-analytics.net/e", host: "collect.unplaced-analytics.net", method: "POST", time: T0, thirdParty: true, crossBorder: false, crossBorderBasis: "unknown", beforeConsent: false, pii: [] }
    )
    const document = new DOMParser().parseFromString(reportToHtml(report, "en"), "text/html")
    const row = (host: string) => [...document.querySelectorAll("tbody tr")].find((tr) => tr.querySelector("code")?.textContent === host)
    expect(row("collect.unplaced-analytics.net")?.querySelector("td:nth-child(4) [lang=en]")?.textContent).toBe("unknown (nothing tells where: please confirm)")
    expect(row("www.facebook.com")?.querySelector("td:nth-child(3)")?.textContent).toBe("US")
    expect(row("www.facebook.com")?.querySelector("td:nth-child(4) [lang=en]")?.textContent).toBe("yes · US (known · vendor catalog)")
  })

  it("puts the chosen language first and keeps the other", () => {
    const english = new DOMParser().parseFromString(reportToHtml(sampleReport(), "en"), "text/html")
    expect(english.documentElement.lang).toBe("en")
    expect(english.querySelector("h1 [lang]")?.getAttribute("lang")).toBe("en")
    expect(english.querySelector("h1")?.textContent).toContain("知情检查报告")
  })

  it("is self-contained: no scripts and no external resources", () => {
    const html = reportToHtml(sampleReport())
    expect(html).not.toMatch(/<script|<link|src=|url\(/i)
  })

  it("escapes everything taken from the report", () => {
    const report = sampleReport()
    report.url = 'https://shop.example.cn/?q="><script>alert(1)</script>'
    report.findings[0]!.evidence.push("<img src=x onerror=alert(1)>")
    report.findings[0]!.message.en = "<b>bold</b>"
    report.requests[1]!.tracker!.company = "<i>Evil</i> & Co"
    const html = reportToHtml(report)
    expect(html).not.toContain("<script>")
    expect(html).not.toContain("<img")
    expect(html).not.toContain("<b>bold")
    expect(html).toContain("&#60;i&#62;Evil&#60;/i&#62; &#38; Co")
  })

  it("shows no raw phone or resident ID number (PIPL-28)", () => {
    const html = reportToHtml(sampleReport())
    expect(html).not.toContain(RAW.phone)
    expect(html).not.toContain(RAW.idNumber)
  })

  it("says when there is nothing to find", () => {
    const html = reportToHtml({ ...sampleReport(), findings: [] }, "en")
    expect(html).toContain("No findings.")
  })
})

describe("escapeHtml", () => {
  it("escapes markup and quotes", () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe("&#60;a href=&#34;x&#34;&#62;&#39;&#38;&#39;&#60;/a&#62;")
  })
})
