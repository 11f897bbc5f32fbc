/**
 * The configurator at /setup: a merchant builds a config from the presets, sees each problem next to its field,
 * watches the real SDK's dialog in the preview frames, takes the output away, imports bad and good files, keeps
 * everything across a reload, opens the inspector's draft, and keeps working offline (also as an extension page and
 * from disk).
 * It also takes the pictures of the configurator in both languages (the README's, with ZHIQING_SCREENSHOTS=1).
 */
import { createHash } from "node:crypto"
import { readFileSync } from "node:fs"
import AxeBuilder from "@axe-core/playwright"
import type { Page } from "@playwright/test"
import { expect, test } from "../fixtures"
import { screenshotPath } from "../screenshots"

const example = readFileSync(new URL("../../sdk/examples/shop.config.json", import.meta.url), "utf8")
/** The link the inspector makes, written here from the contract (base64url of the UTF-8 JSON), not with the configurator's code. */
const draftLink = (draft: unknown) => "#draft=" + Buffer.from(JSON.stringify(draft), "utf8").toString("base64url")
const DIALOG = { "zh-CN": "个人信息保护提示", en: "Your personal information" } as const

test.setTimeout(90_000)

/** The preview frame for a language and width. */
function frame(page: Page, lang: "zh-CN" | "en", device: "desktop" | "phone") {
  return page.frameLocator(`iframe[title$="${lang} ${device === "desktop" ? "桌面" : "手机 375 px"}"], iframe[title$="${lang} ${device === "desktop" ? "Desktop" : "Phone 375 px"}"]`)
}

/** The field at a config path, by the id the configurator gives it. */
function field(page: Page, path: string) {
  return page.locator("#field-" + path.replace(/[^A-Za-z0-9-]+/g, "-"))
}

async function importText(page: Page, text: string) {
  await page.locator("#import-text").fill(text)
  await page.getByRole("button", { name: /^(导入粘贴的内容|Import the pasted text)$/ }).click()
}

test("a merchant builds a config from the presets, fixes a problem at its field and sees the real dialog in both languages", async ({ page, server, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"])
  await page.setViewportSize({ width: 1440, height: 1000 })
  const blocked: string[] = []
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) blocked.push(message.text())
  })
  await page.goto(`${server.origin}/setup`)
  await expect(page).toHaveURL(`${server.origin}/setup/`)
  await expect(page.getByRole("heading", { name: "知情配置器" })).toBeVisible()
  await expect(page.getByText("配置有问题时 SDK 不显示对话框")).toBeVisible()

  await field(page, "handler.name.zh-CN").fill("知选跨境有限公司")
  await field(page, "handler.name.en").fill("Zhixuan Cross-border Ltd.")
  await field(page, "handler.contact").fill("privacy@zhixuan.example")
  await field(page, "policy.version").fill("2026-12")
  await field(page, "policy.url.zh-CN").fill("/privacy?lang=zh-CN")
  await field(page, "policy.url.en").fill("javascript:alert(1)")
  await expect(field(page, "policy.url.en")).toHaveAttribute("aria-invalid", "true")
  await expect(page.locator("#field-policy-url-en-notes")).toHaveText("⚠ 须为 http(s) 网址或相对路径".slice(2))
  await page.getByRole("button", { name: "Switch the configurator to English" }).click()
  await expect(page.locator("#field-policy-url-en-notes")).toHaveText("must be an http(s) URL or a relative path")
  await page.getByRole("button", { name: "切换为中文界面" }).click()
  await field(page, "policy.url.en").fill("/privacy?lang=en")
  await expect(page.locator("#field-policy-url-en-notes")).toHaveCount(0)

  await page.getByRole("button", { name: "统计分析" }).click()
  await page.getByLabel("从检查器的服务商目录中选择 (purposes[1])").fill("baidu-tongji")
  await page.getByLabel("从检查器的服务商目录中选择 (purposes[1])").press("Enter")
  await expect(page.getByRole("button", { name: "删除 Baidu Tongji · 百度统计" })).toBeVisible()
  await expect(field(page, "purposes[1].cookies")).toHaveValue("Hm_lvt_*, Hm_lpvt_*, HMACCOUNT, HMACCOUNT_BFESS")
  await page.getByLabel("从检查器的服务商目录中选择 (purposes[1])").fill("no-such-tracker")
  await page.getByRole("button", { name: "添加服务商" }).nth(1).click()
  await expect(page.getByText("目录中没有这个服务商：no-such-tracker")).toBeVisible()

  await expect(page.getByText("配置有效：SDK 会接受它。")).toBeVisible()
  // Text is text: markup typed into a field shows as itself in the real dialog.
  await field(page, "handler.name.zh-CN").fill('<img src=x onerror="document.title=1">知选')
  for (const lang of ["zh-CN", "en"] as const) {
    for (const device of ["desktop", "phone"] as const) {
      await expect(frame(page, lang, device).getByRole("dialog", { name: DIALOG[lang] })).toBeVisible()
    }
  }
  await expect(frame(page, "zh-CN", "desktop").getByRole("dialog")).toContainText('<img src=x onerror="document.title=1">知选')
  await expect(frame(page, "en", "desktop").getByRole("dialog")).toContainText("Zhixuan Cross-border Ltd.")
  expect(await frame(page, "zh-CN", "desktop").locator("img").count()).toBe(0)

  const snippet = page.locator(".snippet").filter({ hasText: "Baidu Tongji" })
  await expect(snippet.locator("pre").nth(1)).toHaveText('<script type="text/plain" data-zhiqing="analytics" src="https://hm.baidu.com/hm.js?…" async></script>')

  const shown = JSON.parse((await page.locator("pre.json").textContent()) ?? "")
  expect(shown.purposes.map((purpose: { id: string }) => purpose.id)).toEqual(["necessary", "analytics"])
  expect(shown.purposes[1].vendors).toEqual(["baidu-tongji"])
  const download = page.waitForEvent("download")
  await page.getByRole("button", { name: "下载" }).click()
  const file = await download
  expect(file.suggestedFilename()).toBe("zhiqing.config.json")
  const downloaded = readFileSync(await file.path(), "utf8")
  expect(JSON.parse(downloaded)).toEqual(shown)
  // The script tag pins that very file: the real SDK, given both, accepts it and shows its dialog.
  const integrity = "sha256-" + createHash("sha256").update(downloaded).digest("base64")
  const tag = `<script src="/zhiqing.js" data-config="/zhiqing.config.json" data-config-integrity="${integrity}" async></script>`
  await expect(page.locator("#output pre").filter({ hasText: "data-config" })).toHaveText(tag)
  const configUrl = server.serve("configurator.config.json", "application/json; charset=utf-8", downloaded)
  const shop = await context.newPage()
  await shop.goto(server.serve("pinned.html", "text/html; charset=utf-8", `<!doctype html><html lang="zh-CN"><body>${tag.replace("/zhiqing.config.json", new URL(configUrl).pathname)}</body></html>`))
  await expect(shop.getByRole("dialog", { name: DIALOG["zh-CN"] })).toContainText("privacy@zhixuan.example")
  await shop.close()
  await page.getByRole("button", { name: "复制: zhiqing.config.json" }).click()
  await expect(page.getByRole("status").filter({ hasText: "已复制" })).toBeVisible()
  expect(JSON.parse(await page.evaluate(() => navigator.clipboard.readText()))).toEqual(shown)

  await page.reload()
  await expect(field(page, "handler.contact")).toHaveValue("privacy@zhixuan.example")
  await expect(field(page, "purposes[1].cookies")).toHaveValue("Hm_lvt_*, Hm_lpvt_*, HMACCOUNT, HMACCOUNT_BFESS")
  expect(JSON.parse((await page.locator("pre.json").textContent()) ?? "")).toEqual(shown)
  expect(blocked).toEqual([])
})

test("the configurator meets WCAG 2.2 AA in both languages, with problems showing and with none", async ({ page, server }) => {
  await page.goto(`${server.origin}/setup/`)
  const violations = async () => {
    const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).exclude("iframe").analyze()
    return results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`)
  }
  expect(await violations()).toEqual([])
  await page.getByRole("button", { name: "Switch the configurator to English" }).click()
  await importText(page, example)
  await expect(frame(page, "en", "desktop").getByRole("dialog", { name: DIALOG.en })).toBeVisible()
  expect(await violations()).toEqual([])
})

test("a preview click stays in the preview: the shop's own consent record is untouched", async ({ page, server }) => {
  await page.goto(`${server.origin}/setup/`)
  await importText(page, example)
  const preview = frame(page, "zh-CN", "desktop")
  await preview.getByRole("button", { name: "同意", exact: true }).click()
  await expect(preview.getByRole("dialog")).toHaveCount(0)
  const stored = await page.evaluate(() => ({ cookie: document.cookie, local: localStorage.getItem("zhiqing") }))
  expect(stored).toEqual({ cookie: "", local: null })
})

test("an import that is not JSON, or not a config, is explained by field and loses nothing", async ({ page, server }) => {
  await page.goto(`${server.origin}/setup/`)
  await page.getByRole("button", { name: "Switch the configurator to English" }).click()
  await field(page, "handler.contact").fill("kept@shop.example")

  await importText(page, "{ handler: ")
  await expect(page.getByRole("alert")).toContainText("This is not valid JSON:")
  await expect(page.locator("#import-text")).toHaveValue("{ handler: ")
  await expect(field(page, "handler.contact")).toHaveValue("kept@shop.example")
  await importText(page, "[1, 2]")
  await expect(page.getByRole("alert")).toContainText("This is not a Zhiqing config")

  const wrong = { handler: "Acme", policy: { version: 3, url: { "zh-CN": "/p" } }, locales: ["zh-CN"], purposes: { analytics: true }, banner: "yes" }
  await importText(page, JSON.stringify(wrong))
  const problems = page.locator("#problems")
  await expect(problems.locator("details li")).toHaveText(["handler expected object, got string", "policy.version expected string, got number", "purposes expected array, got object"])
  await expect(problems.locator(".unknown")).toContainText("The SDK does not know these fields")
  await expect(problems.locator(".unknown li")).toHaveText(["banner"])
  await expect(field(page, "policy.version")).toHaveValue("3")
  await expect(page.locator("#field-policy-version ~ .notes")).toHaveText("expected string, got number")
  expect(JSON.parse((await page.locator("pre.json").textContent()) ?? "")).toEqual(wrong)

  await page.getByRole("button", { name: "Undo the import" }).click()
  await expect(field(page, "handler.contact")).toHaveValue("kept@shop.example")

  await page.locator("#import-file").setInputFiles({ name: "shop.config.json", mimeType: "application/json", buffer: Buffer.from(example) })
  await expect(page.getByText("The config is valid: the SDK accepts it.")).toBeVisible()
  await expect(frame(page, "en", "phone").getByRole("dialog", { name: DIALOG.en })).toBeVisible()
})

test("the inspector's draft opens with its todos marked and its tag edits shown, after asking", async ({ page, server }) => {
  const draft = JSON.parse(example)
  delete draft.handler.contact
  delete draft.policy.url.en
  const hash = draftLink({
    config: draft,
    todo: [
      { path: "handler.contact", message: { "zh-CN": "填写个人信息保护联系方式", en: "Give a privacy contact" } },
      { path: "policy.url.en", message: { "zh-CN": "填写英文隐私政策链接", en: "Link the English privacy policy" } }
    ],
    gating: [
      {
        vendor: "baidu-tongji",
        purpose: "analytics",
        before: '<script src="https://hm.baidu.com/hm.js?6a2f"></script>',
        after: '<script type="text/plain" data-zhiqing="analytics" src="https://hm.baidu.com/hm.js?6a2f"></script>'
      }
    ]
  })
  await page.goto(`${server.origin}/setup/`)
  await field(page, "handler.contact").fill("mine@shop.example")
  await page.goto(`${server.origin}/setup/${hash}`)
  await page.reload()
  await page.getByRole("button", { name: "用草稿替换" }).click()
  await expect(page).toHaveURL(`${server.origin}/setup/`)
  const todos = page.getByRole("region", { name: "来自检查器的草稿：还需填写" })
  await expect(todos.getByRole("listitem")).toHaveText(["填写个人信息保护联系方式 handler.contact", "填写英文隐私政策链接 policy.url.en"])
  await expect(page.locator(".field.todo").filter({ has: field(page, "handler.contact") })).toContainText("填写个人信息保护联系方式")
  await expect(page.locator(".gating pre")).toHaveText([
    '<script src="https://hm.baidu.com/hm.js?6a2f"></script>',
    '<script type="text/plain" data-zhiqing="analytics" src="https://hm.baidu.com/hm.js?6a2f"></script>'
  ])
  await field(page, "handler.contact").fill("privacy@example.cn")
  await expect(todos.getByRole("listitem")).toHaveText(["填写英文隐私政策链接 policy.url.en"])
  await field(page, "policy.url.en").fill("/privacy?lang=en")
  await expect(todos).toHaveCount(0)
  await expect(page.getByText("配置有效：SDK 会接受它。")).toBeVisible()

  await page.goto(`${server.origin}/setup/#draft=not-a-draft`)
  await page.reload()
  await expect(page.getByRole("alert")).toHaveText("链接中的草稿无法读取：不是 base64url 编码的 JSON。")
  await expect(field(page, "handler.contact")).toHaveValue("privacy@example.cn")
})

test("the configurator keeps working with the network cut", async ({ page, server, context }) => {
  await page.goto(`${server.origin}/setup/`)
  await importText(page, example)
  await expect(frame(page, "zh-CN", "desktop").getByRole("dialog", { name: DIALOG["zh-CN"] })).toBeVisible()
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null)
  await context.setOffline(true)
  await field(page, "handler.name.en").fill("Offline Trading Ltd.")
  await expect(page.locator("pre.json")).toContainText("Offline Trading Ltd.")
  await expect(frame(page, "en", "desktop").getByRole("dialog", { name: DIALOG.en })).toContainText("Offline Trading Ltd.")
  await field(page, "handler.contact").fill("")
  await expect(page.locator("#field-handler-contact-notes")).toHaveText("必填")
  await context.setOffline(false)
})

test("opened from disk, without any server, the configurator works and says why it cannot preview", async ({ page }) => {
  await page.goto(new URL("../../extension/build/setup/index.html", import.meta.url).href)
  await importText(page, example)
  await expect(page.getByText("配置有效：SDK 会接受它。")).toBeVisible()
  await expect(page.locator("pre.json")).toContainText("示例商城有限公司")
  await expect(page.locator("section.preview")).toContainText("从磁盘直接打开时无法预览")
  await expect(page.locator("iframe.preview-frame")).toHaveCount(0)
})

test("as an extension page, under the extension's script policy and with no network, the configurator and its preview work", async ({ extension }) => {
  await extension.context.setOffline(true)
  const page = await extension.open("setup/index.html")
  const violations: string[] = []
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text())
  })
  await importText(page, example)
  await expect(page.getByText("配置有效：SDK 会接受它。")).toBeVisible()
  await field(page, "handler.name.en").fill("Extension Page Trading Ltd.")
  await expect(frame(page, "en", "desktop").getByRole("dialog", { name: DIALOG.en })).toContainText("Extension Page Trading Ltd.")
  await expect(frame(page, "zh-CN", "phone").getByRole("dialog", { name: DIALOG["zh-CN"] })).toBeVisible()
  expect(violations).toEqual([])
})

test.describe("README pictures", () => {
  for (const lang of ["zh-CN", "en"] as const) {
    test(`setup-${lang}`, async ({ page, server }) => {
      await page.emulateMedia({ reducedMotion: "reduce" })
      await page.setViewportSize({ width: 1440, height: 1000 })
      await page.goto(`${server.origin}/setup/`)
      if (lang === "en") await page.getByRole("button", { name: "Switch the configurator to English" }).click()
      await importText(page, example)
      await field(page, "separate[2].recipient.country").fill("hk")
      await expect(frame(page, lang, "desktop").getByRole("dialog", { name: DIALOG[lang] })).toHaveCount(0)
      await page.locator("#problems").getByRole("button", { name: /separate\[2\]\.recipient\.country/ }).click()
      await expect(field(page, "separate[2].recipient.country")).toBeFocused()
      await page.screenshot({ path: screenshotPath(`setup-${lang}-problem.png`) })
      await field(page, "separate[2].recipient.country").fill("HK")
      await page.evaluate(() => window.scrollTo(0, 0))
      for (const frameLang of ["zh-CN", "en"] as const) {
        await expect(frame(page, frameLang, "phone").getByRole("dialog", { name: DIALOG[frameLang] })).toBeVisible()
      }
      await page.screenshot({ path: screenshotPath(`setup-${lang}.png`) })
    })
  }
})
