/** The frame every dialog shares: dialog semantics, focus handling for modals, and the footer the law asks for. */
import type { ComponentChildren } from "preact"
import type { ConsentFlow, Locale, Receipt, RightsRequest } from "../schema"
import type { Decision, DialogHost, DialogView } from "./contract"
import type { Copy } from "./copy"
import { LANGUAGE_NAMES } from "./words"
import { download, pick, safeHref } from "./text"

/** One separate-consent question waiting for the shopper. */
export interface Ask {
  /** Tells two questions about the same item apart. */
  serial: number
  itemId: string
  flow: "separate" | "request"
  resolve(answer: boolean): void
}

/** A rights request being written; kept while the dialogs are mounted, so nothing typed is lost. */
export interface RightsForm {
  right: RightsRequest["right"]
  details: string
  contact: string
}

/** How the last rights request went: its ticket, or why it failed ("" when no reason is known). */
export type RightsStatus = { ticket: string } | { error: string }

/** What is on screen and what the shopper has entered so far; everything else is read from the engine. */
export interface Screen {
  banner: boolean
  view: DialogView | null
  /** Separate-consent questions, the first one shown, each on its own screen. */
  asks: Ask[]
  /** The shopper said they are under `minors.minAge`: dialogs address the guardian (PIPL-31). */
  guardian: boolean
  /** The preference centre's switches, from the stored decision when it opened. */
  choice: Record<string, boolean>
  form: RightsForm
  status: RightsStatus | null
  busy: boolean
  receipts: Receipt[]
}

/** What every dialog needs from the mounted UI. */
export interface Ctx {
  host: DialogHost
  locale: Locale
  c: Copy
  screen: Screen
  /** Under-age and the merchant asks about minors: every dialog addresses the guardian (PIPL-31). */
  guardian: boolean
  update(change: Partial<Screen>): void
  /** Open a modal view (set up from the engine's state), or close it with null. */
  go(view: DialogView | null): void
  /** Ask one separate item on its own screen, on top of whatever is open. */
  ask(itemId: string): void
  /** Take a question off the screen now, and tell whoever asked once the answer is known. */
  settle(ask: Ask, answer: boolean | Promise<boolean>): void
  /**
   * Record the answer given with a control of a dialog, with that dialog's text as the notice the shopper saw and a
   * note when their guardian answered; a general one (no `separate`) also closes the first layer.
   */
  record(event: Event, answer: Answer): Promise<unknown>
}

/** A decision as a dialog hands it over; the notice hash and the guardian are the mounted UI's to add. */
export type Answer = Omit<Decision, "noticeHash" | "given"> & { flow: ConsentFlow; control: string }

/** The text of the dialog a control sits in: what the shopper saw when deciding (ISO29184-LANG). */
export function dialogText(event: Event): string {
  return (event.currentTarget as HTMLElement).closest("[role=dialog]")?.textContent ?? ""
}

/** Save the dialog as the shopper sees it, line breaks included, so they can keep or print it (PIPL-17-2). */
function saveNotice(event: Event): void {
  const dialog = (event.currentTarget as HTMLElement).closest<HTMLElement>("[role=dialog]")
  if (dialog) download("privacy-notice.txt", dialog.innerText, "text/plain;charset=utf-8")
}

const FOCUSABLE = "a[href],button:not(:disabled),input:not(:disabled),select:not(:disabled),textarea:not(:disabled)"

/** Keep Tab and Shift+Tab inside a modal dialog. */
function trapTab(event: KeyboardEvent, dialog: HTMLElement): void {
  const items = Array.from(dialog.querySelectorAll<HTMLElement>(FOCUSABLE))
  const active = (dialog.getRootNode() as Document | ShadowRoot).activeElement
  const edge = event.shiftKey ? (active === items[0] || active === dialog ? items.at(-1) : null) : active === items.at(-1) ? items[0] : null
  if (!edge) return
  event.preventDefault()
  edge.focus()
}

interface DialogProps {
  ctx: Ctx
  /** The id of the heading that names the dialog. */
  labelId: string
  /** Makes the dialog modal: a backdrop, focus kept inside, Escape and a close button. Focus moves in and back in index.tsx. */
  onClose?: () => void
  /** Kept in the page but not shown, while a dialog above it is open. */
  hidden?: boolean
  children: ComponentChildren
}

/** A dialog; modal when it has `onClose`, otherwise the non-modal first layer. */
export function Dialog({ ctx, labelId, onClose, hidden, children }: DialogProps) {
  const onKeyDown = (event: KeyboardEvent) => {
    if (!onClose) return
    if (event.key === "Escape") {
      event.stopPropagation()
      onClose()
    } else if (event.key === "Tab") trapTab(event, event.currentTarget as HTMLElement)
  }
  const dialog = (
    <div
      role="dialog"
      aria-modal={!!onClose}
      aria-labelledby={labelId}
      tabIndex={-1}
      class={(onClose ? "zq-m" : "zq-b") + (hidden && !onClose ? " zq-h" : "")}
      onKeyDown={onKeyDown}
    >
      {onClose && (
        <button class="zq-x" aria-label={ctx.c.close} onClick={onClose}>
          ×
        </button>
      )}
      {children}
      <Footer ctx={ctx} />
    </div>
  )
  return onClose ? <div class={hidden ? "zq-bd zq-h" : "zq-bd"}>{dialog}</div> : dialog
}

/** The policy link, a copy of the notice to keep (PIPL-17-2) and the language switch, in every dialog. */
function Footer({ ctx }: { ctx: Ctx }) {
  const { host, locale, c } = ctx
  const href = safeHref(pick(host.config.policy.url, locale))
  return (
    <div class="zq-foot">
      {href && (
        <a class="zq-a" href={href} target="_blank" rel="noopener">
          {c.policy}
        </a>
      )}
      <button class="zq-a" onClick={saveNotice}>
        {c.save}
      </button>
      {host.config.locales
        .filter((other) => other !== locale)
        .map((other) => (
          <button
            class="zq-a"
            lang={other}
            key={other}
            onPointerEnter={() => host.prepareLocale(other)}
            onFocus={() => host.prepareLocale(other)}
            onClick={() => host.setLocale(other)}
          >
            {LANGUAGE_NAMES[other]}
          </button>
        ))}
    </div>
  )
}
