/**
 * The seam between the framework-free consent engine and the Preact dialogs. The engine owns every rule and all
 * storage; the dialogs only show text, collect the shopper's answers and hand them to the engine as a Decision.
 */
import type { ConfigIssue } from "../config-rules"
import type { Sha256 } from "../core/hash"
import type { Config, ConsentFlow, ConsentState, Locale, Receipt } from "../schema"

/** One answer from the shopper, handed to the engine to record. */
export interface Decision {
  /** Optional purposes by id; the engine forces `required` purposes on whatever is passed. */
  purposes: Record<string, boolean>
  /** Separate-consent items answered on their own screen; items not listed keep their previous answer. */
  separate?: Record<string, boolean>
  given: { flow: ConsentFlow; control: string; guardian?: boolean }
  /** SHA-256 hex of the exact text of the notice the shopper saw when deciding (ISO29184-LANG), kept as proof. */
  noticeHash: string
}

/** What the dialogs may read from and ask of the engine. */
export interface DialogHost {
  readonly config: Config
  locale(): Locale
  setLocale(locale: Locale): void
  /** Start loading a locale's words: the shopper is about to switch to it (the pointer is on, or focus in, its button). */
  prepareLocale(locale: Locale): void
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
  /** The shopper's id for the ledger: the signed-in subject, or this device's pseudonymous one. */
  subject(): string
  /** The SDK's own SHA-256, loaded on demand, for pages without crypto.subtle (plain http). */
  sha256(): Promise<Sha256>
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

/** Where the dialogs render: the frame the script tag drew (core/frame.ts), with its floating button if any. */
export interface DialogFrame {
  /** The open shadow root of `#zhiqing-root`, or the element itself when the merchant turned the shadow root off. */
  root: ShadowRoot | HTMLElement
  /** The floating privacy-settings button: where focus goes once a dialog closes and nothing else can take it. */
  fab: HTMLElement | null
  /** A stylesheet element the page's Content-Security-Policy accepts (it carries the SDK's nonce). */
  style(css: string): HTMLStyleElement
}

export type MountDialogs = (host: DialogHost, frame: DialogFrame) => Dialogs

/**
 * What the script tag loads on demand (ui/module.ts): the dialogs, and the law's rules for a config (config-rules.ts),
 * which a returning shopper's page needs only when the config changed since it was last checked on this device.
 */
export interface DialogsModule {
  mountDialogs: MountDialogs
  checkConfigRules(config: Config): ConfigIssue[]
}

/**
 * What the script tag's dialogs chunk brings (ui/chunk.ts): the dialogs module, and the SDK's own SHA-256 for pages
 * without crypto.subtle (in the same file: a plain-http page needs it only once the dialogs are there, and one file
 * compresses better than two). The dialogs' words are chunks of their own, one per locale (ui/words.ts).
 */
export interface DialogsChunk extends DialogsModule {
  sha256: Sha256
}

/** Where the dialogs chunk leaves what it brings for the script tag (core/chunk.ts reads it). */
export const CHUNK_GLOBAL = "__zhiqingDialogs"

/** Where each words chunk registers its locale's words (ui/words.ts), for the dialogs and for the script tag. */
export const WORDS_GLOBAL = "__zhiqingWords"
