/**
 * The script tag's entry (dist/zhiqing.js). Builds `window.Zhiqing`, replays calls made before it loaded, and
 * starts with the config from `data-config` or `window.zhiqingConfig`.
 */
import type { ZhiqingApi } from "./api"
import { createZhiqing } from "./engine"
import { mountDialogs } from "./ui"

type Queued = { q?: Array<[keyof ZhiqingApi, ArrayLike<unknown>]> }
const page = window as unknown as { Zhiqing?: ZhiqingApi & Queued; zhiqingConfig?: unknown }

function install(): void {
  const existing = page.Zhiqing
  if (existing && typeof existing.get === "function" && !existing.q) {
    console.warn("[zhiqing] the script is loaded twice; the first copy stays in charge")
    return
  }
  const api = createZhiqing(mountDialogs)
  page.Zhiqing = api
  const script = document.currentScript as HTMLScriptElement | null
  const source = script?.dataset.config
  const config: Promise<unknown> = source
    ? fetch(source).then((response) => (response.ok ? response.json() : Promise.reject(new Error(`HTTP ${response.status}`))))
    : Promise.resolve(page.zhiqingConfig)
  config
    .catch((error: unknown) => {
      console.error(`[zhiqing] could not load the config from ${source}; nothing is consented and nothing unblocked.`, error)
      return undefined
    })
    .then((input) => api.init(input ?? null))
  for (const [method, args] of existing?.q ?? []) (api[method] as (...values: unknown[]) => unknown)(...Array.from(args))
}

install()
