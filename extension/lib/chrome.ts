/**
 * Every chrome.* call the extension makes goes through here: one place to mock in tests and to handle MV3 quirks.
 */
export const browserApi = {
  onRequest(listener: (details: chrome.webRequest.OnBeforeRequestDetails) => void): void {
    chrome.webRequest.onBeforeRequest.addListener(
      (details) => {
        listener(details)
        return undefined
      },
      { urls: ["<all_urls>"] },
      ["requestBody"]
    )
  },
  onTabRemoved(listener: (tabId: number) => void): void {
    chrome.tabs.onRemoved.addListener(listener)
  },
  onMessage(listener: (message: unknown, reply: (answer: unknown) => void) => boolean | void): void {
    chrome.runtime.onMessage.addListener((message, _sender, reply) => listener(message, reply))
  },
  activeTab: async (): Promise<chrome.tabs.Tab | undefined> => (await chrome.tabs.query({ active: true, currentWindow: true }))[0],
  askReport: (tabId: number): Promise<unknown> => chrome.runtime.sendMessage({ name: "report", body: { tabId } }),
  tabUrl: async (tabId: number): Promise<string | undefined> => (await chrome.tabs.get(tabId).catch(() => undefined))?.url
}
