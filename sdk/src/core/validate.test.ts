import { readFileSync } from "node:fs"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import * as z from "zod/mini"
import { renderJsonSchemas } from "../../json-schemas.mjs"
import * as schema from "../schema"
import { browserConfig } from "../engine"
import { CONFIG_SCHEMA } from "../generated/json-schemas"
import { validate } from "./validate"

const canonical = JSON.parse(readFileSync(new URL("../../examples/shop.config.json", import.meta.url), "utf8"))

describe("the browser's config validation", () => {
  it("is generated from the current zod schema (run npm run build after changing schema.ts)", () => {
    const committed = readFileSync(new URL("../generated/json-schemas.ts", import.meta.url), "utf8")
    expect(committed).toBe(renderJsonSchemas(schema))
  })

  it("is never generated with a keyword it does not check, which the browser would then let through", () => {
    expect(() => renderJsonSchemas({ Config: z.object({ name: z.string().check(z.maxLength(40)) }), ConsentState: z.object({}) })).toThrow(
      'schema.ts uses the JSON Schema keyword "maxLength", which src/core/validate.ts does not check yet'
    )
  })

  it("accepts the canonical config", () => {
    expect(validate(CONFIG_SCHEMA, canonical)).toEqual([])
  })

  it("names the path and the problem like the zod schema does", () => {
    const broken = structuredClone(canonical)
    broken.purposes[1].title = 3
    delete broken.policy
    expect(validate(CONFIG_SCHEMA, broken)).toEqual([
      { path: "policy", message: "is required (expected object)" },
      { path: "purposes[1].title", message: "expected object, got number" }
    ])
  })

  it("agrees with the zod schema on thousands of damaged configs", () => {
    const paths: string[][] = []
    const walk = (node: unknown, path: string[]) => {
      paths.push(path)
      if (node && typeof node === "object") for (const [key, value] of Object.entries(node)) walk(value, [...path, key])
    }
    walk(canonical, [])
    const damage = fc.tuple(fc.constantFrom(...paths.filter((path) => path.length)), fc.oneof(fc.constant(undefined), fc.string(), fc.integer(), fc.boolean(), fc.constant(null), fc.constant([]), fc.constant({})))
    fc.assert(
      fc.property(damage, ([path, value]) => {
        const config = structuredClone(canonical)
        let node = config
        for (const key of path.slice(0, -1)) node = node[key]
        // JSON has no holes: removing an array element shortens the array.
        if (value === undefined && Array.isArray(node)) node.splice(Number(path.at(-1)), 1)
        else if (value === undefined) delete node[path.at(-1)!]
        else node[path.at(-1)!] = value
        const zodSays = schema.parseConfig(config).ok
        const browserSays = validate(CONFIG_SCHEMA, config).length === 0 && schema.checkConfigRules(config).length === 0
        expect(browserSays).toBe(zodSays)
      }),
      { numRuns: 2000 }
    )
  })

  it("an invalid config leaves the safe default and says why on the console", () => {
    const errors: unknown[] = []
    const original = console.error
    console.error = (...args: unknown[]) => errors.push(args.join(" "))
    try {
      expect(browserConfig({ ...canonical, locales: ["en"] })).toBeNull()
    } finally {
      console.error = original
    }
    expect(String(errors[0])).toContain('locales: must include "zh-CN"')
  })
})
