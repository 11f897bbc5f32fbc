import { expect, test } from "../fixtures"
import { screenshotPath } from "../screenshots"

type Report = { url: string; requests: Array<{ host: string; thirdParty: boolean; method: string }> }

test("the report message lists what the shop page contacted, third parties marked", async ({ extension, server }) => {
  const shop = await extension.context.newPage()
  await shop.goto(server.origin + "/")
  const baiduContacted = shop.waitForRequest((request) => new URL(request.url()).hostname === "hm.baidu.com")
  await shop.getByRole("dialog").getByRole("button", { name: "同意", exact: true }).click()
  await baiduContacted
  const popup = await extension.open("popup.html")
  const report = await popup.evaluate(async (url) => {
    const [tab] = await chrome.tabs.query({ url: url + "/*" })
    return (await chrome.runtime.sendMessage({ name: "report", body: { tabId: tab!.id } })) as Report
  }, server.origin)
  expect(report.url).toBe(server.origin + "/")
  const baidu = report.requests.find((request) => request.host === "hm.baidu.com")
  expect(baidu?.thirdParty).toBe(true)
  expect(report.requests.find((request) => request.host === "localhost")?.thirdParty).toBe(false)
})

test("README screenshot of the inspector's popup", async ({ extension, server }) => {
  const shop = await extension.context.newPage()
  await shop.goto(server.origin + "/?leaky=1")
  await shop.waitForLoadState("load")
  const popup = await extension.context.newPage()
  await popup.setViewportSize({ width: 360, height: 420 })
  // The popup reports on the active tab: bring the shop to the front, then open the popup in the background.
  await shop.bringToFront()
  await popup.goto(`chrome-extension://${extension.id}/popup.html`)
  await expect(popup.locator("[data-count=trackers-before-consent]")).not.toHaveText("0")
  await popup.screenshot({ path: screenshotPath("extension-popup.png") })
})
