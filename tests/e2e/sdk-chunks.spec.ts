/**
 * The script tag and the chunks beside it, as a shopper's browser loads them from the demo store: the dialogs and the
 * words of the shopper's language only when a dialog is needed, fetched alongside the config, checked by their
 * integrity hashes, and a failed load handled.
 */
import type { Page, Request } from "@playwright/test"
import { expect, test } from "../fixtures"

const isChunk = (url: string) => /^\/zhiqing-[\w-]+\.js$/.test(new URL(url).pathname)
type Api = { Zhiqing: { allowed(id: string): boolean; get(): { noticeHash: string } | null; open(): void; request(id: string): Promise<boolean> } }

/** Every request the page makes for a chunk. */
function chunkRequests(page: Page): Request[] {
  const seen: Request[] = []
  page.on("request", (request) => void (isChunk(request.url()) && seen.push(request)))
  return seen
}

/** The kinds of chunk requested, hashes left out: "dialogs", "words-zh-CN", … */
const kinds = (requests: Request[]) => requests.map((request) => /zhiqing-([\w-]+)-[0-9a-f]{10}\.js$/.exec(request.url())?.[1]).sort()

test("a first visit fetches the dialogs and their words at once, alongside the config: both are requested before the config is answered", async ({ page, server }) => {
  const requested = chunkRequests(page)
  let bothAsked!: () => void
  const bothRequested = new Promise<void>((done) => (bothAsked = done))
  page.on("request", () => void (requested.length === 2 && bothAsked()))
  // The config is held back until both chunks were asked for: a core that waited for the config would get neither.
  await page.route("**/zhiqing.config.json", async (route) => {
    await bothRequested
    await route.continue()
  })
  await page.goto(server.origin + "/")
  await expect(page.getByRole("dialog", { name: "个人信息保护提示" })).toBeVisible()
  expect(kinds(requested)).toEqual(["dialogs", "words-zh-CN"])
})

test("a first-time shopper loads the words of the language they are shown and no other; switching language loads its words then", async ({ page, server }) => {
  const requested = chunkRequests(page)
  await page.goto(server.origin + "/?lang=en")
  const banner = page.getByRole("dialog", { name: "Your personal information" })
  await expect(banner).toBeVisible()
  expect(kinds(requested)).toEqual(["dialogs", "words-en"])
  await banner.getByRole("button", { name: "中文" }).click()
  await expect(page.getByRole("dialog", { name: "个人信息保护提示" })).toBeVisible()
  expect(kinds(requested)).toEqual(["dialogs", "words-en", "words-zh-CN"])
})

test("the pointer on a language's button starts loading its words, so the switch does not wait for them after the click", async ({ page, server }) => {
  const requested = chunkRequests(page)
  await page.goto(server.origin + "/")
  const banner = page.getByRole("dialog", { name: "个人信息保护提示" })
  await expect(banner).toBeVisible()
  await banner.getByRole("button", { name: "English" }).hover()
  await expect.poll(() => kinds(requested)).toEqual(["dialogs", "words-en", "words-zh-CN"])
  await expect(banner).toBeVisible()
  await banner.getByRole("button", { name: "English" }).click()
  await expect(page.getByRole("dialog", { name: "Your personal information" })).toBeVisible()
  expect(requested).toHaveLength(3)
})

test("a returning shopper's page loads no dialog code; the floating button loads it when pressed", async ({ page, server }) => {
  await page.goto(server.origin + "/")
  await page.getByRole("dialog", { name: "个人信息保护提示" }).getByRole("button", { name: "同意", exact: true }).click()
  const requested = chunkRequests(page)
  await page.reload()
  await expect.poll(() => page.evaluate(() => (window as unknown as Api).Zhiqing.allowed("analytics"))).toBe(true)
  const fab = page.getByRole("button", { name: "隐私设置" })
  await expect(fab).toBeVisible()
  expect(requested).toEqual([])
  await fab.click()
  await expect(page.getByRole("dialog", { name: "隐私设置" })).toBeVisible()
  expect(kinds(requested)).toEqual(["dialogs", "words-zh-CN"])
})

for (const kind of ["dialogs", "words-zh-CN"]) {
  test(`a chunk that cannot be loaded (${kind}) unblocks nothing, names the file, rejects request() and is tried again by open()`, async ({ page, server }) => {
    const errors: string[] = []
    page.on("console", (message) => void (message.type() === "error" && errors.push(message.text())))
    // An ad blocker, a missing file or being offline all look like this to the page.
    await page.route((url) => url.pathname.startsWith(`/zhiqing-${kind}-`), (route) => route.abort("blockedbyclient"))
    await page.goto(server.origin + "/")
    await expect.poll(() => errors.join("\n")).toMatch(new RegExp(`the dialogs could not be loaded from http://localhost:\\d+/zhiqing-${kind}-\\w+\\.js`))
    expect(await page.evaluate(() => (window as unknown as Api).Zhiqing.allowed("analytics"))).toBe(false)
    expect(await page.evaluate(() => (window as unknown as Api).Zhiqing.get())).toBeNull()
    const refused = await page.evaluate(() => (window as unknown as Api).Zhiqing.request("sensitive-id-card").then(() => "resolved", (error: Error) => error.message))
    expect(refused).toContain("could not be loaded")

    await page.unrouteAll()
    await page.evaluate(() => (window as unknown as Api).Zhiqing.open())
    await expect(page.getByRole("dialog", { name: "隐私设置" })).toBeVisible()
  })
}

test("a chunk whose content does not match the script tag's integrity hash never runs", async ({ page, server }) => {
  const errors: string[] = []
  page.on("console", (message) => void (message.type() === "error" && errors.push(message.text())))
  await page.route((url) => isChunk(url.href), async (route) => {
    const original = await route.fetch()
    await route.fulfill({ response: original, body: (await original.text()) + "\n;window.__altered = true" })
  })
  await page.goto(server.origin + "/")
  await expect.poll(() => errors.join("\n")).toContain("could not be loaded")
  expect(await page.evaluate(() => (window as unknown as { __altered?: boolean }).__altered)).toBeUndefined()
  await expect(page.getByRole("dialog")).toHaveCount(0)
})

test("a plain-http page (no crypto.subtle) shows the dialogs and records the SHA-256 of the notice shown", async ({ page, server }) => {
  // Every hostname reaches the test server; one other than localhost is not a secure context over http.
  await page.goto(`http://staging.shop.test:${server.port}/`)
  expect(await page.evaluate(() => [isSecureContext, typeof crypto.subtle])).toEqual([false, "undefined"])
  const banner = page.getByRole("dialog", { name: "个人信息保护提示" })
  await expect(banner).toBeVisible()
  const shown = await banner.evaluate((element) => element.textContent ?? "")
  await banner.getByRole("button", { name: "同意", exact: true }).click()
  await expect.poll(() => page.evaluate(() => (window as unknown as Api).Zhiqing.allowed("analytics"))).toBe(true)
  const { createHash } = await import("node:crypto")
  expect(await page.evaluate(() => (window as unknown as Api).Zhiqing.get()?.noticeHash)).toBe(createHash("sha256").update(shown).digest("hex"))
})

test("a shop whose pages are GBK and whose server sends the script without a charset still shows the dialogs in Chinese", async ({ page, server }) => {
  // Without a charset, a classic script is read in its page's encoding: Chinese stored as UTF-8 would turn to mojibake.
  await page.route(
    (url) => /^\/zhiqing(-[\w-]+)?\.js$/.test(url.pathname),
    async (route) => route.fulfill({ response: await route.fetch(), headers: { "content-type": "text/javascript" } })
  )
  const shop = server.serve(
    "gbk.html",
    "text/html; charset=gbk",
    '<!doctype html><html lang="zh-CN"><head><meta charset="gbk"><title>GBK</title></head><body><p>GBK</p><script src="/zhiqing.js" data-config="/zhiqing.config.json"></script></body></html>'
  )
  await page.goto(shop)
  expect(await page.evaluate(() => document.characterSet)).toBe("GBK")
  const dialog = page.getByRole("dialog", { name: "个人信息保护提示" })
  await expect(dialog).toBeVisible()
  await expect(dialog).toContainText("作为个人信息处理者")
  // The floating button's name comes from the script tag itself, the dialog's words from the chunk.
  await expect(page.getByRole("button", { name: "隐私设置" })).toBeVisible()
})
