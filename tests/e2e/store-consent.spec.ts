/**
 * The demo store with the consent dialogs: nothing non-essential before consent (APPM-3-1), refusing never blocks
 * shopping (PIPL-16-1), the ID number asked just in time (APPM-2, PIPL-29) and recommendations that follow the
 * personalization choice (PIPL-24-2).
 */
import type { Page } from "@playwright/test"
import { expect, test } from "../fixtures"

/** Hosts the correct mode may contact before any decision: the shop itself and its image CDN (necessary). */
const ESSENTIAL_HOSTS = new Set(["localhost", "img.alicdn.com"])

/** Record the hostname of every request the page makes, from now on. */
function recordHosts(page: Page): Set<string> {
  const hosts = new Set<string>()
  page.on("request", (request) => hosts.add(new URL(request.url()).hostname))
  return hosts
}

function nonEssential(hosts: Set<string>): string[] {
  return [...hosts].filter((host) => !ESSENTIAL_HOSTS.has(host))
}

/** The first layer of the consent dialog, by its three buttons. */
function banner(page: Page, lang: "zh-CN" | "en" = "zh-CN") {
  const names = lang === "en" ? { agree: "Agree", decline: "Decline", settings: "Settings" } : { agree: "同意", decline: "不同意", settings: "设置" }
  const dialog = page.getByRole("dialog").filter({ has: page.getByRole("button", { name: names.settings, exact: true }) })
  return {
    dialog,
    agree: dialog.getByRole("button", { name: names.agree, exact: true }),
    decline: dialog.getByRole("button", { name: names.decline, exact: true })
  }
}

async function fillDelivery(page: Page): Promise<void> {
  await page.getByLabel("收货人").fill("李雷")
  await page.getByLabel("手机号码").fill("13912345678")
  await page.getByLabel("详细地址").fill("广东省深圳市南山区科技园路1号")
}

test("APPM-3-1: in the default mode no tracker is contacted before consent, and the trackers run once it is given", async ({ page, server }) => {
  const hosts = recordHosts(page)
  for (const path of ["/", "/product/a2-toddler-formula", "/search?q=茶", "/cart", "/account", "/privacy"]) {
    await page.goto(server.origin + path)
    await expect(banner(page).dialog).toBeVisible()
  }
  await page.waitForLoadState("networkidle")
  expect(nonEssential(hosts)).toEqual([])

  await banner(page).agree.click()
  await expect.poll(() => nonEssential(hosts).sort()).toEqual(expect.arrayContaining(["hm.baidu.com", "static.sensorsdata.cn", "www.googletagmanager.com", "static.hotjar.com"]))
})

test("PIPL-16-1: after declining everything a shopper browses, adds to the cart and checks out", async ({ page, server }) => {
  const hosts = recordHosts(page)
  await page.goto(server.origin + "/")
  await banner(page).decline.click()
  await expect(banner(page).dialog).toBeHidden()

  await page.getByRole("link", { name: "云南 普洱熟茶饼 357g" }).first().click()
  await expect(page.locator("h1")).toHaveText("云南 普洱熟茶饼 357g")
  await page.getByRole("button", { name: "加入购物车" }).click()
  await expect(page).toHaveURL(/\/cart$/)
  await expect(page.locator(".cart-table")).toContainText("云南 普洱熟茶饼 357g")

  await page.getByRole("link", { name: "去结算" }).click()
  await fillDelivery(page)
  await page.getByRole("button", { name: "提交订单" }).click()
  await expect(page.getByRole("heading", { name: "订单已提交" })).toBeVisible()
  await expect(page.locator("[data-order-id]")).toHaveText(/^ZX\d{8}[0-9A-F]{12}$/)
  await expect(page.locator("main")).toContainText("139****5678")
  expect(nonEssential(hosts)).toEqual([])
})

test("PIPL-29, PIPL-16-1: refusing the ID number keeps its field disabled and still orders the domestic goods", async ({ page, server }) => {
  await page.goto(server.origin + "/product/a2-toddler-formula")
  await banner(page).decline.click()
  await page.getByRole("button", { name: "加入购物车" }).click()
  await page.goto(server.origin + "/product/ningxia-goji")
  await page.getByRole("button", { name: "加入购物车" }).click()
  await page.goto(server.origin + "/checkout")

  const idField = page.getByLabel("订购人身份证号码")
  await expect(idField).toBeDisabled()
  await page.getByRole("button", { name: "填写身份证号码" }).click()
  await page.getByRole("dialog").getByRole("button", { name: "不同意", exact: true }).click()
  await expect(page.locator("[data-id-status]")).toContainText("您未同意提供身份证号码")
  await expect(idField).toBeDisabled()

  await fillDelivery(page)
  await page.getByRole("button", { name: "提交订单" }).click()
  await expect(page.getByRole("heading", { name: "订单已提交" })).toBeVisible()
  await expect(page.locator("main")).toContainText("宁夏 特级枸杞 500g")
  await expect(page.locator("main .notice")).toContainText("澳洲进口 A2 蛋白幼儿配方奶粉")
  await expect(page.locator("header [data-cart-count]")).toHaveText("1")
})

test("APPM-2: agreeing just in time enables the ID field, and the number never reaches a tracker", async ({ page, server }) => {
  const bodies: string[] = []
  page.on("request", (request) => {
    if (new URL(request.url()).hostname !== "localhost") bodies.push(request.url() + (request.postData() ?? ""))
  })
  await page.goto(server.origin + "/product/a2-toddler-formula")
  await banner(page).agree.click()
  await page.getByRole("button", { name: "加入购物车" }).click()
  await page.goto(server.origin + "/checkout")
  await page.getByRole("button", { name: "填写身份证号码" }).click()
  for (let asked = 0; asked < 2; asked++) await page.getByRole("dialog").getByRole("button", { name: "同意", exact: true }).click()
  const idField = page.getByLabel("订购人身份证号码")
  await expect(idField).toBeEnabled()
  await fillDelivery(page)
  await idField.fill("11010519491231002X")
  await page.getByRole("button", { name: "提交订单" }).click()
  await expect(page.getByRole("heading", { name: "订单已提交" })).toBeVisible()
  await expect(page.locator("main")).toContainText("1101**********002X")
  // The confirmation page's trackers report the order after it renders: give them a moment to send.
  await page.waitForTimeout(1500)
  const decoded = bodies.map((body) => body + " " + decodeSensorsPayloads(body))
  expect(decoded.filter((body) => body.includes("11010519491231002X") || body.includes("13912345678"))).toEqual([])
})

/** Sensors Data sends `data=<base64 JSON>`: decode it so the check sees what the collector would. */
function decodeSensorsPayloads(body: string): string {
  const data = /data=([^&]+)/.exec(body)?.[1]
  if (!data) return ""
  try {
    return Buffer.from(decodeURIComponent(data), "base64").toString("utf8")
  } catch {
    return ""
  }
}

test("PIPL-24-2: recommendations are best sellers until personalization is allowed, and again after it is withdrawn", async ({ page, server }) => {
  await page.goto(server.origin + "/?lang=en")
  const recommendations = page.locator("[data-recs]")
  await expect(recommendations.locator("[data-recs-title]")).toHaveText("Best sellers")
  await banner(page, "en").decline.click()
  await page.goto(server.origin + "/search?q=tea")
  await expect(page.locator("[data-recs-title]")).toHaveText("Best sellers")
  await expect(page.locator("[data-sort-label]")).toHaveText("Sorted by sales (not personalized)")

  await page.goto(server.origin + "/")
  await page.locator("footer").getByRole("link", { name: "Privacy settings", exact: true }).click()
  await expect(page.getByRole("dialog", { name: "Privacy settings" })).toBeVisible()

  // A new shopper on this device: no stored decision, so the first layer asks again.
  await page.context().clearCookies()
  await page.evaluate(() => localStorage.clear())
  await page.goto(server.origin + "/product/kids-probiotic-drops?lang=en")
  await banner(page, "en").agree.click()
  await expect(page.locator("[data-recs]")).toHaveAttribute("data-recs-kind", "personalized")
  await page.goto(server.origin + "/")
  await expect(recommendations.locator("[data-recs-title]")).toHaveText("Recommended for you")
  await expect(recommendations.locator(".card").first()).toHaveAttribute("data-product-id", /kids-probiotic-drops|ningxia-goji/)

  await page.evaluate(() => (window as unknown as { Zhiqing: { withdraw(id: string): unknown } }).Zhiqing.withdraw("personalization"))
  await expect(recommendations.locator("[data-recs-title]")).toHaveText("Best sellers")
  expect(await page.evaluate(() => localStorage.getItem("zx_recent_views"))).toBeNull()
})
