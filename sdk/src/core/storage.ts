/**
 * The fast path: the stored record in a first-party cookie and in localStorage, read synchronously at load so a
 * returning shopper sees no dialog flash. Storage never throws: blocked cookies, private mode, a full quota or a
 * tampered value all degrade to "ask again", with a console warning.
 */
import { formatIssues } from "../config-rules"
import { STATE_SCHEMA } from "../generated/json-schemas"
import type { StoredRecord } from "./decisions"
import { randomId } from "./hash"
import { validate } from "./validate"

/** The cookie's name, and that of the localStorage entry beside it ("zhiqing", then "zhiqing.<what>" for the rest). */
export const COOKIE = "zhiqing"
const YEAR = 31536000

/** A warning on the console: what happened and what it means, marked as the SDK's. */
export const warn = (message: string, ...detail: unknown[]) => console.warn("[zhiqing] " + message, ...detail)

/** An error on the console: something the merchant must fix, and what the SDK does until then. */
export const logError = (message: string, ...detail: unknown[]) => console.error("[zhiqing] " + message, ...detail)

/** What `work` returns, or `fallback` when it throws (storage blocked, a sandboxed frame, a bad value). */
function attempt<T>(work: () => T): T | undefined
function attempt<T>(work: () => T, fallback: T): T
function attempt<T>(work: () => T, fallback?: T): T | undefined {
  try {
    return work()
  } catch {
    return fallback
  }
}

/** A localStorage entry ("": the record; ".locale" and the like: beside it); null if there is none or it is blocked. */
function readStored(key: string): string | null {
  return attempt(() => localStorage.getItem(COOKIE + key), null)
}

/** Write a localStorage entry; whether that worked (storage can be blocked or full). */
function writeStored(key: string, value: string): boolean | undefined {
  return attempt(() => {
    localStorage.setItem(COOKIE + key, value)
    return true
  })
}

function readCookie(name: string): string | undefined {
  const prefix = name + "="
  const entry = attempt(() => document.cookie, "")
    .split("; ")
    .find((part) => part.startsWith(prefix))
  return entry && attempt(() => decodeURIComponent(entry.slice(prefix.length)))
}

/** A record from its stored or broadcast text; null, with a warning, when it is not a record this SDK wrote. */
export function parseRecord(raw: string): StoredRecord | null {
  const record = attempt(() => JSON.parse(raw) as StoredRecord, null)
  const issues = record && record.v === 1 && record.fp && typeof record.fp === "object" && ["undefined", "string"].includes(typeof record.policy) ? validate(STATE_SCHEMA, record.state) : [{ path: "", message: "not a Zhiqing record" }]
  if (!issues.length) return record
  warn("the stored consent is unreadable and will be asked again:\n" + formatIssues(issues))
  return null
}

/** The stored record's text, unchecked: whether this device has answered before, to be read with loadRecord. */
export function storedRecordText(): string | undefined {
  // localStorage first: only this origin's scripts can write it, while a sibling subdomain can set a cookie for the
  // whole site; and the page reads localStorage anyway (the checked config), so a returning page reads no cookie.
  return readStored("") || readCookie(COOKIE)
}

/** The record as last stored, or null when there is none or it cannot be trusted (said on the console). */
export function loadRecord(): StoredRecord | null {
  const raw = storedRecordText()
  return raw ? parseRecord(raw) : null
}

/** Store a record in the cookie and in localStorage; returns its text, which other tabs are sent. */
export function saveRecord(record: StoredRecord): string {
  const raw = JSON.stringify(record)
  const secure = location.protocol === "https:" ? "; Secure" : ""
  attempt(() => (document.cookie = `${COOKIE}=${encodeURIComponent(raw)}; Max-Age=${YEAR}; Path=/; SameSite=Lax${secure}`))
  if (!writeStored("", raw) && readCookie(COOKIE) === undefined) warn("neither cookies nor localStorage can be written; the shopper will be asked again on every page")
  return raw
}

/** A pseudonymous id for this shopper on this device, kept with the local preferences. */
export function localSubject(): string {
  const existing = readStored(".subject")
  if (existing && /^[A-Za-z0-9_.:-]{8,128}$/.test(existing)) return existing
  const subject = "s_" + randomId()
  writeStored(".subject", subject)
  return subject
}

/** The language the shopper last switched to on this device; null where there is none or storage is blocked. */
export function storedLocale(): string | null {
  return readStored(".locale")
}

/** Remember a language switch; where storage is blocked it lasts for this page only. */
export function storeLocale(locale: string): void {
  writeStored(".locale", locale)
}

/**
 * The last config that met the shape and the law's rules on this device, as kept by storeCheckedConfig: the text is
 * compared whole, so an edited config is checked again. Null where there is none or storage is blocked.
 */
export function checkedConfig(): string | null {
  return readStored(".checked")
}

export function storeCheckedConfig(text: string): void {
  writeStored(".checked", text)
}

/**
 * The text of the config file last fetched under the integrity hash `pin` (data-config-integrity), parsed; undefined
 * where there is none for that hash. The browser verified the text against the hash when it was fetched; whether the
 * config is valid is still for the engine to say (only a config it checked before skips the checks).
 */
export function pinnedConfig(pin: string): unknown {
  const kept = readStored(".pinned")
  return kept?.startsWith(pin + " ") ? attempt(() => JSON.parse(kept.slice(pin.length + 1)) as unknown) : undefined
}

export function storePinnedConfig(pin: string, text: string): void {
  writeStored(".pinned", pin + " " + text)
}

/** Delete the cookies named by a purpose's patterns (`_hmt*`) on this host and each parent domain. */
export function deleteCookies(patterns: string[]): void {
  const matchers = patterns.map((pattern) => new RegExp("^" + pattern.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*") + "$"))
  const names = attempt(() => document.cookie, "")
    .split("; ")
    .map((part) => part.split("=")[0]!)
  const labels = location.hostname.split(".")
  const domains = [""].concat(labels.slice(0, -1).map((_, index) => "; Domain=" + labels.slice(index).join(".")))
  for (const name of names) {
    if (!matchers.some((matcher) => matcher.test(name))) continue
    // A Max-Age of zero or less expires the cookie at once (RFC 6265 5.2.2).
    for (const domain of domains) attempt(() => (document.cookie = `${name}=; Max-Age=-1; Path=/${domain}`))
  }
}
