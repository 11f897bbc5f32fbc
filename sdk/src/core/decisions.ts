/**
 * The consent rules as pure functions: from (config, stored record, shopper action) to a new state. No DOM, no
 * storage, no clock: the caller passes the receipt id, time and notice hash in.
 */
import type { Config, ConsentState, Locale } from "../schema"

/** What is kept on the device: the state plus a fingerprint of each purpose it covered (PIPL-14-2). */
export interface StoredRecord {
  v: 1
  state: ConsentState
  /** Purpose id → fingerprint of what the shopper was told about it when deciding. */
  fp: Record<string, string>
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
    const text = JSON.stringify([id, title, description, dataCategories, methods, retention, vendors])
    let hash = 0x811c9dc5
    for (let index = 0; index < text.length; index++) hash = Math.imul(hash ^ text.charCodeAt(index), 0x01000193)
    prints[id] = (hash >>> 0).toString(36)
  }
  return prints
}

/**
 * Whether to show the first layer. A stored refusal counts as a decision and is not asked again (NDSR-22-5);
 * a new policy version or a new or changed optional purpose is (PIPL-14-2, PIPL-17-3).
 */
export function prompt(config: Config, record: StoredRecord | null): Prompt {
  if (!record) return { ask: true, newPurposes: [], policyChanged: false }
  const prints = fingerprint(config)
  const newPurposes = config.purposes.filter((purpose) => !purpose.required && record.fp[purpose.id] !== prints[purpose.id]).map((purpose) => purpose.id)
  const policyChanged = record.state.policyVersion !== config.policy.version
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

/** Withdraw one purpose or separate item, or (no id) everything that is not required (PIPL-15-1). */
export function withdraw(config: Config, state: ConsentState, id?: string): { purposes: Record<string, boolean>; separate: Record<string, boolean> } {
  const purposes = { ...state.purposes }
  const separate = { ...state.separate }
  for (const purpose of config.purposes) if (!purpose.required && (id === undefined || id === purpose.id)) purposes[purpose.id] = false
  for (const item of config.separate ?? []) if (id === undefined || id === item.id) separate[item.id] = false
  return { purposes, separate }
}

/** Is a purpose or separate item granted? Required purposes need no consent; everything else needs a decision. */
export function isAllowed(config: Config, state: ConsentState | null, id: string): boolean {
  if (config.purposes.some((purpose) => purpose.id === id && purpose.required)) return true
  return state?.purposes[id] === true || state?.separate[id] === true
}

/** Purposes that were on before and are off now: their cookies must go (PIPL-15-2). */
export function withdrawnPurposes(before: ConsentState | null, after: ConsentState): string[] {
  if (!before) return []
  return Object.keys(before.purposes).filter((id) => before.purposes[id] && !after.purposes[id])
}
