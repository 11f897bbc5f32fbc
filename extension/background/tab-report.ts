/** A tab's Report from its log, as the `report` message and the consent scan both need it. */
import { buildReport } from "~lib/analysis/build-report"
import { browserApi } from "~lib/chrome"
import type { Report } from "~lib/report"
import { tabLogs } from "./tab-logs"

export async function tabReport(tabId: number): Promise<Report> {
  await tabLogs.ready
  const log = tabLogs.get(tabId)
  const url = log?.url || (await browserApi.tabUrl(tabId)) || ""
  const events = log ? [...log.events] : []
  const report = await buildReport({ url, events })
  return { ...report, collection: { events: events.length, dropped: log?.dropped ?? 0, truncatedBodies: log?.truncatedBodies ?? 0 } }
}

/** The body every per-tab message takes: `{ tabId }`, or the error the sender gets. */
export function tabIdBody(name: string) {
  return (body: unknown): { tabId: number } | string => {
    const tabId = (body as { tabId?: unknown } | null)?.tabId
    return typeof tabId === "number" && Number.isInteger(tabId) && tabId >= 0 ? { tabId } : `the "${name}" message needs body.tabId, a tab id (a whole number)`
  }
}
