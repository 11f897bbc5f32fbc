/**
 * The script tag's entry (dist/zhiqing.js): the core. Builds `window.Zhiqing`, starts it with the config from
 * `data-config` or `window.zhiqingConfig`, and replays calls made before it loaded (a queued `init` is the config
 * then). The dialogs are a chunk beside this file (build.mjs); a shopper without a stored decision needs them, so
 * their download starts at once, alongside the config's, and a returning shopper never downloads them.
 */
import type { ZhiqingApi } from "./api"
import { chunkLoader, type ChunkFile } from "./core/chunk"
import { logError, storedRecordText, warn } from "./core/storage"
import { createZhiqing } from "./engine"

declare const __DIALOGS_CHUNK__: ChunkFile | undefined
/** Set by build.mjs; run from source (unit tests), the chunk is whatever core/chunk.ts is made to load. */
const CHUNK: ChunkFile = typeof __DIALOGS_CHUNK__ === "object" ? __DIALOGS_CHUNK__ : { file: "zhiqing-dialogs.js", integrity: "" }

type Queued = { q?: Array<[keyof ZhiqingApi, ArrayLike<unknown>]> }
const page = window as unknown as { Zhiqing?: ZhiqingApi & Queued; zhiqingConfig?: unknown }

function loadConfig(source: string): Promise<unknown> {
  return fetch(source)
    .then((response) => (response.ok ? response.json() : Promise.reject(new Error(`HTTP ${response.status}`))))
    .catch((error: unknown) => {
      logError(`could not load the config from ${source}; nothing is consented or unblocked`, error)
      return null
    })
}

function install(): void {
  const existing = page.Zhiqing
  if (existing && typeof existing.get === "function" && !existing.q) {
    warn("the script is loaded twice; the first copy stays")
    return
  }
  const tag = document.currentScript as HTMLScriptElement | null
  // The chunk sits beside the script tag, wherever that is served from (a folder of the shop, a CDN).
  const base = tag?.src || document.baseURI
  // The dialogs, with the words of every locale and the SHA-256 for pages without crypto.subtle.
  const loadChunk = chunkLoader(CHUNK, base)
  // Without a stored decision the dialogs are needed: fetch them now. The record is checked once the config is
  // there; one that turns out unreadable loads the dialogs then.
  if (!storedRecordText()) loadChunk().catch(() => undefined)
  const api = createZhiqing(loadChunk, () => loadChunk().then((chunk) => chunk.sha256))
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
      logError(`the queued call ${String(method)}() failed`, error)
    }
  }
}

install()
