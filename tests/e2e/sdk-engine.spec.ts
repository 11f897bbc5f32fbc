import { signSubject } from "@zhiqing/sdk/server"
import type { Page } from "@playwright/test"
import { expect, test } from "../fixtures"

const ran = (page: Page) => page.evaluate(() => (window as unknown as { ran: string[] }).ran)
const firstLayer = (page: Page) => page.getByRole("dialog").filter({ has: page.getByRole("button", { name: "不同意", exact: true }) })
const subjectOf = (page: Page) => page.evaluate(() => (window as unknown as { Zhiqing: { get(): { subject: string; id: string } } }).Zhiqing.get())

test("APPM-3-1: gated scripts and frames wait for a decision, then run in document order", async ({ page, server }) => {
  await page.goto(server.origin + "/__fixtures/sdk-gating.html")
  await expect(firstLayer(page)).toBeVisible()
  expect(await ran(page)).toEqual([])
  await expect(page.locator("iframe")).not.toHaveAttribute("src", /.+/)
  await firstLayer(page).getByRole("button", { name: "同意", exact: true }).click()
  await expect.poll(() => ran(page)).toEqual(["inline-1", "external", "inline-2", "marketing"])
  await expect(page.locator("iframe")).toHaveAttribute("src", "/__fixtures/sdk-frame.html")

  await page.evaluate(() => {
    const late = document.createElement("script")
    late.type = "text/plain"
    late.dataset.zhiqing = "analytics"
    late.text = "ran.push('late')"
    document.body.append(late)
    const frame = document.createElement("iframe")
    frame.dataset.zhiqing = "analytics"
    frame.dataset.src = "/__fixtures/sdk-frame.html?late"
    frame.title = "late frame"
    document.body.append(frame)
  })
  await expect.poll(() => ran(page)).toContain("late")
  await expect(page.locator('iframe[title="late frame"]')).toHaveAttribute("src", "/__fixtures/sdk-frame.html?late")
})

test("a returning shopper's gated scripts run as the page parses, not after DOMContentLoaded", async ({ page, server }) => {
  await page.goto(server.origin + "/__fixtures/sdk-early.html")
  await firstLayer(page).getByRole("button", { name: "同意", exact: true }).click()
  await expect.poll(() => ran(page)).toEqual(["DOMContentLoaded", "before the SDK", "after the SDK"])
  await page.reload()
  await expect.poll(async () => (await ran(page)).length).toBe(3)
  const order = await ran(page)
  // What the parser had finished before the SDK ran is released by the SDK itself; a later element runs once parsed.
  expect(order.indexOf("before the SDK")).toBeLessThan(order.indexOf("DOMContentLoaded"))
  expect(order.indexOf("before the SDK")).toBeLessThan(order.indexOf("after the SDK"))
  await expect(firstLayer(page)).toHaveCount(0)
})

test("APPM-3-1: a script or frame added after a refusal stays blocked", async ({ page, server }) => {
  await page.goto(server.origin + "/__fixtures/sdk-gating.html")
  await firstLayer(page).getByRole("button", { name: "不同意", exact: true }).click()
  await page.evaluate(() => {
    const late = document.createElement("script")
    late.type = "text/plain"
    late.dataset.zhiqing = "analytics"
    late.text = "ran.push('late')"
    const frame = document.createElement("iframe")
    frame.dataset.zhiqing = "analytics"
    frame.dataset.src = "/__fixtures/sdk-frame.html?late"
    document.body.append(late, frame)
  })
  await page.waitForTimeout(300)
  expect(await ran(page)).toEqual([])
  await expect(page.locator("iframe[src]")).toHaveCount(0)
})

test("localStorage that throws on every call: no error reaches the page, and the choice is kept in the cookie", async ({ page, server }) => {
  await page.addInitScript(() => {
    const deny = () => {
      throw new DOMException("The operation is insecure.", "SecurityError")
    }
    Storage.prototype.getItem = deny
    Storage.prototype.setItem = deny
  })
  const pageErrors: string[] = []
  page.on("pageerror", (error) => pageErrors.push(error.message))
  await page.goto(server.origin + "/__fixtures/sdk-gating.html")
  await firstLayer(page).getByRole("button", { name: "同意", exact: true }).click()
  await expect.poll(() => ran(page)).toContain("inline-1")
  await page.reload()
  await expect.poll(() => ran(page)).toEqual(["inline-1", "external", "inline-2", "marketing"])
  await expect(firstLayer(page)).toHaveCount(0)
  expect(pageErrors).toEqual([])
})

test("NDSR-22-5: a returning shopper who declined is not asked again and nothing optional runs", async ({ page, server }) => {
  await page.goto(server.origin + "/__fixtures/sdk-gating.html")
  await firstLayer(page).getByRole("button", { name: "不同意", exact: true }).click()
  await page.reload()
  await page.evaluate(() => (window as unknown as { Zhiqing: { ready: Promise<unknown> } }).Zhiqing.ready)
  await expect(firstLayer(page)).toHaveCount(0)
  expect(await ran(page)).toEqual([])
  await expect(page.getByRole("button", { name: "隐私设置" })).toBeVisible()
})

test("a returning shopper who agreed sees no dialog and the gated scripts run at load", async ({ page, server }) => {
  await page.goto(server.origin + "/__fixtures/sdk-gating.html")
  await firstLayer(page).getByRole("button", { name: "同意", exact: true }).click()
  await page.reload()
  await expect.poll(() => ran(page)).toEqual(["inline-1", "external", "inline-2", "marketing"])
  await expect(firstLayer(page)).toHaveCount(0)
})

test("an invalid config is named on the console and unblocks nothing", async ({ page, server }) => {
  const errors: string[] = []
  page.on("console", (message) => message.type() === "error" && errors.push(message.text()))
  await page.goto(server.origin + "/__fixtures/sdk-invalid.html")
  await expect.poll(() => errors.join("\n")).toContain("purposes[0].title: expected object, got number")
  expect(await page.evaluate(() => (window as unknown as { Zhiqing: { allowed(id: string): boolean } }).Zhiqing.allowed("analytics"))).toBe(false)
  expect(await ran(page)).toEqual([])
})

test("a tampered consent cookie is not trusted: the shopper is asked again", async ({ page, context, server }) => {
  await context.addCookies([{ name: "zhiqing", value: encodeURIComponent('{"v":1,"fp":{},"state":{"purposes":{"analytics":true}}}'), url: server.origin }])
  const warnings: string[] = []
  page.on("console", (message) => message.type() === "warning" && warnings.push(message.text()))
  await page.goto(server.origin + "/__fixtures/sdk-gating.html")
  await expect(firstLayer(page)).toBeVisible()
  expect(await ran(page)).toEqual([])
  expect(warnings.join("\n")).toContain("will be asked again")
})

test("PIPL-15-1: a decision in one tab applies in the other within a second", async ({ context, server }) => {
  const first = await context.newPage()
  const second = await context.newPage()
  await first.goto(server.origin + "/__fixtures/sdk-gating.html")
  await second.goto(server.origin + "/__fixtures/sdk-gating.html")
  await firstLayer(first).getByRole("button", { name: "同意", exact: true }).click()
  await expect(firstLayer(second)).toHaveCount(0, { timeout: 1000 })
  await expect.poll(() => ran(second), { timeout: 1000 }).toContain("inline-1")
  await first.evaluate(() => (window as unknown as { Zhiqing: { withdraw(): Promise<void> } }).Zhiqing.withdraw())
  await expect.poll(() => second.evaluate(() => (window as unknown as { Zhiqing: { allowed(id: string): boolean } }).Zhiqing.allowed("analytics")), { timeout: 1000 }).toBe(false)
})

test("PIPL-15-1: a tab that has the first layer open closes it when another tab decides", async ({ context, server }) => {
  const first = await context.newPage()
  const second = await context.newPage()
  await first.goto(server.origin + "/__fixtures/sdk-gating.html")
  await second.goto(server.origin + "/__fixtures/sdk-gating.html")
  await expect(firstLayer(second)).toBeVisible()
  await firstLayer(first).getByRole("button", { name: "不同意", exact: true }).click()
  await expect(firstLayer(second)).toHaveCount(0, { timeout: 1000 })
  expect(await ran(second)).toEqual([])
})

test("cross-device: a signed-in shopper's choice made on one device applies on another", async ({ browser, server }) => {
  const subject = "shopper-e2e-" + Date.now()
  const url = `${server.origin}/__fixtures/sdk-subject.html?subject=${subject}&token=${encodeURIComponent(signSubject(server.ledgerSecret, subject))}`
  const phone = await browser.newContext()
  const laptop = await browser.newContext()
  try {
    const onPhone = await phone.newPage()
    await onPhone.goto(url)
    await firstLayer(onPhone).getByRole("button", { name: "同意", exact: true }).click()
    await expect.poll(() => ran(onPhone)).toEqual(["analytics"])
    const history = () => onPhone.request.get(`${server.origin}/api/consent/${subject}`, { headers: { authorization: `Bearer ${signSubject(server.ledgerSecret, subject)}` } })
    await expect.poll(async () => (await history()).status()).toBe(200)
    const onLaptop = await laptop.newPage()
    await onLaptop.goto(url)
    await expect.poll(() => ran(onLaptop)).toEqual(["analytics"])
    await expect(firstLayer(onLaptop)).toHaveCount(0)
  } finally {
    await phone.close()
    await laptop.close()
  }
})

test("PIPL-69: a receipt the ledger failed is retried within the page, with backoff, and stored once", async ({ page, server }) => {
  let failures = 0
  await page.route("**/api/consent", async (route) => {
    if (route.request().method() === "POST" && failures < 2) {
      failures++
      await route.fulfill({ status: failures === 1 ? 503 : 429, body: "busy" })
    } else await route.continue()
  })
  await page.goto(server.origin + "/__fixtures/sdk-gating.html")
  await firstLayer(page).getByRole("button", { name: "同意", exact: true }).click()
  const state = await subjectOf(page)
  const token = signSubject(server.ledgerSecret, state.subject)
  const stored = async () => {
    const response = await page.request.get(`${server.origin}/api/consent/${state.subject}/history`, { headers: { authorization: `Bearer ${token}` } })
    return ((await response.json()) as Array<{ id: string }>).filter((receipt) => receipt.id === state.id).length
  }
  await expect.poll(stored, { timeout: 10_000 }).toBe(1)
  expect(failures).toBe(2)
})

test("PIPL-69: with the ledger down the receipt waits, then arrives once", async ({ page, server }) => {
  let refused = 0
  await page.route("**/api/consent", async (route) => {
    refused++
    await route.fulfill({ status: 503, body: "down" })
  })
  await page.goto(server.origin + "/__fixtures/sdk-gating.html")
  await firstLayer(page).getByRole("button", { name: "不同意", exact: true }).click()
  await expect.poll(() => refused).toBeGreaterThan(0)
  await page.unroute("**/api/consent")
  const state = await subjectOf(page)
  // The next page load flushes the outbox (a retry within the page would too, after its backoff).
  await page.reload()
  const history = async () => {
    const response = await page.request.get(`${server.origin}/api/consent/${state.subject}/history`, { headers: { authorization: `Bearer ${signSubject(server.ledgerSecret, state.subject)}` } })
    return ((await response.json()) as Array<{ id: string; given: { flow: string; control: string } }>).filter((receipt) => receipt.id === state.id)
  }
  await expect.poll(history).toHaveLength(1)
  await page.reload()
  await page.waitForTimeout(500)
  expect(await history()).toHaveLength(1)
  expect((await history())[0]?.given.flow).toBe("banner")
})

test("calls made before the script arrives are replayed: open() shows the preference centre", async ({ page, server }) => {
  await page.goto(server.origin + "/__fixtures/sdk-queue.html")
  await expect(page.getByRole("dialog", { name: "Privacy settings" })).toBeVisible()
})

test("Google Consent Mode v2: everything denied by default, updated by the decision", async ({ page, server }) => {
  await page.goto(server.origin + "/__fixtures/sdk-queue.html")
  // The page's queued open() shows the preference centre; Escape closes it only once it is there.
  const preferences = page.getByRole("dialog", { name: "Privacy settings" })
  await expect(preferences).toBeVisible()
  await page.keyboard.press("Escape")
  await expect(preferences).toBeHidden()
  await page.getByRole("dialog").getByRole("button", { name: "Agree", exact: true }).click()
  // gtag.js reads `arguments` objects from dataLayer, as its own gtag() pushes them.
  const commands = await page.evaluate(() => (window as unknown as { dataLayer: IArguments[] }).dataLayer.map((entry) => Array.from(entry)).filter((entry) => entry[0] === "consent"))
  expect(commands[0]).toEqual(["consent", "default", { analytics_storage: "denied", ad_storage: "denied", ad_user_data: "denied", ad_personalization: "denied" }])
  expect(commands.at(-1)).toEqual(["consent", "update", { analytics_storage: "granted", ad_storage: "granted", ad_user_data: "granted", ad_personalization: "granted" }])
})

test("a config that is not JSON leaves the safe default, says so, and request() answers false", async ({ page, server }) => {
  const errors: string[] = []
  page.on("console", (message) => message.type() === "error" && errors.push(message.text()))
  await page.goto(server.origin + "/__fixtures/sdk-broken.html")
  await expect.poll(() => errors.join("\n")).toContain("could not load the config from /__fixtures/sdk-broken.json")
  const answers = await page.evaluate(async () => {
    const zhiqing = (window as unknown as { Zhiqing: { allowed(id: string): boolean; request(id: string): Promise<boolean> } }).Zhiqing
    return [zhiqing.allowed("analytics"), await zhiqing.request("sensitive-id-card")]
  })
  expect(answers).toEqual([false, false])
  await expect(page.getByRole("dialog")).toHaveCount(0)
})
