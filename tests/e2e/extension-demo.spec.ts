/**
 * The inspector on the demo store in leaky mode (`?leaky=1`): Baidu Tongji before consent (APPM-3-1), the phone
 * and ID numbers in a Sensors Data payload at checkout (APPM-3-3) and an undeclared overseas Meta pixel
 * (NDSR-21-2, PIPL-39), all in the Report with the personal data masked.
 *
 * Chromium upgrades facebook.net and facebook.com to HTTPS (HSTS preload), which the loopback test server does not
 * speak, so the Meta pixel's script is requested but never runs here: the report still names the recipient.
 */
import type { Page } from "@playwright/test"
import type { Report } from "../../extension/lib/report"
import { expect, test, type ExtensionHandle } from "../fixtures"

const PHONE = "13912345678"
const ID_NUMBER = "11010519491231002X"
const EMAIL = "li.lei@example.cn"

async function reportWhen(extension: ExtensionHandle, pattern: string, ready: (report: Report) => boolean): Promise<Report> {
  const asker = await extension.open("popup.html")
  let report: Report | undefined
  await expect
    .poll(
      async () => {
        report = await asker.evaluate(async (urlPattern) => {
          const [tab] = await chrome.tabs.query({ url: urlPattern })
          return (await chrome.runtime.sendMessage({ name: "report", body: { tabId: tab!.id } })) as Report
        }, pattern)
        return ready(report)
      },
      { timeout: 15_000 }
    )
    .toBe(true)
  await asker.close()
  return report!
}

function agree(page: Page) {
  return page.getByRole("dialog").getByRole("button", { name: "同意", exact: true })
}

test("APPM-3-1: in leaky mode Baidu Tongji fires before the shopper decides, and the report says so", async ({ extension, server }) => {
  const shop = await extension.context.newPage()
  await shop.goto(server.origin + "/?leaky=1")
  const report = await reportWhen(extension, `${server.origin}/*`, (candidate) => candidate.requests.some((request) => request.url.includes("hm.gif")))
  const baidu = report.requests.filter((request) => request.tracker?.id === "baidu-tongji")
  expect(baidu.length).toBeGreaterThan(0)
  expect(baidu.every((request) => request.beforeConsent && request.thirdParty && !request.crossBorder)).toBe(true)
  expect(baidu[0]!.tracker).toMatchObject({ category: "analytics", country: "CN" })
  const early = report.findings.filter((finding) => finding.rule === "APPM-3-1")
  expect(early.map((finding) => finding.severity)).toContain("high")
  expect(early.flatMap((finding) => finding.evidence).join("\n")).toContain("hm.baidu.com")
  // Nothing else ran before the decision: the gated trackers wait for consent even in leaky mode.
  expect(report.requests.filter((request) => request.beforeConsent && request.tracker && request.tracker.id !== "baidu-tongji" && request.tracker.category !== "cdn")).toEqual([])
})

test("APPM-3-3, PIPL-39, NDSR-21-2: the leaky checkout's phone and ID number reach Sensors Data, an undeclared overseas pixel is named, all masked", async ({ extension, server }) => {
  const shop = await extension.context.newPage()
  await shop.goto(server.origin + "/product/a2-toddler-formula?leaky=1")
  await agree(shop).click()
  await shop.getByRole("button", { name: "加入购物车" }).click()
  await shop.goto(server.origin + "/checkout")
  await shop.getByRole("button", { name: "填写身份证号码" }).click()
  for (let asked = 0; asked < 2; asked++) await agree(shop).click()
  await shop.getByLabel("收货人").fill("李雷")
  await shop.getByLabel("手机号码").fill(PHONE)
  await shop.getByLabel("详细地址").fill("广东省深圳市南山区科技园路1号")
  await shop.getByLabel("电子邮箱").fill(EMAIL)
  await shop.getByLabel("订购人身份证号码").fill(ID_NUMBER)
  // Keep the checkout page open after the order is sent: a new page would start a new report.
  await shop.evaluate(() => {
    HTMLFormElement.prototype.submit = () => undefined
  })
  await shop.getByRole("button", { name: "提交订单" }).click()
  const report = await reportWhen(extension, `${server.origin}/checkout*`, (candidate) =>
    candidate.requests.some((request) => request.tracker?.id === "sensors-data" && request.pii.some((pi) => pi.kind === "id-card"))
  )
  const sensorsKinds = new Set(report.requests.filter((request) => request.tracker?.id === "sensors-data").flatMap((request) => request.pii.map((pi) => pi.kind)))
  // The checkout is a later page: the SDK starts from its copy of the pinned config and fetches none, yet the report
  // still knows the config's vendor → purpose map.
  expect(report.requests.filter((request) => request.tracker?.id === "sensors-data").map((request) => request.purpose)).toContain("analytics")
  expect([...sensorsKinds]).toEqual(expect.arrayContaining(["phone", "id-card"]))
  const meta = report.requests.filter((request) => request.tracker?.id === "meta-pixel")
  expect(meta.length).toBeGreaterThan(0)
  expect(meta.every((request) => request.crossBorder && request.tracker?.country === "US")).toBe(true)
  const aboutMeta = report.findings.filter((finding) => finding.message.en.includes("Meta Pixel")).map((finding) => finding.rule)
  expect(aboutMeta).toEqual(expect.arrayContaining(["PIPL-39", "NDSR-21-2"]))
  expect(report.findings.find((finding) => finding.rule === "APPM-3-3" && finding.message.en.includes("Sensors Data"))?.message.en).toContain("resident ID number")
  expect(report.fields).toEqual(expect.arrayContaining([expect.objectContaining({ selector: "#idNumber", kind: "id-card", sensitive: true })]))
  const text = JSON.stringify(report)
  for (const raw of [PHONE, ID_NUMBER, EMAIL]) expect(text).not.toContain(raw)
})
