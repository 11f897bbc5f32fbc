/**
 * The draft config, end to end on the leaky demo store: the popup's button opens the configurator on the draft the
 * `draft-config` message answers; the checkout's resident ID field becomes a sensitive item; and the proof that the
 * draft is right. Its to-do fields filled, the config
 * validates with the SDK's own rules; its gating edits applied to the leaky page's own markup, the page served with
 * that config passes the consent scan: nothing non-essential runs before the decision or after Decline, and what was
 * accepted runs after Agree.
 */
import { parseConfig } from "@zhiqing/sdk/schema"
import type { Page } from "@playwright/test"
import type { Draft } from "../../extension/lib/draft"
import type { Report } from "../../extension/lib/report"
import { fillTodo, valueAt } from "../fill-draft"
import type { ScanResult } from "../../extension/lib/scan/compare"
import { expect, test, type ExtensionHandle, type TestServer } from "../fixtures"

/** The scan loads the page three times with a few seconds each. */
test.setTimeout(150_000)

/** The leaky store in a tab the inspector watches, once Baidu Tongji's pixel (ungated there) has fired. */
async function leakyShop(extension: ExtensionHandle, server: TestServer): Promise<{ shop: Page; tabId: number }> {
  const shop = await extension.context.newPage()
  const pixel = shop.waitForRequest((request) => new URL(request.url()).pathname === "/hm.gif")
  await shop.goto(`${server.origin}/?leaky=1`)
  await pixel
  return { shop, tabId: await tabIdOf(extension, shop.url()) }
}

async function tabIdOf(extension: ExtensionHandle, url: string): Promise<number> {
  const tabId = await extension.worker.evaluate(async (pageUrl) => (await chrome.tabs.query({ url: pageUrl }))[0]?.id, url)
  if (tabId === undefined) throw new Error(`no tab shows ${url}`)
  return tabId
}

/** Send a message to the background from an extension page, as the popup and the panel do. */
async function ask<Answer>(page: Page, message: unknown): Promise<Answer> {
  return (await page.evaluate((body) => chrome.runtime.sendMessage(body), message)) as Answer
}

test("the popup's draft button opens the configurator showing the draft the draft-config message gives", async ({ extension, server }) => {
  const { shop, tabId } = await leakyShop(extension, server)
  const popup = await extension.context.newPage()
  await popup.setViewportSize({ width: 360, height: 600 })
  await shop.bringToFront()
  await popup.goto(`chrome-extension://${extension.id}/popup.html`)
  const button = popup.getByRole("button", { name: "根据此页面起草知情配置" })
  await expect(button).toBeVisible()
  const answer = await ask<Draft>(popup, { name: "draft-config", body: { tabId } })
  const opened = extension.context.waitForEvent("page")
  await button.click()
  const configurator = await opened
  await configurator.waitForLoadState()
  expect(configurator.url()).toMatch(new RegExp(`^chrome-extension://${extension.id}/setup/index\\.html`))
  // The configurator takes the draft out of its URL once read; what it shows is the message's answer. Its list of what
  // is still to fill holds the to-dos whose value is a placeholder; the page's own values wait at their fields.
  const placeholders = answer.todo.filter((item) => JSON.stringify(valueAt(answer.config, item.path)).includes("【待填写】"))
  expect(placeholders.map((item) => item.path)).toContain("handler.contact")
  await expect(configurator.getByRole("region", { name: "来自检查器的草稿：还需填写" }).locator("li code")).toHaveText(placeholders.map((item) => item.path))
  await expect.poll(async () => JSON.parse((await configurator.locator("pre.json").textContent()) ?? "null")).toEqual(answer.config)
  await expect(configurator.locator(".gating pre")).toHaveCount(answer.gating.length * 2)
  await expect(configurator.locator(".gating pre").first()).toHaveText(answer.gating[0]!.before)
})

test("the draft-config message refuses a malformed body and a page it cannot read", async ({ extension }) => {
  const page = await extension.open("popup.html")
  expect(await ask(page, { name: "draft-config", body: { tabId: "1" } })).toEqual({ error: 'the "draft-config" message needs body.tabId, a tab id (a whole number)' })
  expect(await ask(page, { name: "draft-config", body: { tabId: 999_999 } })).toEqual({ error: "there is no tab 999999" })
  const own = await tabIdOf(extension, page.url())
  expect(await ask(page, { name: "draft-config", body: { tabId: own } })).toEqual({ error: "a draft is made from a web page (http or https), not from chrome-extension: pages" })
})

test("PIPL-30: the checkout's resident ID field becomes a sensitive item whose purpose, necessity and impact the merchant writes", async ({ extension, server }) => {
  const shop = await extension.context.newPage()
  // A cross-border product in the cart is what makes the checkout ask for the buyer's resident ID number.
  await shop.goto(`${server.origin}/product/a2-toddler-formula?leaky=1`)
  await shop.getByRole("dialog").getByRole("button", { name: "同意", exact: true }).click()
  await shop.getByRole("button", { name: "加入购物车" }).click()
  await shop.goto(`${server.origin}/checkout`)
  await expect(shop.getByLabel("订购人身份证号码")).toBeVisible()
  const tabId = await tabIdOf(extension, shop.url())
  const tools = await extension.open("popup.html")
  // The field inventory reaches the inspector in the probe's next batch.
  await expect.poll(async () => (await ask<Report>(tools, { name: "report", body: { tabId } })).fields.some((field) => field.kind === "id-card")).toBe(true)
  const draft = await ask<Draft>(tools, { name: "draft-config", body: { tabId } })
  const index = (draft.config.separate ?? []).findIndex((item) => item.id === "sensitive-id-card")
  expect(draft.config.separate?.[index]).toMatchObject({ kind: "sensitive", title: { "zh-CN": "身份证号码（个人敏感信息）" }, dataCategories: ["resident ID number"] })
  expect(draft.todo.map((item) => item.path)).toEqual(expect.arrayContaining([`separate[${index}].description`, `separate[${index}].necessity`, `separate[${index}].impact`]))
  const parsed = parseConfig(fillTodo(draft))
  expect(parsed.ok ? [] : parsed.issues).toEqual([])
})

test("PIPL-14-1, APPM-3-1: the leaky store gated as the draft says passes the consent scan", async ({ extension, server }) => {
  const { shop, tabId } = await leakyShop(extension, server)
  const tools = await extension.open("popup.html")
  const draft = await ask<Draft>(tools, { name: "draft-config", body: { tabId } })

  // What the inspector saw, drafted: Baidu Tongji is the leaky page's only ungated tracker.
  expect(draft.gating.map((edit) => `${edit.vendor}→${edit.purpose}`)).toEqual(["baidu-tongji→analytics", "baidu-tongji→analytics"])
  expect(draft.config.purposes.map((purpose) => purpose.id)).toEqual(["necessary", "analytics", "marketing"])
  expect(draft.config.policy.url).toEqual({ "zh-CN": "/privacy", en: "/privacy" })
  const config = fillTodo(draft)
  const parsed = parseConfig(config)
  expect(parsed.ok ? [] : parsed.issues).toEqual([])

  // The page's own markup, as the shop serves it, edited as the draft says: every before-string is the page's.
  let markup = await shop.evaluate(async () => (await fetch(location.href, { cache: "no-store" })).text())
  for (const edit of draft.gating) {
    expect(markup).toContain(edit.before)
    markup = markup.replace(edit.before, () => edit.after)
  }
  const configUrl = server.serve("draft.config.json", "application/json; charset=utf-8", JSON.stringify(config))
  // The merchant's new config file, and no pin for it (the page's pin names the shop's old file).
  markup = markup.replace(/data-config="\/zhiqing\.config\.json" data-config-integrity="[^"]+"/, () => `data-config="${new URL(configUrl).pathname}"`)
  expect(markup).toContain("/__served/draft.config.json")
  const gatedUrl = server.serve("drafted.html", "text/html; charset=utf-8", markup)

  await shop.goto(gatedUrl)
  const scan = await ask<ScanResult>(tools, { name: "consent-scan", body: { tabId: await tabIdOf(extension, gatedUrl) } })
  expect(scan.zhiqing).toBe(true)
  const run = (choice: string) => scan.runs.find((candidate) => candidate.choice === choice)!
  expect(scan.runs.map((candidate) => `${candidate.choice}:${candidate.outcome}`)).toEqual(["ignore:done", "decline:done", "accept:done"])
  expect(scan.issues).toEqual([])
  expect(run("ignore").trackers.filter((tracker) => tracker.nonEssential)).toEqual([])
  expect(run("decline").trackers.filter((tracker) => tracker.nonEssential)).toEqual([])
  expect(run("decline").dialogOnRevisit).toBe(false)
  // Agree releases every vendor the draft put under a purpose the shopper can refuse: what the draft gated and what
  // the page already gated.
  const consentable = draft.config.purposes.filter((purpose) => !purpose.required).flatMap((purpose) => purpose.vendors ?? [])
  expect(consentable).toContain("baidu-tongji")
  const accepted = run("accept").trackers.filter((tracker) => tracker.afterChoice).map((tracker) => tracker.id)
  expect(accepted.sort()).toEqual(consentable.sort())
  expect(run("accept").consent?.purposes).toMatchObject({ analytics: true, marketing: true })
})
