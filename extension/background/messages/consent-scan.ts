/**
 * The `consent-scan` message: `{ name: "consent-scan", body: { tabId } }` loads the tab's page three times in fresh
 * state (dialog ignored, declined, accepted) and answers with the side-by-side ScanResult (lib/scan/compare.ts).
 * It deletes the site's cookies and storage; the tab is left as the accept run left it.
 */
import { browserApi } from "~lib/chrome"
import { handleMessage } from "~lib/messaging"
import { chromeScanBrowser, withDevtoolsProtocol } from "~lib/scan/chrome-scan-browser"
import type { ScanResult } from "~lib/scan/compare"
import { assertScannable, runConsentScan } from "~lib/scan/run-scan"
import { tabIdBody, tabReport } from "../tab-report"

const scanning = new Set<number>()

handleMessage<{ tabId: number }, ScanResult>("consent-scan", {
  answers: true,
  parseBody: tabIdBody("consent-scan"),
  async handler({ body: { tabId } }, res) {
    if (scanning.has(tabId)) throw new Error("a consent scan is already running on this tab")
    const url = await browserApi.tabUrl(tabId)
    if (!url) throw new Error(`there is no tab ${tabId}`)
    assertScannable(url)
    scanning.add(tabId)
    try {
      res.send(await withDevtoolsProtocol(tabId, browserApi, () => runConsentScan(url, chromeScanBrowser(tabId, browserApi, () => tabReport(tabId)))))
    } finally {
      scanning.delete(tabId)
    }
  }
})
