/**
 * Script and iframe gating. `<script type="text/plain" data-zhiqing="analytics">` (inline or external) and
 * `<iframe data-zhiqing="marketing" data-src>` run once their purpose is allowed, in document order, including
 * elements added later.
 */
import { warn } from "./storage"

const SELECTOR = 'script[type="text/plain"][data-zhiqing],iframe[data-zhiqing][data-src]'

/**
 * The nonce of the script tag that loaded the SDK, read while that script runs (the only moment `currentScript`
 * names it). Under a nonce-based Content-Security-Policy, above all with 'strict-dynamic', a script the SDK inserts
 * runs with the SDK's trust; so once the SDK came with a nonce it releases only placeholders carrying that nonce,
 * or markup injected into the page (`<script type="text/plain" data-zhiqing>`) would become running script.
 */
export const loaderNonce = typeof document === "undefined" ? "" : ((document.currentScript as HTMLScriptElement | null)?.nonce ?? "")

export function createGate(allowed: (purpose: string) => boolean): { release(): void } {
  const started = new WeakSet<Element>()
  let running = false
  let again = false

  // One pass at a time: an external script must load before the next gated element runs, to keep document order.
  async function release(): Promise<void> {
    if (running) {
      again = true
      return
    }
    running = true
    do {
      again = false
      for (const element of Array.from(document.querySelectorAll<HTMLScriptElement | HTMLIFrameElement>(SELECTOR))) {
        if (started.has(element) || !allowed(element.dataset.zhiqing!) || !parsed(element)) continue
        started.add(element)
        if (element instanceof HTMLIFrameElement) element.src = element.dataset.src!
        else await runScript(element)
      }
    } while (again)
    running = false
  }

  const observer = new MutationObserver(() => void release())
  observer.observe(document.documentElement, { childList: true, subtree: true })
  document.addEventListener("DOMContentLoaded", () => void release())
  return { release: () => void release() }
}

/**
 * Whether the parser is done with an element. While the page is loading, the last node in the document may be one
 * whose text is still arriving; anything followed by another node is complete.
 */
function parsed(element: Element): boolean {
  if (document.readyState !== "loading") return true
  for (let node: Node | null = element; node; node = node.parentNode) if (node.nextSibling) return true
  return false
}

function runScript(placeholder: HTMLScriptElement): Promise<void> {
  if (loaderNonce && placeholder.nonce !== loaderNonce) {
    warn("a gated script without the page's nonce stays blocked", placeholder)
    return Promise.resolve()
  }
  const script = document.createElement("script")
  for (const { name, value } of Array.from(placeholder.attributes)) {
    if (name !== "type" && name !== "data-zhiqing") script.setAttribute(name, value)
  }
  // A header-delivered policy hides the nonce attribute (it reads ""); the property keeps it.
  script.nonce = placeholder.nonce
  const type = placeholder.dataset.type
  if (type) script.type = type
  script.text = placeholder.text
  const loaded = script.src
    ? new Promise<void>((done) => {
        script.onload = script.onerror = () => done()
      })
    : Promise.resolve()
  script.async = false
  placeholder.replaceWith(script)
  return loaded
}
