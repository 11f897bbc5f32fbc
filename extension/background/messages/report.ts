/**
 * The `report` message (design.md, "Extension contract"): any extension page sends
 * `chrome.runtime.sendMessage({ name: "report", body: { tabId } })` and gets the tab's Report.
 */
import { buildReport } from "~lib/analysis/build-report"
import { browserApi } from "~lib/chrome"
import { handleMessage } from "~lib/messaging"
import type { Report } from "~lib/report"
import { tabLogs } from "../tab-logs"

interface ReportBody {
  tabId: number
}

function reportBody(body: unknown): ReportBody | string {
  const tabId = (body as Partial<ReportBody> | null)?.tabId
  return typeof tabId === "number" && Number.isInteger(tabId) && tabId >= 0 ? { tabId } : 'the "report" message needs body.tabId, a tab id (a whole number)'
}

handleMessage<ReportBody, Report>("report", {
  answers: true,
  parseBody: reportBody,
  async handler({ body }, res) {
    await tabLogs.ready
    const log = tabLogs.get(body.tabId)
    const url = log?.url || (await browserApi.tabUrl(body.tabId)) || ""
    const events = log ? [...log.events] : []
    const report = await buildReport({ url, events })
    res.send({ ...report, collection: { events: events.length, dropped: log?.dropped ?? 0, truncatedBodies: log?.truncatedBodies ?? 0 } })
  }
})
