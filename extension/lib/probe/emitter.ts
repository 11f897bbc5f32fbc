/**
 * The probe's outbox: events are queued and sent in batches, a few times a second, so the page's hot paths only
 * push to an array. Until the relay's channel is known the queue waits, bounded.
 */
import type { CollectionEvent } from "../events"
import { announce, natives } from "./natives"

/** How long events wait to be batched. */
export const BATCH_DELAY_MS = 200
/** Events held while no channel is open; a page that floods before the handshake loses the rest. */
export const MAX_QUEUED = 5000

export class ProbeEmitter {
  private queue: CollectionEvent[] = []
  private secret: string | undefined
  private timer = false

  constructor(private readonly target: EventTarget) {}

  /** Queue one event. */
  emit(event: CollectionEvent): void {
    if (this.queue.length >= MAX_QUEUED) return
    this.queue.push(event)
    this.schedule()
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
    if (this.secret === undefined || !this.queue.length) return
    const batch = this.queue
    this.queue = []
    try {
      announce(this.target, this.secret, Reflect.apply(natives.stringify, JSON, [batch]) as string)
    } catch {
      // An event the page made unserialisable (a getter that throws) must not stop the probe.
    }
  }
}
