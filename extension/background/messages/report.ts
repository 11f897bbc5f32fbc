/** The `report` message: `chrome.runtime.sendMessage({ name: "report", body: { tabId } })` answers with the tab's Report. */
import { browserApi } from "~lib/chrome"
import { summarize } from "~lib/tabs/summarize"
import { tabLog } from "~lib/tabs/tab-log"

interface ReportMessage {
  name: "report"
  body: { tabId: number }
}

function isReportMessage(message: unknown): message is ReportMessage {
  const candidate = message as Partial<ReportMessage> | null
  return candidate?.name === "report" && typeof candidate.body?.tabId === "number"
}

browserApi.onMessage((message, reply) => {
  if (!isReportMessage(message)) return
  const log = tabLog(message.body.tabId)
  void browserApi.tabUrl(message.body.tabId).then((url) => reply(summarize(log?.url ?? url ?? "", log?.events ?? [])))
  return true
})
