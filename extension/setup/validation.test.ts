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
