/**
 * The shopper's consent over the life of a page, so every event can be judged by the state at its moment:
 * before any decision, granted, refused, or withdrawn, per purpose and per separate item.
 */
import type { Config, ConsentState, Purpose, SeparateItem } from "@zhiqing/sdk/schema"
import { ofType, type CollectionEvent, type ConsentEvent } from "../events"
import { usableConfig, usableState } from "./page-input"

/** Where a purpose stood at one moment. */
export type PurposeStatus = "essential" | "undecided" | "granted" | "refused" | "withdrawn"

interface Entry {
  time: number
  state: ConsentState | null
}

/** A stored decision loaded at "ready" was made before the page: it applies from when it was made. */
function effectiveTime(event: ConsentEvent): number {
  if (event.phase !== "ready" || !event.state) return event.time
  const decided = Date.parse(event.state.decidedAt)
  return Number.isFinite(decided) ? Math.min(decided, event.time) : event.time
}

export class ConsentTimeline {
  /**
   * The timeline of a page's events: its last usable config, and the consent moments that carry a decision (the
   * dialog appearing changes none).
   */
  static ofPage(events: readonly CollectionEvent[]): ConsentTimeline {
    const config = ofType(events, "config")
      .map((event) => usableConfig(event.config))
      .filter((candidate) => candidate !== undefined)
      .at(-1)
    return new ConsentTimeline(
      ofType(events, "consent").filter((event) => event.phase !== "dialog-shown"),
      config
    )
  }

  private readonly entries: Entry[]
  private readonly purposes: ReadonlyMap<string, Purpose>

  constructor(
    events: readonly ConsentEvent[],
    readonly config: Config | undefined
  ) {
    this.entries = events
      .map((event) => {
        const checked = { ...event, state: usableState(event.state) }
        return { time: effectiveTime(checked), state: checked.state }
      })
      .sort((a, b) => a.time - b.time)
    this.purposes = new Map((config?.purposes ?? []).map((purpose) => [purpose.id, purpose]))
  }

  /** The page showed any sign of Zhiqing: a config or a consent event. */
  get present(): boolean {
    return this.config !== undefined || this.entries.length > 0
  }

  /** The decision in force at `time`, or null when none was made yet (or it was cleared). */
  stateAt(time: number): ConsentState | null {
    let state: ConsentState | null = null
    for (const entry of this.entries) {
      if (entry.time > time) break
      state = entry.state
    }
    return state
  }

  /** The latest decision on the page. */
  get latest(): ConsentState | null {
    return this.entries.at(-1)?.state ?? null
  }

  /** Where `purposeId` stood at `time`: refused and withdrawn are told apart by an earlier grant. */
  purposeStatus(purposeId: string, time: number): PurposeStatus {
    if (this.purposes.get(purposeId)?.required) return "essential"
    let granted = false
    let status: PurposeStatus = "undecided"
    for (const entry of this.entries) {
      if (entry.time > time) break
      const value = entry.state?.purposes[purposeId]
      if (value === true) granted = true
      status = value === undefined ? "undecided" : value ? "granted" : granted ? "withdrawn" : "refused"
    }
    return status
  }

  /** Whether the separate-consent item was granted at `time`. */
  separateGranted(itemId: string, time: number): boolean {
    return this.stateAt(time)?.separate[itemId] === true
  }

  /** The configured separate items of one kind granted at `time`. */
  grantedItems(kind: SeparateItem["kind"], time: number): SeparateItem[] {
    return (this.config?.separate ?? []).filter((item) => item.kind === kind && this.separateGranted(item.id, time))
  }

  /** One line for evidence: the consent in force at `time`. */
  summary(time: number): string {
    const state = this.stateAt(time)
    if (!state) return "consent: no decision yet"
    const purposes = Object.keys({ ...Object.fromEntries(this.purposes), ...state.purposes })
      .map((id) => `${id}=${this.purposeStatus(id, time)}`)
      .join(", ")
    const separate = Object.entries(state.separate)
      .map(([id, granted]) => `${id}=${granted ? "granted" : "not granted"}`)
      .join(", ")
    return `consent (policy ${state.policyVersion}, decided ${state.decidedAt}): ${purposes || "no purposes"}${separate ? `; separate: ${separate}` : ""}`
  }
}
