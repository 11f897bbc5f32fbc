import { readFileSync } from "node:fs"
import { describe, expect, it } from "vitest"
import { startingConfig } from "./presets"
import { unknownFields, validateConfig, type FieldIssue } from "./validation"

const issuesAt = (issues: FieldIssue[], path: string) => issues.filter((issue) => issue.path === path)

const example = JSON.parse(readFileSync(new URL("../../sdk/examples/shop.config.json", import.meta.url), "utf8"))

describe("live validation", () => {
  it("accepts the SDK's example config", () => {
    expect(validateConfig(example, "en")).toEqual([])
  })

  it("names each missing field of the starting config by its path", () => {
    const paths = validateConfig(startingConfig(), "en").map((issue) => issue.path)
    expect(paths).toEqual(expect.arrayContaining(["handler.name", "handler.contact", "policy.version", "policy.url"]))
  })

  it("also shows the notice rules while the shape is still wrong", () => {
    const config = { ...example, handler: { name: { "zh-CN": "示例" } }, purposes: [{ ...example.purposes[1], title: { "zh-CN": "统计" } }] }
    const issues = validateConfig(config, "en")
    expect(issuesAt(issues, "handler.contact").map((issue) => issue.text)).toEqual(["is required (expected string)"])
    expect(issuesAt(issues, "purposes[0].title.en").map((issue) => issue.text)).toEqual(['missing text for locale "en"'])
    expect(issuesAt(issues, "handler.name.en").map((issue) => issue.text)).toEqual(['missing text for locale "en"'])
  })

  it("words every issue the rules raise in Chinese", () => {
    const separate = example.separate
    const broken = {
      ...example,
      locales: ["en"],
      handler: { name: {}, contact: " " },
      policy: { version: "1", url: { en: "javascript:alert(1)" } },
      purposes: [{ ...example.purposes[0], id: "Bad Id" }, example.purposes[1], example.purposes[1]],
      separate: [
        { ...separate[0], necessity: undefined },
        { ...separate[1], recipient: undefined },
        { ...separate[2], recipient: { ...separate[2].recipient, country: "hk", rights: undefined, dataCategories: [] } },
        { ...separate[2], id: "x2", recipient: { ...separate[2].recipient, country: undefined } },
        { ...separate[1], id: "x3", kind: "gift" }
      ],
      minors: { minAge: 30 },
      extra: true
    }
    const issues = validateConfig(broken, "zh-CN")
    expect(issues.length).toBeGreaterThan(8)
    for (const issue of issues) expect(issue.text, `${issue.path}: ${issue.message}`).toMatch(/[\u4e00-\u9fff]/)
    const rules = validateConfig({ ...broken, purposes: example.purposes, separate: [{ ...separate[0], necessity: undefined }, { ...separate[1], recipient: undefined }, { ...separate[2], recipient: { ...separate[2].recipient, rights: undefined, country: undefined } }], minors: undefined, extra: undefined }, "zh-CN")
    expect(rules.length).toBeGreaterThan(4)
    for (const issue of rules) expect(issue.text, `${issue.path}: ${issue.message}`).toMatch(/[\u4e00-\u9fff]/)
  })

  // Each notice rule of the SDK (config-rules.ts), as the merchant reads it at the field in either language.
  const rules: Array<[path: string, change: (config: typeof example) => void, zh: string, en: string]> = [
    ["locales", (c) => (c.locales = ["en"]), "必须包含简体中文：简体中文告知是必需的（APPM-1）", 'must include "zh-CN" (APPM-1)'],
    ["purposes[1].title.en", (c) => delete c.purposes[1].title.en, "缺少英文文本", 'missing text for locale "en"'],
    ["separate[2].recipient.name.zh-CN", (c) => delete c.separate[2].recipient.name["zh-CN"], "缺少简体中文文本", 'missing text for locale "zh-CN"'],
    ["policy.url.en", (c) => delete c.policy.url.en, "缺少英文隐私政策链接（PIPL-17-2）", 'missing link for locale "en" (PIPL-17-2)'],
    ["sync.endpoint", (c) => (c.sync.endpoint = "javascript:alert(1)"), "须为 http(s) 网址或相对路径", "must be an http(s) URL or a relative path"],
    ["separate[0].id", (c) => (c.separate[0].id = "analytics"), "与 purposes[1].id 的标识“analytics”重复", 'duplicates the id "analytics" of purposes[1].id'],
    ["separate[0].impact", (c) => delete c.separate[0].impact, "“敏感个人信息”事项必填（PIPL-30）", 'is required for a "sensitive" item (PIPL-30)'],
    ["separate[1].recipient", (c) => delete c.separate[1].recipient, "“向第三方提供”事项必填（PIPL-23-1）", 'is required for a "third-party" item (PIPL-23-1)'],
    ["separate[2].recipient", (c) => delete c.separate[2].recipient, "“向境外提供”事项必填（PIPL-39）", 'is required for a "cross-border" item (PIPL-39)'],
    ["separate[2].recipient.rights", (c) => delete c.separate[2].recipient.rights, "“向境外提供”事项必填（PIPL-39）", 'is required for a "cross-border" item (PIPL-39)'],
    ["separate[2].recipient.country", (c) => delete c.separate[2].recipient.country, "“向境外提供”事项必填（PIPL-39）", 'is required for a "cross-border" item (PIPL-39)']
  ]

  it.each(rules)("words the rule at %s in Chinese and in English", (path, change, zh, en) => {
    const config = structuredClone(example)
    change(config)
    expect(validateConfig(config, "zh-CN").map((issue) => [issue.path, issue.text])).toEqual([[path, zh]])
    expect(validateConfig(config, "en").map((issue) => [issue.path, issue.text])).toEqual([[path, en]])
  })
})

describe("fields the SDK does not know", () => {
  it("are listed by path, however deep", () => {
    const config = { ...example, banner: true, purposes: [{ ...example.purposes[0], titel: {} }, ...example.purposes.slice(1)], ui: { theme: { "--zq-accent": "#000" } } }
    expect(unknownFields(config)).toEqual(["purposes[0].titel", "banner"])
  })

  it("are none in the SDK's example", () => {
    expect(unknownFields(example)).toEqual([])
  })
})
