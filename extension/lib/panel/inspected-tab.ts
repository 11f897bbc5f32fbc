/** Which tab the panel reports on: the one DevTools inspects, or, opened as a plain extension page, `?tabId=`. */

/** The part of `chrome.devtools` the panel reads. */
export interface DevtoolsLike {
  inspectedWindow: { tabId: number }
}

/** The inspected tab's id, or undefined when neither DevTools nor the query names one. */
export function inspectedTabId(search: string, devtools: DevtoolsLike | undefined): number | undefined {
  const inspected = devtools?.inspectedWindow.tabId
  if (typeof inspected === "number" && Number.isInteger(inspected) && inspected >= 0) return inspected
  const fromQuery = new URLSearchParams(search).get("tabId")
  if (fromQuery === null || !/^\d+$/.test(fromQuery)) return undefined
  return Number(fromQuery)
}

/** The popup's scan button opens the panel with `?scan=1`: the scan then starts at once. */
export function scanRequested(search: string): boolean {
  return new URLSearchParams(search).get("scan") === "1"
}
