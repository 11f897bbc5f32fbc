/**
 * The README's pictures of the dialogs (first layer, preference centre, separate consent, rights), in both languages,
 * on a desktop and a 375 px phone.
 * Every run makes them (tests/.results/screenshots/); `ZHIQING_SCREENSHOTS=1` writes them to docs/images/ (tests/screenshots.ts).
 */
import { readFileSync } from "node:fs"
import { expect, test } from "../fixtures"
import { screenshotPath } from "../screenshots"

const config = JSON.parse(readFileSync(new URL("../../sdk/examples/shop.config.json", import.meta.url), "utf8"))

const SIZES = { desktop: { width: 1280, height: 800 }, phone: { width: 375, height: 812 } }
const TITLES = { "zh-CN": "个人信息保护提示", en: "Your personal information" }
const SETTINGS = { "zh-CN": { open: "设置", title: "隐私设置", close: "关闭" }, en: { open: "Settings", title: "Privacy settings", close: "Close" } }
const RIGHTS = { "zh-CN": "同意记录与个人信息权利", en: "Consent records and your rights" }

for (const lang of ["zh-CN", "en"] as const) {
  for (const [device, size] of Object.entries(SIZES)) {
    test(`dialog-${lang}-${device}`, async ({ page, server }) => {
      await page.setViewportSize(size)
      await page.addInitScript((merchantConfig) => {
        ;(window as unknown as { zhiqingConfig: unknown }).zhiqingConfig = merchantConfig
      }, config)
      await page.goto(`${server.origin}/__fixtures/ui-dialogs.html?lang=${lang}`)
      await expect(page.getByRole("dialog", { name: TITLES[lang] })).toBeVisible()
      await page.screenshot({ path: screenshotPath(`dialog-${lang}-${device}.png`) })

      // The preference centre with one purpose on and the others off, so both states of a switch are in the picture.
      await page.getByRole("dialog", { name: TITLES[lang] }).getByRole("button", { name: SETTINGS[lang].open, exact: true }).click()
      const prefs = page.getByRole("dialog", { name: SETTINGS[lang].title })
      await prefs.getByRole("switch", { name: config.purposes[1].title[lang] }).check()
      await page.screenshot({ path: screenshotPath(`prefs-${lang}-${device}.png`) })
      await prefs.getByRole("button", { name: SETTINGS[lang].close }).click()

      await page.evaluate(() => {
        void (window as unknown as { Zhiqing: { request(id: string): Promise<boolean> } }).Zhiqing.request("crossborder-hk-warehouse")
      })
      const separate = page.getByRole("dialog", { name: config.separate[2].title[lang] })
      await expect(separate).toBeVisible()
      await page.screenshot({ path: screenshotPath(`dialog-separate-${lang}-${device}.png`) })
      await separate.getByRole("button", { name: SETTINGS[lang].close }).click()

      // The rights view before any decision: no records yet, so its download button is disabled.
      await page.evaluate(() => (window as unknown as { Zhiqing: { open(view: string): void } }).Zhiqing.open("rights"))
      const rights = page.getByRole("dialog", { name: RIGHTS[lang] })
      await expect(rights.getByRole("button", { name: lang === "zh-CN" ? "下载记录（JSON）" : "Download records (JSON)" })).toBeDisabled()
      await page.screenshot({ path: screenshotPath(`rights-${lang}-${device}.png`) })
    })
  }
}
