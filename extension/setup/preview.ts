/**
 * The preview page (preview.html?lang=zh-CN|en): asks its parent, the configurator, for the config (see
 * preview-protocol.ts), isolates the SDK's storage and loads the real SDK next to this file, so the dialog shows as a
 * shopper would see it.
 */
import { isPreviewConfigMessage, PREVIEW_READY } from "./preview-protocol"
import { isolateStorage } from "./sandbox"

const lang = new URLSearchParams(location.search).get("lang") === "en" ? "en" : "zh-CN"
document.documentElement.lang = lang

if (window.parent === window) {
  document.body.textContent = lang === "en" ? "Open the configurator to see a preview." : "请打开配置器查看预览。"
} else {
  let started = false
  window.addEventListener("message", (event) => {
    if (started || event.source !== window.parent || !isPreviewConfigMessage(event.data)) return
    started = true
    isolateStorage(window)
    ;(window as Window & { zhiqingConfig?: unknown }).zhiqingConfig = event.data.zhiqingPreviewConfig
    const script = document.createElement("script")
    script.src = "zhiqing.js"
    document.body.append(script)
  })
  window.parent.postMessage(PREVIEW_READY, "*")
}
