import { parseConfig } from "@zhiqing/sdk/schema"
import { describe, expect, it } from "vitest"
import { buildDraft, type Draft } from "./build-draft"
import { fillTodo } from "../../../tests/fill-draft"
import { leakyPage, leakyReport, script } from "./test-page"
import { isPlaceholder } from "./texts"

const NOW = new Date("2026-12-04T08:00:00Z")

const draftOfLeakyPage = (): Draft => buildDraft({ report: leakyReport(), page: leakyPage(), now: NOW })

/** Every string in a value, with its path. */
function strings(value: unknown, path = ""): Array<[string, string]> {
  if (typeof value === "string") return [[path, value]]
  if (Array.isArray(value)) return value.flatMap((item, index) => strings(item, `${path}[${index}]`))
  if (value && typeof value === "object") return Object.entries(value).flatMap(([key, item]) => strings(item, path ? `${path}.${key}` : key))
  return []
}

describe("buildDraft", () => {
  it("validates with the SDK's schema and notice rules once every to-do path is filled", () => {
    const result = parseConfig(fillTodo(draftOfLeakyPage()))
    expect(result.ok ? [] : result.issues).toEqual([])
  })

  it("puts a marked placeholder only where a to-do asks the merchant to write", () => {
    const draft = draftOfLeakyPage()
    const todoPaths = draft.todo.map((item) => item.path)
    const placeholders = strings(draft.config).filter(([, value]) => isPlaceholder(value))
    expect(placeholders.length).toBeGreaterThan(0)
    for (const [path] of placeholders) expect(todoPaths.some((todo) => path === todo || path.startsWith(`${todo}.`))).toBe(true)
    for (const path of todoPaths) expect(path, path).toMatch(/^(handler|policy|purposes|separate)\b/)
  })

  it("proposes a purpose per vendor category, keeping how the page already gates a vendor, with the vendors' cookie patterns", () => {
    const { config } = draftOfLeakyPage()
    expect(config.purposes.map((purpose) => purpose.id)).toEqual(["necessary", "analytics", "marketing"])
    expect(config.purposes[0]!.required).toBe(true)
    const analytics = config.purposes[1]!
    // Hotjar is session recording by category, but the page gates it under "analytics": the page's choice stands.
    expect(analytics.vendors).toEqual(["baidu-tongji", "sensors-data", "hotjar"])
    expect(analytics.cookies).toEqual(expect.arrayContaining(["Hm_lvt_*", "HMACCOUNT"]))
    expect(analytics.title).toEqual({ "zh-CN": "统计分析", en: "Analytics" })
    expect(config.purposes[2]!.vendors).toEqual(["meta-pixel"])
    expect(config.purposes[2]!.dataCategories).toEqual(["mobile number", "resident ID number"])
  })

  it("makes a cross-border item for each overseas recipient of personal information, with its country", () => {
    const { config, todo } = draftOfLeakyPage()
    const items = (config.separate ?? []).filter((item) => item.kind === "cross-border")
    expect(items.map((item) => [item.id, item.recipient?.country, item.recipient?.name.en])).toEqual([
      ["crossborder-meta-pixel", "US", "Meta Platforms, Inc."],
      ["crossborder-collect-example-jp", "JP", expect.stringContaining("collect.example.jp")]
    ])
    expect(items[0]!.recipient!.dataCategories).toEqual(["mobile number", "resident ID number"])
    expect(items[0]!.recipient!.purpose).toEqual({ "zh-CN": "营销推广", en: "Marketing" })
    expect(items[0]!.title["zh-CN"]).toContain("美国")
    // The recipient's contact and how shoppers exercise their rights there are the merchant's to say.
    expect(todo.map((item) => item.path)).toEqual(expect.arrayContaining(["separate[0].recipient.contact", "separate[0].recipient.rights", "separate[1].recipient.name"]))
    expect(todo.map((item) => item.path)).not.toContain("separate[0].recipient.name")
  })

  it("makes a sensitive item for each kind of sensitive field, and one for sensitive fields of no known kind", () => {
    const { config, todo } = draftOfLeakyPage()
    const items = (config.separate ?? []).filter((item) => item.kind === "sensitive")
    expect(items.map((item) => item.id)).toEqual(["sensitive-id-card", "sensitive-other"])
    expect(items[0]!.title).toEqual({ "zh-CN": "身份证号码（个人敏感信息）", en: "Resident ID number (sensitive personal information)" })
    const index = config.separate!.indexOf(items[0]!)
    expect(todo.map((item) => item.path)).toEqual(expect.arrayContaining([`separate[${index}].necessity`, `separate[${index}].impact`, `separate[${index}].description`]))
    expect(items[1]!.dataCategories).toEqual(["人脸照片"])
  })

  it("prefills the site's name and policy link from the page, and still asks the merchant to confirm them", () => {
    const { config, todo } = draftOfLeakyPage()
    expect(config.handler.name).toEqual({ "zh-CN": "知选跨境", en: "知选跨境" })
    expect(config.policy.url).toEqual({ "zh-CN": "/privacy", en: "/privacy" })
    expect(config.policy.version).toBe("2026-12-04")
    expect(todo.find((item) => item.path === "handler.name")?.message.en).toContain("知选跨境")
    expect(todo.find((item) => item.path === "policy.url.en")?.message.en).toContain("/privacy")
  })

  it("keeps a policy on another origin as a full URL, and refuses a link that is not http(s)", () => {
    const page = (policyHref: string) => ({ ...leakyPage(), policyHref })
    expect(buildDraft({ report: leakyReport(), page: page("https://legal.example.com/privacy.html"), now: NOW }).config.policy.url.en).toBe("https://legal.example.com/privacy.html")
    const unsafe = buildDraft({ report: leakyReport(), page: page("javascript:alert(1)"), now: NOW })
    expect(isPlaceholder(unsafe.config.policy.url.en!)).toBe(true)
    expect(unsafe.todo.find((item) => item.path === "policy.url.en")?.message.en).toBe("Write the link to the English privacy policy.")
  })

  it("gates each ungated script of a vendor that needs consent, under its purpose, and leaves the rest alone", () => {
    const { gating } = draftOfLeakyPage()
    expect(gating).toEqual([
      {
        vendor: "baidu-tongji",
        purpose: "analytics",
        before: "<script>var _hmt = _hmt || [];</script>",
        after: '<script type="text/plain" data-zhiqing="analytics">var _hmt = _hmt || [];</script>'
      },
      {
        vendor: "baidu-tongji",
        purpose: "analytics",
        before: '<script async src="https://hm.baidu.com/hm.js?6a2f"></script>',
        after: '<script type="text/plain" data-zhiqing="analytics" async src="https://hm.baidu.com/hm.js?6a2f"></script>'
      }
    ])
  })

  it("never gates a vendor a shop may need to work, and lists it under the always-on purpose for the merchant to check", () => {
    const page = { ...leakyPage(), elements: [script([["src", "https://js.alipay.com/checkout.js"]])] }
    const { config, gating, todo } = buildDraft({ report: { ...leakyReport(), requests: [], cookies: [], fields: [] }, page, now: NOW })
    expect(gating).toEqual([])
    expect(config.purposes).toHaveLength(1)
    expect(config.purposes[0]!.vendors).toEqual(["alipay"])
    expect(todo.find((item) => item.path === "purposes[0].vendors")?.message.en).toContain("Alipay")
  })

  it("names a purpose the page uses but the draft does not know only through a placeholder", () => {
    const page = { ...leakyPage(), elements: [script([["type", "text/plain"], ["data-zhiqing", "stats"], ["src", "https://hm.baidu.com/hm.js?1"]])] }
    const { config, todo } = buildDraft({ report: { ...leakyReport(), requests: [], cookies: [], fields: [] }, page, now: NOW })
    const stats = config.purposes.find((purpose) => purpose.id === "stats")!
    expect(isPlaceholder(stats.title.en!)).toBe(true)
    expect(todo.map((item) => item.path)).toContain(`purposes[${config.purposes.indexOf(stats)}].title`)
  })

  it("keeps an analytics vendor out of the always-on purpose, and ignores a purpose name the schema would refuse", () => {
    const page = {
      ...leakyPage(),
      elements: [
        script([["type", "text/plain"], ["data-zhiqing", "necessary"], ["src", "https://hm.baidu.com/hm.js?1"]]),
        script([["type", "text/plain"], ["data-zhiqing", "Ads Tracking"], ["src", "https://connect.facebook.net/en_US/fbevents.js"]])
      ]
    }
    const draft = buildDraft({ report: { ...leakyReport(), requests: [], cookies: [], fields: [] }, page, now: NOW })
    expect(draft.config.purposes.map((purpose) => [purpose.id, purpose.vendors])).toEqual([
      ["necessary", undefined],
      ["analytics", ["baidu-tongji"]],
      ["marketing", ["meta-pixel"]]
    ])
    const result = parseConfig(fillTodo(draft))
    expect(result.ok ? [] : result.issues).toEqual([])
  })

  it("asks for the handler's name and contact when the page shows neither, and validates once they are given", () => {
    const page = { title: "", elements: [] }
    const draft = buildDraft({ report: { ...leakyReport(), requests: [], cookies: [], fields: [] }, page, now: NOW })
    expect(isPlaceholder(draft.config.handler.name.en!)).toBe(true)
    expect(isPlaceholder(draft.config.handler.contact)).toBe(true)
    const result = parseConfig(fillTodo(draft))
    expect(result.ok ? [] : result.issues).toEqual([])
  })
})
