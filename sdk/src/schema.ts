/**
 * The one definition of Zhiqing's shapes: the merchant config, the consent state and the receipt.
 * The SDK, the ledger and the extension all import this module; none of them defines these shapes again.
 *
 * Written with `zod/mini` so the browser bundle stays small; it works the same in Node.
 */
import * as z from "zod/mini"
import { checkConfigRules, type ConfigIssue } from "./config-rules"

export { checkConfigRules, formatIssues, isSafeUrl, type ConfigIssue } from "./config-rules"

/** Dialog languages. Simplified Chinese is always present (APPM-1). */
export const LOCALES = ["zh-CN", "en"] as const
export const Locale = z.enum(LOCALES)
export type Locale = z.infer<typeof Locale>

/** Kinds of item that need their own, separate consent (PIPL-23, 25, 29, 39). */
export const SEPARATE_KINDS = ["sensitive", "third-party", "cross-border", "public-disclosure"] as const
export const SeparateKind = z.enum(SEPARATE_KINDS)
export type SeparateKind = z.infer<typeof SeparateKind>

const nonEmpty = z.string().check(z.trim(), z.minLength(1, "must not be empty"))

/**
 * Human-readable text keyed by locale. Which locales must be present is checked against
 * `locales` once the whole config is known (see {@link checkConfigRules}).
 */
export const LocalizedText = z.strictObject({
  "zh-CN": z.optional(nonEmpty),
  en: z.optional(nonEmpty)
})
export type LocalizedText = z.infer<typeof LocalizedText>

/**
 * A link a dialog may render. Its scheme (http(s) or relative only, since merchant URLs end up in `href` attributes)
 * is checked with the other rules in config-rules.ts, which the browser bundle shares.
 */
export const SafeUrl = nonEmpty

/** Per-locale links (for example the full privacy policy in each language). */
export const LocalizedUrl = z.strictObject({
  "zh-CN": z.optional(SafeUrl),
  en: z.optional(SafeUrl)
})
export type LocalizedUrl = z.infer<typeof LocalizedUrl>

/** Ids appear in cookies, receipts, `data-zhiqing` attributes and the extension's findings: keep them plain. */
const Id = z.string().check(
  z.regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, "must be 1–64 lowercase letters, digits, '-' or '_'")
)

export const Purpose = z.object({
  id: Id,
  /** What the service cannot work without: always on, shown locked. */
  required: z.optional(z.boolean()),
  title: LocalizedText,
  description: LocalizedText,
  /** Categories of personal information processed for this purpose. */
  dataCategories: z.optional(z.array(nonEmpty)),
  /** How the information is processed (PIPL-17-1: methods). */
  methods: z.optional(LocalizedText),
  retention: z.optional(LocalizedText),
  /** Vendor ids known to the extension's tracker catalog. */
  vendors: z.optional(z.array(nonEmpty)),
  /** Cookie name patterns (`*` wildcard) deleted when the purpose is withdrawn. */
  cookies: z.optional(z.array(nonEmpty))
})
export type Purpose = z.infer<typeof Purpose>

/** Who receives personal information from the merchant (PIPL-23-1, PIPL-39). */
export const Recipient = z.object({
  name: LocalizedText,
  contact: nonEmpty,
  /** ISO 3166-1 alpha-2 country or region of the recipient; required for cross-border items. */
  country: z.optional(z.string().check(z.regex(/^[A-Z]{2}$/, "must be an ISO 3166-1 alpha-2 code such as HK"))),
  purpose: LocalizedText,
  method: LocalizedText,
  dataCategories: z.array(nonEmpty).check(z.minLength(1, "must list at least one category")),
  /** How the shopper exercises their rights with this recipient (required for cross-border items). */
  rights: z.optional(LocalizedText),
  retention: z.optional(LocalizedText)
})
export type Recipient = z.infer<typeof Recipient>

export const SeparateItem = z.object({
  id: Id,
  kind: SeparateKind,
  title: LocalizedText,
  description: LocalizedText,
  dataCategories: z.optional(z.array(nonEmpty)),
  /** Why sensitive PI is necessary (PIPL-30); required for `sensitive` items. */
  necessity: z.optional(LocalizedText),
  /** The impact on the shopper (PIPL-30); required for `sensitive` items. */
  impact: z.optional(LocalizedText),
  /** Required for `third-party` and `cross-border` items. */
  recipient: z.optional(Recipient),
  /** Reference to the personal information protection impact assessment (PIPL-55). */
  assessment: z.optional(nonEmpty),
  retention: z.optional(LocalizedText)
})
export type SeparateItem = z.infer<typeof SeparateItem>

export const Handler = z.object({
  name: LocalizedText,
  contact: nonEmpty,
  address: z.optional(LocalizedText),
  /** The person responsible for personal information protection, when the merchant has named one. */
  dpo: z.optional(nonEmpty)
})

export const Policy = z.object({
  version: nonEmpty,
  url: LocalizedUrl,
  /** What changed since the previous version, shown when a new version re-asks (PIPL-17-3). */
  changes: z.optional(LocalizedText)
})

export const UiOptions = z.object({
  /** The always-present privacy-settings button (PIPL-15-1). Default true. */
  floatingButton: z.optional(z.boolean()),
  /** Render in an open Shadow DOM (default) or straight into the page. */
  shadowDom: z.optional(z.boolean()),
  /** Reload the page after a withdrawal, since code that already ran cannot be unloaded. Default false. */
  reloadOnWithdraw: z.optional(z.boolean()),
  /** Map decisions to Google Consent Mode v2 for visitors outside China. Default false. */
  googleConsentMode: z.optional(z.boolean()),
  /** CSS custom properties (`--zq-…`) overriding the dialog's look. */
  theme: z.optional(z.record(z.string().check(z.regex(/^--zq-[a-z0-9-]+$/, "must be a --zq-… custom property")), z.string()))
})

export const Config = z.object({
  handler: Handler,
  policy: Policy,
  locales: z.array(Locale).check(z.minLength(1, "must list at least one locale")),
  purposes: z.array(Purpose).check(z.minLength(1, "must list at least one purpose")),
  separate: z.optional(z.array(SeparateItem)),
  /** Below this age a guardian must consent (PIPL-31). */
  minors: z.optional(z.object({ minAge: z.int().check(z.gte(1), z.lte(18)) })),
  sync: z.optional(z.object({ endpoint: SafeUrl })),
  ui: z.optional(UiOptions)
})
export type Config = z.infer<typeof Config>

export const CONSENT_SCHEMA_VERSION = 1

/** The shopper's decision, as stored, broadcast and synced (design.md, schema version 1). */
export const ConsentState = z.object({
  schema: z.literal(CONSENT_SCHEMA_VERSION),
  /** The receipt's uuid. */
  id: z.string().check(z.regex(/^[0-9a-fA-F-]{36}$/, "must be a uuid")),
  /** Pseudonymous id of the shopper, never a name, phone or email. */
  subject: z.string().check(z.regex(/^[A-Za-z0-9_.:-]{8,128}$/, "must be 8–128 letters, digits, '_', '.', ':' or '-'")),
  policyVersion: nonEmpty,
  locale: Locale,
  decidedAt: z.iso.datetime({ offset: true }),
  purposes: z.record(Id, z.boolean()),
  separate: z.record(Id, z.boolean()),
  /** SHA-256 (hex) of the exact notice text the shopper saw. */
  noticeHash: z.string().check(z.regex(/^[0-9a-f]{64}$/, "must be a sha-256 hex digest"))
})
export type ConsentState = z.infer<typeof ConsentState>

/** Which way the shopper gave (or refused, or withdrew) consent: part of the proof (PIPL-69). */
export const ConsentFlow = z.enum([
  "banner", // first layer: agree / decline
  "preferences", // preference centre, per-purpose toggles
  "separate", // an item asked on its own screen
  "request", // an item asked just in time by the page
  "withdraw", // withdrawal through the API or the preference centre
  "signal", // a browser signal such as Global Privacy Control
  "sync" // adopted from another device through the ledger
])
export type ConsentFlow = z.infer<typeof ConsentFlow>

/**
 * A receipt: the state plus how it was given. Stored append-only in the ledger, fields after ISO/IEC TS 27560
 * where they fit.
 */
export const Receipt = z.extend(ConsentState, {
  given: z.object({
    flow: ConsentFlow,
    /** The control the shopper used, e.g. "agree", "decline", "save", "toggle". */
    control: z.string().check(z.regex(/^[a-z0-9:_-]{1,64}$/, "must be a short control name")),
    /** The decision was made by a guardian for a minor (PIPL-31). */
    guardian: z.optional(z.boolean())
  }),
  /** The page origin the decision was made on. */
  origin: z.optional(z.string().check(z.maxLength(2048))),
  /** The SDK version that recorded it. */
  sdk: z.optional(z.string().check(z.maxLength(32)))
})
export type Receipt = z.infer<typeof Receipt>

/** A shopper's request to exercise a right (PIPL-44–50). */
export const RIGHTS = ["access", "copy", "transfer", "correct", "delete", "close-account", "withdraw", "explain", "restrict"] as const
export const RightsRequest = z.object({
  subject: ConsentState.shape.subject,
  right: z.enum(RIGHTS),
  /** The shopper's own words; treated as untrusted text everywhere. */
  details: z.optional(z.string().check(z.maxLength(4000))),
  /** How to reach the shopper with the answer. */
  contact: z.optional(z.string().check(z.maxLength(320))),
  locale: z.optional(Locale)
})
export type RightsRequest = z.infer<typeof RightsRequest>

export type ParseResult<T> = { ok: true; value: T } | { ok: false; issues: ConfigIssue[] }

/**
 * Validate a merchant config: its shape, then the notice contents the law requires in every configured locale
 * (PIPL-17-1, PIPL-23-1, PIPL-30, PIPL-39, APPM-1) and safe links. Never throws.
 */
export function parseConfig(input: unknown): ParseResult<Config> {
  const shaped = z.safeParse(Config, input, { reportInput: true })
  if (!shaped.success) return { ok: false, issues: toIssues(shaped.error.issues) }
  const issues = checkConfigRules(shaped.data)
  return issues.length ? { ok: false, issues } : { ok: true, value: shaped.data }
}

/** Validate a consent state read from storage or received from elsewhere. Never throws. */
export function parseConsentState(input: unknown): ParseResult<ConsentState> {
  return parseWith(ConsentState, input)
}

/** Validate a receipt. Never throws. */
export function parseReceipt(input: unknown): ParseResult<Receipt> {
  return parseWith(Receipt, input)
}

/** Validate a rights request. Never throws. */
export function parseRightsRequest(input: unknown): ParseResult<RightsRequest> {
  return parseWith(RightsRequest, input)
}

function parseWith<T>(schema: z.ZodMiniType<T>, input: unknown): ParseResult<T> {
  const result = z.safeParse(schema, input, { reportInput: true })
  return result.success ? { ok: true, value: result.data } : { ok: false, issues: toIssues(result.error.issues) }
}

function toIssues(issues: readonly z.core.$ZodIssue[]): ConfigIssue[] {
  return issues.map((issue) => ({ path: formatPath(issue.path), message: plainMessage(issue) }))
}

function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((key, index) => (typeof key === "number" ? `[${key}]` : index === 0 ? String(key) : `.${String(key)}`))
    .join("")
}

function plainMessage(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case "invalid_type":
      return issue.input === undefined ? `is required (expected ${issue.expected})` : `expected ${issue.expected}, got ${describe(issue.input)}`
    case "unrecognized_keys":
      return `unknown key${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((key) => `"${key}"`).join(", ")}`
    case "invalid_value":
      return `must be one of ${issue.values.map((value) => JSON.stringify(value)).join(", ")}`
    default:
      return issue.message
  }
}

function describe(value: unknown): string {
  if (value === null) return "null"
  if (Array.isArray(value)) return "an array"
  return typeof value
}
