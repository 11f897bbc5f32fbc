/** Filling a draft's to-do paths the way a merchant would: the unit and end-to-end tests check the draft then validates. */
import type { Draft } from "../extension/lib/draft/build-draft"

/** `purposes[1].retention` → ["purposes", 1, "retention"] */
const keys = (path: string): Array<string | number> => path.split(/\.|(?=\[)/).map((part) => (part.startsWith("[") ? Number(part.slice(1, -1)) : part))

type Container = Record<string | number, unknown>

export function valueAt(root: unknown, path: string): unknown {
  return keys(path).reduce<unknown>((value, key) => (value as Container | undefined)?.[key], root)
}

function setAt(root: unknown, path: string, value: unknown): void {
  const parts = keys(path)
  const parent = parts.slice(0, -1).reduce<unknown>((value, key) => (value as Container)[key], root)
  ;(parent as Container)[parts.at(-1)!] = value
}

/** What a merchant would write at a to-do path; a list the merchant is asked to check stays as it is. */
function plausible(path: string, current: unknown): unknown {
  if (Array.isArray(current)) return current
  if (path.endsWith(".country")) return "JP"
  if (path.endsWith("contact")) return "privacy@example.cn"
  if (/^policy\.url\./.test(path)) return "/privacy"
  if (path === "policy.version") return "2026-12"
  if (path.endsWith(".assessment")) return "PIA-2026-07"
  return { "zh-CN": "商家填写的说明", en: "The merchant's own words" }
}

/** The draft's config with every to-do path filled. */
export function fillTodo(draft: Draft): unknown {
  const config = structuredClone(draft.config)
  for (const { path } of draft.todo) setAt(config, path, plausible(path, valueAt(config, path)))
  return config
}
