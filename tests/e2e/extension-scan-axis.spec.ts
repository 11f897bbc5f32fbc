/**
 * The consent axis the consent scan and the panel stand on: the Report's `consentLog` records when the Zhiqing
 * dialog appeared (seen in its shadow root), the shopper's decision and a withdrawal, and the panel's timeline
 * divides the events by them (APPM-3-1: what ran before the dialog even showed; PIPL-15-2: what ran after a
 * withdrawal).
 */
import { readdirSync } from "node:fs"
import type { Report } from "../../extension/lib/report"
import { expect, extensionDir, test } from "../fixtures"

function panelFile(): string {
  const file = readdirSync(extensionDir).find((name) => /^inspector\.[0-9a-f]+\.html$/.test(name))
  if (!file) throw new Error(`no inspector.<hash>.html in ${extensionDir}: build the extension first`)
  return file
}

test("APPM-3-1, PIPL-15-2: the report logs the dialog appearing, the decision and the withdrawal, and the panel shows all four stretches", async ({ extension, server }) => {
  const shop = await extension.context.newPage()
  const pixel = shop.waitForRequest((request) => new URL(request.url()).pathname === "/hm.gif")
  await shop.goto(`${server.origin}/?leaky=1`)
  await pixel
  await shop.getByRole("dialog").getByRole("button", { name: "同意", exact: true }).click()
  await shop.evaluate(() => (window as unknown as { Zhiqing: { withdraw(id?: string): Promise<void> } }).Zhiqing.withdraw("analytics"))
  const tabId = await extension.worker.evaluate(async (url) => (await chrome.tabs.query({ url }))[0]?.id, shop.url())
  const panel = await extension.context.newPage()
  await panel.setViewportSize({ width: 1280, height: 760 })
  await panel.goto(`chrome-extension://${extension.id}/${panelFile()}?tabId=${tabId}`)

  let report: Report | undefined
  await expect
    .poll(async () => {
      report = (await panel.evaluate((id) => chrome.runtime.sendMessage({ name: "report", body: { tabId: id } }), tabId)) as Report
      return report.consentLog?.map((entry) => entry.phase)
    })
    .toEqual(["dialog-shown", "decision", "withdrawal"])
  const [shown, decided, withdrawn] = report!.consentLog!
  expect(shown!.state).toBeNull()
  expect(decided!.state?.purposes.analytics).toBe(true)
  expect(withdrawn!.state?.purposes.analytics).toBe(false)
  // Baidu fired before the dialog even appeared: the leak does not wait for the banner.
  const firstBaidu = report!.requests.find((request) => request.tracker?.id === "baidu-tongji")!
  expect(firstBaidu.time).toBeLessThan(shown!.time)

  // The timeline is a virtual list: read its headings from the top, then from the bottom.
  const scrollTo = (top: number) =>
    panel.locator(".vlist").evaluate((element, scrollTop) => {
      element.scrollTop = scrollTop
      element.dispatchEvent(new Event("scroll"))
    }, top)
  const headings = async (): Promise<string[]> => {
    const seen: string[] = []
    for (const top of [0, 1e9]) {
      await scrollTo(top)
      for (const phase of await panel.locator("[data-phase]").evaluateAll((elements) => elements.map((element) => element.getAttribute("data-phase") ?? ""))) {
        if (!seen.includes(phase)) seen.push(phase)
      }
    }
    return seen
  }
  await expect.poll(headings).toEqual(["before-dialog", "dialog-shown", "decided", "withdrawn"])
  await expect(panel.locator("[data-phase=withdrawn]")).toContainText("撤回同意后")
  await scrollTo(0)
  await expect(panel.locator("[data-phase=dialog-shown]")).toContainText("弹窗已显示，尚未选择")
})
