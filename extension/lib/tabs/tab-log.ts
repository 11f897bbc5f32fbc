/**
 * What each tab's page has done so far, in the service worker's memory and mirrored to session storage
 * (saved-logs.ts), so a service-worker restart (MV3 stops idle workers after 30 s) loses nothing.
 *
 * Bounded so a page that floods requests cannot exhaust memory: past the cap, events are counted, not kept, each
 * request body is cut at 256 KB, and past a text budget per tab every text is cut to 1 KB.
 */
import type { SessionArea } from "../chrome"
import type { CollectionEvent } from "../events"
import { MAX_BODY_TEXT } from "./limits"
import { SavedLogs } from "./saved-logs"

export const MAX_EVENTS_PER_TAB = 20_000

/** How long changes wait before they are written, so a burst of events costs one write. */
export const SAVE_DELAY_MS = 400

export interface TabLog {
  /** The page's URL when it started loading ("" when the log started mid-page, e.g. after the extension loaded). */
  url: string
  events: CollectionEvent[]
  /** Events not kept because the log was full. */
  dropped: number
  /** Request bodies cut at the size cap. */
  truncatedBodies: number
}

/**
 * Text (URLs, bodies, stored values) a tab's log keeps at full length. Past it each text of a later event is cut to
 * {@link LEAN_TEXT}: a page sending 20,000 bodies of 256 KB would otherwise hold 5 G characters in the worker.
 */
export const MAX_TEXT_PER_TAB = 16 * 1024 * 1024
export const LEAN_TEXT = 1024

/** Where each kept event is, so amending an event does not search a log of up to 20,000 for it. */
const placeOf = new WeakMap<CollectionEvent, { log: TabLog; index: number }>()

/** Characters of text each log holds; computed once for a log restored from session storage. */
const textKept = new WeakMap<TabLog, number>()

function textOf(event: CollectionEvent): number {
  let length = 0
  for (const value of Object.values(event)) if (typeof value === "string") length += value.length
  return length
}

function keptSoFar(log: TabLog): number {
  let kept = textKept.get(log)
  if (kept === undefined) {
    kept = log.events.reduce((sum, event) => sum + textOf(event), 0)
    textKept.set(log, kept)
  }
  return kept
}

/** The fields as kept: a body cut at MAX_BODY_TEXT, and every text cut to LEAN_TEXT once the tab's budget is spent. */
function fit<T extends Partial<CollectionEvent>>(fields: T, log: TabLog): T {
  const lean = keptSoFar(log) >= MAX_TEXT_PER_TAB
  let fitted = fields
  for (const [key, value] of Object.entries(fields)) {
    const limit = lean ? LEAN_TEXT : key === "body" ? MAX_BODY_TEXT : Infinity
    if (typeof value !== "string" || value.length <= limit) continue
    if (key === "body") log.truncatedBodies++
    fitted = { ...fitted, [key]: value.slice(0, limit) }
  }
  return fitted
}

/** Every tab's log. Mutations made before the saved logs are restored wait for them, in order. */
export class TabLogs {
  private readonly logs = new Map<number, TabLog>()
  private waiting: Array<() => void> | null = []
  private readonly saved: SavedLogs
  private saveTimer: ReturnType<typeof setTimeout> | undefined
  private readonly pageEndListeners: Array<(tabId: number, ended: TabLog) => void> = []
  /** Settles once the logs saved before a restart are back in memory. */
  readonly ready: Promise<void>

  constructor(area: SessionArea) {
    this.saved = new SavedLogs(area)
    this.ready = this.restore()
  }

  private async restore(): Promise<void> {
    for (const [tabId, log] of await this.saved.restore()) {
      log.events.forEach((event, index) => placeOf.set(event, { log, index }))
      this.logs.set(tabId, log)
    }
    const waiting = this.waiting ?? []
    this.waiting = null
    for (const run of waiting) run()
  }

  private whenReady(run: () => void): void {
    if (this.waiting) this.waiting.push(run)
    else run()
  }

  /** Be told of each page's log as a top-level navigation replaces it (a canary run follows values across pages). */
  onPageEnd(listener: (tabId: number, ended: TabLog) => void): void {
    this.pageEndListeners.push(listener)
  }

  /** A top-level navigation: the tab's page starts afresh. */
  startPage(tabId: number, url: string): void {
    this.whenReady(() => {
      const ended = this.logs.get(tabId)
      if (ended) for (const listener of this.pageEndListeners) listener(tabId, ended)
      this.logs.set(tabId, { url, events: [], dropped: 0, truncatedBodies: 0 })
      this.changed(tabId)
    })
  }

  /**
   * Keep one event of the tab's page (a tab seen for the first time gets a log without a URL). `kept` is told the
   * stored event, which {@link amend} can later complete; it is not called when the log was full.
   */
  record(tabId: number, event: CollectionEvent, kept?: (stored: CollectionEvent) => void): void {
    this.whenReady(() => {
      const log = this.logOf(tabId)
      if (log.events.length >= MAX_EVENTS_PER_TAB) {
        log.dropped++
        this.changed(tabId)
        return
      }
      const stored = fit(event, log)
      textKept.set(log, keptSoFar(log) + textOf(stored))
      const index = log.events.push(stored) - 1
      placeOf.set(stored, { log, index })
      this.changed(tabId, index)
      kept?.(stored)
    })
  }

  /** Events of the tab's page lost before they reached the log (a page flooding its probe): counted as dropped. */
  countDropped(tabId: number, count: number): void {
    this.whenReady(() => {
      this.logOf(tabId).dropped += count
      this.changed(tabId)
    })
  }

  /** The tab's log, created without a URL for a tab seen for the first time. */
  private logOf(tabId: number): TabLog {
    let log = this.logs.get(tabId)
    if (!log) {
      log = { url: "", events: [], dropped: 0, truncatedBodies: 0 }
      this.logs.set(tabId, log)
    }
    return log
  }

  /** Complete an event already kept (the server's IP, a body decoded later), if it is still in the tab's log. */
  amend<T extends CollectionEvent>(tabId: number, stored: T, patch: Partial<T>): void {
    this.whenReady(() => {
      const log = this.logs.get(tabId)
      const place = placeOf.get(stored)
      if (!log || place?.log !== log) return
      // Only the patch is cut: what was kept whole stays whole, and a body cut before is not counted again.
      const before = textOf(stored)
      Object.assign(stored, fit(patch, log))
      textKept.set(log, keptSoFar(log) + textOf(stored) - before)
      this.changed(tabId, place.index)
    })
  }

  /** The tab's log, as it is now. */
  get(tabId: number): Readonly<TabLog> | undefined {
    return this.logs.get(tabId)
  }

  /** Ids of the tabs with a log. */
  tabIds(): number[] {
    return [...this.logs.keys()]
  }

  forget(tabId: number): void {
    this.whenReady(() => {
      this.logs.delete(tabId)
      this.saved.forget(tabId)
      this.scheduleSave()
    })
  }

  /** The tab's log changed: its URL or counts, and the event at `index` when one was kept or completed. */
  private changed(tabId: number, index?: number): void {
    this.saved.changed(tabId, index)
    this.scheduleSave()
  }

  private scheduleSave(): void {
    if (this.saveTimer !== undefined) return
    this.saveTimer = setTimeout(() => {
      this.saveTimer = undefined
      void this.save()
    }, SAVE_DELAY_MS)
  }

  /** Write what changed now; storage that refuses (quota, shutdown) costs persistence, never the logs in memory. */
  save(): Promise<void> {
    return this.saved.save(this.logs)
  }
}
