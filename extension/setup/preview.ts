/**
 * The preview page (preview.html?lang=zh-CN|en): reads the config its parent, the configurator, has published,
 * isolates the SDK's storage and loads the real SDK next to this file, so the dialog shows as a shopper would see it.
 */
import { isolateStorage } from "./sandbox"

/** What the configurator publishes on its window for the preview frames, which share its origin. */
export interface PreviewHost {
  zhiqingPreviewConfig?: unknown
}

const lang = new URLSearchParams(location.search).get("lang") === "en" ? "en" : "zh-CN"
document.documentElement.lang = lang

function publishedConfig(): unknown {
  try {
    const config = (window.parent as Window & PreviewHost).zhiqingPreviewConfig
    // A copy made in this window's own realm, so the SDK neither shares nor changes the configurator's objects.
    return config === undefined ? undefined : JSON.parse(JSON.stringify(config))
  } catch {
    return undefined
  }
}

const config = publishedConfig()
if (config === undefined) {
  document.body.textContent = lang === "en" ? "Open the configurator to see a preview." : "请打开配置器查看预览。"
} else {
  isolateStorage(window)
  ;(window as Window & { zhiqingConfig?: unknown }).zhiqingConfig = config
  const script = document.createElement("script")
  script.src = "zhiqing.js"
  document.body.append(script)
}
