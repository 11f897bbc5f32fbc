/**
 * What each tab's page has done so far, in the service worker's memory and mirrored to session storage, so a
 * service-worker restart (MV3 stops idle workers after 30 s) loses nothing.
 *
 * Bounded so a page that floods requests cannot exhaust memory: past the cap, events are counted, not kept, and
 * each request body is cut at 256 KB.
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

function capBody<T extends CollectionEvent>(event: T, log: TabLog): T {
  if (event.type !== "request" || event.body === undefined || event.body.length <= MAX_BODY_TEXT) return event
  log.truncatedBodies++
  return { ...event, body: event.body.slice(0, MAX_BODY_TEXT) }
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
  /** Settles once the logs saved before a restart are back in memory. */
  readonly ready: Promise<void>

  constructor(private readonly area: SessionArea) {
    this.ready = this.restore()
  }

  private async restore(): Promise<void> {
    const saved = await this.area.getAll().catch(() => ({}) as Record<string, unknown>)
    for (const [key, value] of Object.entries(saved)) {
      const tabId = Number(key.slice(KEY_PREFIX.length))
      if (key.startsWith(KEY_PREFIX) && Number.isInteger(tabId) && isTabLog(value)) this.logs.set(tabId, { ...value, truncatedBodies: value.truncatedBodies ?? 0 })
    }
    const waiting = this.waiting ?? []
    this.waiting = null
    for (const run of waiting) run()
  }

  private whenReady(run: () => void): void {
    if (this.waiting) this.waiting.push(run)
    else run()
  }

  /** A top-level navigation: the tab's page starts afresh. */
  startPage(tabId: number, url: string): void {
    this.whenReady(() => {
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
      let log = this.logs.get(tabId)
      if (!log) {
        log = { url: "", events: [], dropped: 0, truncatedBodies: 0 }
        this.logs.set(tabId, log)
      }
      if (log.events.length >= MAX_EVENTS_PER_TAB) {
        log.dropped++
      } else {
        const stored = capBody(event, log)
        log.events.push(stored)
        kept?.(stored)
      }
      this.changed(tabId)
    })
  }

  /** Complete an event already kept (the server's IP, a body decoded later), if it is still in the tab's log. */
  amend<T extends CollectionEvent>(tabId: number, stored: T, patch: Partial<T>): void {
    this.whenReady(() => {
      const log = this.logs.get(tabId)
      if (!log?.events.includes(stored)) return
      Object.assign(stored, capBody({ ...stored, ...patch }, log))
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
