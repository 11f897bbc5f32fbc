/**
 * Canary mode against the demo store, from the panel: the checkout's fields filled with generated fake data, the
 * order submitted, and each value traced to where it went. In leaky mode the phone and ID number reach Sensors
 * Data (APPM-3-3), which also keeps the phone in its cookie, and the undeclared overseas Meta pixel gets the phone
 * and email SHA-256-hashed (PIPL-39); the correct store sends none of them to any tracker and stores none.
 *
 * Chromium upgrades facebook.net and facebook.com to HTTPS (HSTS preload), which the loopback server does not
 * speak, so here Playwright answers those two hosts' plain-http requests, before the upgrade, from the store's
 * imitation of the Meta pixel.
 */
import { request as httpRequest } from "node:http"
import { readdirSync } from "node:fs"
import type { BrowserContext, Page } from "@playwright/test"
import { expect, extensionDir, test, type ExtensionHandle, type TestServer } from "../fixtures"

test.setTimeout(90_000)

function panelFile(): string {
  const file = readdirSync(extensionDir).find((name) => /^inspector\.[0-9a-f]+\.html$/.test(name))
  if (!file) throw new Error(`no inspector.<hash>.html in ${extensionDir}: build the extension first`)
  return file
}

/** Answer connect.facebook.net and www.facebook.com from the demo store, as the hosts it imitates. */
async function serveMetaOverHttps(context: BrowserContext, server: TestServer): Promise<void> {
  await context.route(/^http:\/\/(connect|www)\.facebook\.(net|com)\//, async (route) => {
    const url = new URL(route.request().url())
    const answer = await new Promise<{ status: number; headers: Record<string, string>; body: Buffer }>((resolve, reject) => {
      const outgoing = httpRequest({ host: "127.0.0.1", port: server.port, path: url.pathname + url.search, method: "GET", headers: { host: url.hostname } }, (incoming) => {
        const chunks: Buffer[] = []
        incoming.on("data", (chunk: Buffer) => chunks.push(chunk))
        incoming.on("end", () => resolve({ status: incoming.statusCode ?? 502, headers: { "content-type": String(incoming.headers["content-type"] ?? "text/plain") }, body: Buffer.concat(chunks) }))
      })
      outgoing.on("error", reject)
      outgoing.end()
    })
    await route.fulfill(answer)
  })
}

/** Put a cross-border product in the cart, agree, open the checkout and give the separate consents the ID field needs. */
async function checkout(shop: Page, origin: string, leaky: boolean): Promise<void> {
  const agree = () => shop.getByRole("dialog").getByRole("button", { name: "同意", exact: true })
  await shop.goto(`${origin}/product/a2-toddler-formula?leaky=${leaky ? 1 : 0}`)
  await agree().click()
  await shop.getByRole("button", { name: "加入购物车" }).click()
  await shop.goto(`${origin}/checkout`)
  await shop.getByRole("button", { name: "填写身份证号码" }).click()
  for (let asked = 0; asked < 2; asked++) await agree().click()
  await expect(shop.getByLabel("订购人身份证号码")).toBeEnabled()
}

async function panelOn(extension: ExtensionHandle, shop: Page): Promise<Page> {
  const tabId = await extension.worker.evaluate(async (url) => (await chrome.tabs.query({ url }))[0]?.id, shop.url())
  if (tabId === undefined) throw new Error("the shop's tab was not found")
  const panel = await extension.context.newPage()
  await panel.setViewportSize({ width: 1280, height: 900 })
  await panel.goto(`chrome-extension://${extension.id}/${panelFile()}?tabId=${tabId}`)
  await expect(panel.locator("button.row").first()).toBeVisible()
  return panel
}

/** Fill the checkout from the panel and read back the generated values the panel shows. */
async function fillFromPanel(panel: Page, shop: Page): Promise<Record<string, string>> {
  await panel.getByRole("button", { name: "用测试数据填写表单" }).click()
  await expect(panel.locator("[data-testid=canary] p").first()).toContainText("已填写字段：")
  await expect(panel.locator("[data-testid=canary] [data-kind=phone] code")).not.toBeEmpty()
  const values: Record<string, string> = {}
  for (const kind of ["name", "phone", "id-card", "email", "address"]) values[kind] = (await panel.locator(`[data-testid=canary] [data-kind=${kind}] code`).textContent()) ?? ""
  // The values are in the shop's fields, as typed.
  await expect(shop.getByLabel("手机号码")).toHaveValue(values.phone!)
  await expect(shop.getByLabel("订购人身份证号码")).toHaveValue(values["id-card"]!)
  return values
}

const hits = (panel: Page, kind: string) => panel.locator(`[data-testid=canary] [data-kind=${kind}] tbody tr`)

test("APPM-3-3, PIPL-39: on the leaky store the phone and ID number reach Sensors Data and the hashed phone and email the overseas Meta pixel", async ({ extension, server }) => {
  await serveMetaOverHttps(extension.context, server)
  const shop = await extension.context.newPage()
  await checkout(shop, server.origin, true)
  const panel = await panelOn(extension, shop)
  const values = await fillFromPanel(panel, shop)
  await shop.getByRole("button", { name: "提交订单" }).click()
  await expect(hits(panel, "id-card").filter({ hasText: "zhixuan.datasink.sensorsdata.cn" }).first()).toBeVisible({ timeout: 20_000 })
  await expect(hits(panel, "phone").filter({ hasText: "zhixuan.datasink.sensorsdata.cn" }).first()).toBeVisible()
  const phoneToMeta = hits(panel, "phone").filter({ hasText: "www.facebook.com" })
  await expect(phoneToMeta.first()).toBeVisible()
  await expect(phoneToMeta.first()).toContainText("US")
  await expect(phoneToMeta.first()).toContainText("境外")
  await expect(phoneToMeta.locator("td[data-forms*=sha256]").first()).toBeVisible()
  await expect(hits(panel, "email").filter({ hasText: "www.facebook.com" }).locator("td[data-forms=sha256]").first()).toBeVisible()
  // Sensors Data also keeps the phone on the device, as the login id in its cookie.
  await expect(panel.locator("[data-testid=canary] [data-kind=phone] [data-place=cookie][data-name=sensorsdata2015jssdkcross]")).toBeVisible()
  // Consent stood as the shopper left it: analytics granted when Sensors got them.
  await expect(hits(panel, "id-card").filter({ hasText: "zhixuan.datasink.sensorsdata.cn" }).first()).toContainText("analytics: granted")
  // The destinations' URLs in the panel never show the values.
  const shown = (await panel.locator("[data-testid=canary] tbody").allTextContents()).join("\n")
  for (const value of [values.phone!, values["id-card"]!]) expect(shown).not.toContain(value)
})

test("on the correct store no generated value reaches any tracker; the order goes only to the shop", async ({ extension, server }) => {
  const shop = await extension.context.newPage()
  await checkout(shop, server.origin, false)
  const panel = await panelOn(extension, shop)
  await fillFromPanel(panel, shop)
  await shop.getByRole("button", { name: "提交订单" }).click()
  await shop.waitForURL(/\/order/)
  // The order itself is the first hit: the form post to the shop's own server.
  await expect(hits(panel, "phone").first()).toHaveAttribute("data-third-party", "false", { timeout: 20_000 })
  await expect(panel.locator("[data-testid=canary] tr[data-third-party=true]")).toHaveCount(0)
  await expect(panel.locator("[data-testid=canary] [data-place]")).toHaveCount(0)
})

test("the canary and consent-scan messages answer bad requests, and pages they cannot work on, with a clear error", async ({ extension }) => {
  const page = await extension.open("popup.html")
  const ask = (message: unknown) => page.evaluate((body) => chrome.runtime.sendMessage(body), message)
  expect(await ask({ name: "canary", body: { tabId: 1 } })).toEqual({ error: 'the "canary" message needs body.action, "fill" or "trace"' })
  expect(await ask({ name: "canary", body: { action: "fill" } })).toEqual({ error: 'the "canary" message needs body.tabId, a tab id (a whole number)' })
  expect(await ask({ name: "consent-scan", body: { tabId: "7" } })).toEqual({ error: 'the "consent-scan" message needs body.tabId, a tab id (a whole number)' })
  const tabId = await page.evaluate(async () => (await chrome.tabs.getCurrent())!.id)
  expect(await ask({ name: "canary", body: { tabId, action: "trace" } })).toEqual({ error: "no canary values were filled in on this tab yet" })
  expect(await ask({ name: "consent-scan", body: { tabId: 987_654 } })).toEqual({ error: "there is no tab 987654" })
  expect(await ask({ name: "consent-scan", body: { tabId } })).toEqual({ error: `only http and https pages can be scanned, not "chrome-extension://${extension.id}/popup.html"` })
})

test("a hashed phone an ad script keeps in IndexedDB, and never sends, is found on the device", async ({ extension, server }) => {
  const shop = await extension.context.newPage()
  await shop.goto(`${server.origin}/__fixtures/canary-indexeddb.html`)
  const tabId = await extension.worker.evaluate(async (url) => (await chrome.tabs.query({ url }))[0]?.id, shop.url())
  const page = await extension.open("popup.html")
  const canary = (action: "fill" | "trace") => page.evaluate((body) => chrome.runtime.sendMessage({ name: "canary", body }), { tabId, action })
  // The field inventory reaches the worker with the probe's next batch.
  await expect.poll(async () => ((await canary("fill")) as { filled?: number }).filled, { timeout: 10_000 }).toBe(1)
  await shop.getByRole("button", { name: "保存" }).click()
  await expect(shop.locator("body[data-saved=yes]")).toBeAttached()
  const result = (await canary("trace")) as { traces: Array<{ kind: string; hits: unknown[]; stored: unknown[] }> }
  const phone = result.traces.find((trace) => trace.kind === "phone")!
  expect(phone.hits).toEqual([])
  expect(phone.stored).toEqual([{ place: "indexedDB", site: server.origin, name: "ad-match/ids/user", forms: ["sha256"] }])
})
