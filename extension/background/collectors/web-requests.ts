/** Every request a tab makes, with its body, from webRequest; a top-level navigation starts a new page log. */
import { browserApi } from "~lib/chrome"
import { requestBodyText } from "~lib/tabs/request-body"
import { forgetTab, record, startPage } from "~lib/tabs/tab-log"

browserApi.onRequest((details) => {
  if (details.tabId < 0) return
  if (details.type === "main_frame") startPage(details.tabId, details.url)
  record(details.tabId, {
    type: "request",
    time: details.timeStamp,
    url: details.url,
    method: details.method,
    channel: "webRequest",
    resourceType: details.type,
    body: requestBodyText(details.requestBody)
  })
})
browserApi.onTabRemoved(forgetTab)
