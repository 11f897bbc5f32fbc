/**
 * The consent scan's browser steps on a real tab, through the DevTools protocol: clearing one site's data and
 * pressing the dialog's buttons with clicks the page sees as trusted. Zhiqing ignores synthetic clicks
 * (`event.isTrusted` is false for `element.click()`), so a script cannot decide for the shopper; the protocol's
 * mouse events are what a real pointer produces.
 */
import { registrableDomain } from "../domains"
import type { browserApi as BrowserApi } from "../chrome"
import type { Report } from "../report"
import type { PressResult, ScanBrowser } from "./run-scan"

/** The first layer's words in the SDK's two languages (sdk/src/ui/copy.ts: `agree`, `decline`). */
export const CONTROL_LABELS = { accept: ["同意", "Agree"], decline: ["不同意", "Decline"] } as const

/** How long to wait for the dialog to appear after the load event, and how often to look. */
const DIALOG_WAIT_MS = 6000
const DIALOG_POLL_MS = 200

/** Where a control is, as the page script below answers. */
type Located = { found: "no-dialog" } | { found: "no-control" } | { found: "control"; x: number; y: number }

/**
 * Evaluated in the page: find the visible Zhiqing dialog (in its open shadow root, or in plain DOM) and the button
 * with one of `labels`, scrolled into view, and answer with its centre in viewport coordinates.
 */
export function locateExpression(labels: readonly string[]): string {
  return `(() => {
    const labels = ${JSON.stringify(labels)};
    const root = document.getElementById("zhiqing-root");
    if (!root) return { found: "no-dialog" };
    const scope = root.shadowRoot || root;
    const shown = (element) => !element.closest("[hidden]") && (typeof element.checkVisibility !== "function" || element.checkVisibility());
    const dialogs = Array.from(scope.querySelectorAll("[role=dialog]")).filter(shown);
    if (!dialogs.length) return { found: "no-dialog" };
    for (const dialog of dialogs) {
      for (const button of Array.from(dialog.querySelectorAll("button"))) {
        if (!labels.includes((button.textContent || "").trim()) || !shown(button)) continue;
        button.scrollIntoView({ block: "center", inline: "center" });
        const box = button.getBoundingClientRect();
        return { found: "control", x: box.left + box.width / 2, y: box.top + box.height / 2 };
      }
    }
    return { found: "no-control" };
  })()`
}

const STORAGE_TYPES = "cookies,local_storage,session_storage,indexeddb,cache_storage,service_workers,file_systems,websql,shared_storage,storage_buckets"

/** The scan's browser on tab `tabId`; attach before use and detach after (see {@link withDevtoolsProtocol}). */
export function chromeScanBrowser(tabId: number, api: typeof BrowserApi, report: () => Promise<Report>): ScanBrowser {
  const send = (method: string, params?: Record<string, unknown>) => api.devtoolsProtocol.send(tabId, method, params)
  const wait = (ms: number) => new Promise<void>((done) => setTimeout(done, ms))
  const locate = async (labels: readonly string[]): Promise<Located> => {
    const answer = (await send("Runtime.evaluate", { expression: locateExpression(labels), returnByValue: true })) as { result?: { value?: Located } }
    return answer.result?.value ?? { found: "no-dialog" }
  }
  return {
    async clearSite(origins) {
      // Off the site first, so no page of it writes while its data goes.
      await api.loadInTab(tabId, "about:blank")
      for (const origin of origins) await send("Storage.clearDataForOrigin", { origin, storageTypes: STORAGE_TYPES })
      await api.removeCookies([...new Set(origins.map((origin) => registrableDomain(new URL(origin).hostname)))])
    },
    load: (url) => api.loadInTab(tabId, url),
    wait,
    async press(choice): Promise<PressResult> {
      const deadline = Date.now() + DIALOG_WAIT_MS
      let located: Located = { found: "no-dialog" }
      while (Date.now() < deadline) {
        located = await locate(CONTROL_LABELS[choice])
        if (located.found === "control") break
        await wait(DIALOG_POLL_MS)
      }
      if (located.found !== "control") return located.found
      const at = { x: located.x, y: located.y }
      await send("Input.dispatchMouseEvent", { type: "mouseMoved", ...at })
      await send("Input.dispatchMouseEvent", { type: "mousePressed", ...at, button: "left", clickCount: 1 })
      await send("Input.dispatchMouseEvent", { type: "mouseReleased", ...at, button: "left", clickCount: 1 })
      return "pressed"
    },
    report
  }
}

/** Attach the DevTools protocol to the tab for the length of `work`, and always let go of it after. */
export async function withDevtoolsProtocol<T>(tabId: number, api: typeof BrowserApi, work: () => Promise<T>): Promise<T> {
  await api.devtoolsProtocol.attach(tabId)
  try {
    return await work()
  } finally {
    await api.devtoolsProtocol.detach(tabId)
  }
}
