/**
 * The popup as a developer opens it on the leaky demo store: it fits Chrome's popup width of 360 px without a
 * horizontal scroll bar, and its consent-scan button opens the panel on the shop's tab, which starts the scan.
 */
import type { Page } from "@playwright/test"
import { expect, test, type ExtensionHandle, type TestServer } from "../fixtures"

test.setTimeout(90_000)

/** The popup reports on the active tab: bring the shop to the front, then load the popup in the background. */
async function popupOnLeakyStore(extension: ExtensionHandle, server: TestServer): Promise<{ popup: Page; shop: Page }> {
  const shop = await extension.context.newPage()
  const pixel = shop.waitForRequest((request) => new URL(request.url()).pathname === "/hm.gif")
  await shop.goto(`${server.origin}/?leaky=1`)
  await pixel
  const popup = await extension.context.newPage()
  await popup.setViewportSize({ width: 360, height: 600 })
  await shop.bringToFront()
  await popup.goto(`chrome-extension://${extension.id}/popup.html`)
  await expect(popup.locator("[data-rule]").first()).toBeVisible()
  return { popup, shop }
}

test("the popup fits 360 px: long hosts, findings and counts wrap instead of overflowing", async ({ extension, server }) => {
  const { popup } = await popupOnLeakyStore(extension, server)
  const widths = await popup.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth, main: document.querySelector("main")!.getBoundingClientRect().width }))
  expect(widths.client).toBe(360)
  expect(widths.scroll).toBeLessThanOrEqual(360)
  expect(widths.main).toBeLessThanOrEqual(360)
  const overflowing = await popup.evaluate(() =>
    [...document.querySelectorAll("main *")].filter((element) => element.getBoundingClientRect().right > 360.5).map((element) => element.outerHTML.slice(0, 80))
  )
  expect(overflowing).toEqual([])
})

test("the popup's consent-scan button opens the panel on the shop's tab and the scan runs", async ({ extension, server }) => {
  const { popup, shop } = await popupOnLeakyStore(extension, server)
  const tabId = await extension.worker.evaluate(async (url) => (await chrome.tabs.query({ url }))[0]?.id, shop.url())
  const opened = extension.context.waitForEvent("page", (page) => /inspector\.[0-9a-f]+\.html/.test(page.url()))
  await popup.getByRole("button", { name: "同意扫描" }).click()
  const panel = await opened
  expect(new URL(panel.url()).searchParams.get("tabId")).toBe(String(tabId))
  await expect(panel.locator("[data-testid=consent-scan] [role=status]")).toContainText("正在扫描")
  await expect(panel.locator(".issues li[data-rule=APPM-3-1][data-run=ignore]")).toContainText("Baidu", { timeout: 80_000 })
})
