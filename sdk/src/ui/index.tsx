/**
 * The consent dialogs: the first layer, the preference centre, separate consent and the rights view, rendered with
 * Preact into the frame the engine drew (`#zhiqing-root`, core/frame.ts). The script tag loads them as a chunk of
 * their own, only when they are needed. They only show and ask; every rule and all storage stay with the engine
 * behind {@link DialogHost}.
 */
import { render } from "preact"
import { sha256 } from "../core/hash"
import { Banner } from "./banner"
import type { MountDialogs } from "./contract"
import { wordsFor } from "./words"
import { dialogText, type Ask, type Ctx, type Screen } from "./dialog"
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
export const mountDialogs: MountDialogs = (host, frame) => {
  const style = frame.style(stylesheet("host" in frame.root))
  const mount = document.createElement("div")
  // Before the floating button, so that Tab reaches a dialog's controls first.
  frame.root.prepend(style, mount)

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
      c: wordsFor(locale),
      screen,
      guardian: screen.guardian && !!host.config.minors,
      update,
      go,
      ask: (itemId) => enqueue({ itemId, flow: "separate", resolve: () => undefined }),
      settle: (ask, answer) => {
        update({ asks: screen.asks.filter((other) => other !== ask) })
        void Promise.resolve(answer).then(ask.resolve)
      },
      record: async (event, { flow, control, ...decision }) => {
        // The dialog's text is read while the event is being handled: the dialog may be gone once it is recorded.
        const noticeText = dialogText(event)
        if (!decision.separate) update({ banner: false })
        return host.decide({
          ...decision,
          given: { flow, control, ...(ctx.guardian && { guardian: true }) },
          noticeHash: await sha256(noticeText, host.sha256)
        })
      }
    }
    const top = screen.asks[0]
    const before = deepActiveElement()
    render(
      <div class="zq" lang={locale}>
        {screen.banner && <Banner ctx={ctx} hidden={!!top || !!screen.view} />}
        {screen.view === "preferences" && <Preferences ctx={ctx} hidden={!!top} />}
        {screen.view === "rights" && <Rights ctx={ctx} hidden={!!top} />}
        {top && <Separate ctx={ctx} ask={top} key={top.serial} />}
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
    else if (closed.length) (back?.isConnected ? back : frame.fab)?.focus()
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
      mount.remove()
      style.remove()
    }
  }
}
