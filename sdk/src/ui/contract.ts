/**
 * The seam between the framework-free consent engine and the Preact dialogs. The engine owns every rule and all
 * storage; the dialogs only show text, collect the shopper's answers and hand them to the engine as a Decision.
 */
import type { Config, ConsentFlow, ConsentState, Locale, Receipt, RightsRequest } from "../schema"

/** One answer from the shopper, handed to the engine to record. */
export interface Decision {
  /** Optional purposes by id; the engine forces `required` purposes on whatever is passed. */
  purposes: Record<string, boolean>
  /** Separate-consent items answered on their own screen; items not listed keep their previous answer. */
  separate?: Record<string, boolean>
  given: { flow: ConsentFlow; control: string; guardian?: boolean }
  /** The exact text of the notice the shopper saw when deciding; the engine stores its SHA-256 (ISO29184-LANG). */
  noticeText: string
}

/** What the dialogs may read from and ask of the engine. */
export interface DialogHost {
  readonly config: Config
  locale(): Locale
  setLocale(locale: Locale): void
  /** The current decision, or null before the first one. */
  state(): ConsentState | null
  /** Purposes the stored decision does not cover yet (new purposes, PIPL-14-2); empty on a first visit. */
  newPurposes(): string[]
  /** The stored decision was made under an older policy version (PIPL-17-3). */
  policyChanged(): boolean
  /** Record a decision: store it, gate scripts, broadcast it, queue its receipt. */
  decide(decision: Decision): Promise<ConsentState>
  /** This shopper's receipts on this device, oldest first. */
  receipts(): Promise<Receipt[]>
  /** Send a rights request to the merchant's ledger; resolves with its ticket id, rejects with a readable Error. */
  submitRights(request: Omit<RightsRequest, "subject">): Promise<{ ticket: string }>
  /** Called on every change of state or locale, also when another tab decided. */
  subscribe(listener: () => void): () => void
}

export type DialogView = "preferences" | "rights"

/** What the engine may ask of the dialogs. */
export interface Dialogs {
  /** The first layer (or, when the policy or purposes changed, the re-ask layer). */
  showBanner(): void
  open(view: DialogView): void
  /**
   * One separate-consent item on its own screen (C, D, H in pipl-requirements.md). Records the answer through
   * `host.decide` and resolves with it; closing the dialog without answering resolves false and records nothing.
   */
  ask(itemId: string, flow: "separate" | "request"): Promise<boolean>
  /** Close whatever is open (e.g. another tab decided). The floating button stays. */
  close(): void
  /** Remove everything the dialogs added to the page. */
  destroy(): void
}

export interface DialogOptions {
  /** Render inside an open Shadow DOM (default) or straight into the page. */
  shadowDom: boolean
  floatingButton: boolean
  /** CSS custom properties (`--zq-…`) set on the dialog root. */
  theme: Record<string, string>
}

export type MountDialogs = (host: DialogHost, options: DialogOptions) => Dialogs
