import { readFileSync } from "node:fs"
import { describe, expect, it } from "vitest"
import { formatIssues, isSafeUrl, parseConfig, parseConsentState, parseReceipt, type Config } from "./schema"

const canonical = JSON.parse(readFileSync(new URL("../examples/shop.config.json", import.meta.url), "utf8"))

function withChange(change: (config: Config) => void): unknown {
  const copy = structuredClone(canonical) as Config
  change(copy)
  return copy
}

function issuesOf(input: unknown): string {
  const result = parseConfig(input)
  return result.ok ? "" : formatIssues(result.issues)
}

describe("merchant config", () => {
  it("accepts the canonical example unchanged", () => {
    const result = parseConfig(canonical)
    expect(result.ok ? "" : formatIssues(result.issues)).toBe("")
  })

  it("names the field path and what is wrong for a wrong type", () => {
    expect(issuesOf(withChange((c) => ((c.purposes[1] as unknown as { title: number }).title = 3)))).toContain(
      "purposes[1].title: expected object, got number"
    )
  })

  it("PIPL-17-1: every configured locale needs each notice text", () => {
    expect(issuesOf(withChange((c) => delete c.purposes[2]!.description.en))).toBe(
      'purposes[2].description.en: missing text for locale "en"'
    )
    expect(issuesOf(withChange((c) => delete c.handler.name["zh-CN"]))).toContain("handler.name.zh-CN")
  })

  it("APPM-1: Simplified Chinese is always among the locales", () => {
    expect(issuesOf(withChange((c) => (c.locales = ["en"])))).toContain('locales: must include "zh-CN"')
  })

  it("PIPL-30: a sensitive item must explain necessity and impact", () => {
    expect(issuesOf(withChange((c) => delete c.separate![0]!.impact))).toContain('separate[0].impact: is required for a "sensitive" item (PIPL-30)')
  })

  it("PIPL-23-1: a third-party item must name its recipient", () => {
    expect(issuesOf(withChange((c) => delete c.separate![1]!.recipient))).toContain('separate[1].recipient: is required for a "third-party" item (PIPL-23-1)')
  })

  it("PIPL-39: a cross-border recipient must give its country and how to exercise rights", () => {
    const issues = issuesOf(
      withChange((c) => {
        delete c.separate![2]!.recipient!.country
        delete c.separate![2]!.recipient!.rights
      })
    )
    expect(issues).toContain('separate[2].recipient.country: is required for a "cross-border" item (PIPL-39)')
    expect(issues).toContain('separate[2].recipient.rights: is required for a "cross-border" item (PIPL-39)')
  })

  it("rejects duplicate ids across purposes and separate items", () => {
    expect(issuesOf(withChange((c) => (c.separate![0]!.id = "analytics")))).toContain('separate[0].id: duplicates the id "analytics"')
  })

  it("rejects script URLs in links", () => {
    expect(issuesOf(withChange((c) => (c.policy.url.en = "javascript:alert(1)")))).toContain("policy.url.en: must be an http(s) URL")
  })

  it("reports a missing required key plainly", () => {
    expect(issuesOf(withChange((c) => delete (c as Partial<Config>).policy))).toContain("policy: is required")
  })
})

describe("isSafeUrl", () => {
  it.each(["/privacy", " /privacy ", "privacy.html", "https://example.cn/p", "HTTP://example.cn", "?lang=en", "//cdn.example.cn/x", "#top", "a_b:c"])("allows %s", (url) =>
    expect(isSafeUrl(url)).toBe(true)
  )
  it.each(["javascript:alert(1)", " javascript:alert(1)", "JaVaScRiPt:alert(1)", "java\tscript:alert(1)", "data:text/html,x", "vbscript:x", "///evil", "//", "/a b", "/a\u0000b", "https://a\u007fb"])("refuses %s", (url) =>
    expect(isSafeUrl(url)).toBe(false)
  )
})

describe("consent state and receipt", () => {
  const state = {
    schema: 1,
    id: "3f0c1b9e-8d4a-4b7e-9a51-2b6f0c9d7e11",
    subject: "s_4kq9z0a1b2c3",
    policyVersion: "2026-11",
    locale: "zh-CN",
    decidedAt: "2026-11-25T03:00:00.000Z",
    purposes: { necessary: true, analytics: false },
    separate: { "sensitive-id-card": false },
    noticeHash: "a".repeat(64)
  }

  it("accepts a well-formed state", () => expect(parseConsentState(state).ok).toBe(true))

  it("refuses a state from another schema version", () => {
    const result = parseConsentState({ ...state, schema: 2 })
    expect(result.ok).toBe(false)
  })

  it("PIPL-69: a receipt records how consent was given", () => {
    expect(parseReceipt({ ...state, given: { flow: "banner", control: "agree" } }).ok).toBe(true)
    const missing = parseReceipt(state)
    expect(missing.ok ? "" : formatIssues(missing.issues)).toContain("given: is required")
  })
})
