/**
 * Script and iframe gating. `<script type="text/plain" data-zhiqing="analytics">` (inline or external) and
 * `<iframe data-zhiqing="marketing" data-src>` run once their purpose is allowed, in document order, including
 * elements added later.
 */
const SELECTOR = 'script[type="text/plain"][data-zhiqing],iframe[data-zhiqing][data-src]'

export function createGate(allowed: (purpose: string) => boolean): { release(): void; stop(): void } {
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
      for (const element of Array.from(document.querySelectorAll(SELECTOR))) {
        const purpose = element.getAttribute("data-zhiqing")!
        if (started.has(element) || !allowed(purpose)) continue
        started.add(element)
        if (element instanceof HTMLIFrameElement) element.src = element.getAttribute("data-src")!
        else await runScript(element as HTMLScriptElement)
      }
    } while (again)
    running = false
  }

  const observer = new MutationObserver(() => void release())
  observer.observe(document.documentElement, { childList: true, subtree: true })
  return { release: () => void release(), stop: () => observer.disconnect() }
}

function runScript(placeholder: HTMLScriptElement): Promise<void> {
  const script = document.createElement("script")
  for (const { name, value } of Array.from(placeholder.attributes)) {
    if (name !== "type" && name !== "data-zhiqing") script.setAttribute(name, value)
  }
  const type = placeholder.getAttribute("data-type")
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
