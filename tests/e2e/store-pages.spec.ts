/**
 * The demo store's pages in Chromium, in both languages: what a merchant sees first with `npm start`, and the
 * ground the other end-to-end tests stand on.
 */
import { expect, test } from "../fixtures"

const PAGES = [
  { path: "/", "zh-CN": "热销商品", en: "Best sellers" },
  { path: "/product/yunnan-puer-cake", "zh-CN": "云南 普洱熟茶饼 357g", en: "Yunnan ripe pu-erh tea cake, 357 g" },
  { path: "/search?q=tea", "zh-CN": "排序：综合销量（非个性化）", en: "Sorted by sales (not personalized)" },
  { path: "/cart", "zh-CN": "购物车是空的。", en: "Your cart is empty." },
  { path: "/account", "zh-CN": "我的隐私选择", en: "My privacy choices" },
  { path: "/privacy", "zh-CN": "隐私政策（个人信息处理规则）", en: "Privacy policy (personal information processing rules)" }
] as const

for (const lang of ["zh-CN", "en"] as const) {
  test(`APPM-1: the shop's pages render in ${lang} with the SDK, a language switch and the privacy-settings link`, async ({ page, server }) => {
    for (const entry of PAGES) {
      const separator = entry.path.includes("?") ? "&" : "?"
      const response = await page.goto(`${server.origin}${entry.path}${separator}lang=${lang}`)
      expect(response?.status(), entry.path).toBe(200)
      await expect(page.locator("html")).toHaveAttribute("lang", lang)
      await expect(page.locator("main")).toContainText(entry[lang])
      await expect(page.locator('script[src="/zhiqing.js"][data-config="/zhiqing.config.json"]')).toHaveCount(1)
      await expect(page.locator("footer").getByRole("link", { name: lang === "en" ? "Privacy settings" : "隐私设置", exact: true })).toBeVisible()
      await expect(page.locator("header .lang-switch")).toHaveText(lang === "en" ? "中文" : "English")
    }
  })
}

test("the language switch keeps the shopper on the same page and remembers the choice", async ({ page, server }) => {
  await page.goto(`${server.origin}/product/ningxia-goji`)
  await page.locator("header .lang-switch").click()
  await expect(page).toHaveURL(/\/product\/ningxia-goji\?lang=en$/)
  await expect(page.locator("h1")).toHaveText("Ningxia premium goji berries, 500 g")
  await page.goto(`${server.origin}/cart`)
  await expect(page.locator("html")).toHaveAttribute("lang", "en")
})

test("PIPL-17-1: the privacy policy is generated from the store's config, with every recipient, in both languages", async ({ page, server }) => {
  await page.goto(`${server.origin}/privacy?lang=zh-CN`)
  const policy = page.locator("article.policy")
  await expect(policy).toContainText("示例商城有限公司")
  await expect(policy).toContainText("顺丰速运有限公司")
  await expect(policy).toContainText("示例国际物流（香港）有限公司")
  await expect(policy).toContainText("dpo@example-global.hk")
  await page.goto(`${server.origin}/privacy?lang=en`)
  await expect(policy).toContainText("Example Mall Co., Ltd.")
  await expect(policy).toContainText("Hong Kong SAR")
  await expect(policy).toContainText("Google Analytics (United States)")
})

test("product pictures come from the CDN host, which needs no consent", async ({ page, server }) => {
  await page.goto(server.origin + "/")
  const picture = page.locator(".card img").first()
  await expect(picture).toHaveAttribute("src", /^http:\/\/img\.alicdn\.com\/imgextra\/zhixuan\/[a-z0-9-]+\.svg$/)
  await expect.poll(() => picture.evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth)).toBeGreaterThan(0)
})
