/**
 * The README's pictures of the dialogs, in both languages, on a desktop and a 375 px phone.
 * Run on purpose: `ZHIQING_SCREENSHOTS=1 npx playwright test -c tests/playwright.config.ts screenshots`.
 */
import { readFileSync } from "node:fs"
import { fileURLToPath } from "node:url"
import { expect, test } from "../fixtures"

const config = JSON.parse(readFileSync(new URL("../../sdk/examples/shop.config.json", import.meta.url), "utf8"))
const images = fileURLToPath(new URL("../../docs/images/", import.meta.url))

const SIZES = { desktop: { width: 1280, height: 800 }, phone: { width: 375, height: 812 } }
const TITLES = { "zh-CN": "个人信息保护提示", en: "Your personal information" }

test.skip(!process.env.ZHIQING_SCREENSHOTS, "set ZHIQING_SCREENSHOTS=1 to refresh the README's images")

for (const lang of ["zh-CN", "en"] as const) {
  for (const [device, size] of Object.entries(SIZES)) {
    test(`dialog-${lang}-${device}`, async ({ page, server }) => {
      await page.emulateMedia({ reducedMotion: "reduce" })
      await page.setViewportSize(size)
      await page.addInitScript((merchantConfig) => {
        ;(window as unknown as { zhiqingConfig: unknown }).zhiqingConfig = merchantConfig
      }, config)
      await page.goto(`${server.origin}/__fixtures/ui-dialogs.html?lang=${lang}`)
      await expect(page.getByRole("dialog", { name: TITLES[lang] })).toBeVisible()
      await page.screenshot({ path: `${images}dialog-${lang}-${device}.png` })

      await page.evaluate(() => {
        void (window as unknown as { Zhiqing: { request(id: string): Promise<boolean> } }).Zhiqing.request("crossborder-hk-warehouse")
      })
      await expect(page.getByRole("dialog", { name: config.separate[2].title[lang] })).toBeVisible()
      await page.screenshot({ path: `${images}dialog-separate-${lang}-${device}.png` })
    })
  }
}
