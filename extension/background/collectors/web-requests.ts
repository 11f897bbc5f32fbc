/**
 * Every request a tab makes, from the network's side: URL, method, body (form data or raw bytes, gzip inflated),
 * the server's IP once the response starts, and the cookies its Set-Cookie headers write. A top-level navigation
 * starts a new page log.
 */
import { browserApi } from "~lib/chrome"
import { parseCookieWrite } from "~lib/cookies/cookie-write"
import { hostOf } from "~lib/domains"
import type { CookieEvent, RequestEvent } from "~lib/events"
import { inflatedBody, requestBodyContent } from "~lib/tabs/request-body"
import { tabLogs } from "../tab-logs"

/** Requests waiting for their response, by webRequest id; bounded in case responses never come. */
const awaitingResponse = new Map<string, { tabId: number; event: RequestEvent }>()
const MAX_AWAITING = 5000

browserApi.onRequest((details) => {
  const { tabId } = details
  if (tabId < 0) return
  if (details.type === "main_frame") tabLogs.startPage(tabId, details.url)
  const content = requestBodyContent(details.requestBody)
  const event: RequestEvent = { type: "request", time: details.timeStamp, url: details.url, method: details.method, channel: "webRequest", resourceType: details.type }
  if (content && "text" in content) event.body = content.text
  tabLogs.record(tabId, event, (stored) => {
    if (awaitingResponse.size >= MAX_AWAITING) awaitingResponse.delete(awaitingResponse.keys().next().value!)
    awaitingResponse.set(details.requestId, { tabId, event: stored as RequestEvent })
    if (content && "gzip" in content) {
      void inflatedBody(content.gzip).then((body) => body !== undefined && tabLogs.amend(tabId, stored as RequestEvent, { body, bodyEncoding: "gzip" }))
    }
  })
})

browserApi.onResponseStarted((details) => {
  const waiting = awaitingResponse.get(details.requestId)
  awaitingResponse.delete(details.requestId)
  if (details.tabId < 0) return
  if (waiting && details.ip) tabLogs.amend(waiting.tabId, waiting.event, { ip: details.ip })
  const host = hostOf(details.url)
  for (const header of details.responseHeaders ?? []) {
    if (header.name.toLowerCase() !== "set-cookie" || !header.value) continue
    // Chrome joins repeated Set-Cookie headers with newlines.
    for (const line of header.value.split("\n")) {
      const write = parseCookieWrite(line, host, details.timeStamp)
      if (!write) continue
      const event: CookieEvent = { type: "cookie", time: details.timeStamp, name: write.name, domain: write.domain, setBy: "http", removed: write.removed }
      if (write.partitioned) event.partitioned = true
      tabLogs.record(details.tabId, event)
    }
  }
})

browserApi.onRequestFailed((requestId) => awaitingResponse.delete(requestId))
browserApi.onTabRemoved((tabId) => tabLogs.forget(tabId))
