/**
 * The probe's outbox: events are queued and sent in batches, a few times a second, so the page's hot paths only
 * push to an array. A batch that reaches the per-message limit goes at once; one too long for a message is split.
 * Until the relay's channel is known the queue waits, bounded, and counts what it could not keep so the report can
 * say so.
 */
import type { CollectionEvent } from "../events"
import { MAX_EVENTS_PER_MESSAGE, MAX_MESSAGE_TEXT } from "../tabs/limits"
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
    for (let start = 0; start < queued.length; start += MAX_EVENTS_PER_MESSAGE) this.send(this.secret, queued.slice(start, start + MAX_EVENTS_PER_MESSAGE))
    // Losses not told yet (before the handshake, or in a batch that could not go) are told on their own.
    if (this.lost) this.send(this.secret, [])
  }

  /** Announce one batch with the losses so far; a batch too long for one message goes as two halves. */
  private send(secret: string, events: CollectionEvent[]): void {
    let json: string
    try {
      json = Reflect.apply(natives.stringify, JSON, [{ events, lost: this.lost } satisfies ProbeBatch]) as string
    } catch {
      // An event the page made unserialisable (a getter that throws) must not stop the probe; its batch is lost.
      this.lost += events.length
      return
    }
    if (json.length > MAX_MESSAGE_TEXT && events.length > 1) {
      const half = Math.ceil(events.length / 2)
      this.send(secret, events.slice(0, half))
      this.send(secret, events.slice(half))
    } else if (json.length > MAX_MESSAGE_TEXT) {
      this.lost++
    } else {
      this.lost = 0
      announce(this.target, secret, json)
    }
  }
}
