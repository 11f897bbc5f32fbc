/**
 * The consent dialogs: the first layer, the preference centre, separate consent, the rights view and the floating
 * privacy-settings button, rendered with Preact into `#zhiqing-root` (in an open shadow root unless the merchant
 * turns it off). They only show and ask; every rule and all storage stay with the engine behind {@link DialogHost}.
 */
import { render } from "preact"
import { Banner } from "./banner"
import type { MountDialogs } from "./contract"
import { loaderNonce } from "../core/gate"
import { COPY } from "./copy"
import type { Ask, Ctx, Screen } from "./dialog"
import { Preferences } from "./preferences"
import { Rights } from "./rights"
import { Separate } from "./separate"
import { stylesheet } from "./styles"

/** The focused element, looking inside shadow roots. */
function deepActiveElement(): HTMLElement | null {
  let active = document.activeElement
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement
  return active as HTMLElement | null
}

/** Mount the dialogs for one page; the engine calls this once and drives them through the returned {@link Dialogs}. */
export const mountDialogs: MountDialogs = (host, options) => {
  const element = document.createElement("div")
  element.id = "zhiqing-root"
  for (const [name, value] of Object.entries(options.theme)) {
    if (name.startsWith("--zq-")) element.style.setProperty(name, value)
  }
  const root = options.shadowDom ? element.attachShadow({ mode: "open" }) : element
  const style = document.createElement("style")
  // Under a nonce-based Content-Security-Policy the stylesheet needs the nonce the SDK's script tag came with.
  style.nonce = loaderNonce
  style.textContent = stylesheet(options.shadowDom)
  const mount = document.createElement("div")
  root.append(style, mount)
  ;(document.body ?? document.documentElement).append(element)

  let screen: Screen = {
    banner: false,
    view: null,
    asks: [],
    guardian: false,
    choice: {},
    form: { right: "access", details: "", contact: "" },
    status: null,
    busy: false,
    receipts: []
  }
  // Each open modal and where focus goes back when it closes: the control that opened it.
  let modals: Array<{ key: string; back: HTMLElement | null }> = []
  let asked = 0

  const update = (change: Partial<Screen>) => {
    screen = { ...screen, ...change }
    draw()
  }
  const enqueue = (ask: Omit<Ask, "serial">) => update({ asks: [...screen.asks, { ...ask, serial: ++asked }] })
  const go: Ctx["go"] = (view) => {
    if (view === screen.view) return
    if (view === "rights") host.receipts().then((receipts) => update({ receipts }), () => undefined)
    const stored = host.state()?.purposes
    const choice = Object.fromEntries(host.config.purposes.map((purpose) => [purpose.id, !!purpose.required || stored?.[purpose.id] === true]))
    update({ view, choice, status: null })
  }

  const draw = () => {
    const locale = host.locale()
    const ctx: Ctx = {
      host,
      locale,
      c: COPY[locale],
      screen,
      guardian: screen.guardian && !!host.config.minors,
      update,
      go,
      ask: (itemId) => enqueue({ itemId, flow: "separate", resolve: () => undefined }),
      settle: (ask, answer) => {
        update({ asks: screen.asks.filter((other) => other !== ask) })
        void Promise.resolve(answer).then(ask.resolve)
      },
      record: (decision) => {
        if (!decision.separate) update({ banner: false })
        return host.decide(decision)
      }
    }
    const top = screen.asks[0]
    const before = deepActiveElement()
    render(
      <div class="zq" lang={locale}>
        {screen.banner && <Banner ctx={ctx} hidden={!!top || !!screen.view} />}
        {screen.view === "preferences" && <Preferences ctx={ctx} hidden={!!top} />}
        {screen.view === "rights" && <Rights ctx={ctx} hidden={!!top} />}
        {top && <Separate ctx={ctx} ask={top} hidden={false} key={top.serial} />}
        {options.floatingButton && (
          <button class="zq-fab" aria-label={ctx.c.prefsTitle} onClick={() => go("preferences")}>
            <svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true">
              <path d="M12 2 4 5v6c0 5 3.4 9.7 8 11 4.6-1.3 8-6 8-11V5zm-1 13-3.5-3.5 1.4-1.4 2.1 2.1 4.6-4.6 1.4 1.4z" fill="currentColor" />
            </svg>
          </button>
        )}
      </div>,
      mount
    )
    moveFocus([screen.view ?? "", ...screen.asks.slice(0, 1).map((ask) => `ask${ask.serial}`)].filter(Boolean), before)
  }

  /** Focus into a modal that just opened, and back to what opened it once it closes (WCAG 2.4.3). */
  const moveFocus = (open: string[], before: HTMLElement | null) => {
    const closed = modals.filter((modal) => !open.includes(modal.key))
    modals = modals.filter((modal) => open.includes(modal.key))
    const back = closed[0]?.back
    const opened = open.filter((key) => !modals.some((modal) => modal.key === key))
    for (const key of opened) modals.push({ key, back: back ?? before })
    if (opened.length) mount.querySelector<HTMLElement>(".zq-bd:not(.zq-h) [role=dialog]")?.focus()
    else if (closed.length) (back?.isConnected ? back : mount.querySelector<HTMLElement>(".zq-fab"))?.focus()
  }

  const unsubscribe = host.subscribe(draw)
  const close = () => {
    for (const ask of screen.asks) ask.resolve(false)
    update({ banner: false, view: null, asks: [] })
  }
  draw()

  return {
    showBanner: () => update({ banner: true }),
    open: go,
    ask: (itemId, flow) =>
      new Promise((resolve) => {
        if (host.config.separate?.some((item) => item.id === itemId)) enqueue({ itemId, flow, resolve })
        else resolve(false)
      }),
    close,
    destroy: () => {
      close()
      unsubscribe()
      render(null, mount)
      element.remove()
    }
  }
}
