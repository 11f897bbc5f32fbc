import type { ConsentState, Locale } from "./schema"
import type { DialogView } from "./ui/contract"

/** A signed-in shopper, for cross-device sync: the merchant's server signs the id (see the ledger's signSubject). */
export interface SubjectToken {
  id: string
  token: string
}

/** `window.Zhiqing`: the SDK's whole public API. */
export interface ZhiqingApi {
  /** Start with a config (the script tag does this for you). Resolves once a decision is known. */
  init(config: unknown, options?: { subject?: SubjectToken }): Promise<ConsentState>
  /** The state once a decision is known, stored or made. */
  readonly ready: Promise<ConsentState>
  /** The current decision, or null when there is none yet. */
  get(): ConsentState | null
  /** Is this purpose or separate-consent item granted now? False for everything until a valid decision. */
  allowed(id: string): boolean
  /** Reopen the preference centre (default) or the rights page. */
  open(view?: DialogView): void
  /** Ask, just in time, for one separate-consent item; resolves with the shopper's answer. */
  request(itemId: string): Promise<boolean>
  /** Withdraw one purpose or item, or everything that is not required. */
  withdraw(id?: string): Promise<void>
  /** Read or switch the dialog language. */
  locale(lang?: Locale): Locale
  /** Be told of every new state; returns the unsubscribe function. */
  on(event: "change", listener: (state: ConsentState) => void): () => void
}
