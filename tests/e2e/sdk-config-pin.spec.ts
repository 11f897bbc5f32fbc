/**
 * A config file pinned by its hash (`data-config-integrity`), as the demo store's pages pin theirs: the browser refuses
 * a file that does not match, and a device that has the file needs no request for it on later pages, so a returning
 * shopper's gated scripts run as soon as the script tag does, offline too.
 */
import type { Page } from "@playwright/test"
import { expect, test } from "../fixtures"

type Api = { Zhiqing: { allowed(id: string): boolean; get(): unknown } }
const allowed = (page: Page, id: string) => page.evaluate((purpose) => (window as unknown as Api).Zhiqing.allowed(purpose), id)
const isConfig = (url: URL) => url.pathname === "/zhiqing.config.json"

test("a returning shopper's page requests no config once the device has the pinned file, works offline and runs its trackers", async ({ page, server }) => {
  await page.goto(server.origin + "/")
  await page.getByRole("dialog", { name: "个人信息保护提示" }).getByRole("button", { name: "同意", exact: true }).click()
  await expect.poll(() => allowed(page, "analytics")).toBe(true)

  const configRequests: string[] = []
  const hosts = new Set<string>()
  page.on("request", (request) => {
    const url = new URL(request.url())
    hosts.add(url.hostname)
    if (isConfig(url)) configRequests.push(url.href)
  })
  // The shop's config cannot be had from here on: the device's copy of the pinned file is what the page runs on.
  await page.route(isConfig, (route) => route.abort("internetdisconnected"))
  await page.goto(server.origin + "/product/a2-toddler-formula")
  await expect.poll(() => allowed(page, "analytics")).toBe(true)
  await expect.poll(() => [...hosts]).toContain("hm.baidu.com")
  await expect(page.getByRole("dialog")).toHaveCount(0)
  expect(configRequests).toEqual([])
})

test("a config file that does not match the page's pin is refused: nothing is unblocked, and the console names the file", async ({ page, server }) => {
  const errors: string[] = []
  page.on("console", (message) => void (message.type() === "error" && errors.push(message.text())))
  const hosts = new Set<string>()
  page.on("request", (request) => void hosts.add(new URL(request.url()).hostname))
  // The file changed on the server (or on its way) and the page still pins the old hash.
  await page.route(isConfig, async (route) => {
    const served = await route.fetch()
    const config = (await served.json()) as { ui?: Record<string, unknown> }
    await route.fulfill({ response: served, body: JSON.stringify({ ...config, ui: { ...config.ui, floatingButton: false } }) })
  })
  await page.goto(server.origin + "/")
  await expect.poll(() => errors.join("\n")).toContain("could not load the config from /zhiqing.config.json; nothing is consented or unblocked")
  // The browser's own error gives the file's actual hash, for the merchant who changed the file to put in the page.
  expect(errors.join("\n")).toMatch(/valid digest in the 'integrity' attribute for resource 'http:\/\/localhost:\d+\/zhiqing\.config\.json' with computed SHA-256 integrity '[\w+/=]+'/)
  expect(await allowed(page, "analytics")).toBe(false)
  expect(await page.evaluate(() => (window as unknown as Api).Zhiqing.get())).toBeNull()
  await page.waitForLoadState("networkidle")
  expect([...hosts].filter((host) => host !== "localhost" && host !== "img.alicdn.com")).toEqual([])
  await expect(page.getByRole("dialog")).toHaveCount(0)
})
