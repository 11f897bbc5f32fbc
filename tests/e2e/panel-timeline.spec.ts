/**
 * The DevTools panel against the leaky demo store, as a developer sees it. Playwright cannot open DevTools, so the
 * panel's built page is opened as an extension page with `?tabId=`, which the panel accepts outside DevTools.
 */
import { readdirSync, readFileSync } from "node:fs"
import type { Page } from "@playwright/test"
import { expect, extensionDir, test, type ExtensionHandle, type TestServer } from "../fixtures"
import { screenshotPath } from "../screenshots"


/** Plasmo names the panel's page after its folder, with a content hash: inspector.<hash>.html. */
function panelFile(): string {
  const file = readdirSync(extensionDir).find((name) => /^inspector\.[0-9a-f]+\.html$/.test(name))
  if (!file) throw new Error(`no inspector.<hash>.html in ${extensionDir}: build the extension first`)
  return file
}

interface ReportLike {
  url: string
  requests: Array<{ host: string; beforeConsent: boolean }>
  [key: string]: unknown
}

/** Browse the leaky store (Baidu Tongji fires before the dialog is answered), agree, and open the panel on that tab. */
async function panelOnLeakyStore(extension: ExtensionHandle, server: TestServer): Promise<{ panel: Page; tabId: number; shop: Page }> {
  const shop = await extension.context.newPage()
  const baidu = shop.waitForRequest((request) => new URL(request.url()).hostname === "hm.baidu.com")
  await shop.goto(`${server.origin}/?leaky=1`)
  await baidu
  await shop.getByRole("dialog").getByRole("button", { name: "同意", exact: true }).click()
  const tabId = await extension.worker.evaluate(async (origin) => (await chrome.tabs.query({ url: `${origin}/*` }))[0]?.id, server.origin)
  if (tabId === undefined) throw new Error("the shop's tab was not found")
  const panel = await extension.context.newPage()
  await panel.setViewportSize({ width: 1280, height: 760 })
  await panel.goto(`chrome-extension://${extension.id}/${panelFile()}?tabId=${tabId}`)
  await expect(panel.locator("button.row").first()).toBeVisible()
  return { panel, tabId, shop }
}

const baiduRows = (panel: Page) => panel.locator("button.row", { hasText: "hm.baidu.com" })

test("the panel shows the shop's events on the consent axis, Baidu Tongji before consent (APPM-3-1)", async ({ extension, server }) => {
  const { panel } = await panelOnLeakyStore(extension, server)
  await expect(panel.getByRole("heading", { name: "知情检查器" })).toBeVisible()
  await expect(panel.locator("[data-phase=before-dialog]")).toContainText("弹窗出现前")
  await expect(baiduRows(panel).first()).toBeVisible()
  await expect(baiduRows(panel).first()).toContainText("Baidu")
  await expect(baiduRows(panel).first().locator(".before")).toHaveText("同意前")
  await expect(panel.locator("[data-phase=decided]")).toBeVisible()
  await expect(panel.locator(".finding-bar")).toContainText("APPM-3-1")
})

test("filters narrow the timeline and the detail pane explains one event", async ({ extension, server }) => {
  const { panel } = await panelOnLeakyStore(extension, server)
  const vendor = panel.locator("select[name=vendor]")
  const baiduOption = vendor.locator("option", { hasText: "Baidu" })
  await expect(baiduOption).toHaveCount(1)
  await vendor.selectOption((await baiduOption.getAttribute("value"))!)
  await expect(panel.locator("button.row").first()).toBeVisible()
  for (const text of await panel.locator("button.row .vendor").allTextContents()) expect(text).toContain("Baidu")
  await panel.locator("select[name=verdict]").selectOption("finding")
  await baiduRows(panel).first().click()
  const detail = panel.locator(".detail")
  await expect(detail).toContainText("hm.baidu.com")
  await expect(detail.locator("[data-testid=consent-then]")).toHaveText("尚未作出选择")
  await expect(detail.locator("[data-testid=why]")).toContainText("APPM-3-1")
  await panel.getByRole("button", { name: "清除筛选" }).click()
  await expect(panel.locator("select[name=vendor]")).toHaveValue("")
  await panel.getByRole("button", { name: "Switch to English" }).click()
  await expect(panel.getByRole("heading", { name: "Zhiqing Inspector" })).toBeVisible()
  await expect(detail.locator("[data-testid=consent-then]")).toHaveText("No decision yet")
})

test("Export JSON saves the report the background gives", async ({ extension, server }) => {
  const { panel, tabId } = await panelOnLeakyStore(extension, server)
  const requests = async () => JSON.stringify(((await panel.evaluate((id) => chrome.runtime.sendMessage({ name: "report", body: { tabId: id } }), tabId)) as ReportLike).requests)
  // A request's entry is completed when the probe's record of it arrives, which may be after the panel first drew it:
  // export once the report has stopped changing, so the comparison below is about the export, not about that race.
  let previous = ""
  await expect.poll(async () => {
    const [now, before] = [await requests(), previous]
    previous = now
    return now === before
  }, { intervals: [500], timeout: 20_000 }).toBe(true)
  const download = panel.waitForEvent("download")
  await panel.getByRole("button", { name: "导出 JSON" }).click()
  const file = await (await download).path()
  const exported = JSON.parse(readFileSync(file, "utf8")) as ReportLike
  const fresh = (await panel.evaluate((id) => chrome.runtime.sendMessage({ name: "report", body: { tabId: id } }), tabId)) as ReportLike
  expect(exported.url).toBe(fresh.url)
  expect(exported.consent).toEqual(fresh.consent)
  // The page may send more after the export; what was exported is the start of what the background knows now.
  expect(fresh.requests.slice(0, exported.requests.length)).toEqual(exported.requests)
  expect(exported.requests.some((request) => request.host === "hm.baidu.com" && request.beforeConsent)).toBe(true)
})

test("Export HAR and HTML save masked evidence files", async ({ extension, server }) => {
  const { panel } = await panelOnLeakyStore(extension, server)
  const har = panel.waitForEvent("download")
  await panel.getByRole("button", { name: "导出 HAR 证据" }).click()
  const harText = readFileSync(await (await har).path(), "utf8")
  const log = JSON.parse(harText).log
  expect(log.version).toBe("1.2")
  expect(log.entries.some((entry: { request: { url: string } }) => new URL(entry.request.url).hostname === "hm.baidu.com")).toBe(true)
  const html = panel.waitForEvent("download")
  await panel.getByRole("button", { name: "导出 HTML 报告" }).click()
  const htmlDownload = await html
  expect(htmlDownload.suggestedFilename()).toMatch(/^zhiqing-localhost-\d{8}T\d{6}\.html$/)
  expect(readFileSync(await htmlDownload.path(), "utf8")).toContain('id="rule-APPM-3-1"')
})

test("README screenshot of the DevTools panel", async ({ extension, server }) => {
  const { panel } = await panelOnLeakyStore(extension, server)
  await baiduRows(panel).first().click()
  await expect(panel.locator(".detail")).toContainText("hm.baidu.com")
  await panel.screenshot({ path: screenshotPath("extension-panel.png") })
})
