/**
 * The consent engine behind `window.Zhiqing`: it validates the config, reads the stored decision, asks through the
 * dialogs when needed, records every decision (storage, receipt, other tabs, ledger), gates scripts and tells the
 * page. The rules themselves are the pure functions in core/decisions.ts.
 */
import type { SubjectToken, ZhiqingApi } from "./api"
import { checkConfigRules, formatIssues } from "./config-rules"
import { carried, fingerprint, isAllowed, nextRecord, prompt, withdraw, withdrawnPurposes, type StoredRecord } from "./core/decisions"
import { createGate } from "./core/gate"
import { sha256 } from "./core/hash"
import { keepReceipt, listReceipts } from "./core/receipts"
import { deleteCookies, loadRecord, localSubject, saveRecord, storedLocale, storeLocale, warn } from "./core/storage"
import { createOutbox, pullState, tabChannel } from "./core/sync"
import { validate } from "./core/validate"
import { CONFIG_SCHEMA } from "./generated/json-schemas"
import type { Config, ConsentState, Locale, Receipt } from "./schema"
import type { Decision, DialogHost, Dialogs, MountDialogs } from "./ui/contract"

declare const __SDK_VERSION__: string | undefined
/** Set by build.mjs; unset when the sources are run as they are (unit tests, bundlers using the "source" condition). */
const SDK_VERSION = typeof __SDK_VERSION__ === "string" ? __SDK_VERSION__ : "source"

/** Parse a config for the browser: shape and law's rules, without zod. Null (and a console error) when invalid. */
export function browserConfig(input: unknown): Config | null {
  const issues = validate(CONFIG_SCHEMA, input)
  if (!issues.length) issues.push(...checkConfigRules(input as Config))
  if (!issues.length) return input as Config
  console.error("[zhiqing] the consent config is invalid, so nothing is consented and nothing unblocked:\n" + formatIssues(issues))
  return null
}

function pickLocale(config: Config): Locale {
  for (const lang of [storedLocale(), document.documentElement.lang, ...(navigator.languages ?? [])]) {
    const match = lang && config.locales.find((locale) => lang.toLowerCase().startsWith(locale.slice(0, 2).toLowerCase()))
    if (match) return match
  }
  return config.locales[0]!
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

/** Build the API around the given dialogs. `window.Zhiqing` is built from this in browser.ts and nowhere else. */
export function createZhiqing(mountDialogs: MountDialogs): ZhiqingApi {
  let config: Config | null = null
  let record: StoredRecord | null = null
  // The choices in force: the record's, less what is being asked again (PIPL-14-2).
  let current: ConsentState | null = null
  let lang: Locale = "zh-CN"
  let subject = ""
  let dialogs: Dialogs | null = null
  // Calls that need the dialogs (open, request) may come before they exist, from the pre-load queue or a fast page.
  let mounted!: (dialogs: Dialogs | null) => void
  const whenMounted = new Promise<Dialogs | null>((resolve) => (mounted = resolve))
  let broadcast: (raw: string) => void = () => undefined
  let outbox: { flush(): Promise<void> } | undefined
  let started: Promise<ConsentState> | undefined
  let readyState!: (state: ConsentState) => void
  const ready = new Promise<ConsentState>((resolve) => (readyState = resolve))
  let isReady = false
  let gate = { release: () => undefined as void }
  const listeners = new Set<(state: ConsentState) => void>()
  const watchers = new Set<() => void>()

  const state = () => current
  const allowed = (id: string) => !!config && isAllowed(config, state(), id)
  const gpc = () => (navigator as { globalPrivacyControl?: boolean }).globalPrivacyControl === true
  const redraw = () => watchers.forEach((watch) => watch())

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
    for (const id of withdrawn) deleteCookies(config?.purposes.find((purpose) => purpose.id === id)?.cookies ?? [])
    if (config?.ui?.googleConsentMode) consentMode("update", effective)
    gate.release()
    if (!isReady) {
      isReady = true
      readyState(effective)
      dispatchEvent(new CustomEvent("zhiqing:ready", { detail: effective }))
    }
    dispatchEvent(new CustomEvent("zhiqing:change", { detail: effective }))
    listeners.forEach((listener) => listener(effective))
    redraw()
    if (config?.ui?.reloadOnWithdraw && withdrawn.length) location.reload()
    return asking
  }

  async function recordDecision(choice: Pick<Decision, "purposes" | "separate">, given: Receipt["given"], noticeHash: string): Promise<ConsentState> {
    if (!config) throw new Error("[zhiqing] there is no valid config, so nothing can be decided")
    const stamp = { id: crypto.randomUUID(), subject, locale: lang, decidedAt: new Date().toISOString(), noticeHash }
    const next = nextRecord(config, record, choice, stamp, gpc())
    broadcast(saveRecord(next))
    adopt(next)
    await keepReceipt({ ...next.state, given, origin: location.origin, sdk: SDK_VERSION }, !!config.sync)
    void outbox?.flush()
    return next.state
  }

  const host: DialogHost = {
    get config() {
      return config!
    },
    locale: () => lang,
    setLocale: (locale) => void api.locale(locale),
    state,
    newPurposes: () => (config && record ? prompt(config, record).newPurposes : []),
    policyChanged: () => !!config && !!record && prompt(config, record).policyChanged,
    decide: async (decision) => recordDecision(decision, decision.given, await sha256(decision.noticeText)),
    receipts: () => listReceipts("receipts"),
    async submitRights(request) {
      // The rights route sits next to the consent route: /api/consent → /api/rights.
      const endpoint = (config?.sync?.endpoint ?? "/api/consent").replace(/consent\/?$/, "rights")
      const response = await fetch(endpoint, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ ...request, subject }) }).catch(() => null)
      const body = (await response?.json().catch(() => null)) as { ticket?: string; error?: string } | null
      if (!response?.ok || !body?.ticket) throw new Error(body?.error ?? "The request could not be sent. Please try again later.")
      return { ticket: body.ticket }
    },
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

  async function start(input: unknown, options: { subject?: SubjectToken }): Promise<ConsentState> {
    config = browserConfig(input)
    if (config && !crypto.subtle) {
      // A page may also have removed the API itself; telling the two apart saves the merchant a wrong turn.
      const why = isSecureContext ? "crypto.subtle is missing on this page" : "this page is not a secure context (https)"
      console.error(`[zhiqing] ${why}, so the notice hash cannot be computed; nothing is unblocked`)
      config = null
    }
    if (!config) {
      mounted(null)
      return ready
    }
    lang = pickLocale(config)
    record = loadRecord()
    subject = options.subject?.id ?? record?.state.subject ?? localSubject()
    if (config.ui?.googleConsentMode) consentMode("default", null)
    gate = createGate(allowed)
    broadcast = tabChannel(fromOtherTab)
    if (config.sync) {
      outbox = createOutbox(config.sync.endpoint)
      void outbox.flush()
    }
    // A returning shopper's choices apply at once: gated elements already parsed run now, not after the page.
    const asking = !record || adopt(record)
    await domReady()
    const ui = config.ui ?? {}
    dialogs = mountDialogs(host, { shadowDom: ui.shadowDom !== false, floatingButton: ui.floatingButton !== false, theme: ui.theme ?? {} })
    mounted(dialogs)
    if (asking) dialogs.showBanner()
    else if (gpc() && current?.purposes.marketing) {
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
    if (adopt(pulled)) dialogs?.showBanner()
    else dialogs?.close()
  }

  const api: ZhiqingApi = {
    init(input, options = {}) {
      if (started) {
        warn("init() was called again; the first config stays in force")
        return started
      }
      started = start(input, options).catch((error: unknown) => {
        mounted(null)
        console.error("[zhiqing] could not start; nothing more is unblocked", error)
        return ready
      })
      return started
    },
    ready,
    get: state,
    allowed,
    open(view = "preferences") {
      void whenMounted.then((ui) => ui?.open(view))
    },
    async request(itemId) {
      const ui = await whenMounted
      if (!ui || !config?.separate?.some((item) => item.id === itemId)) {
        warn(`request("${itemId}"): no such separate-consent item in the config`)
        return false
      }
      return allowed(itemId) || ui.ask(itemId, "request")
    },
    async withdraw(id) {
      if (!config || !current) return
      await recordDecision(withdraw(config, current, id), { flow: "withdraw", control: "api" }, current.noticeHash)
    },
    locale(next) {
      if (next && config?.locales.includes(next) && next !== lang) {
        lang = next
        storeLocale(next)
        redraw()
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
  return document.readyState === "loading" ? new Promise((done) => document.addEventListener("DOMContentLoaded", () => done(), { once: true })) : Promise.resolve()
}
