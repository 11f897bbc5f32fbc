/**
 * The consent rules as pure functions: from (config, stored record, shopper action) to a new state. No DOM, no
 * storage, no clock: the caller passes the receipt id, time and notice hash in.
 */
import type { Config, ConsentState, Locale } from "../schema"

/** A short, fast, non-cryptographic hash of a text (32-bit FNV-1a, base 36): to notice a change, not to prove one. */
export function shortHash(text: string): string {
  let hash = 0x811c9dc5
  for (let index = 0; index < text.length; index++) hash = Math.imul(hash ^ text.charCodeAt(index), 0x01000193)
  return (hash >>> 0).toString(36)
}

/** What is kept on the device: the state plus a fingerprint of each purpose it covered (PIPL-14-2). */
export interface StoredRecord {
  v: 1
  state: ConsentState
  /** Purpose id → fingerprint of what the shopper was told about it when last answering the general notice. */
  fp: Record<string, string>
  /** The policy version the general notice was last answered under (older records: the state's). */
  policy?: string
}

/** What the shopper is (re-)asked, if anything. */
export interface Prompt {
  ask: boolean
  /** Optional purposes that are new or changed since the stored decision. */
  newPurposes: string[]
  /** The stored decision was made under an older policy version (PIPL-17-3). */
  policyChanged: boolean
}

/** The stamp of one decision, made by the caller. */
export interface Stamp {
  id: string
  subject: string
  locale: Locale
  decidedAt: string
  noticeHash: string
}

/** FNV-1a over what the shopper is told about a purpose: a change in it is a new purpose to ask about. */
export function fingerprint(config: Config): Record<string, string> {
  const prints: Record<string, string> = {}
  for (const purpose of config.purposes) {
    const { id, title, description, dataCategories, methods, retention, vendors } = purpose
    prints[id] = shortHash(JSON.stringify([id, title, description, dataCategories, methods, retention, vendors]))
  }
  return prints
}

/**
 * Whether to show the first layer. A stored refusal counts as a decision and is not asked again (NDSR-22-5);
 * a new policy version or a new or changed optional purpose is (PIPL-14-2, PIPL-17-3).
 */
export function prompt(config: Config, record: StoredRecord | null): Prompt {
  // No fingerprint: only separate items were answered so far, the general notice not yet.
  if (!record || !Object.keys(record.fp).length) return { ask: true, newPurposes: [], policyChanged: false }
  const prints = fingerprint(config)
  const newPurposes = config.purposes.filter((purpose) => !purpose.required && record.fp[purpose.id] !== prints[purpose.id]).map((purpose) => purpose.id)
  const policyChanged = (record.policy ?? record.state.policyVersion) !== config.policy.version
  return { ask: policyChanged || newPurposes.length > 0, newPurposes, policyChanged }
}

/**
 * The state after a decision. Required purposes are always on; optional ones only when the decision says so
 * (PIPL-14-1); separate items keep their earlier answer unless this decision answers them on their own (SEP-UI);
 * a Global Privacy Control signal refuses marketing whatever was clicked.
 */
export function decide(
  config: Config,
  previous: ConsentState | null,
  choice: { purposes: Record<string, boolean>; separate?: Record<string, boolean> },
  stamp: Stamp,
  gpc = false
): ConsentState {
  const purposes: Record<string, boolean> = {}
  for (const purpose of config.purposes) {
    purposes[purpose.id] = purpose.required === true || (choice.purposes[purpose.id] === true && !(gpc && purpose.id === "marketing"))
  }
  const separate: Record<string, boolean> = {}
  for (const item of config.separate ?? []) {
    const answer = choice.separate?.[item.id]
    separate[item.id] = answer === undefined ? previous?.separate[item.id] === true : answer === true
  }
  return { schema: 1, ...stamp, policyVersion: config.policy.version, purposes, separate }
}

/**
 * The record to keep after a decision. Only an answer to the general notice (a decision without `separate`) tells
 * what the shopper now knows of the policy and the purposes; a separate item answered on its own or a withdrawal
 * keeps the earlier fingerprint, so a pending re-ask stays pending.
 */
export function nextRecord(
  config: Config,
  previous: StoredRecord | null,
  choice: { purposes: Record<string, boolean>; separate?: Record<string, boolean> },
  stamp: Stamp,
  gpc = false
): StoredRecord {
  const state = decide(config, previous?.state ?? null, choice, stamp, gpc)
  if (!choice.separate) return { v: 1, state, fp: fingerprint(config), policy: config.policy.version }
  const policy = previous?.policy ?? previous?.state.policyVersion
  return { v: 1, state, fp: previous?.fp ?? {}, ...(policy ? { policy } : {}) }
}

/** Withdraw one purpose or separate item, or (no id) everything that is not required (PIPL-15-1). */
export function withdraw(config: Config, state: ConsentState, id?: string): { purposes: Record<string, boolean>; separate: Record<string, boolean> } {
  const purposes = { ...state.purposes }
  const separate = { ...state.separate }
  for (const purpose of config.purposes) if (!purpose.required && (id === undefined || id === purpose.id)) purposes[purpose.id] = false
  for (const item of config.separate ?? []) if (id === undefined || id === item.id) separate[item.id] = false
  return { purposes, separate }
}

/**
 * Is a purpose or separate item granted? Nothing is until a valid decision exists, not even a required purpose:
 * the safe default. After one, required purposes are on whatever was stored. Only ids the config still has count:
 * a stored grant of a purpose since removed from the notice is not consent to anything the shopper is now told.
 */
export function isAllowed(config: Config, state: ConsentState | null, id: string): boolean {
  if (!state) return false
  const purpose = config.purposes.find((each) => each.id === id)
  if (purpose) return purpose.required === true || state.purposes[id] === true
  return (config.separate ?? []).some((item) => item.id === id) && state.separate[id] === true
}

/**
 * The stored choices that stay in force while the shopper is asked again (PIPL-14-2, PIPL-17-3): unchanged purposes
 * keep their answer, a new or changed one is off until the shopper has been told about it.
 */
export function carried(config: Config, record: StoredRecord): ConsentState {
  const { newPurposes } = prompt(config, record)
  const purposes = { ...record.state.purposes }
  for (const id of newPurposes) purposes[id] = false
  return { ...record.state, purposes }
}

/** Purposes that were on before and are off now: their cookies must go (PIPL-15-2). */
export function withdrawnPurposes(before: ConsentState | null, after: ConsentState): string[] {
  if (!before) return []
  return Object.keys(before.purposes).filter((id) => before.purposes[id] && !after.purposes[id])
}
