/**
 * What each tab's page has done so far, in the service worker's memory and mirrored to session storage, so a
 * service-worker restart (MV3 stops idle workers after 30 s) loses nothing.
 *
 * Bounded so a page that floods requests cannot exhaust memory: past the cap, events are counted, not kept, each
 * request body is cut at 256 KB, and past a text budget per tab every text is cut to 1 KB.
 */
import type { SessionArea } from "../chrome"
import type { CollectionEvent } from "../events"
import { MAX_BODY_TEXT } from "./limits"

export const MAX_EVENTS_PER_TAB = 20_000

/** How long changes wait before they are written, so a burst of events costs one write. */
export const SAVE_DELAY_MS = 400

/** When a tab's log does not fit the session quota, bodies are cut to this and the write retried. */
const LEAN_BODY_TEXT = 2 * 1024

const KEY_PREFIX = "tab:"

export interface TabLog {
  /** The page's URL when it started loading ("" when the log started mid-page, e.g. after the extension loaded). */
  url: string
  events: CollectionEvent[]
  /** Events not kept because the log was full. */
  dropped: number
  /** Request bodies cut at the size cap. */
  truncatedBodies: number
}

function isTabLog(value: unknown): value is TabLog {
  const log = value as Partial<TabLog> | null
  return typeof log?.url === "string" && Array.isArray(log.events) && typeof log.dropped === "number"
}

/**
 * Text (URLs, bodies, stored values) a tab's log keeps at full length. Past it each text of a later event is cut to
 * {@link LEAN_TEXT}: a page sending 20,000 bodies of 256 KB would otherwise hold 5 G characters in the worker.
 */
export const MAX_TEXT_PER_TAB = 16 * 1024 * 1024
export const LEAN_TEXT = 1024

/** The log each kept event is in, so amending an event does not search a log of up to 20,000 for it. */
const logOfEvent = new WeakMap<CollectionEvent, TabLog>()

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

function leanCopy(log: TabLog): TabLog {
  return {
    ...log,
    events: log.events.map((event) => (event.type === "request" && event.body && event.body.length > LEAN_BODY_TEXT ? { ...event, body: event.body.slice(0, LEAN_BODY_TEXT) } : event))
  }
}

/** Every tab's log. Mutations made before the saved logs are restored wait for them, in order. */
export class TabLogs {
  private readonly logs = new Map<number, TabLog>()
  private waiting: Array<() => void> | null = []
  private readonly dirty = new Set<number>()
  private readonly removed = new Set<number>()
  private saveTimer: ReturnType<typeof setTimeout> | undefined
  private readonly pageEndListeners: Array<(tabId: number, ended: TabLog) => void> = []
  /** Settles once the logs saved before a restart are back in memory. */
  readonly ready: Promise<void>

  constructor(private readonly area: SessionArea) {
    this.ready = this.restore()
  }

  private async restore(): Promise<void> {
    const saved = await this.area.getAll().catch(() => ({}) as Record<string, unknown>)
    for (const [key, value] of Object.entries(saved)) {
      const tabId = Number(key.slice(KEY_PREFIX.length))
      if (!key.startsWith(KEY_PREFIX) || !Number.isInteger(tabId) || !isTabLog(value)) continue
      const log = { ...value, truncatedBodies: value.truncatedBodies ?? 0 }
      for (const event of log.events) logOfEvent.set(event, log)
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
      } else {
        const stored = fit(event, log)
        textKept.set(log, keptSoFar(log) + textOf(stored))
        log.events.push(stored)
        logOfEvent.set(stored, log)
        kept?.(stored)
      }
      this.changed(tabId)
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
      if (!log || logOfEvent.get(stored) !== log) return
      // Only the patch is cut: what was kept whole stays whole, and a body cut before is not counted again.
      const before = textOf(stored)
      Object.assign(stored, fit(patch, log))
      textKept.set(log, keptSoFar(log) + textOf(stored) - before)
      this.changed(tabId)
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
      this.dirty.delete(tabId)
      this.removed.add(tabId)
      this.scheduleSave()
    })
  }

  private changed(tabId: number): void {
    this.dirty.add(tabId)
    this.removed.delete(tabId)
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
  async save(): Promise<void> {
    const dirty = [...this.dirty]
    const removed = [...this.removed]
    this.dirty.clear()
    this.removed.clear()
    if (removed.length) await this.area.remove(removed.map((tabId) => KEY_PREFIX + tabId)).catch(() => undefined)
    for (const tabId of dirty) {
      const log = this.logs.get(tabId)
      if (!log) continue
      const key = KEY_PREFIX + tabId
      const saved = await this.area.set({ [key]: log }).then(
        () => true,
        () => false
      )
      if (!saved) await this.area.set({ [key]: leanCopy(log) }).catch(() => this.area.remove([key]).catch(() => undefined))
    }
  }
}
