/**
 * The consent dialogs in the built bundle, in Chromium: WCAG 2.2 AA with axe-core, keyboard-only use, small screens
 * and zoom, reduced motion and equal prominence of the choices (NDSR-22-1).
 */
import { readFileSync } from "node:fs"
import AxeBuilder from "@axe-core/playwright"
import type { Page } from "@playwright/test"
import { expect, test } from "../fixtures"

const config = JSON.parse(readFileSync(new URL("../../sdk/examples/shop.config.json", import.meta.url), "utf8"))

type Lang = "zh-CN" | "en"

const NAMES = {
  "zh-CN": { title: "个人信息保护提示", agree: "同意", decline: "不同意", settings: "设置", floating: "隐私设置", prefs: "隐私设置", rights: "同意记录与个人信息权利", close: "关闭" },
  en: { title: "Your personal information", agree: "Agree", decline: "Decline", settings: "Settings", floating: "Privacy settings", prefs: "Privacy settings", rights: "Consent records and your rights", close: "Close" }
} as const

const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]

/** The fixture shop page with the canonical config, on a first visit, showing the first layer. */
async function openShop(page: Page, origin: string, lang: Lang) {
  await page.addInitScript((merchantConfig) => {
    ;(window as unknown as { zhiqingConfig: unknown }).zhiqingConfig = merchantConfig
  }, config)
  await page.goto(`${origin}/__fixtures/ui-dialogs.html?lang=${lang}`)
  const banner = page.getByRole("dialog", { name: NAMES[lang].title })
  await expect(banner).toBeVisible()
  return banner
}

/** The focused element, looking through the shadow root, described by its accessible name and dialog. */
function focused(page: Page) {
  return page.evaluate(() => {
    let active = document.activeElement
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement
    const dialog = active?.closest("[role=dialog]")
    return {
      name: (active?.getAttribute("aria-label") ?? active?.textContent ?? "").trim(),
      tag: active?.tagName.toLowerCase() ?? "",
      dialog: dialog ? dialog.getAttribute("aria-labelledby") : null
    }
  })
}

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze()
  expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`)).toEqual([])
}

async function horizontalOverflow(page: Page) {
  return page.evaluate(() => {
    const root = document.getElementById("zhiqing-root")?.shadowRoot
    const boxes = Array.from(root?.querySelectorAll<HTMLElement>("[role=dialog]") ?? []).filter((box) => box.checkVisibility())
    return {
      page: document.documentElement.scrollWidth - window.innerWidth,
      dialogs: boxes.map((box) => box.scrollWidth - box.clientWidth)
    }
  })
}

for (const lang of ["zh-CN", "en"] as const) {
  const names = NAMES[lang]

  test.describe(`dialogs in ${lang}`, () => {
    test("WCAG 2.2 AA: axe finds no violations on the first layer, preference centre, separate screen and rights view", async ({ page, server }) => {
      const banner = await openShop(page, server.origin, lang)
      await expectNoAxeViolations(page)

      await banner.getByRole("button", { name: names.settings, exact: true }).click()
      await expect(page.getByRole("dialog", { name: names.prefs })).toBeVisible()
      await expectNoAxeViolations(page)
      await page.keyboard.press("Escape")

      await page.evaluate(() => {
        void (window as unknown as { Zhiqing: { request(id: string): Promise<boolean> } }).Zhiqing.request("crossborder-hk-warehouse")
      })
      const separate = page.getByRole("dialog", { name: config.separate[2].title[lang] })
      await expect(separate).toBeVisible()
      await expectNoAxeViolations(page)
      await page.keyboard.press("Escape")

      await page.evaluate(() => (window as unknown as { Zhiqing: { open(view: string): void } }).Zhiqing.open("rights"))
      await expect(page.getByRole("dialog", { name: names.rights })).toBeVisible()
      await expectNoAxeViolations(page)
    })

    test("NDSR-22-1: Agree, Decline and Settings have the same size, weight and colours", async ({ page, server }) => {
      for (const size of [{ width: 1280, height: 800 }, { width: 375, height: 812 }]) {
        await page.setViewportSize(size)
        const banner = await openShop(page, server.origin, lang)
        const looks = []
        for (const name of [names.agree, names.decline, names.settings]) {
          const choice = banner.getByRole("button", { name, exact: true })
          const box = await choice.boundingBox()
          const style = await choice.evaluate((element) => {
            const computed = getComputedStyle(element)
            return [computed.fontSize, computed.fontWeight, computed.color, computed.backgroundColor, computed.borderStyle, computed.padding].join(" ")
          })
          looks.push({ width: Math.round(box!.width), height: Math.round(box!.height), style })
        }
        expect(looks[1], `${size.width}px`).toEqual(looks[0])
        expect(looks[2], `${size.width}px`).toEqual(looks[0])
      }
    })

    test("keyboard only: Tab reaches every control, Decline works from the keyboard, focus goes to the floating button", async ({ page, server }) => {
      const banner = await openShop(page, server.origin, lang)
      await page.getByRole("button").filter({ hasText: "Add to cart" }).last().focus()
      const reached: string[] = []
      for (let step = 0; step < 12 && !reached.includes(names.floating); step++) {
        await page.keyboard.press("Tab")
        reached.push((await focused(page)).name)
      }
      expect(reached).toEqual(expect.arrayContaining([names.agree, names.decline, names.settings, names.floating]))
      const controls = await banner.locator("button, a[href], input").count()
      expect(reached.length).toBe(controls + 1)

      await banner.getByRole("button", { name: names.decline, exact: true }).focus()
      await page.keyboard.press("Enter")
      await expect(banner).toBeHidden()
      await expect.poll(async () => (await focused(page)).name).toBe(names.floating)
      const state = await page.evaluate(() => (window as unknown as { Zhiqing: { get(): { purposes: Record<string, boolean> } | null } }).Zhiqing.get())
      expect(state?.purposes).toMatchObject({ necessary: true, analytics: false, marketing: false })

      await page.keyboard.press("Enter")
      await expect(page.getByRole("dialog", { name: names.prefs })).toBeVisible()
    })

    test("keyboard only: a modal takes focus, traps Tab, closes on Escape and gives focus back", async ({ page, server }) => {
      const banner = await openShop(page, server.origin, lang)
      await banner.getByRole("button", { name: names.settings, exact: true }).focus()
      await page.keyboard.press("Enter")
      const prefs = page.getByRole("dialog", { name: names.prefs })
      await expect(prefs).toBeVisible()
      const dialogId = await prefs.getAttribute("aria-labelledby")
      expect((await focused(page)).dialog).toBe(dialogId)

      const controls = await prefs.locator("button, a[href], input:not(:disabled), select, textarea").count()
      for (let step = 0; step < controls + 3; step++) {
        await page.keyboard.press("Tab")
        expect((await focused(page)).dialog).toBe(dialogId)
      }
      for (let step = 0; step < 3; step++) {
        await page.keyboard.press("Shift+Tab")
        expect((await focused(page)).dialog).toBe(dialogId)
      }

      // A switch is turned on from the keyboard as easily as off (GBT-5.3).
      const analytics = prefs.getByRole("switch", { name: config.purposes[1].title[lang] })
      await analytics.focus()
      await page.keyboard.press("Space")
      await expect(analytics).toBeChecked()
      await page.keyboard.press("Space")
      await expect(analytics).not.toBeChecked()

      await page.keyboard.press("Escape")
      await expect(prefs).toBeHidden()
      await expect(banner).toBeVisible()
      await expect.poll(async () => (await focused(page)).name).toBe(names.settings)
    })

    test("the separate screen closes on Escape, answers false and returns focus", async ({ page, server }) => {
      await openShop(page, server.origin, lang)
      await page.getByRole("button", { name: names.floating }).focus()
      const answer = page.evaluate(() => (window as unknown as { Zhiqing: { request(id: string): Promise<boolean> } }).Zhiqing.request("sensitive-id-card"))
      const separate = page.getByRole("dialog", { name: config.separate[0].title[lang] })
      await expect(separate).toBeVisible()
      await expect(separate.getByRole("button", { name: names.agree, exact: true })).toBeVisible()
      await expect(separate.getByRole("button", { name: names.decline, exact: true })).toBeVisible()
      await page.keyboard.press("Escape")
      expect(await answer).toBe(false)
      await expect.poll(async () => (await focused(page)).name).toBe(names.floating)
    })

    test("320 px wide and 200% zoom: no horizontal scrolling in any dialog", async ({ page, server }) => {
      // 200% zoom of a 1280×800 window lays the page out in 640×400 CSS pixels.
      for (const size of [{ width: 320, height: 640 }, { width: 640, height: 400 }]) {
        await page.setViewportSize(size)
        const banner = await openShop(page, server.origin, lang)
        expect(await horizontalOverflow(page), `first layer at ${size.width}px`).toEqual({ page: 0, dialogs: [0] })
        await banner.getByRole("button", { name: names.decline, exact: true }).scrollIntoViewIfNeeded()
        await expect(banner.getByRole("button", { name: names.decline, exact: true })).toBeInViewport()

        await banner.getByRole("button", { name: names.settings, exact: true }).click()
        expect(await horizontalOverflow(page), `preferences at ${size.width}px`).toEqual({ page: 0, dialogs: [0] })
        await page.keyboard.press("Escape")

        await page.evaluate(() => {
        void (window as unknown as { Zhiqing: { request(id: string): Promise<boolean> } }).Zhiqing.request("crossborder-hk-warehouse")
      })
        await expect(page.getByRole("dialog", { name: config.separate[2].title[lang] })).toBeVisible()
        expect(await horizontalOverflow(page), `separate screen at ${size.width}px`).toEqual({ page: 0, dialogs: [0] })
        await page.keyboard.press("Escape")

        await page.evaluate(() => (window as unknown as { Zhiqing: { open(view: string): void } }).Zhiqing.open("rights"))
        await expect(page.getByRole("dialog", { name: names.rights })).toBeVisible()
        expect(await horizontalOverflow(page), `rights view at ${size.width}px`).toEqual({ page: 0, dialogs: [0] })
      }
    })
  })
}

test("the language switch changes every dialog text in place", async ({ page, server }) => {
  const banner = await openShop(page, server.origin, "zh-CN")
  await banner.getByRole("button", { name: "English" }).click()
  const english = page.getByRole("dialog", { name: NAMES.en.title })
  await expect(english.getByRole("button", { name: "Agree", exact: true })).toBeVisible()
  await expect(page.getByRole("button", { name: "Privacy settings" })).toBeVisible()
  await english.getByRole("button", { name: "中文" }).click()
  await expect(page.getByRole("dialog", { name: NAMES["zh-CN"].title })).toBeVisible()
})

test("nothing in the dialogs moves on its own (WCAG 2.3.3), so no shopper needs reduced motion turned on", async ({ page, server }) => {
  const banner = await openShop(page, server.origin, "zh-CN")
  expect(await banner.evaluate((element) => getComputedStyle(element).animationName)).toBe("none")
  await banner.getByRole("button", { name: "设置" }).click()
  const switches = page.getByRole("dialog", { name: "隐私设置" }).getByRole("switch")
  expect(await switches.last().evaluate((element) => getComputedStyle(element).transitionDuration)).toBe("0s")
})

test("PIPL-14-1: a script clicking Agree grants nothing", async ({ page, server }) => {
  const banner = await openShop(page, server.origin, "zh-CN")
  await banner.getByRole("button", { name: "同意", exact: true }).evaluate((element) => (element as HTMLElement).click())
  await expect(banner).toBeVisible()
  expect(await page.evaluate(() => (window as unknown as { Zhiqing: { get(): unknown } }).Zhiqing.get())).toBeNull()
})

/** Every switch in `scope`: drawn as a track wider than tall, at least 32 px wide, the knob moving with the state. */
async function expectSwitchesDrawnAsSwitches(page: Page, scope: ReturnType<Page["getByRole"]>) {
  const switches = scope.getByRole("switch")
  expect(await switches.count()).toBeGreaterThan(0)
  for (const control of await switches.all()) {
    const box = (await control.boundingBox())!
    expect(box.width, "a switch's track is wider than tall").toBeGreaterThan(box.height)
    expect(box.width).toBeGreaterThanOrEqual(32)
  }
  // On and off differ on screen, and not by colour alone: the knob sits at the other end of the track.
  const optional = scope.locator("[role=switch]:not(:disabled)").first()
  const knob = () => optional.evaluate((element) => getComputedStyle(element).backgroundPosition)
  const off = { picture: await optional.screenshot(), knob: await knob() }
  await optional.click()
  await expect(optional).toBeChecked()
  const on = { picture: await optional.screenshot(), knob: await knob() }
  expect(on.knob).not.toBe(off.knob)
  expect(on.picture.equals(off.picture)).toBe(false)
  await optional.click()
}

test("every view draws its controls as what they are: switches as switches, checkboxes as checkboxes, buttons as buttons", async ({ page, server }) => {
  const banner = await openShop(page, server.origin, "zh-CN")
  // The first layer's under-age question is a checkbox: square, small, and not a switch.
  const guardian = banner.getByRole("checkbox")
  if (await guardian.count()) {
    const box = (await guardian.first().boundingBox())!
    expect(Math.abs(box.width - box.height)).toBeLessThanOrEqual(1)
  }
  for (const button of await banner.getByRole("button").all()) expect((await button.boundingBox())!.height).toBeGreaterThanOrEqual(24)

  await banner.getByRole("button", { name: NAMES["zh-CN"].settings, exact: true }).click()
  const prefs = page.getByRole("dialog", { name: NAMES["zh-CN"].prefs })
  await expect(prefs).toBeVisible()
  await expectSwitchesDrawnAsSwitches(page, prefs)
  await prefs.getByRole("button", { name: NAMES["zh-CN"].close }).click()

  // The separate-consent screen answers with buttons, on its own.
  await page.evaluate(() => void (window as unknown as { Zhiqing: { request(id: string): Promise<boolean> } }).Zhiqing.request("crossborder-hk-warehouse"))
  const separate = page.getByRole("dialog", { name: config.separate[2].title["zh-CN"] })
  await expect(separate).toBeVisible()
  expect(await separate.getByRole("switch").count()).toBe(0)
  for (const button of await separate.getByRole("button").all()) expect((await button.boundingBox())!.height).toBeGreaterThanOrEqual(24)
  await page.keyboard.press("Escape")

  // With no receipts yet, the rights view's download button is disabled, and is drawn so, unlike the links beside it.
  await page.evaluate(() => (window as unknown as { Zhiqing: { open(view: string): void } }).Zhiqing.open("rights"))
  const rights = page.getByRole("dialog", { name: NAMES["zh-CN"].rights })
  const download = rights.getByRole("button", { name: "下载记录（JSON）" })
  await expect(download).toBeDisabled()
  expect(await download.evaluate((element) => Number(getComputedStyle(element).opacity))).toBeLessThan(1)
  // Not underlined nor in the links' colour: it does not read as a link that does nothing.
  const looks = (element: Element) => ({ color: getComputedStyle(element).color, line: getComputedStyle(element).textDecorationLine })
  const link = await rights.getByRole("link", { name: "隐私政策" }).evaluate(looks)
  const disabled = await download.evaluate(looks)
  expect(link.line).toBe("underline")
  expect(disabled.line).toBe("none")
  expect(disabled.color).not.toBe(link.color)
})

test("PIPL-17-2: the shopper can save the notice as they see it, line by line", async ({ page, server }) => {
  const banner = await openShop(page, server.origin, "zh-CN")
  const saved = page.waitForEvent("download")
  await banner.getByRole("button", { name: "保存本告知" }).click()
  const download = await saved
  expect(download.suggestedFilename()).toBe("privacy-notice.txt")
  const lines = readFileSync(await download.path(), "utf8").split("\n")
  expect(lines[0]).toBe(NAMES["zh-CN"].title)
  expect(lines).toContain(`联系方式：${config.handler.contact}`)
})
