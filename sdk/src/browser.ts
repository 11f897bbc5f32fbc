/**
 * The script tag's entry (dist/zhiqing.js): the core. Builds `window.Zhiqing`, starts it with the config from
 * `data-config` or `window.zhiqingConfig`, and replays calls made before it loaded (a queued `init` is the config
 * then). The dialogs are a chunk beside this file (build.mjs); a shopper without a stored decision needs them, so
 * their download starts at once, alongside the config's, and a returning shopper never downloads them.
 */
import type { ZhiqingApi } from "./api"
import { chunkLoader, dialogsModule, sha256Function, wordsOf, type ChunkFile, type DialogChunks } from "./core/chunk"
import { storedRecordText } from "./core/storage"
import { createZhiqing, pickLocale } from "./engine"
import type { Locale } from "./schema"

declare const __DIALOG_CHUNKS__: DialogChunks | undefined
/** Set by build.mjs; run from source (unit tests), the chunks are whatever core/chunk.ts is made to load. */
const CHUNKS: DialogChunks =
  typeof __DIALOG_CHUNKS__ === "object" ? __DIALOG_CHUNKS__ : { dialogs: { file: "zhiqing-dialogs.js", integrity: "" }, words: {}, sha256: { file: "zhiqing-sha256.js", integrity: "" } }

type Queued = { q?: Array<[keyof ZhiqingApi, ArrayLike<unknown>]> }
const page = window as unknown as { Zhiqing?: ZhiqingApi & Queued; zhiqingConfig?: unknown }

function loadConfig(source: string): Promise<unknown> {
  return fetch(source)
    .then((response) => (response.ok ? response.json() : Promise.reject(new Error(`HTTP ${response.status}`))))
    .catch((error: unknown) => {
      console.error(`[zhiqing] could not load the config from ${source}; nothing is consented and nothing unblocked.`, error)
      return null
    })
}

function install(): void {
  const existing = page.Zhiqing
  if (existing && typeof existing.get === "function" && !existing.q) {
    console.warn("[zhiqing] the script is loaded twice; the first copy stays in charge")
    return
  }
  const tag = document.currentScript as HTMLScriptElement | null
  // The chunks sit beside the script tag, wherever that is served from (a folder of the shop, a CDN).
  const base = tag?.src || document.baseURI
  const dialogs = chunkLoader(CHUNKS.dialogs, base, dialogsModule)
  const words: Partial<Record<Locale, () => Promise<unknown>>> = {}
  for (const [locale, chunk] of Object.entries(CHUNKS.words) as Array<[Locale, ChunkFile]>) words[locale] = chunkLoader(chunk, base, () => wordsOf(locale))
  // The dialogs, with the words of the locale they are to speak.
  const loadDialogs = (locale: Locale) => Promise.all([dialogs(), words[locale]?.()]).then(([module]) => module)
  // Without a stored decision the dialogs are needed: fetch them now, in the language they will most likely speak.
  // The record is checked once the config is there; one that turns out unreadable loads the dialogs then.
  if (!storedRecordText()) loadDialogs(pickLocale(["zh-CN", "en"], undefined)).catch(() => undefined)
  const api = createZhiqing(loadDialogs, chunkLoader(CHUNKS.sha256, base, sha256Function))
  page.Zhiqing = api
  const queue = existing?.q ?? []
  const source = tag?.dataset.config
  if (source) void loadConfig(source).then((config) => api.init(config))
  // Without either, the page calls Zhiqing.init(config) itself (or has queued it); until then nothing is unblocked.
  else if (page.zhiqingConfig !== undefined) void api.init(page.zhiqingConfig)
  for (const [method, args] of queue) {
    try {
      void (api[method] as (...values: unknown[]) => unknown)(...Array.from(args))
    } catch (error) {
      console.error(`[zhiqing] the queued call ${String(method)}() failed`, error)
    }
  }
}

install()
