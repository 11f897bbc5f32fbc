/**
 * The per-tab logs' copy in session storage, so a service-worker restart loses nothing. The copy is kept in chunks
 * of {@link CHUNK_EVENTS} events and a save rewrites only the chunks that changed: rewriting a whole log of up to
 * 20,000 events a few times a second cost every fetch() of the inspected page about 2.5 ms (in the browser process,
 * which serialises what is stored).
 *
 * Keys: `tab:<id>` holds the log's URL, its counts and how many chunks it has; `tab:<id>:<n>` holds its events from
 * n × CHUNK_EVENTS on.
 */
import type { SessionArea } from "../chrome"
import type { CollectionEvent } from "../events"
import type { TabLog } from "./tab-log"

export const CHUNK_EVENTS = 500

/** When a chunk does not fit the session quota, its bodies are cut to this and the write retried. */
const LEAN_BODY_TEXT = 2 * 1024

const KEY_PREFIX = "tab:"

interface SavedHead {
  url: string
  dropped: number
  truncatedBodies: number
  chunks: number
}

const headKey = (tabId: number): string => `${KEY_PREFIX}${tabId}`
const chunkKey = (tabId: number, chunk: number): string => `${KEY_PREFIX}${tabId}:${chunk}`
const chunkKeys = (tabId: number, from: number, to: number): string[] => Array.from({ length: Math.max(0, to - from) }, (_, offset) => chunkKey(tabId, from + offset))
const chunkOf = (index: number): number => Math.floor(index / CHUNK_EVENTS)
const ignore = (): undefined => undefined

function isSavedHead(value: unknown): value is SavedHead {
  const head = value as Partial<SavedHead> | null
  return typeof head?.url === "string" && typeof head.dropped === "number" && typeof head.truncatedBodies === "number" && Number.isInteger(head.chunks)
}

function leanChunk(events: readonly CollectionEvent[]): CollectionEvent[] {
  return events.map((event) => (event.type === "request" && event.body && event.body.length > LEAN_BODY_TEXT ? { ...event, body: event.body.slice(0, LEAN_BODY_TEXT) } : event))
}

export class SavedLogs {
  /** Tabs whose copy is behind, with the chunks that changed; the head is written with any of them. */
  private readonly dirty = new Map<number, Set<number>>()
  private readonly removed = new Set<number>()
  /** How many chunks each tab's copy has in storage. */
  private readonly stored = new Map<number, number>()
  /** The save in progress: the next one starts after it, as it reads what that one stored. */
  private saving: Promise<void> = Promise.resolve()

  constructor(private readonly area: SessionArea) {}

  /** The logs saved before a restart: none when storage cannot be read, and no log whose copy is incomplete. */
  async restore(): Promise<Map<number, TabLog>> {
    const saved = await this.area.getAll().catch(() => ({}) as Record<string, unknown>)
    const logs = new Map<number, TabLog>()
    for (const [key, head] of Object.entries(saved)) {
      const tabId = Number(key.slice(KEY_PREFIX.length))
      if (!key.startsWith(KEY_PREFIX) || !Number.isInteger(tabId) || !isSavedHead(head)) continue
      const chunks = chunkKeys(tabId, 0, head.chunks).map((each) => saved[each])
      if (!chunks.every((chunk): chunk is CollectionEvent[] => Array.isArray(chunk))) continue
      logs.set(tabId, { url: head.url, events: chunks.flat(), dropped: head.dropped, truncatedBodies: head.truncatedBodies })
      this.stored.set(tabId, head.chunks)
    }
    return logs
  }

  /** The tab's log changed: its URL or counts, and the event at `index` when one was kept or completed. */
  changed(tabId: number, index?: number): void {
    this.removed.delete(tabId)
    const chunks = this.dirty.get(tabId) ?? new Set<number>()
    if (index !== undefined) chunks.add(chunkOf(index))
    this.dirty.set(tabId, chunks)
  }

  forget(tabId: number): void {
    this.dirty.delete(tabId)
    this.removed.add(tabId)
  }

  /** Write what changed since the last save; storage that refuses (quota, shutdown) costs the copy, never the logs. */
  save(logs: ReadonlyMap<number, TabLog>): Promise<void> {
    this.saving = this.saving.then(() => this.writeChanges(logs))
    return this.saving
  }

  private async writeChanges(logs: ReadonlyMap<number, TabLog>): Promise<void> {
    const removed = [...this.removed]
    const dirty = [...this.dirty]
    this.removed.clear()
    this.dirty.clear()
    if (removed.length) {
      const keys = removed.flatMap((tabId) => [headKey(tabId), ...chunkKeys(tabId, 0, this.stored.get(tabId) ?? 0)])
      removed.forEach((tabId) => this.stored.delete(tabId))
      await this.area.remove(keys).catch(ignore)
    }
    for (const [tabId, chunks] of dirty) {
      const log = logs.get(tabId)
      if (log) await this.write(tabId, log, chunks)
    }
  }

  private async write(tabId: number, log: TabLog, chunks: ReadonlySet<number>): Promise<void> {
    const count = Math.ceil(log.events.length / CHUNK_EVENTS)
    const head: SavedHead = { url: log.url, dropped: log.dropped, truncatedBodies: log.truncatedBodies, chunks: count }
    const items = (lean: boolean): Record<string, unknown> => {
      const written: Record<string, unknown> = { [headKey(tabId)]: head }
      for (const chunk of chunks) {
        if (chunk >= count) continue
        const events = log.events.slice(chunk * CHUNK_EVENTS, (chunk + 1) * CHUNK_EVENTS)
        written[chunkKey(tabId, chunk)] = lean ? leanChunk(events) : events
      }
      return written
    }
    const attempt = (lean: boolean): Promise<boolean> => this.area.set(items(lean)).then(() => true, () => false)
    const before = this.stored.get(tabId) ?? 0
    if ((await attempt(false)) || (await attempt(true))) {
      this.stored.set(tabId, count)
      // What a new page's shorter log no longer has; the head already says how many chunks count.
      if (before > count) await this.area.remove(chunkKeys(tabId, count, before)).catch(ignore)
      return
    }
    // Storage is full: no copy is better than an incomplete one. The whole log is written again at the next save.
    this.stored.delete(tabId)
    await this.area.remove([headKey(tabId), ...chunkKeys(tabId, 0, Math.max(before, count))]).catch(ignore)
    const again = this.dirty.get(tabId) ?? new Set<number>()
    for (let chunk = 0; chunk < count; chunk++) again.add(chunk)
    this.dirty.set(tabId, again)
  }
}
