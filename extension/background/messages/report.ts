/**
 * The `report` message (design.md, "Extension contract"): any extension page sends
 * `chrome.runtime.sendMessage({ name: "report", body: { tabId } })` and gets the tab's Report.
 */
import { handleMessage } from "~lib/messaging"
import type { Report } from "~lib/report"
import { tabIdBody, tabReport } from "../tab-report"

handleMessage<{ tabId: number }, Report>("report", {
  answers: true,
  parseBody: tabIdBody("report"),
  async handler({ body }, res) {
    res.send(await tabReport(body.tabId))
  }
})
