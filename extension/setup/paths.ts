/**
 * Reading and writing the config being edited by field path, in the same notation as the SDK's validation issues
 * (`purposes[1].title.en`), so an issue, a draft's todo and a form field all name a field the same way.
 */
import { isPlaceholder } from "../lib/draft/texts"

export type PathKey = string | number
export type JsonObject = { [key: string]: unknown }

/** `purposes[1].title.en` → `["purposes", 1, "title", "en"]`. Keys may hold hyphens (`policy.url.zh-CN`). */
export function parsePath(path: string): PathKey[] {
  return [...path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((match) => (match[2] !== undefined ? Number(match[2]) : match[1]!))
}

/** The inverse of {@link parsePath}. */
export function formatPath(keys: readonly PathKey[]): string {
  return keys.map((key, index) => (typeof key === "number" ? `[${key}]` : index === 0 ? key : `.${key}`)).join("")
}

export function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value)
}

/** The value at `path`, or undefined when any step is missing or of another kind. */
export function getAt(root: unknown, path: string | readonly PathKey[]): unknown {
  let value = root
  for (const key of typeof path === "string" ? parsePath(path) : path) {
    if (typeof key === "number" ? !Array.isArray(value) : !isObject(value)) return undefined
    value = (value as Record<PathKey, unknown>)[key]
  }
  return value
}

/**
 * A copy of `root` with `value` at `path`; the objects and arrays on the way are copied, nothing else. Writing
 * `undefined` or an empty string removes the key, and an object left empty by that is removed from its parent
 * object too, so an emptied optional field leaves no `{}` behind for the rules to complain about.
 */
export function setAt(root: JsonObject, path: string | readonly PathKey[], value: unknown): JsonObject {
  const keys = typeof path === "string" ? parsePath(path) : path
  return write(root, keys, value === "" ? undefined : value) as JsonObject
}

function write(container: unknown, keys: readonly PathKey[], value: unknown): unknown {
  const [key, ...rest] = keys
  if (key === undefined) return value
  if (typeof key === "number") {
    const list = Array.isArray(container) ? [...container] : []
    const next = write(list[key], rest, value)
    if (next === undefined && rest.length === 0) list.splice(key, 1)
    else list[key] = next
    return list
  }
  const object: JsonObject = isObject(container) ? { ...container } : {}
  const next = write(object[key], rest, value)
  const emptied = next === undefined || (rest.length > 0 && isObject(next) && Object.keys(next).length === 0)
  if (emptied) delete object[key]
  else object[key] = next
  return object
}

/** True when the field holds something a merchant filled in: text, a number, a flag or a non-empty list or object. */
/**
 * Whether a value is filled in. The inspector's draft marks what only the merchant knows with placeholders
 * (`【待填写】…`): a text holding one, or an object with one left in any language, is not filled yet.
 */
export function isFilled(value: unknown): boolean {
  if (typeof value === "string") return value.trim() !== "" && !isPlaceholder(value)
  if (Array.isArray(value)) return value.length > 0
  if (isObject(value)) {
    const values = Object.values(value)
    return values.some(isFilled) && !values.some((each) => typeof each === "string" && isPlaceholder(each))
  }
  return value !== undefined && value !== null
}

/**
 * True when the field at `path` is filled. A path that runs on past a value with no fields (a todo for
 * `handler.contact.email` while `handler.contact` is plain text) asks for that value.
 */
export function isFilledAt(root: unknown, path: string): boolean {
  let value = root
  for (const key of parsePath(path)) {
    if (typeof key === "number" ? !Array.isArray(value) : !isObject(value)) return value !== root && isFilled(value)
    value = (value as Record<PathKey, unknown>)[key]
  }
  return isFilled(value)
}
