/**
 * Every chrome.* call the extension makes goes through here: one place to mock in tests and to handle MV3 quirks
 * (promise-returning calls that reject when a tab or the service worker went away).
 */

/** What a message listener learns about the sender. */
export type MessageSender = chrome.runtime.MessageSender

/** The key/value area that survives a service-worker restart but not a browser restart. */
export interface SessionArea {
  getAll(): Promise<Record<string, unknown>>
  set(items: Record<string, unknown>): Promise<void>
  remove(keys: string[]): Promise<void>
}

/** Listen to every request of every tab, with its body. */
function onRequest(listener: (details: chrome.webRequest.OnBeforeRequestDetails) => void): void {
  chrome.webRequest.onBeforeRequest.addListener(
    (details) => {
      listener(details)
      return undefined
    },
    { urls: ["<all_urls>"] },
    ["requestBody"]
  )
}

/**
 * Listen to every response as it starts: the server's IP and the response headers, Set-Cookie included (Chrome
 * only shows that header to listeners that ask for "extraHeaders").
 */
function onResponseStarted(listener: (details: chrome.webRequest.OnResponseStartedDetails) => void): void {
  chrome.webRequest.onResponseStarted.addListener(listener, { urls: ["<all_urls>"] }, ["responseHeaders", "extraHeaders"])
}

/** Listen to requests that ended without a response, so their bookkeeping can be dropped. */
function onRequestFailed(listener: (requestId: string) => void): void {
  chrome.webRequest.onErrorOccurred.addListener((details) => listener(details.requestId), { urls: ["<all_urls>"] })
}

function onCookieChanged(listener: (change: chrome.cookies.CookieChangeInfo) => void): void {
  chrome.cookies.onChanged.addListener(listener)
}

function onTabRemoved(listener: (tabId: number) => void): void {
  chrome.tabs.onRemoved.addListener(listener)
}

/**
 * Listen to runtime messages. The listener returns true when it will answer later (keeping the channel open),
 * anything else to let the message go unanswered.
 */
function onMessage(listener: (message: unknown, sender: MessageSender, reply: (answer: unknown) => void) => boolean | undefined): void {
  chrome.runtime.onMessage.addListener((message, sender, reply) => listener(message, sender, reply))
}

/** Send a message to the background; a missing receiver (the extension reloaded) is not the page's problem. */
async function sendMessage(message: unknown): Promise<unknown> {
  try {
    return await chrome.runtime.sendMessage(message)
  } catch {
    return undefined
  }
}

async function activeTab(): Promise<chrome.tabs.Tab | undefined> {
  const [tab] = await chrome.tabs.query({ active: true, currentWindow: true })
  return tab
}

async function tabUrl(tabId: number): Promise<string | undefined> {
  try {
    return (await chrome.tabs.get(tabId)).url
  } catch {
    return undefined
  }
}

const session: SessionArea = {
  getAll: () => chrome.storage.session.get(null),
  set: (items) => chrome.storage.session.set(items),
  remove: (keys) => chrome.storage.session.remove(keys)
}

export const browserApi = {
  onRequest,
  onResponseStarted,
  onRequestFailed,
  onCookieChanged,
  onTabRemoved,
  onMessage,
  sendMessage,
  activeTab,
  tabUrl,
  session,
  /** Ask the background for a tab's report (the design contract's message). */
  askReport: (tabId: number): Promise<unknown> => sendMessage({ name: "report", body: { tabId } }),
  /** The UI language of the browser, e.g. "zh-CN". */
  uiLanguage: (): string => chrome.i18n?.getUILanguage?.() ?? navigator.language
}
