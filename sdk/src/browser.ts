/**
 * The script tag's entry (dist/zhiqing.js). Builds `window.Zhiqing`, starts it with the config from `data-config`
 * or `window.zhiqingConfig`, and replays calls made before it loaded (a queued `init` is the config then).
 */
import type { ZhiqingApi } from "./api"
import { createZhiqing } from "./engine"
import { mountDialogs } from "./ui"

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
  const api = createZhiqing(mountDialogs)
  page.Zhiqing = api
  const queue = existing?.q ?? []
  const source = (document.currentScript as HTMLScriptElement | null)?.dataset.config
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
