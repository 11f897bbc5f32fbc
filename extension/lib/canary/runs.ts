/**
 * The canary runs of the open tabs: the values put into a tab's forms, and the pages the tab showed since, so a
 * value is still traced after the form's submission navigated to the next page.
 */
import type { CollectionEvent } from "../events"
import { maskPi } from "../pii/mask"
import type { CanaryValue } from "./generate"
import type { StoredHit } from "./stored"
import { traceCanaries, type CanaryTrace } from "./trace"

/** A page's events, as the tab log kept them. */
export interface CanaryPage {
  url: string
  events: readonly CollectionEvent[]
}

/** What the panel shows of a run. */
export interface CanaryResult {
  /** When the forms were filled (ISO-8601). */
  startedAt: string
  /** How many pages the values were traced through (the filled page and those after it). */
  pages: number
  traces: CanaryTrace[]
}

/** Pages after the filled one that a run keeps following; a shopper's journey from form to receipt is shorter. */
export const MAX_FOLLOWED_PAGES = 5

interface Run {
  canaries: CanaryValue[]
  startedAt: number
  earlier: CanaryPage[]
}

export class CanaryRuns {
  private readonly runs = new Map<number, Run>()

  /** A new run on the tab replaces the last one. */
  start(tabId: number, canaries: CanaryValue[], now: number = Date.now()): void {
    this.runs.set(tabId, { canaries, startedAt: now, earlier: [] })
  }

  /** The tab left a page while a run was on: keep its events to trace through. */
  pageEnded(tabId: number, page: CanaryPage): void {
    const run = this.runs.get(tabId)
    if (!run) return
    run.earlier.push({ url: page.url, events: [...page.events] })
    if (run.earlier.length > MAX_FOLLOWED_PAGES) run.earlier.shift()
  }

  /** The values of the tab's run, or undefined without one. */
  canaries(tabId: number): readonly CanaryValue[] | undefined {
    return this.runs.get(tabId)?.canaries
  }

  forget(tabId: number): void {
    this.runs.delete(tabId)
  }

  /**
   * Where the tab's canary values went, on every page since they were filled in, with `stored[i]` the places the
   * i-th value is kept on the device now; undefined without a run.
   */
  async trace(tabId: number, current: CanaryPage, stored: readonly StoredHit[][] = []): Promise<CanaryResult | undefined> {
    const run = this.runs.get(tabId)
    if (!run) return undefined
    const pages = [...run.earlier, current]
    const traces = run.canaries.map((canary, index): CanaryTrace => ({ kind: canary.kind, value: canary.value, masked: maskPi(canary.kind, canary.value), hits: [], stored: stored[index] ?? [] }))
    const before: CollectionEvent[] = []
    for (const page of pages) {
      const found = await traceCanaries({ url: page.url, events: page.events, canaries: run.canaries, before })
      before.push(...page.events.filter((event) => event.type === "consent" || event.type === "config"))
      found.forEach((trace, index) => traces[index]!.hits.push(...trace.hits))
    }
    return { startedAt: new Date(run.startedAt).toISOString(), pages: pages.length, traces }
  }
}
