/**
 * Permissions are reviewed like API: the built manifest asks for exactly these, and a change here is a decision.
 * - webRequest: see every request of a tab with its body, the server's IP and Set-Cookie headers (observe only).
 * - cookies: chrome.cookies.onChanged, for cookies no request or script call showed (Cookie Store API, workers).
 * - storage: chrome.storage.session, so a service-worker restart keeps the tabs' logs.
 * - scripting: Plasmo registers the MAIN-world probe with chrome.scripting at run time; canary mode fills forms.
 * - debugger: only during a consent scan, on the scanned tab: clearing one site's data before each run and pressing
 *   the dialog's Decline / Agree with clicks the page counts as the shopper's own (Zhiqing ignores synthetic ones).
 * - http and https hosts: webRequest and cookies only report hosts the extension may access, and the content
 *   scripts run on shop pages. No other scheme is needed.
 */
import { readFileSync } from "node:fs"
import { join } from "node:path"
import { expect, extensionDir, test } from "../fixtures"

interface Manifest {
  permissions?: string[]
  host_permissions?: string[]
  optional_permissions?: string[]
  externally_connectable?: unknown
  content_scripts?: Array<{ matches: string[]; run_at?: string; all_frames?: boolean }>
}

const manifest = (): Manifest => JSON.parse(readFileSync(join(extensionDir, "manifest.json"), "utf8")) as Manifest

test("the built extension asks for exactly the permissions it uses", () => {
  const { permissions, host_permissions, optional_permissions, externally_connectable } = manifest()
  expect({ permissions: [...(permissions ?? [])].sort(), host_permissions, optional_permissions, externally_connectable }).toEqual({
    permissions: ["cookies", "debugger", "scripting", "storage", "webRequest"],
    host_permissions: ["http://*/*", "https://*/*"],
    optional_permissions: undefined,
    externally_connectable: undefined
  })
})

test("the relay runs in every frame of http(s) pages from document start, and the probe is registered to match", async ({ extension }) => {
  expect(manifest().content_scripts).toEqual([expect.objectContaining({ matches: ["http://*/*", "https://*/*"], run_at: "document_start", all_frames: true })])
  const registered = await extension.worker.evaluate(() => chrome.scripting.getRegisteredContentScripts())
  expect(registered).toEqual([expect.objectContaining({ matches: ["http://*/*", "https://*/*"], runAt: "document_start", allFrames: true, world: "MAIN" })])
})
