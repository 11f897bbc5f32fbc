/**
 * dist/zhiqing.js renames the properties in MANGLED_PROPS. That is safe only while each name stays inside the script
 * tag's own modules: a name that is stored, sent, read from the page or from a JSON contract, or that the browser
 * knows, would be renamed on one side only.
 */
import { readdirSync, readFileSync } from "node:fs"
import { fileURLToPath } from "node:url"
import { toJSONSchema } from "zod/mini"
import { describe, expect, it } from "vitest"
import { MANGLED_PROPS } from "../mangled-props.mjs"
import { nextRecord } from "./core/decisions"
import { createZhiqing } from "./engine"
import { Config, ConsentState, Receipt, RightsRequest } from "./schema"

const canonical = JSON.parse(readFileSync(fileURLToPath(import.meta.resolve("../examples/shop.config.json")), "utf8")) as Config

/** Every key at any depth of a JSON value. */
function keysOf(value: unknown, into: Set<string>): void {
  if (!value || typeof value !== "object") return
  for (const [key, inner] of Object.entries(value)) {
    if (!Array.isArray(value)) into.add(key)
    keysOf(inner, into)
  }
}

/** Every field name a JSON Schema describes, at any depth (its keywords left out). */
function fieldsOf(schema: unknown, into: Set<string>): void {
  if (!schema || typeof schema !== "object") return
  const properties = (schema as { properties?: object }).properties
  if (properties) Object.keys(properties).forEach((name) => into.add(name))
  Object.values(schema).forEach((inner) => fieldsOf(inner, into))
}

/** The SDK's own sources, tests left out. */
function sources(dir = fileURLToPath(new URL(".", import.meta.url))): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = `${dir}/${entry.name}`
    if (entry.isDirectory()) return sources(path)
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [readFileSync(path, "utf8")] : []
  })
}

describe("the property names the script tag shortens", () => {
  it("are none of the names in the config, the state, the stored record, a receipt or a rights request", () => {
    const contracts = new Set<string>()
    for (const schema of [Config, ConsentState, Receipt, RightsRequest]) fieldsOf(toJSONSchema(schema, { unrepresentable: "any", io: "input" }), contracts)
    const stamp = { id: "3f0c1b9e-8d4a-4b7e-9a51-2b6f0c9d7e11", subject: "s_0123456789", locale: "zh-CN" as const, decidedAt: "2026-11-30T08:00:00.000Z", noticeHash: "0".repeat(64) }
    keysOf(nextRecord(canonical, null, { purposes: {} }, stamp), contracts)
    expect(MANGLED_PROPS.filter((name) => contracts.has(name))).toEqual([])
  })

  it("are no member of the public API", () => {
    const notLoaded = () => {
      throw new Error("not loaded in this test")
    }
    const api = createZhiqing(notLoaded, notLoaded)
    expect(MANGLED_PROPS.filter((name) => name in api)).toEqual([])
  })

  it("are no name the browser or the language knows", () => {
    const lib = fileURLToPath(new URL(".", import.meta.resolve("typescript/lib/lib.dom.d.ts")))
    const declared = new Set<string>()
    for (const file of readdirSync(lib).filter((name) => /^lib\..*\.d\.ts$/.test(name))) {
      for (const match of readFileSync(lib + file, "utf8").matchAll(/^\s*(?:readonly\s+)?["']?([\w$-]+)["']?\??\s*[:(<]/gm)) declared.add(match[1]!)
    }
    expect(MANGLED_PROPS.filter((name) => declared.has(name))).toEqual([])
  })

  it("are written as properties in the sources, never as strings or data attributes", () => {
    const code = sources().join("\n")
    const unused = MANGLED_PROPS.filter((name) => !new RegExp(`[.]${name}\\b|\\b${name}\\??:`).test(code))
    const asText = MANGLED_PROPS.filter((name) => new RegExp(`["'\`]${name}["'\`]\\s*(?:in\\b|\\])|dataset\\.${name}\\b`).test(code))
    expect({ unused, asText }).toEqual({ unused: [], asText: [] })
  })
})
