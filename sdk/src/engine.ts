/**
 * The consent engine behind `window.Zhiqing`: it validates the config, reads the stored decision, asks through the
 * dialogs when needed, records every decision (storage, receipt, other tabs, ledger), gates scripts and tells the
 * page. The rules themselves are the pure functions in core/decisions.ts.
 */
import type { SubjectToken, ZhiqingApi } from "./api"
import { checkConfigRules, formatIssues } from "./config-rules"
import { decide, fingerprint, isAllowed, prompt, withdraw, withdrawnPurposes, type StoredRecord } from "./core/decisions"
import { createGate } from "./core/gate"
import { sha256 } from "./core/hash"
import { keepReceipt, listReceipts } from "./core/receipts"
import { deleteCookies, loadRecord, localSubject, saveRecord, warn } from "./core/storage"
import { createOutbox, pullState, tabChannel } from "./core/sync"
import { validate } from "./core/validate"
import { CONFIG_SCHEMA } from "./generated/json-schemas"
import type { Config, ConsentFlow, ConsentState, Locale, Receipt } from "./schema"
import type { Decision, DialogHost, Dialogs, MountDialogs } from "./ui/contract"

declare const __SDK_VERSION__: string

/** Parse a config for the browser: shape and law's rules, without zod. Null (and a console error) when invalid. */
export function browserConfig(input: unknown): Config | null {
  const issues = validate(CONFIG_SCHEMA, input)
  if (!issues.length) issues.push(...checkConfigRules(input as Config))
  if (!issues.length) return input as Config
  console.error("[zhiqing] the consent config is invalid, so nothing is consented and nothing unblocked:\n" + formatIssues(issues))
  return null
}

function pickLocale(config: Config): Locale {
  const stored = (() => {
    try {
      return localStorage.getItem("zhiqing.locale")
    } catch {
      return null
    }
  })()
  const wanted = [stored, document.documentElement.lang, ...navigator.languages]
  for (const lang of wanted) {
    const match = lang && config.locales.find((locale) => lang.toLowerCase().startsWith(locale.slice(0, 2).toLowerCase()))
    if (match) return match
  }
  return config.locales[0]!
}

/** Google Consent Mode v2, for shops that also serve visitors outside China (off unless ui.googleConsentMode). */
function consentMode(kind: "default" | "update", state: ConsentState | null): void {
  const value = (granted: boolean | undefined) => (granted ? "granted" : "denied")
  const marketing = state?.purposes.marketing
  const w = window as unknown as { dataLayer?: unknown[] }
  ;(w.dataLayer ??= []).push(["consent", kind, { analytics_storage: value(state?.purposes.analytics), ad_storage: value(marketing), ad_user_data: value(marketing), ad_personalization: value(marketing && state?.purposes.personalization) }])
}

export function createZhiqing(mountDialogs: MountDialogs): ZhiqingApi {
  let config: Config | null = null
  let record: StoredRecord | null = null
  let lang: Locale = "zh-CN"
  let dialogs: Dialogs | undefined
  // Calls that need the dialogs (open, request) may come before they exist, from the pre-load queue or a fast page.
  let resolveMounted!: (dialogs: Dialogs | null) => void
  const mounted = new Promise<Dialogs | null>((resolve) => (resolveMounted = resolve))
  let announce: (record: StoredRecord) => void = () => undefined
  let outbox: { flush(): void } | undefined
  let started: Promise<ConsentState> | undefined
  const listeners = new Set<(state: ConsentState) => void>()
  const watchers = new Set<() => void>()
  let resolveReady!: (state: ConsentState) => void
  const ready = new Promise<ConsentState>((resolve) => (resolveReady = resolve))
  let announcedReady = false
  const gate = { release: () => undefined as void }
  const subject = { id: "" }

  const state = () => record?.state ?? null
  const allowed = (id: string) => !!config && isAllowed(config, state(), id)
  const gpc = () => (navigator as { globalPrivacyControl?: boolean }).globalPrivacyControl === true

  /** Adopt a record (ours, another tab's or another device's) and tell everyone who needs to know. */
  function adopt(next: StoredRecord, previous: ConsentState | null): void {
    record = next
    if (config) {
      for (const id of withdrawnPurposes(previous, next.state)) deleteCookies(config.purposes.find((purpose) => purpose.id === id)?.cookies ?? [])
      if (config.ui?.googleConsentMode) consentMode("update", next.state)
    }
    gate.release()
    if (!announcedReady) {
      announcedReady = true
      resolveReady(next.state)
      dispatchEvent(new CustomEvent("zhiqing:ready", { detail: next.state }))
    }
    dispatchEvent(new CustomEvent("zhiqing:change", { detail: next.state }))
    listeners.forEach((listener) => listener(next.state))
    watchers.forEach((watch) => watch())
    if (config?.ui?.reloadOnWithdraw && withdrawnPurposes(previous, next.state).length) location.reload()
  }

  async function recordDecision(choice: Pick<Decision, "purposes" | "separate">, given: Receipt["given"], noticeHash: string): Promise<ConsentState> {
    if (!config) throw new Error("[zhiqing] no valid config")
    const previous = state()
    const next = decide(config, previous, choice, { id: crypto.randomUUID(), subject: subject.id, locale: lang, decidedAt: new Date().toISOString(), noticeHash }, gpc())
    const stored: StoredRecord = { v: 1, state: next, fp: fingerprint(config) }
    saveRecord(stored)
    announce(stored)
    adopt(stored, previous)
    const receipt: Receipt = { ...next, given, origin: location.origin, sdk: __SDK_VERSION__ }
    await keepReceipt(receipt, !!config.sync)
    outbox?.flush()
    return next
  }

  const host: DialogHost = {
    get config() {
      return config!
    },
    locale: () => lang,
    setLocale: (locale) => api.locale(locale),
    state,
    newPurposes: () => (config && record ? prompt(config, record).newPurposes : []),
    policyChanged: () => !!config && !!record && prompt(config, record).policyChanged,
    decide: async (decision) => recordDecision(decision, decision.given, await sha256(decision.noticeText)),
    receipts: () => listReceipts("receipts"),
    async submitRights(request) {
      const endpoint = (config?.sync?.endpoint ?? "/api/consent").replace(/consent\/?$/, "rights")
      const response = await fetch(endpoint, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ ...request, subject: subject.id }) }).catch(() => null)
      const body = (await response?.json().catch(() => null)) as { ticket?: string; error?: string } | null
      if (!response?.ok || !body?.ticket) throw new Error(body?.error ?? "The request could not be sent. Please try again later.")
      return { ticket: body.ticket }
    },
    subscribe(watch) {
      watchers.add(watch)
      return () => watchers.delete(watch)
    }
  }

  async function start(input: unknown, options: { subject?: SubjectToken }): Promise<ConsentState> {
    config = browserConfig(input)
    if (!config) {
      resolveMounted(null)
      return ready
    }
    lang = pickLocale(config)
    subject.id = options.subject?.id ?? localSubject()
    record = loadRecord()
    if (config.ui?.googleConsentMode) consentMode("default", null)
    Object.assign(gate, createGate(allowed))
    announce = tabChannel((other) => {
      const previous = state()
      if (other?.state && other.state.decidedAt !== previous?.decidedAt) {
        adopt(other, previous)
        dialogs?.close()
      }
    })
    if (config.sync) {
      outbox = createOutbox(config.sync.endpoint)
      outbox.flush()
    }
    await domReady()
    const ui = config.ui ?? {}
    dialogs = mountDialogs(host, { shadowDom: ui.shadowDom !== false, floatingButton: ui.floatingButton !== false, theme: ui.theme ?? {} })
    resolveMounted(dialogs)
    const current = prompt(config, record)
    if (record && !current.ask) adopt(record, null)
    else dialogs.showBanner()
    if (config.sync && options.subject) await syncFromLedger(config.sync.endpoint, options.subject)
    return ready
  }

  /** Another device's newer decision wins (cross-device sync). */
  async function syncFromLedger(endpoint: string, token: SubjectToken): Promise<void> {
    const remote = await pullState(endpoint, token)
    const local = state()
    if (!remote || !config || (local && local.decidedAt >= remote.decidedAt)) return
    const stored: StoredRecord = { v: 1, state: remote, fp: fingerprint(config) }
    saveRecord(stored)
    adopt(stored, local)
    dialogs?.close()
  }

  const api: ZhiqingApi = {
    init(input, options = {}) {
      if (started) {
        warn("init() was called again; the first config stays in force")
        return started
      }
      started = start(input, options).catch((error: unknown) => {
        resolveMounted(null)
        console.error("[zhiqing] could not start; nothing is unblocked", error)
        return ready
      })
      return started
    },
    ready,
    get: state,
    allowed,
    open(view = "preferences") {
      void mounted.then((ready) => ready?.open(view))
    },
    async request(itemId) {
      const ready = await mounted
      if (!ready || !config?.separate?.some((item) => item.id === itemId)) {
        warn(`request("${itemId}"): no such separate-consent item in the config`)
        return false
      }
      return allowed(itemId) || ready.ask(itemId, "request")
    },
    async withdraw(id) {
      const current = state()
      if (!config || !current) return
      const given = { flow: "withdraw" as ConsentFlow, control: "api" }
      await recordDecision(withdraw(config, current, id), given, current.noticeHash)
    },
    locale(next) {
      if (next && config?.locales.includes(next) && next !== lang) {
        lang = next
        try {
          localStorage.setItem("zhiqing.locale", next)
        } catch {
          // The choice then lasts for this page only.
        }
        watchers.forEach((watch) => watch())
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
