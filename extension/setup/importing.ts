/**
 * Importing an existing config to edit, from a file or pasted text. Anything that is a JSON object is taken as it
 * is, unknown and wrongly shaped fields included, so validation names them by field and nothing is dropped.
 */
import type { Bilingual } from "../lib/words"
import { isObject, type JsonObject } from "./paths"

export type ImportResult = { ok: true; config: JsonObject } | { ok: false; error: Bilingual }

export function parseImport(text: string): ImportResult {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error)
    return { ok: false, error: { "zh-CN": `不是有效的 JSON：${detail}`, en: `This is not valid JSON: ${detail}` } }
  }
  if (!isObject(value)) {
    return {
      ok: false,
      error: {
        "zh-CN": "这不是知情配置：配置应是一个包含 handler、policy、locales 和 purposes 的 JSON 对象。",
        en: "This is not a Zhiqing config: a config is a JSON object with handler, policy, locales and purposes."
      }
    }
  }
  return { ok: true, config: value }
}
