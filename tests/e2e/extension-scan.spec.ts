/**
 * The consent scan against the demo store, as a developer runs it from the panel: the page loaded three times in
 * fresh state (dialog ignored, declined, accepted) and the runs compared side by side. The correct store keeps
 * ignore and decline clean; the leaky store's ungated Baidu Tongji is caught firing with no choice made (APPM-3-1)
 * and after Decline (PIPL-14-1). Zhiqing only takes trusted clicks, which the scan makes through the DevTools
 * protocol, so a recorded decision in the decline and accept runs also shows those clicks count.
 */
import { readdirSync } from "node:fs"
import type { Page } from "@playwright/test"
import { expect, extensionDir, test, type ExtensionHandle } from "../fixtures"

/** Three loads with a few seconds each; the default 45 s is too short. */
test.setTimeout(120_000)

function panelFile(): string {
  const file = readdirSync(extensionDir).find((name) => /^inspector\.[0-9a-f]+\.html$/.test(name))
  if (!file) throw new Error(`no inspector.<hash>.html in ${extensionDir}: build the extension first`)
  return file
}

/** Open the shop at `url`, then the panel on its tab as the popup's scan button does (`?scan=1` starts the scan). */
async function scanFromPanel(extension: ExtensionHandle, url: string): Promise<{ panel: Page; shop: Page }> {
  const shop = await extension.context.newPage()
  await shop.goto(url)
  const tabId = await extension.worker.evaluate(async (pageUrl) => (await chrome.tabs.query({ url: pageUrl }))[0]?.id, url)
  if (tabId === undefined) throw new Error("the shop's tab was not found")
  const panel = await extension.context.newPage()
  await panel.setViewportSize({ width: 1280, height: 900 })
  await panel.goto(`chrome-extension://${extension.id}/${panelFile()}?tabId=${tabId}&scan=1`)
  await expect(panel.locator("[data-testid=consent-scan] [role=status]")).toBeVisible()
  await expect(panel.locator("[data-testid=consent-scan] table.runs")).toBeVisible({ timeout: 90_000 })
  return { panel, shop }
}

const column = (panel: Page, run: string) => panel.locator(`[data-testid=consent-scan] td[data-run=${run}]`)

test("PIPL-14-1, APPM-3-1: on the correct store, ignoring and declining collect nothing non-essential; accepting starts the trackers", async ({ extension, server }) => {
  const { panel, shop } = await scanFromPanel(extension, `${server.origin}/`)
  await expect(panel.locator("th[data-run]")).toHaveText(["不理会弹窗 (已完成)", "全部拒绝 (已完成)", "全部同意 (已完成)"])
  await expect(panel.getByTestId("scan-clean")).toHaveText("三轮之间没有发现违法的差异。")
  await expect(panel.locator("[data-testid=consent-scan] [data-breach=true]")).toHaveCount(0)
  // The dialog appeared in every run, and the refusal held on the revisit (NDSR-22-5).
  await expect(column(panel, "ignore").first()).toHaveText("已显示")
  await expect(column(panel, "decline").first()).toHaveText("已显示")
  await expect(column(panel, "ignore").nth(1)).not.toContainText("Baidu")
  await expect(column(panel, "decline").nth(1)).not.toContainText("Baidu")
  // Agreeing is what starts them: the scan's click counted as the shopper's own.
  await expect(column(panel, "accept").nth(1)).toContainText("Baidu")
  await expect(column(panel, "accept").nth(1)).toContainText("Sensors")
  // The tab is left as the accept run left it: decided, with the trackers' cookies.
  expect(await shop.evaluate(() => (window as unknown as { Zhiqing: { get(): { purposes: Record<string, boolean> } | null } }).Zhiqing.get()?.purposes.analytics)).toBe(true)
})

test("APPM-3-1, PIPL-14-1: on the leaky store, Baidu Tongji firing with no choice and after Decline is highlighted", async ({ extension, server }) => {
  const { panel } = await scanFromPanel(extension, `${server.origin}/?leaky=1`)
  const ignored = panel.locator(".issues li[data-rule=APPM-3-1][data-run=ignore]")
  await expect(ignored).toHaveCount(1)
  await expect(ignored).toContainText("Baidu")
  await expect(ignored.locator("details li").first()).toContainText("hm.baidu.com")
  await expect(panel.locator(".issues li[data-rule=PIPL-14-1][data-run=decline]")).toContainText("Baidu")
  await expect(column(panel, "ignore").locator("li[data-breach=true]").first()).toContainText("Baidu")
  await expect(column(panel, "decline").locator("li[data-breach=true]").first()).toContainText("Baidu")
  // Only Baidu is ungated in leaky mode: the other trackers wait for consent and are not flagged.
  await expect(column(panel, "ignore").locator("li[data-breach=true]", { hasText: "Sensors" })).toHaveCount(0)
  await expect(column(panel, "accept").locator("li[data-breach=true]")).toHaveCount(0)
})

test("a page without Zhiqing: the scan says only the ignore run means anything", async ({ extension, server }) => {
  const { panel } = await scanFromPanel(extension, `${server.origin}/__fixtures/scan-no-zhiqing.html`)
  await expect(panel.locator("[data-testid=consent-scan] .note")).toHaveText("页面上没有知情同意弹窗：只有“不理会”一轮有意义，拒绝和同意无法进行。")
  await expect(panel.locator("th[data-run]")).toHaveText(["不理会弹窗 (已完成)", "全部拒绝 (没有弹窗)", "全部同意 (没有弹窗)"])
  await expect(panel.locator(".issues li[data-rule=APPM-3-1][data-run=ignore]")).toContainText("Baidu")
})
