/**
 * The dialogs' frame, drawn by the script tag itself: `#zhiqing-root` (in an open shadow root unless the merchant
 * turns it off) with the merchant's theme, and the floating privacy-settings button. A returning shopper needs no
 * more than this, so it costs no dialog code; the dialogs render into it once they are loaded (ui/index.tsx).
 */
import type { Locale } from "../schema"
import type { DialogFrame } from "../ui/contract"
import { loaderNonce } from "./gate"

// The button's colours are the dialogs' custom properties (their defaults come with the dialogs' stylesheet), so a
// merchant's theme reaches it too.
const FAB_STYLES =
  ".zq-fab{position:fixed;z-index:calc(var(--zq-z,2147483000) - 1);left:16px;bottom:16px;width:48px;height:48px;padding:0;" +
  "box-sizing:border-box;border:2px solid #fff;border-radius:50%;background:var(--zq-accent,#0b57d0);color:var(--zq-on-accent,#fff);" +
  "box-shadow:0 2px 12px #0005;cursor:pointer}"

/** The floating button's name: the preference centre's title, which it opens. */
const SETTINGS_LABEL: Record<Locale, string> = { "zh-CN": "隐私设置", en: "Privacy settings" }

/** The config's `ui` options that shape the frame; the first two default to on. */
export interface FrameOptions {
  shadowDom?: boolean
  floatingButton?: boolean
  /** CSS custom properties (`--zq-…`) set on the dialog root. */
  theme?: Record<string, string>
}

export interface Frame extends DialogFrame {
  /** Name the floating button in the shopper's language. */
  setLocale(locale: Locale): void
}

/** A `<style>` with the SDK's nonce: under a nonce-based Content-Security-Policy, `style-src` needs only that. */
export function styleElement(css: string): HTMLStyleElement {
  const style = document.createElement("style")
  style.nonce = loaderNonce
  style.textContent = css
  return style
}

/** Draw the frame into the page; `openSettings` is what the floating button does. */
export function createFrame(options: FrameOptions, locale: Locale, openSettings: () => void): Frame {
  const element = document.createElement("div")
  element.id = "zhiqing-root"
  // The config's schema admits only `--zq-…` names here.
  for (const [name, value] of Object.entries(options.theme ?? {})) element.style.setProperty(name, value)
  const root = options.shadowDom !== false ? element.attachShadow({ mode: "open" }) : element
  root.append(styleElement(FAB_STYLES))
  let button: HTMLButtonElement | null = null
  if (options.floatingButton !== false) {
    button = document.createElement("button")
    button.className = "zq-fab"
    button.innerHTML =
      '<svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true"><path d="M12 2 4 5v6c0 5 3.4 9.7 8 11 4.6-1.3 8-6 8-11V5zm-1 13-3.5-3.5 1.4-1.4 2.1 2.1 4.6-4.6 1.4 1.4z" fill="currentColor"/></svg>'
    button.onclick = openSettings
    root.append(button)
  }
  ;(document.body ?? document.documentElement).append(element)
  const setLocale = (next: Locale) => {
    if (!button) return
    button.lang = next
    button.setAttribute("aria-label", SETTINGS_LABEL[next])
  }
  setLocale(locale)
  return { root, fab: button, style: styleElement, setLocale }
}
