/**
 * The draft the inspector hands over: `#draft=<base64url of the UTF-8 JSON { config, todo, gating }>`, where
 * `config` is a merchant config as far as the inspector could fill it in, `todo` names the fields the merchant must
 * still fill and `gating` the tag edits for what the page loaded.
 */
import { base64url } from "../lib/draft/draft-link"
import type { GatingEdit, TodoItem } from "../lib/draft"
import type { Bilingual } from "../lib/words"
import { isObject, type JsonObject } from "./paths"

export type { GatingEdit, TodoItem as DraftTodo }

/** A draft as the configurator receives it: the inspector's, or any link's, whose config may be far from valid. */
export interface Draft {
  config: JsonObject
  todo: TodoItem[]
  gating: GatingEdit[]
}

export type DraftResult = { ok: true; draft: Draft; skipped: number } | { ok: false; error: Bilingual }

export const DRAFT_PREFIX = "#draft="

/** The URL fragment carrying `draft`. */
export function encodeDraft(draft: Draft): string {
  return DRAFT_PREFIX + base64url(JSON.stringify(draft))
}

/**
 * Read a draft from a URL fragment. Todo and gating entries of the wrong shape are left out and counted in
 * `skipped`, so the merchant is told; a fragment that is not a draft at all is an error, never a crash.
 */
export function decodeDraft(hash: string): DraftResult {
  const payload = hash.startsWith(DRAFT_PREFIX) ? hash.slice(DRAFT_PREFIX.length) : ""
  let parsed: unknown
  try {
    const binary = atob(payload.replace(/-/g, "+").replace(/_/g, "/"))
    const text = new TextDecoder("utf-8", { fatal: true }).decode(Uint8Array.from(binary, (char) => char.charCodeAt(0)))
    parsed = JSON.parse(text)
  } catch {
    return { ok: false, error: { "zh-CN": "链接中的草稿无法读取：不是 base64url 编码的 JSON。", en: "The draft in the link cannot be read: it is not base64url-encoded JSON." } }
  }
  if (!isObject(parsed) || !isObject(parsed.config)) {
    return { ok: false, error: { "zh-CN": "链接中的草稿没有 config 对象。", en: "The draft in the link has no config object." } }
  }
  const todoIn = Array.isArray(parsed.todo) ? parsed.todo : []
  const gatingIn = Array.isArray(parsed.gating) ? parsed.gating : []
  const todo = todoIn.filter(isTodo)
  const gating = gatingIn.filter(isGatingEdit)
  return { ok: true, draft: { config: parsed.config, todo, gating }, skipped: todoIn.length - todo.length + gatingIn.length - gating.length }
}

function isTodo(value: unknown): value is TodoItem {
  return isObject(value) && typeof value.path === "string" && isObject(value.message) && typeof value.message["zh-CN"] === "string" && typeof value.message.en === "string"
}

function isGatingEdit(value: unknown): value is GatingEdit {
  return isObject(value) && ["vendor", "purpose", "before", "after"].every((key) => typeof value[key] === "string")
}
