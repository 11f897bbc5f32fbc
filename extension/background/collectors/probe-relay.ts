/** Events from the pages (the MAIN-world probe via the relay, and the field inventory), checked, into the tab's log. */
import { handleMessage } from "~lib/messaging"
import { pageEvents, type PageEvents } from "~lib/tabs/page-events"
import { tabLogs } from "../tab-logs"

handleMessage<PageEvents, never>("page-events", {
  answers: false,
  parseBody: pageEvents,
  handler({ body, sender }) {
    const tabId = sender.tab?.id
    // Only content scripts in a tab speak for a page; extension pages have nothing to add.
    if (tabId === undefined || tabId < 0) return
    for (const event of body.events) tabLogs.record(tabId, event)
    if (body.lost) tabLogs.countDropped(tabId, body.lost)
  }
})
