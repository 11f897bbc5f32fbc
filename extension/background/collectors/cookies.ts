/** Cookie changes from the browser's cookie store, for the tabs whose pages they concern (lib/cookies/cookie-changes.ts). */
import { browserApi } from "~lib/chrome"
import { SETTLE_MS, cookieChangeEvent, sameWrite, tabConcerned } from "~lib/cookies/cookie-changes"
import { tabLogs } from "../tab-logs"

browserApi.onCookieChanged((change) => {
  const event = cookieChangeEvent(change, Date.now())
  if (!event) return
  // Let the probe's batch and the response's headers arrive first: their reports know the script and the cause.
  setTimeout(() => {
    for (const tabId of tabLogs.tabIds()) {
      const log = tabLogs.get(tabId)
      if (!log || !tabConcerned(log, event.domain)) continue
      const reported = sameWrite(log.events, event)
      if (!reported) tabLogs.record(tabId, { ...event })
      else if (event.partitioned && !reported.partitioned) tabLogs.amend(tabId, reported, { partitioned: true })
    }
  }, SETTLE_MS)
})
