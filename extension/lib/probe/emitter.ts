/**
 * The probe's outbox: events are queued and sent in batches, a few times a second, so the page's hot paths only
 * push to an array. A batch that reaches the per-message limit goes at once. Until the relay's channel is known the
 * queue waits, bounded, and counts what it could not keep so the report can say so.
 */
import type { CollectionEvent } from "../events"
import { MAX_EVENTS_PER_MESSAGE } from "../tabs/limits"
import { announce, natives } from "./natives"

/** How long events wait to be batched. */
export const BATCH_DELAY_MS = 200
/** Events held while no channel is open; a page that floods before the handshake loses the rest, counted. */
export const MAX_QUEUED = 5000

/** What one message down the private channel carries. */
export interface ProbeBatch {
  events: CollectionEvent[]
  /** Events dropped since the last batch. */
  lost: number
}

export class ProbeEmitter {
  private queue: CollectionEvent[] = []
  private lost = 0
  private secret: string | undefined
  private timer = false

  constructor(private readonly target: EventTarget) {}

  /** Queue one event. */
  emit(event: CollectionEvent): void {
    if (this.secret === undefined && this.queue.length >= MAX_QUEUED) {
      this.lost++
      return
    }
    this.queue.push(event)
    if (this.secret !== undefined && this.queue.length >= MAX_EVENTS_PER_MESSAGE) this.flush()
    else this.schedule()
  }

  /** The channel is open: send what waited. */
  open(secret: string): void {
    this.secret = secret
    this.flush()
  }

  private schedule(): void {
    if (this.timer || this.secret === undefined) return
    this.timer = true
    natives.setTimeout(() => {
      this.timer = false
      this.flush()
    }, BATCH_DELAY_MS)
  }

  /** Send the queue now (also when the page is being hidden, so nothing is lost on navigation). */
  flush(): void {
    if (this.secret === undefined) return
    const queued = this.queue
    this.queue = []
    for (let start = 0; start < queued.length || this.lost; start += MAX_EVENTS_PER_MESSAGE) {
      const batch: ProbeBatch = { events: queued.slice(start, start + MAX_EVENTS_PER_MESSAGE), lost: this.lost }
      this.lost = 0
      try {
        announce(this.target, this.secret, Reflect.apply(natives.stringify, JSON, [batch]) as string)
      } catch {
        // An event the page made unserialisable (a getter that throws) must not stop the probe; its batch is lost.
        if (!batch.events.length) return
        this.lost += batch.events.length
      }
    }
  }
}
