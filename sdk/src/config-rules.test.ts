import { readFileSync } from "node:fs"
import { describe, expect, it } from "vitest"
import { checkConfigRules, type ConfigIssue } from "./config-rules"
import { validate, type JsonSchema } from "./core/validate"
import { CONFIG_SCHEMA } from "./generated/json-schemas"
import { parseConfig, type Config } from "./schema"

const canonical = JSON.parse(readFileSync(new URL("../examples/shop.config.json", import.meta.url), "utf8")) as Config
const LOCALES = ["zh-CN", "en"] as const

/** The keys of a path such as `separate[2].recipient.rights`. */
const keysOf = (path: string) => path.split(/[.[\]]+/).filter(Boolean)

/** The canonical config with `value` at each path (undefined deletes), and `locales` when given. */
function configWith(changes: Record<string, unknown>, locales?: Config["locales"]): Config {
  const config = structuredClone(canonical)
  if (locales) config.locales = locales
  for (const [path, value] of Object.entries(changes)) {
    const keys = keysOf(path)
    let node = config as unknown as Record<string, unknown>
    for (const key of keys.slice(0, -1)) node = node[key] as Record<string, unknown>
    if (value === undefined) delete node[keys.at(-1)!]
    else node[keys.at(-1)!] = value
  }
  return config
}

/** What the browser says (JSON Schema, then the rules) and what Node says (zod, then the rules) must be the same. */
function issuesOf(config: Config): ConfigIssue[] {
  expect(validate(CONFIG_SCHEMA, config)).toEqual([])
  const rules = checkConfigRules(config)
  const parsed = parseConfig(config)
  expect(parsed.ok ? [] : parsed.issues).toEqual(rules)
  return rules
}

const isLocalized = (schema: JsonSchema) => schema.additionalProperties === false && Object.keys(schema.properties ?? {}).sort().join() === "en,zh-CN"

/** Every field of schema.ts keyed by locale, with `[]` for an array's items, e.g. `purposes[].title`. */
function localizedPaths(schema: JsonSchema, path = ""): string[] {
  if (schema.items) return localizedPaths(schema.items, `${path}[]`)
  return Object.entries(schema.properties ?? {}).flatMap(([key, property]) => {
    const at = path ? `${path}.${key}` : key
    return isLocalized(property) ? [at] : localizedPaths(property, at)
  })
}

/** Each notice text field of schema.ts, at an item of the canonical config that has every part (a recipient too). */
const TEXT_PATHS = localizedPaths(CONFIG_SCHEMA)
  .filter((path) => path !== "policy.url")
  .map((path) => path.replace("purposes[]", "purposes[0]").replace("separate[]", "separate[2]"))

describe("notice texts in every configured locale (PIPL-17-1)", () => {
  it("covers every text field of schema.ts", () => {
    expect(TEXT_PATHS).toEqual([
      "handler.name",
      "handler.address",
      "policy.changes",
      "purposes[0].title",
      "purposes[0].description",
      "purposes[0].methods",
      "purposes[0].retention",
      "separate[2].title",
      "separate[2].description",
      "separate[2].necessity",
      "separate[2].impact",
      "separate[2].recipient.name",
      "separate[2].recipient.purpose",
      "separate[2].recipient.method",
      "separate[2].recipient.rights",
      "separate[2].recipient.retention",
      "separate[2].retention"
    ])
  })

  for (const path of TEXT_PATHS) {
    for (const locale of LOCALES) {
      const other = locale === "en" ? "zh-CN" : "en"
      it(`${path} without its ${locale} text`, () => {
        expect(issuesOf(configWith({ [path]: { [other]: "text" } }))).toEqual([{ path: `${path}.${locale}`, message: `missing text for locale "${locale}"` }])
      })
    }

    it(`${path} with no text at all names each configured locale`, () => {
      expect(issuesOf(configWith({ [path]: {} })).map((issue) => issue.path)).toEqual([`${path}.zh-CN`, `${path}.en`])
      expect(issuesOf(configWith({ [path]: {} }, ["zh-CN"])).map((issue) => issue.path)).toEqual([`${path}.zh-CN`])
    })

    it(`${path} needs no text in a locale that is not configured`, () => {
      expect(issuesOf(configWith({ [path]: { "zh-CN": "文本" } }, ["zh-CN"]))).toEqual([])
    })
  }
})

describe("the shape already requires the texts no notice can do without", () => {
  const required = ["handler.name", "purposes[0].title", "purposes[0].description", "separate[2].title", "separate[2].description", "separate[2].recipient.name", "separate[2].recipient.purpose", "separate[2].recipient.method"]

  it.each(required)("%s, in the browser and in Node alike, at its own path", (path) => {
    for (const value of [undefined, null, ""]) {
      const config = configWith({ [path]: value })
      const parsed = parseConfig(config)
      expect(validate(CONFIG_SCHEMA, config).map((issue) => issue.path)).toContain(path)
      expect(parsed.ok ? [] : parsed.issues.map((issue) => issue.path)).toContain(path)
    }
  })

  it("lists as required exactly these fields of a text", () => {
    const requiredTexts = (schema: JsonSchema, path = ""): string[] => {
      if (schema.items) return requiredTexts(schema.items, `${path}[]`)
      return Object.entries(schema.properties ?? {}).flatMap(([key, property]) => {
        const at = path ? `${path}.${key}` : key
        // `required` counts the properties that come first and are required.
        const isRequired = Object.keys(schema.properties ?? {}).indexOf(key) < (schema.required ?? 0)
        return isLocalized(property) ? (isRequired ? [at] : []) : requiredTexts(property, at)
      })
    }
    expect(requiredTexts(CONFIG_SCHEMA)).toEqual(["handler.name", "policy.url", ...required.slice(1).map((path) => path.replace(/\[\d\]/g, "[]"))])
  })
})

describe("every other rule, by path and message", () => {
  const rules: Array<[rule: string, changes: Record<string, unknown>, expected: ConfigIssue[], locales?: Config["locales"]]> = [
    ["APPM-1: zh-CN among the locales", {}, [{ path: "locales", message: 'must include "zh-CN" (APPM-1)' }], ["en"]],
    ["PIPL-17-2: the zh-CN policy link", { "policy.url.zh-CN": undefined }, [{ path: "policy.url.zh-CN", message: 'missing link for locale "zh-CN" (PIPL-17-2)' }]],
    ["PIPL-17-2: the en policy link", { "policy.url.en": undefined }, [{ path: "policy.url.en", message: 'missing link for locale "en" (PIPL-17-2)' }]],
    ["safe links: zh-CN policy", { "policy.url.zh-CN": "javascript:alert(1)" }, [{ path: "policy.url.zh-CN", message: "must be an http(s) URL or a relative path" }]],
    ["safe links: en policy, even when en is not configured", { "policy.url.en": "data:text/html,x" }, [{ path: "policy.url.en", message: "must be an http(s) URL or a relative path" }], ["zh-CN"]],
    ["safe links: the ledger", { "sync.endpoint": "vbscript:x" }, [{ path: "sync.endpoint", message: "must be an http(s) URL or a relative path" }]],
    ["unique ids: two purposes", { "purposes[3].id": "necessary" }, [{ path: "purposes[3].id", message: 'duplicates the id "necessary" of purposes[0].id' }]],
    ["unique ids: a separate item and a purpose", { "separate[0].id": "analytics" }, [{ path: "separate[0].id", message: 'duplicates the id "analytics" of purposes[1].id' }]],
    ["unique ids: two separate items", { "separate[2].id": "share-logistics" }, [{ path: "separate[2].id", message: 'duplicates the id "share-logistics" of separate[1].id' }]],
    ["PIPL-30: a sensitive item's necessity", { "separate[0].necessity": undefined }, [{ path: "separate[0].necessity", message: 'is required for a "sensitive" item (PIPL-30)' }]],
    ["PIPL-30: a sensitive item's impact", { "separate[0].impact": undefined }, [{ path: "separate[0].impact", message: 'is required for a "sensitive" item (PIPL-30)' }]],
    ["PIPL-23-1: a third-party item's recipient", { "separate[1].recipient": undefined }, [{ path: "separate[1].recipient", message: 'is required for a "third-party" item (PIPL-23-1)' }]],
    ["PIPL-39: a cross-border item's recipient, and nothing inside the missing one", { "separate[2].recipient": undefined }, [{ path: "separate[2].recipient", message: 'is required for a "cross-border" item (PIPL-39)' }]],
    [
      "PIPL-39: a cross-border recipient's rights and country",
      { "separate[2].recipient.rights": undefined, "separate[2].recipient.country": undefined },
      [
        { path: "separate[2].recipient.rights", message: 'is required for a "cross-border" item (PIPL-39)' },
        { path: "separate[2].recipient.country", message: 'is required for a "cross-border" item (PIPL-39)' }
      ]
    ],
    ["nothing more for a public disclosure", { "separate[1].kind": "public-disclosure", "separate[1].recipient": undefined }, []],
    ["nothing more for a recipient that is not cross-border", { "separate[0].recipient": canonical.separate![1]!.recipient, "separate[0].kind": "sensitive" }, []],
    ["nothing more for a purpose", { "purposes[0].kind": "sensitive" }, []]
  ]

  it.each(rules)("%s", (_rule, changes, expected, locales) => {
    expect(issuesOf(configWith(changes, locales))).toEqual(expected)
  })

  it("accepts the canonical config", () => expect(issuesOf(canonical)).toEqual([]))
})

describe("fields schema.ts does not declare", () => {
  const NAMES = ["id", "kind", "recipient", "country", "url", ...new Set(TEXT_PATHS.map((path) => keysOf(path).at(-1)!))]
  const parts: Array<[string, JsonSchema]> = [
    ["handler", CONFIG_SCHEMA.properties!.handler!],
    ["policy", CONFIG_SCHEMA.properties!.policy!],
    ["purposes[0]", CONFIG_SCHEMA.properties!.purposes!.items!],
    ["separate[2]", CONFIG_SCHEMA.properties!.separate!.items!],
    ["separate[2].recipient", CONFIG_SCHEMA.properties!.separate!.items!.properties!.recipient!]
  ]

  // zod drops them, so the browser must not judge them either: a field of a newer version is no error.
  it.each(parts)("are ignored in %s, even when named like a field of another part", (at, schema) => {
    const unknown = NAMES.filter((name) => !schema.properties?.[name])
    expect(unknown.length).toBeGreaterThan(0)
    for (const value of [{}, "analytics", "sensitive"]) {
      expect(issuesOf(configWith(Object.fromEntries(unknown.map((name) => [`${at}.${name}`, value]))))).toEqual([])
    }
  })
})
