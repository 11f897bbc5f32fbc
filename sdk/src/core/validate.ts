/**
 * A validator for the small subset of JSON Schema that `z.toJSONSchema` produces from schema.ts. The browser bundle
 * uses it instead of zod (11 KB gzip for our schema) so that the shapes are still defined once, in schema.ts, and
 * the bundle ships only their generated JSON Schema (src/generated/json-schemas.ts). It reads only the keywords that
 * schema.ts produces today; json-schemas.mjs refuses to generate any other, so none is ever skipped unseen. One
 * keyword is written its own, shorter way: `required` is a count (see JsonSchema).
 */
import type { ConfigIssue } from "../config-rules"

export interface JsonSchema {
  type?: "object" | "array" | "string" | "number" | "integer" | "boolean"
  properties?: Record<string, JsonSchema>
  /** How many of `properties`, from the first, are required (json-schemas.mjs orders them so). */
  required?: number
  additionalProperties?: boolean | JsonSchema
  propertyNames?: JsonSchema
  items?: JsonSchema
  enum?: unknown[]
  const?: unknown
  pattern?: string
  /** Only "date-time": an ISO 8601 date and time with seconds and an offset, as zod's z.iso.datetime({ offset }). */
  format?: "date-time"
  minLength?: number
  minItems?: number
  minimum?: number
  maximum?: number
}

const DATE_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/

/** Every problem with `value`, by field path, in the same words as schema.ts; empty when it conforms. */
export function validate(schema: JsonSchema, value: unknown, path = "", issues: ConfigIssue[] = []): ConfigIssue[] {
  const fail = (message: string) => issues.push({ path, message })
  const type = schema.type
  const actual = value === null ? "null" : Array.isArray(value) ? "array" : typeof value
  const expected = type === "integer" ? "number" : type
  if (expected && actual !== expected) {
    fail(`expected ${type}, got ${actual === "array" ? "an array" : actual}`)
    return issues
  }
  if (type === "integer" && !Number.isInteger(value)) fail("expected int, got number")
  if (schema.const !== undefined && value !== schema.const) fail(`must be ${JSON.stringify(schema.const)}`)
  if (schema.enum && !schema.enum.includes(value)) fail(`must be one of ${schema.enum.map((item) => JSON.stringify(item)).join(", ")}`)
  // A bound the schema leaves out is undefined, and no comparison with undefined holds: it is not checked.
  if (typeof value === "string") {
    // Every length floor in schema.ts is on a trimmed string (nonEmpty), which JSON Schema cannot say.
    if (value.trim().length < schema.minLength!) fail("must not be empty")
    if (schema.pattern && !new RegExp(schema.pattern).test(value)) fail("has the wrong format")
    if (schema.format && !(DATE_TIME.test(value) && !Number.isNaN(Date.parse(value)))) fail("has the wrong format")
  }
  if (typeof value === "number") {
    if (value < schema.minimum!) fail(`must be at least ${schema.minimum}`)
    if (value > schema.maximum!) fail(`must be at most ${schema.maximum}`)
  }
  if (Array.isArray(value)) {
    if (value.length < schema.minItems!) fail(`must list at least ${schema.minItems}`)
    if (schema.items) value.forEach((item, index) => validate(schema.items!, item, `${path}[${index}]`, issues))
  }
  if (actual === "object") validateObject(schema, value as Record<string, unknown>, path, issues)
  return issues
}

function validateObject(schema: JsonSchema, value: Record<string, unknown>, path: string, issues: ConfigIssue[]): void {
  const at = (key: string) => (path ? `${path}.${key}` : key)
  for (const key of Object.keys(schema.properties ?? {}).slice(0, schema.required ?? 0)) {
    if (value[key] === undefined) issues.push({ path: at(key), message: `is required (expected ${schema.properties?.[key]?.type ?? "a value"})` })
  }
  const unknown: string[] = []
  for (const [key, item] of Object.entries(value)) {
    const known = schema.properties?.[key]
    if (known) {
      if (item !== undefined) validate(known, item, at(key), issues)
    } else if (schema.additionalProperties === false) {
      unknown.push(key)
    } else {
      if (schema.propertyNames) validate(schema.propertyNames, key, at(key), issues)
      if (typeof schema.additionalProperties === "object") validate(schema.additionalProperties, item, at(key), issues)
    }
  }
  if (unknown.length) issues.push({ path, message: `unknown key${unknown.length > 1 ? "s" : ""} ${unknown.map((key) => `"${key}"`).join(", ")}` })
}
