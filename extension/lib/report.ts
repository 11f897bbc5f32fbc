/**
 * The Report: what a tab's page collected, judged against the shopper's consent. This is the public contract of
 * design.md ("Extension contract"): the `report` message answers with it and the DevTools Export saves it.
 */
import type { ConsentState, Locale } from "@zhiqing/sdk/schema"

/** Kinds of personal information the detectors recognise. */
export type PiKind = "phone" | "id-card" | "bank-card" | "email" | "name" | "address" | "location"

/** Personal information found somewhere; never the raw value. */
export interface PiFound {
  kind: PiKind
  /** Where in the request it was, e.g. "query:mobile", "body:json:$.user.phone", "body:form:data→base64→json:$.phone". */
  where: string
  /** The value masked, e.g. "138****5678". */
  masked: string
  /** How it was encoded when found. */
  encoding?: "plain" | "url" | "base64" | "hex" | "md5" | "sha256"
}

export interface TrackerInfo {
  /** Catalog id, e.g. "baidu-tongji". */
  id: string
  company: string
  category: TrackerCategory
  /** ISO 3166-1 alpha-2 country of the company that owns the service. */
  country: string
}

/** What a service does for the shop; it decides, with the merchant's config, whether its activity needs consent. */
export type TrackerCategory =
  | "analytics"
  | "advertising"
  /** Install and conversion attribution across ads and apps. */
  | "attribution"
  | "session-recording"
  /** Real-user performance and error monitoring. */
  | "monitoring"
  /** Customer data platforms: profiles joined across channels. */
  | "cdp"
  | "social"
  /** Sign-in with an account elsewhere (WeChat, Alipay, Apple, Google). */
  | "social-login"
  | "tag-manager"
  | "cdn"
  | "payment"
  | "customer-service"
  | "maps"
  | "captcha"
  | "other"

export interface ReportRequest {
  url: string
  host: string
  method: string
  time: number
  thirdParty: boolean
  tracker?: TrackerInfo
  /**
   * The destination is outside mainland China, as far as can be told (see `crossBorderBasis`). False also when the
   * location is unknown: that is not "in China", and findings say so.
   */
  crossBorder: boolean
  /** What the judgement rests on; absent in Reports made before it existed. */
  crossBorderBasis?: CrossBorderBasis
  /** ISO 3166-1 alpha-2 country or region the data went to, when it can be told. */
  destinationCountry?: string
  /** Sent before the shopper made any decision. */
  beforeConsent: boolean
  /** The consent purpose this request belongs to, from the page's config (vendor → purpose), when known. */
  purpose?: string
  /** The script that sent it, when the probe could tell. */
  initiator?: string
  pii: PiFound[]
}

/**
 * How a request's destination was placed. Known: "catalog" (the vendor's country in Zhiqing's catalog),
 * "cloud-region" (the region a catalog cloud host names, e.g. `ap-southeast-1.log.aliyuncs.com`). Likely:
 * "parent-domain" (the registrable domain belongs to a catalog company), "tld" (a country-code domain such as .de).
 * "unknown": nothing tells; a third party receiving personal information there gets a finding asking to confirm.
 */
export type CrossBorderBasis = "catalog" | "cloud-region" | "parent-domain" | "tld" | "unknown"

export interface ReportCookie {
  name: string
  domain: string
  thirdParty: boolean
  setBy?: "script" | "http"
  time?: number
  tracker?: string
}

export interface ReportField {
  selector: string
  kind: PiKind | "other"
  sensitive: boolean
  label?: string
}

export type Severity = "high" | "medium" | "low"

export interface Finding {
  /** A requirement id from pipl-requirements.md, e.g. "APPM-3-1". */
  rule: string
  severity: Severity
  message: Record<Locale, string>
  /** What shows it: request URLs (PI masked), script URLs, times and the consent state then. Never empty. */
  evidence: string[]
}

export interface Report {
  url: string
  consent: ConsentState | null
  requests: ReportRequest[]
  cookies: ReportCookie[]
  fields: ReportField[]
  findings: Finding[]
  /** When the report was made (ISO-8601). */
  generatedAt: string
  /**
   * The page's consent moments in time order: a stored decision loaded ("ready"), the dialog appearing
   * ("dialog-shown"), the shopper's decisions and withdrawals. Absent in Reports made before it existed.
   */
  consentLog?: ConsentLogEntry[]
  /** How complete the collection was; set by the background when it answers the `report` message. */
  collection?: CollectionStats
}

/** One moment on the page's consent axis. */
export interface ConsentLogEntry {
  /** Milliseconds since the epoch. */
  time: number
  phase: "ready" | "dialog-shown" | "decision" | "withdrawal"
  /** The decision in force after the moment; null when there is none (always null for "dialog-shown"). */
  state: ConsentState | null
}

/** What the per-tab log kept and what its caps left out. */
export interface CollectionStats {
  /** Events analysed. */
  events: number
  /** Events not kept because the page's log was full (20,000 events). */
  dropped: number
  /** Request bodies cut at 256 KB. */
  truncatedBodies: number
}
