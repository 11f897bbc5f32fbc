/**
 * The `canary` message. `{ name: "canary", body: { tabId, action: "fill" } }` fills the tab's form fields with
 * fresh fake personal information and answers with the values and how many fields took them;
 * `{ …, action: "trace" }` answers with where each value went since (a CanaryResult, lib/canary/runs.ts).
 */
import { reportFields } from "~lib/analysis/fields"
import { fillFieldsInPage, fillPlan, type CanaryFill, type FillOutcome } from "~lib/canary/fill"
import { generateCanaries } from "~lib/canary/generate"
import { CanaryRuns, type CanaryResult } from "~lib/canary/runs"
import { readIndexedDbInPage, readStorageInPage, traceStored, type StorageSnapshot } from "~lib/canary/stored"
import { browserApi } from "~lib/chrome"
import { hostOf, registrableDomain } from "~lib/domains"
import type { CollectionEvent, FieldEvent } from "~lib/events"
import { handleMessage } from "~lib/messaging"
import { tabLogs } from "../tab-logs"
import { tabIdBody } from "../tab-report"

interface CanaryBody {
  tabId: number
  action: "fill" | "trace"
}

const runs = new CanaryRuns()
tabLogs.onPageEnd((tabId, log) => runs.pageEnded(tabId, log))
browserApi.onTabRemoved((tabId) => runs.forget(tabId))

/** The registrable domains of the page and of everything it contacted: where its cookies can be. */
function cookieDomains(url: string, events: readonly CollectionEvent[]): string[] {
  const hosts = [url, ...events.flatMap((event) => (event.type === "request" ? [event.url] : []))].map(hostOf)
  return [...new Set(hosts.filter((host) => host !== "").map(registrableDomain))]
}

function canaryBody(body: unknown): CanaryBody | string {
  const tab = tabIdBody("canary")(body)
  if (typeof tab === "string") return tab
  const action = (body as { action?: unknown }).action
  return action === "fill" || action === "trace" ? { ...tab, action } : 'the "canary" message needs body.action, "fill" or "trace"'
}

handleMessage<CanaryBody, CanaryFill | CanaryResult>("canary", {
  answers: true,
  parseBody: canaryBody,
  async handler({ body: { tabId, action } }, res) {
    await tabLogs.ready
    const log = tabLogs.get(tabId)
    if (action === "trace") {
      const canaries = runs.canaries(tabId)
      if (!canaries) throw new Error("no canary values were filled in on this tab yet")
      const url = log?.url ?? ""
      const events = log?.events ?? []
      // A page between loads (or one that forbids scripts) has no storage to read; its cookies are still listed.
      const noSnapshots = (): StorageSnapshot[][] => []
      const [webStorage, indexedDb] = await Promise.all([
        browserApi.runInTab(tabId, readStorageInPage, []).catch(noSnapshots),
        browserApi.runInTab(tabId, readIndexedDbInPage, []).catch(noSnapshots)
      ])
      const cookies = await browserApi.cookiesOn(cookieDomains(url, events))
      const stored = await traceStored(canaries, cookies, [...webStorage, ...indexedDb].flat())
      res.send((await runs.trace(tabId, { url, events }, stored))!)
      return
    }
    const fields = reportFields((log?.events ?? []).filter((event): event is FieldEvent => event.type === "field"))
    const canaries = generateCanaries()
    const plan = fillPlan(fields, canaries)
    if (!plan.length) throw new Error("this page has no form field asking for personal information to fill")
    const outcomes: FillOutcome[] = await browserApi.runInTab(tabId, fillFieldsInPage, [plan])
    const filled = outcomes.reduce((sum, outcome) => sum + (outcome?.filled ?? 0), 0)
    const skipped = outcomes.reduce((sum, outcome) => sum + (outcome?.skipped ?? 0), 0)
    if (!filled) throw new Error(`none of the ${plan.length} fields could be filled${skipped ? ` (${skipped} disabled or read-only)` : ""}`)
    runs.start(tabId, canaries)
    res.send({ canaries, filled, skipped })
  }
})
