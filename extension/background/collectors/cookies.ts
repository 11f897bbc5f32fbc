/** Cookie changes from the browser's cookie store, for the tabs whose pages they concern (lib/cookies/cookie-changes.ts). */
import { browserApi } from "~lib/chrome"
import { SETTLE_MS, cookieChangeEvent, recordCookieChange } from "~lib/cookies/cookie-changes"
import { tabLogs } from "../tab-logs"

browserApi.onCookieChanged((change) => {
  const event = cookieChangeEvent(change, Date.now())
  // Let the probe's batch and the response's headers arrive first: their reports know the script and the cause.
  if (event) recordCookieChange(tabLogs, event, (then) => setTimeout(then, SETTLE_MS))
})
