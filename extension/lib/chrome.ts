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

/** How long a page may take to load before the inspector gives up on it. */
const LOAD_TIMEOUT_MS = 20_000

/** Point the tab at `url` and settle once it has loaded (the `load` event), or reject after 20 s. */
function loadInTab(tabId: number, url: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    let started = false
    const done = (error?: Error): void => {
      clearTimeout(timer)
      chrome.tabs.onUpdated.removeListener(listen)
      if (error) reject(error)
      else resolve()
    }
    // "complete" from the page that was there before the update must not count: wait for "loading" first.
    const listen = (updated: number, change: chrome.tabs.OnUpdatedInfo): void => {
      if (updated !== tabId) return
      if (change.status === "loading") started = true
      else if (change.status === "complete" && started) done()
    }
    const timer = setTimeout(() => done(new Error(`${url} did not finish loading within ${LOAD_TIMEOUT_MS / 1000} s`)), LOAD_TIMEOUT_MS)
    chrome.tabs.onUpdated.addListener(listen)
    chrome.tabs.update(tabId, { url }).catch((reason: unknown) => done(reason instanceof Error ? reason : new Error(String(reason))))
  })
}

/**
 * The DevTools protocol on one tab, for the consent scan: only it can clear one site's storage and press the
 * dialog's buttons with clicks the page sees as the shopper's own (`isTrusted`), which Zhiqing requires.
 */
const devtoolsProtocol = {
  attach: (tabId: number): Promise<void> => chrome.debugger.attach({ tabId }, "1.3"),
  async detach(tabId: number): Promise<void> {
    try {
      await chrome.debugger.detach({ tabId })
    } catch {
      // Already detached: the tab closed, or the user cancelled the debugging banner.
    }
  },
  send: (tabId: number, method: string, params?: Record<string, unknown>): Promise<unknown> => chrome.debugger.sendCommand({ tabId }, method, params)
}

/** Delete every cookie whose domain is one of `domains` or below it. */
async function removeCookies(domains: readonly string[]): Promise<void> {
  for (const domain of domains) {
    for (const cookie of await chrome.cookies.getAll({ domain })) {
      const host = cookie.domain.replace(/^\./, "")
      const url = `${cookie.secure ? "https" : "http"}://${host}${cookie.path}`
      await chrome.cookies.remove({ url, name: cookie.name, storeId: cookie.storeId, ...(cookie.partitionKey && { partitionKey: cookie.partitionKey }) })
    }
  }
}

/** Every cookie on these registrable domains and below, with its value, for the canary run to search. */
async function cookiesOn(domains: readonly string[]): Promise<Array<{ name: string; domain: string; value: string }>> {
  const lists = await Promise.all(domains.map((domain) => chrome.cookies.getAll({ domain })))
  return lists.flat().map((cookie) => ({ name: cookie.name, domain: cookie.domain, value: cookie.value }))
}

/** Run `func` in every frame of the tab (the extension's isolated world) and collect what each frame returned. */
async function runInTab<Args extends unknown[], Result>(tabId: number, func: (...args: Args) => Result, args: Args): Promise<Array<Awaited<Result>>> {
  const results = await chrome.scripting.executeScript({ target: { tabId, allFrames: true }, func, args })
  return results.map((result) => result.result as Awaited<Result>)
}

/** Run `func` in the tab's top frame only (the extension's isolated world) and return what it returned. */
async function runInTopFrame<Args extends unknown[], Result>(tabId: number, func: (...args: Args) => Result, args: Args): Promise<Awaited<Result>> {
  const [result] = await chrome.scripting.executeScript({ target: { tabId }, func, args })
  return result?.result as Awaited<Result>
}

/** Open one of the extension's own pages in a new tab. */
async function openPage(url: string): Promise<void> {
  await chrome.tabs.create({ url })
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
  loadInTab,
  devtoolsProtocol,
  removeCookies,
  cookiesOn,
  runInTab,
  runInTopFrame,
  openPage,
  /** The URL of one of the extension's own files, e.g. "setup/index.html". */
  extensionUrl: (path: string): string => chrome.runtime.getURL(path),
  session,
  /** Ask the background for a tab's report (the design contract's message). */
  askReport: (tabId: number): Promise<unknown> => sendMessage({ name: "report", body: { tabId } }),
  /** Ask the background to run the consent scan on a tab (about 25 s); resolves to a ScanResult or `{ error }`. */
  askScan: (tabId: number): Promise<unknown> => sendMessage({ name: "consent-scan", body: { tabId } }),
  /** Ask the background to fill a tab's forms with canary values, or to trace them. */
  askCanary: (tabId: number, action: "fill" | "trace"): Promise<unknown> => sendMessage({ name: "canary", body: { tabId, action } }),
  /** Ask the background for a draft merchant config from what the inspector saw on a tab; a Draft or `{ error }`. */
  askDraft: (tabId: number): Promise<unknown> => sendMessage({ name: "draft-config", body: { tabId } }),
  /** The UI language of the browser, e.g. "zh-CN". */
  uiLanguage: (): string => chrome.i18n?.getUILanguage?.() ?? navigator.language
}
