/**
 * The script tag's entry (dist/zhiqing.js): the core. Builds `window.Zhiqing`, starts it with the config from
 * `data-config` or `window.zhiqingConfig`, and replays calls made before it loaded (a queued `init` is the config
 * then). The dialogs and their words (one file per locale) are chunks beside this file (build.mjs); a shopper
 * without a stored decision needs them, so their download starts at once, alongside the config's, and a returning
 * shopper never downloads them.
 */
import type { ZhiqingApi } from "./api"
import { chunkLoaders, type ScriptChunks } from "./core/chunk"
import { logError, pinnedConfig, storedRecordText, storePinnedConfig, warn } from "./core/storage"
import { createZhiqing, pickLocale } from "./engine"
import type { Locale } from "./schema"

declare const __CHUNKS__: ScriptChunks | undefined
/** Set by build.mjs; run from source (unit tests), the chunks are whatever core/chunk.ts is made to load. */
const CHUNKS: ScriptChunks =
  typeof __CHUNKS__ === "object"
    ? __CHUNKS__
    : { dialogs: { file: "zhiqing-dialogs.js", integrity: "" }, words: { "zh-CN": { file: "zhiqing-words-zh-CN.js", integrity: "" }, en: { file: "zhiqing-words-en.js", integrity: "" } } }

type Queued = { q?: Array<[keyof ZhiqingApi, ArrayLike<unknown>]> }
const page = window as unknown as { Zhiqing?: ZhiqingApi & Queued; zhiqingConfig?: unknown }

/**
 * The config at `source`; with `pin` (data-config-integrity) the browser refuses a file that does not match it, and
 * the file is kept for the next page. Null, with a console error, when it cannot be had.
 */
function loadConfig(source: string, pin: string | undefined): Promise<unknown> {
  return fetch(source, { integrity: pin })
    .then((response) => (response.ok ? response.text() : Promise.reject(new Error(`HTTP ${response.status}`))))
    .then((text) => {
      if (pin) storePinnedConfig(pin, text)
      return JSON.parse(text) as unknown
    })
    .catch((error: unknown) => {
      // A file that does not match the pin is named, with its actual hash, in the browser's own console error.
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
  // The chunks sit beside the script tag, wherever that is served from (a folder of the shop, a CDN).
  const base = tag?.src || document.baseURI
  // The dialogs, with the SHA-256 for pages without crypto.subtle, and each locale's words.
  const chunks = chunkLoaders(CHUNKS, base)
  // Without a stored decision the dialogs are needed: fetch them now, with the words of the language the shopper
  // will most likely be shown (the config, which may not offer it, is still on its way). The record is checked
  // once the config is there; one that turns out unreadable loads the dialogs then.
  if (!storedRecordText()) chunks.withWords(pickLocale(Object.keys(CHUNKS.words) as Locale[], undefined)).catch(() => undefined)
  const api = createZhiqing(chunks.withWords, () => chunks.dialogs().then((chunk) => chunk.sha256))
  page.Zhiqing = api
  const queue = existing?.q ?? []
  const source = tag?.dataset.config
  const pin = tag?.dataset.configIntegrity
  // A page that pins its config file by hash needs no fetch once this device has that file: a returning shopper's
  // gated scripts run while the script tag runs, as with an inline config.
  const pinned = source && pin ? pinnedConfig(pin) : undefined
  if (pinned !== undefined) void api.init(pinned)
  else if (source) void loadConfig(source, pin).then((config) => api.init(config))
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
