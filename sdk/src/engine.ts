/**
 * The consent engine behind `window.Zhiqing`: it validates the config, reads the stored decision, asks through the
 * dialogs when needed, records every decision (storage, receipt, other tabs, ledger), gates scripts and tells the
 * page. The rules themselves are the pure functions in core/decisions.ts.
 */
import type { SubjectToken, ZhiqingApi } from "./api"
import { checkConfigRules, formatIssues, type ConfigIssue } from "./config-rules"
import { carried, fingerprint, isAllowed, nextRecord, prompt, withdraw, withdrawnPurposes, type StoredRecord } from "./core/decisions"
import { createGate } from "./core/gate"
import { createFrame, type Frame } from "./core/frame"
import { randomId, type Sha256 } from "./core/hash"
import { keepReceipt, listReceipts } from "./core/receipts"
import { checkedConfig, deleteCookies, loadRecord, localSubject, saveRecord, storeCheckedConfig, storedLocale, storeLocale, logError, warn } from "./core/storage"
import { createOutbox, pullState, tabChannel } from "./core/sync"
import { validate } from "./core/validate"
import { CONFIG_SCHEMA } from "./generated/json-schemas"
import type { Config, ConsentState, Locale, Receipt } from "./schema"
import type { Decision, DialogHost, Dialogs, DialogsModule } from "./ui/contract"

declare const __SDK_VERSION__: string | undefined
/** Set by build.mjs; unset when the sources are run as they are (unit tests, bundlers using the "source" condition). */
const SDK_VERSION = typeof __SDK_VERSION__ === "string" ? __SDK_VERSION__ : "source"

/** The config when `issues` is empty; else null, and the issues on the console. */
function accepted(input: unknown, issues: ConfigIssue[]): Config | null {
  if (!issues.length) return input as Config
  logError("the config is invalid; nothing is consented or unblocked:\n" + formatIssues(issues))
  return null
}

/** Parse a config for the browser: shape and law's rules, without zod. Null (and a console error) when invalid. */
export function browserConfig(input: unknown): Config | null {
  const issues = validate(CONFIG_SCHEMA, input)
  return accepted(input, issues.length ? issues : checkConfigRules(input as Config))
}

/** What is kept of a config that passed every check: its text, and which SDK checked it (a new release checks again). */
const checkedText = (text: string) => SDK_VERSION + text

/**
 * The config, when this same SDK already checked this same config on this device (its whole text as JSON, not a
 * hash of it); null otherwise.
 */
function knownConfig(input: unknown): Config | null {
  return checkedConfig() === checkedText(JSON.stringify(input)) ? (input as Config) : null
}

/** The shopper's language among `locales`: as last switched to, else the page's, else the browser's. */
export function pickLocale(locales: Locale[], asked: Locale | undefined): Locale {
  // A locale's language ("zh", "en") is in lower case already.
  const match = (lang: string | null | undefined) => (lang ? locales.find((locale) => lang.toLowerCase().startsWith(locale.slice(0, 2))) : undefined)
  // The browser's languages only when nothing before them matched: reading them costs a returning shopper's page
  // about 0.1 ms, and most shops' pages say their language.
  return match(asked) ?? match(storedLocale()) ?? match(document.documentElement.lang) ?? (navigator.languages ?? []).map(match).find(Boolean) ?? locales[0]!
}

/**
 * Google Consent Mode v2, for shops that also serve visitors outside China (only with ui.googleConsentMode).
 * gtag.js reads commands as `arguments` objects, so without a `gtag` on the page its usual shim is used.
 */
function consentMode(kind: "default" | "update", state: ConsentState | null): void {
  const page = window as unknown as { gtag?: (...command: unknown[]) => void; dataLayer?: unknown[] }
  const gtag =
    page.gtag ??
    function (this: unknown) {
      // eslint-disable-next-line prefer-rest-params -- gtag.js ignores arrays pushed to dataLayer; it wants `arguments`
      ;(page.dataLayer ??= []).push(arguments)
    }
  const value = (granted: boolean | undefined) => (granted ? "granted" : "denied")
  const marketing = state?.purposes.marketing
  gtag("consent", kind, {
    analytics_storage: value(state?.purposes.analytics),
    ad_storage: value(marketing),
    ad_user_data: value(marketing),
    ad_personalization: value(marketing && state?.purposes.personalization)
  })
}

/**
 * Build the API; `loadDialogs` fetches the dialogs module (with the words of a locale) when a dialog is first
 * needed, or a config this device has not checked yet, and `loadSha256` the SDK's own SHA-256 for a page without
 * crypto.subtle (chunks for the script tag, dynamic imports for bundlers). `window.Zhiqing` is built from
 * this in browser.ts and nowhere else.
 */
export function createZhiqing(loadDialogs: (locale: Locale) => Promise<DialogsModule>, loadSha256: () => Promise<Sha256>): ZhiqingApi {
  let config: Config | null = null
  let record: StoredRecord | null = null
  // The choices in force: the record's, less what is being asked again (PIPL-14-2).
  let current: ConsentState | null = null
  let lang: Locale = "zh-CN"
  let subject = ""
  // A locale asked for before the config arrived (from the pre-load queue or a fast page).
  let askedLocale: Locale | undefined
  let frame: Frame | undefined
  let dialogs: Dialogs | null = null
  let mounting: Promise<Dialogs> | undefined
  // Calls that need the config (open, request) may come before it is known, from the pre-load queue or a fast page.
  let configured!: (config: Config | null) => void
  const whenConfigured = new Promise<Config | null>((resolve) => (configured = resolve))
  // The dialogs module failed to load while a config waited for it to be checked: request() rejects with the
  // error, and the next open() tries the load again.
  let failCheck!: (error: unknown) => void
  const nextFailure = () => new Promise<never>((_, reject) => (failCheck = reject))
  let checkFailed = nextFailure()
  checkFailed.catch(() => undefined)
  let tryAgain: (() => void) | undefined
  let broadcast: (raw: string) => void = () => undefined
  let outbox: { flush(): Promise<void> } | undefined
  let started: Promise<ConsentState> | undefined
  // Set until the first decision is known, then gone: the page is told it is ready once.
  let readyState: ((state: ConsentState) => void) | undefined
  const ready = new Promise<ConsentState>((resolve) => (readyState = resolve))
  let gate = { release: () => undefined as void }
  const listeners = new Set<(state: ConsentState) => void>()
  const watchers = new Set<() => void>()

  const state = () => current
  const allowed = (id: string) => !!config && isAllowed(config, state(), id)
  const gpc = () => (navigator as { globalPrivacyControl?: boolean }).globalPrivacyControl === true
  const redraw = () => {
    frame?.setLocale(lang)
    watchers.forEach((watch) => watch())
  }

  /**
   * Apply a record (ours, another tab's or another device's) and tell everyone who needs to know. Returns whether
   * the shopper is still to be asked; until then the unchanged choices stay in force.
   */
  function adopt(next: StoredRecord): boolean {
    const previous = current
    const asking = prompt(config!, next).ask
    const effective = asking ? carried(config!, next) : next.state
    record = next
    current = effective
    const withdrawn = withdrawnPurposes(previous, effective)
    for (const id of withdrawn) deleteCookies(config!.purposes.find((purpose) => purpose.id === id)?.cookies ?? [])
    if (config!.ui?.googleConsentMode) consentMode("update", effective)
    gate.release()
    if (readyState) {
      readyState(effective)
      readyState = undefined
      dispatchEvent(new CustomEvent("zhiqing:ready", { detail: effective }))
    }
    dispatchEvent(new CustomEvent("zhiqing:change", { detail: effective }))
    listeners.forEach((listener) => listener(effective))
    redraw()
    if (config!.ui?.reloadOnWithdraw && withdrawn.length) location.reload()
    return asking
  }

  /** Record a decision; only ever called once a valid config is in force (by the dialogs, withdraw() or GPC). */
  async function recordDecision(choice: Pick<Decision, "purposes" | "separate">, given: Receipt["given"], noticeHash: string): Promise<ConsentState> {
    const valid = config!
    const stamp = { id: randomId(), subject, locale: lang, decidedAt: new Date().toISOString(), noticeHash }
    const next = nextRecord(valid, record, choice, stamp, gpc())
    broadcast(saveRecord(next))
    adopt(next)
    await keepReceipt({ ...next.state, given, origin: location.origin, sdk: SDK_VERSION }, !!valid.sync)
    void outbox?.flush()
    return next.state
  }

  const host: DialogHost = {
    get config() {
      return config!
    },
    locale: () => lang,
    setLocale: (locale) => void api.locale(locale),
    // A failed load is named on the console, and the switch itself tries again.
    prepareLocale: (locale) => void loadDialogs(locale).catch(() => undefined),
    state,
    newPurposes: () => (config && record ? prompt(config, record).newPurposes : []),
    policyChanged: () => !!(config && record && prompt(config, record).policyChanged),
    decide: (decision) => recordDecision(decision, decision.given, decision.noticeHash),
    receipts: () => listReceipts("receipts"),
    subject: () => subject,
    sha256: loadSha256,
    subscribe(watch) {
      watchers.add(watch)
      return () => watchers.delete(watch)
    }
  }

  /** Another tab decided: apply it here too, dialogs included. */
  function fromOtherTab(other: StoredRecord): void {
    // Two tabs deciding at once: the newer decision wins in both.
    if (other.state.id === record?.state.id || Date.parse(other.state.decidedAt) < Date.parse(record?.state.decidedAt ?? "")) return
    if (!adopt(other)) dialogs?.close()
  }

  function drawFrame(valid: Config): Frame {
    frame ??= createFrame(valid.ui ?? {}, lang, () => api.open())
    return frame
  }

  /**
   * The dialogs, loaded and mounted once, after the config and the document. Until they are there, calls that need
   * them wait; when they cannot be loaded, those calls fail and the next one tries again.
   */
  function showDialogs(): Promise<Dialogs> {
    if (!mounting) {
      // Only reached with a valid config: open() and request() wait for it, start() has it.
      mounting = whenConfigured.then(async (valid) => {
        const { mountDialogs } = await loadDialogs(lang)
        await domReady()
        dialogs = mountDialogs(host, drawFrame(valid!))
        return dialogs
      })
      mounting.catch(() => (mounting = undefined))
    }
    return mounting
  }

  /**
   * The config's shape is checked here; the law's rules (config-rules.ts) come with the dialogs module. A config
   * that passes both is kept on this device (see knownConfig), so a returning shopper's page skips both.
   */
  async function checkConfig(input: unknown): Promise<Config | null> {
    const shaped = accepted(input, validate(CONFIG_SCHEMA, input))
    if (!shaped) return null
    // The dialogs come with the words of the locale the shopper will be shown: on a first visit they are needed next.
    const valid = accepted(shaped, (await loadForCheck(pickLocale(shaped.locales, askedLocale))).checkConfigRules(shaped))
    if (valid) storeCheckedConfig(checkedText(JSON.stringify(valid)))
    return valid
  }

  async function loadForCheck(locale: Locale): Promise<DialogsModule> {
    for (;;) {
      try {
        return await loadDialogs(locale)
      } catch (error) {
        failCheck(error)
        await new Promise<void>((resolve) => (tryAgain = resolve))
        checkFailed = nextFailure()
        checkFailed.catch(() => undefined)
      }
    }
  }

  async function start(input: unknown, options: { subject?: SubjectToken }): Promise<ConsentState> {
    // Without an await on the way for a known config, a returning shopper's choices apply while the script tag runs.
    config = knownConfig(input) ?? (await checkConfig(input))
    configured(config)
    if (!config) return ready
    lang = pickLocale(config.locales, askedLocale)
    record = loadRecord()
    subject = options.subject?.id ?? record?.state.subject ?? localSubject()
    if (config.ui?.googleConsentMode) consentMode("default", null)
    gate = createGate(allowed)
    // A returning shopper's choices apply at once, before the rest is set up: gated elements already parsed run now,
    // not after the page.
    const asking = !record || adopt(record)
    broadcast = tabChannel(fromOtherTab)
    if (config.sync) {
      outbox = createOutbox(config.sync.endpoint)
      void outbox.flush()
    }
    // The load failing is already on the console; the shopper is asked again on the next page.
    if (asking) showDialogs().then((ui) => ui.showBanner(), () => undefined)
    await domReady()
    if (config.ui?.floatingButton !== false) drawFrame(config)
    if (!asking && gpc() && current?.purposes.marketing) {
      await recordDecision(withdraw(config, current, "marketing"), { flow: "signal", control: "gpc" }, current.noticeHash)
    }
    if (config.sync && options.subject) await pullFromLedger(config.sync.endpoint, options.subject)
    return ready
  }

  /** A signed-in shopper's newest decision wins, whichever device made it. */
  async function pullFromLedger(endpoint: string, token: SubjectToken): Promise<void> {
    const remote = await pullState(endpoint, token)
    const local = record?.state
    if (!remote || !config || (local && Date.parse(local.decidedAt) >= Date.parse(remote.decidedAt))) return
    // What the other device showed is not known here: only the purposes its decision covers count as told.
    const fp = Object.fromEntries(Object.entries(fingerprint(config)).filter(([id]) => id in remote.purposes))
    const pulled: StoredRecord = { v: 1, state: remote, fp, policy: remote.policyVersion }
    broadcast(saveRecord(pulled))
    if (adopt(pulled)) showDialogs().then((ui) => ui.showBanner(), () => undefined)
    else dialogs?.close()
  }

  const api: ZhiqingApi = {
    init(input, options = {}) {
      if (started) {
        warn("init() was called again; the first config stays")
        return started
      }
      started = start(input, options).catch((error: unknown) => {
        configured(null)
        logError("could not start; nothing more is unblocked", error)
        return ready
      })
      return started
    },
    ready,
    get: state,
    allowed,
    open(view = "preferences") {
      tryAgain?.()
      tryAgain = undefined
      void whenConfigured.then((valid) => valid && showDialogs().then((ui) => ui.open(view), () => undefined))
    },
    async request(itemId) {
      const valid = await Promise.race([whenConfigured, checkFailed])
      if (!valid?.separate?.some((item) => item.id === itemId)) {
        // Without a valid config, why is already on the console: the item may well be in the config meant.
        if (valid) warn(`request("${itemId}"): no such separate-consent item in the config`)
        return false
      }
      return allowed(itemId) || (await showDialogs()).ask(itemId, "request")
    },
    async withdraw(id) {
      if (!config || !current) return
      await recordDecision(withdraw(config, current, id), { flow: "withdraw", control: "api" }, current.noticeHash)
    },
    locale(next) {
      if (next && !config) askedLocale = next
      else if (next && config?.locales.includes(next) && next !== lang) {
        const apply = () => {
          lang = next
          storeLocale(next)
          redraw()
        }
        // Dialogs on their way or on screen switch once that language's words are loaded.
        if (mounting) loadDialogs(next).then(apply, () => undefined)
        else apply()
      }
      return lang
    },
    on(event, listener) {
      if (event !== "change") return () => undefined
      listeners.add(listener)
      return () => listeners.delete(listener)
    }
  }
  return api
}

function domReady(): Promise<void> {
  // DOMContentLoaded comes once per document, so the listener needs no removing.
  return document.readyState === "loading" ? new Promise((done) => document.addEventListener("DOMContentLoaded", () => done())) : Promise.resolve()
}
