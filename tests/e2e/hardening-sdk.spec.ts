/**
 * The SDK in hostile pages: a strict nonce-based CSP, pages that replace built-ins, storage that is missing or
 * full, cookies switched off, no IndexedDB, the script loaded twice or inside frames, and injected text. In every
 * case it keeps working, or fails closed (nothing gated runs) and says why on the console.
 */
import { readFileSync } from "node:fs"
import { signSubject } from "@zhiqing/sdk/server"
import type { ConsoleMessage, Frame, Page } from "@playwright/test"
import { expect, test } from "../fixtures"

const canonical = JSON.parse(readFileSync(new URL("../../sdk/examples/shop.config.json", import.meta.url), "utf8"))

type Scope = Page | Frame
const ran = (scope: Scope) => scope.evaluate(() => (window as unknown as { ran: string[] }).ran)
const allowed = (scope: Scope, id: string) => scope.evaluate((each) => (window as unknown as { Zhiqing?: { allowed(id: string): boolean } }).Zhiqing?.allowed(each) ?? false, id)
const firstLayer = (scope: Scope) => scope.getByRole("dialog").filter({ has: scope.getByRole("button", { name: "不同意", exact: true }) })
const agree = (scope: Scope) => firstLayer(scope).getByRole("button", { name: "同意", exact: true }).click()

/** Console lines from the SDK or about a page error, for tests that accept "fails closed with a message". */
function consoleOf(page: Page): string[] {
  const lines: string[] = []
  page.on("console", (message: ConsoleMessage) => {
    if (message.type() === "error" || message.type() === "warning") lines.push(message.text())
  })
  page.on("pageerror", (error) => lines.push(`pageerror: ${error.message}`))
  return lines
}

/** Decline on the first page, then come back: the refusal must hold without asking again, nothing optional runs. */
async function declineThenReturn(page: Page, lines: string[], url: string): Promise<void> {
  await page.goto(url)
  await firstLayer(page).getByRole("button", { name: "不同意", exact: true }).click()
  await page.reload()
  await page.evaluate(() => (window as unknown as { Zhiqing: { ready: Promise<unknown> } }).Zhiqing.ready)
  await expect(firstLayer(page)).toHaveCount(0)
  expect(await ran(page)).toEqual([])
  expect(lines.filter((line) => line.startsWith("pageerror"))).toEqual([])
}

test("strict CSP with nonces (header-delivered): styled dialogs, nonced gated scripts run after consent, an un-nonced one stays blocked", async ({ page, server }) => {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64")
  const policy = `default-src 'self'; script-src 'nonce-${nonce}' 'strict-dynamic'; style-src 'self' 'nonce-${nonce}'; object-src 'none'; base-uri 'none'; frame-src 'self'`
  await page.route("**/__fixtures/hostile-csp.html", async (route) => {
    const response = await route.fetch()
    const body = (await response.text()).replaceAll("NONCE", nonce)
    await route.fulfill({ response, body, headers: { ...response.headers(), "content-security-policy": policy } })
  })
  const lines = consoleOf(page)
  await page.goto(server.origin + "/__fixtures/hostile-csp.html")
  await expect(firstLayer(page)).toBeVisible()
  // The stylesheet applied: the first layer is a fixed panel, not unstyled text in the flow of the page.
  const position = await firstLayer(page).evaluate((dialog) => getComputedStyle(dialog).position)
  expect(position).toBe("fixed")
  expect(await ran(page)).toEqual([])
  await agree(page)
  await expect.poll(() => ran(page)).toEqual(["inline with nonce", "external"])
  await page.waitForTimeout(300)
  expect(await ran(page)).not.toContain("inline without nonce")
  // The SDK itself refuses the placeholder without the nonce: with 'strict-dynamic' the browser would run whatever
  // the SDK inserts, so injected markup must not become script through it.
  expect(lines.join("\n")).toContain("a gated script without the page's nonce stays blocked")
  expect(await page.evaluate(() => (window as unknown as { violations: string[] }).violations)).toEqual([])
})

const HOSTILE_GLOBALS: Array<[string, () => void]> = [
  [
    "Prototype.js-era additions: Array.prototype.toJSON and enumerable Object.prototype members",
    () => {
      Object.defineProperty(Array.prototype, "toJSON", { value: () => "broken", writable: true, configurable: true })
      ;(Object.prototype as Record<string, unknown>).granted = true
      ;(Object.prototype as Record<string, unknown>).analytics = true
    }
  ],
  [
    "JSON.parse and JSON.stringify replaced by versions that throw",
    () => {
      JSON.parse = () => {
        throw new SyntaxError("page broke JSON.parse")
      }
      JSON.stringify = () => {
        throw new TypeError("page broke JSON.stringify")
      }
    }
  ],
  [
    "fetch replaced by one that rejects",
    () => {
      window.fetch = () => Promise.reject(new TypeError("page broke fetch"))
    }
  ],
  [
    "Array.prototype iteration methods replaced by versions that throw",
    () => {
      for (const name of ["map", "filter", "forEach", "some", "find", "includes"] as const) {
        ;(Array.prototype as unknown as Record<string, unknown>)[name] = () => {
          throw new Error(`page broke Array.prototype.${name}`)
        }
      }
    }
  ],
  [
    "Promise.prototype.then wrapped, crypto.subtle removed and BroadcastChannel missing",
    () => {
      const then = Promise.prototype.then
      Promise.prototype.then = function (this: Promise<unknown>, ...args: Parameters<typeof then>) {
        return then.apply(this, args)
      } as typeof then
      Object.defineProperty(window, "BroadcastChannel", { value: undefined })
      Object.defineProperty(Crypto.prototype, "subtle", { get: () => undefined })
    }
  ]
]

for (const [name, sabotage] of HOSTILE_GLOBALS) {
  test(`APPM-3-1: a page with ${name}: works, or fails closed with a console message`, async ({ page, server }) => {
    await page.addInitScript(sabotage)
    const lines = consoleOf(page)
    await page.goto(server.origin + "/__fixtures/sdk-gating.html")
    const shown = await firstLayer(page)
      .waitFor({ timeout: 3_000 })
      .then(() => true)
      .catch(() => false)
    // Nothing runs before a decision, whatever else happens.
    expect(await ran(page)).toEqual([])
    expect(await allowed(page, "analytics")).toBe(false)
    if (shown) await agree(page)
    const works = await expect
      .poll(() => ran(page), { timeout: 3_000 })
      .toEqual(["inline-1", "external", "inline-2", "marketing"])
      .then(() => true)
      .catch(() => false)
    if (!works) {
      // Failed closed: still nothing unblocked, and the console says something went wrong.
      expect(await ran(page)).toEqual([])
      expect(lines.join("\n")).toMatch(/zhiqing|pageerror/i)
    }
    console.log(`${name}: ${works ? "keeps working" : `fails closed${shown ? " at the decision" : ""} — ${lines[0]?.slice(0, 160)}`}`)
  })
}

test("localStorage missing altogether (a getter that throws, as in a sandboxed document): the cookie keeps the choice", async ({ page, server }) => {
  await page.addInitScript(() =>
    Object.defineProperty(window, "localStorage", {
      get() {
        throw new DOMException("The document is sandboxed and lacks the 'allow-same-origin' flag.", "SecurityError")
      }
    })
  )
  const lines = consoleOf(page)
  await page.goto(server.origin + "/__fixtures/sdk-gating.html")
  await agree(page)
  await expect.poll(() => ran(page)).toContain("marketing")
  await page.reload()
  await expect.poll(() => ran(page)).toEqual(["inline-1", "external", "inline-2", "marketing"])
  await expect(firstLayer(page)).toHaveCount(0)
  expect(lines.filter((line) => line.startsWith("pageerror"))).toEqual([])
})

test("localStorage full (every write refused with QuotaExceededError): the cookie keeps the choice", async ({ page, server }) => {
  await page.addInitScript(() => {
    Storage.prototype.setItem = () => {
      throw new DOMException("The quota has been exceeded.", "QuotaExceededError")
    }
  })
  await declineThenReturn(page, consoleOf(page), server.origin + "/__fixtures/sdk-gating.html")
})

test("NDSR-22-5: cookies switched off: localStorage keeps the choice, and a refusal is not asked again", async ({ page, server }) => {
  await page.addInitScript(() => {
    Object.defineProperty(Document.prototype, "cookie", { get: () => "", set: () => undefined, configurable: true })
    Object.defineProperty(Navigator.prototype, "cookieEnabled", { get: () => false })
  })
  await declineThenReturn(page, consoleOf(page), server.origin + "/__fixtures/sdk-gating.html")
})

test("neither cookies nor localStorage: the shopper is asked on each page, nothing runs before the answer, and the console says why", async ({ page, server }) => {
  await page.addInitScript(() => {
    Object.defineProperty(Document.prototype, "cookie", { get: () => "", set: () => undefined, configurable: true })
    Object.defineProperty(window, "localStorage", { get: () => null })
  })
  const lines = consoleOf(page)
  await page.goto(server.origin + "/__fixtures/sdk-gating.html")
  await agree(page)
  await expect.poll(() => ran(page)).toContain("marketing")
  expect(lines.join("\n")).toContain("neither cookies nor localStorage can be written")
  await page.reload()
  await expect(firstLayer(page)).toBeVisible()
  expect(await ran(page)).toEqual([])
})

test("PIPL-69: without IndexedDB the decision works and its receipt still reaches the ledger", async ({ page, server }) => {
  await page.addInitScript(() => Object.defineProperty(window, "indexedDB", { get: () => undefined }))
  const lines = consoleOf(page)
  await page.goto(server.origin + "/__fixtures/sdk-gating.html")
  await agree(page)
  await expect.poll(() => ran(page)).toContain("marketing")
  const state = await page.evaluate(() => (window as unknown as { Zhiqing: { get(): { subject: string; id: string } } }).Zhiqing.get())
  const stored = async () => {
    const response = await page.request.get(`${server.origin}/api/consent/${state.subject}/history`, { headers: { authorization: `Bearer ${signSubject(server.ledgerSecret, state.subject)}` } })
    return ((await response.json()) as Array<{ id: string }>).map((receipt) => receipt.id)
  }
  await expect.poll(stored).toEqual([state.id])
  expect(lines.filter((line) => line.startsWith("pageerror"))).toEqual([])
})

test("the script loaded three times: one dialog, one decision, every gated script runs once", async ({ page, server }) => {
  const lines = consoleOf(page)
  await page.goto(server.origin + "/__fixtures/hostile-twice.html")
  await expect(firstLayer(page)).toHaveCount(1)
  await expect(page.locator("#zhiqing-root")).toHaveCount(1)
  await agree(page)
  await expect.poll(() => ran(page)).toEqual(["analytics", "external"])
  await page.waitForTimeout(500)
  expect(await ran(page)).toEqual(["analytics", "external"])
  expect(lines.filter((line) => line.startsWith("pageerror"))).toEqual([])
})

test("in a same-origin frame it works; in a sandboxed frame (no storage, opaque origin) it works or fails closed", async ({ page, server }) => {
  const lines = consoleOf(page)
  await page.goto(server.origin + "/__fixtures/hostile-frames.html")
  const sameOrigin = page.frame({ name: "same-origin" })!
  await expect(firstLayer(sameOrigin)).toBeVisible()
  await agree(sameOrigin)
  await expect.poll(() => ran(sameOrigin)).toEqual(["inline-1", "external", "inline-2", "marketing"])

  const sandboxed = page.frame({ name: "sandboxed" })!
  const shown = await firstLayer(sandboxed)
    .waitFor({ timeout: 3_000 })
    .then(() => true)
    .catch(() => false)
  expect(await ran(sandboxed)).toEqual([])
  if (shown) {
    await agree(sandboxed)
    await expect.poll(() => ran(sandboxed)).toEqual(["inline-1", "external", "inline-2", "marketing"])
  } else {
    expect(await allowed(sandboxed, "analytics")).toBe(false)
    expect(lines.join("\n")).toMatch(/zhiqing/i)
  }
  console.log(`sandboxed frame: ${shown ? "keeps working" : `fails closed — ${lines.find((line) => /zhiqing/i.test(line))?.slice(0, 160)}`}`)
  expect(lines.filter((line) => line.startsWith("pageerror"))).toEqual([])
})

test("merchant text with markup is shown as text and never run; a very long text does not break the dialog", async ({ page, server }) => {
  const config = structuredClone(canonical)
  const markup = `<img src=x onerror="window.pwned=1"><script>window.pwned=2</script>`
  config.handler.name["zh-CN"] = `示例商城${markup}`
  config.purposes[1].title["zh-CN"] = `统计<b onmouseover="window.pwned=3">分析</b>`
  config.purposes[1].description["zh-CN"] = "很长的说明。".repeat(20_000)
  config.policy.url["zh-CN"] = "/privacy?lang=zh-CN&q=\"><script>window.pwned=4</script>"
  await page.addInitScript((value) => Object.assign(window, { zhiqingConfig: value }), config)
  const lines = consoleOf(page)
  await page.goto(server.origin + "/__fixtures/hostile-inline-config.html")
  await expect(firstLayer(page)).toBeVisible()
  await expect(firstLayer(page)).toContainText(markup)
  await page.getByRole("button", { name: /设置|管理|偏好/ }).first().click()
  await expect(page.getByText(`统计<b onmouseover="window.pwned=3">分析</b>`, { exact: true })).toBeVisible()
  await page.waitForTimeout(300)
  expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined()
  expect(await page.locator("#zhiqing-root").evaluate((root) => (root.shadowRoot ?? root).querySelectorAll("img, script, b[onmouseover]").length)).toBe(0)
  expect(lines.filter((line) => line.startsWith("pageerror"))).toEqual([])
})

test("a javascript: link in the config is refused: the config is invalid, the console says which field, nothing runs", async ({ page, server }) => {
  const config = structuredClone(canonical)
  config.policy.url.en = " JaVa\tScRiPt:window.pwned=1"
  await page.addInitScript((value) => Object.assign(window, { zhiqingConfig: value }), config)
  const lines = consoleOf(page)
  await page.goto(server.origin + "/__fixtures/hostile-inline-config.html")
  await expect.poll(() => lines.join("\n")).toContain("policy.url.en: must be an http(s) URL or a relative path")
  expect(await allowed(page, "analytics")).toBe(false)
  expect(await ran(page)).toEqual([])
  await expect(page.getByRole("dialog")).toHaveCount(0)
})

test("PIPL-44-50: what a shopper types into the rights form is sent and kept as text, never run", async ({ page, server }) => {
  await page.goto(server.origin + "/__fixtures/sdk-gating.html")
  await agree(page)
  await page.evaluate(() => (window as unknown as { Zhiqing: { open(view: string): void } }).Zhiqing.open("rights"))
  const rights = page.getByRole("dialog").filter({ has: page.getByRole("button", { name: "提交申请" }) })
  const typed = `<img src=x onerror="window.pwned=1">'); DROP TABLE rights_tickets; --`
  const sent = page.waitForRequest((request) => request.url().endsWith("/api/rights") && request.method() === "POST")
  await rights.locator("textarea").fill(typed)
  await rights.getByRole("textbox", { name: /联系方式|回复/ }).fill(`"><svg onload=window.pwned=2>`)
  await rights.getByRole("button", { name: "提交申请" }).click()
  expect(JSON.parse((await sent).postData() ?? "{}")).toMatchObject({ details: typed, contact: `"><svg onload=window.pwned=2>` })
  await expect(rights.getByRole("status")).toContainText(/R-[0-9A-F]{8}/)
  expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined()
})

test("tampered stored state is not trusted: grants of unknown ids and non-boolean grants are refused", async ({ page, context, server }) => {
  await page.goto(server.origin + "/__fixtures/sdk-gating.html")
  await agree(page)
  await expect.poll(() => ran(page)).toContain("marketing")
  const stored = await page.evaluate(() => localStorage.getItem("zhiqing")!)
  const record = JSON.parse(stored)

  // A grant of an id the config does not have is ignored.
  record.state.purposes.evil = true
  await page.evaluate((text) => localStorage.setItem("zhiqing", text), JSON.stringify(record))
  await context.clearCookies()
  await page.reload()
  await expect.poll(() => ran(page)).toContain("marketing")
  expect(await allowed(page, "evil")).toBe(false)

  // A grant that is not a boolean makes the record untrusted: the shopper is asked again and nothing runs.
  record.state.purposes.analytics = "yes"
  const lines = consoleOf(page)
  await page.evaluate((text) => localStorage.setItem("zhiqing", text), JSON.stringify(record))
  await context.clearCookies()
  await page.reload()
  await expect(firstLayer(page)).toBeVisible()
  expect(await ran(page)).toEqual([])
  expect(lines.join("\n")).toContain("will be asked again")
})
