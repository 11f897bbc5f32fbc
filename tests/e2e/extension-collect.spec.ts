/**
 * The inspector's collectors on a page built to leak (pages/ext-collect.html): what the page's scripts send,
 * store and touch reaches the tab's Report, judged against the consent state of that moment, with personal data
 * masked. The Report is asked for as any extension page asks: chrome.runtime.sendMessage({ name: "report", … }).
 */
import type { Page } from "@playwright/test"
import type { Report, ReportRequest } from "../../extension/lib/report"
import { expect, test, type ExtensionHandle } from "../fixtures"

const PHONE = "13912345678"
const ID_NUMBER = "11010519491231002X"

/** An extension page to ask from (the popup, opened as a tab). */
async function extensionPage(extension: ExtensionHandle): Promise<Page> {
  const prefix = `chrome-extension://${extension.id}/`
  return extension.context.pages().find((page) => page.url().startsWith(prefix)) ?? (await extension.open("popup.html"))
}

/** The report of the tab whose URL matches `pattern`. */
async function reportOf(extension: ExtensionHandle, pattern: string): Promise<Report> {
  const page = await extensionPage(extension)
  return page.evaluate(async (urlPattern) => {
    const [tab] = await chrome.tabs.query({ url: urlPattern })
    if (tab?.id === undefined) throw new Error(`no tab shows ${urlPattern}`)
    return (await chrome.runtime.sendMessage({ name: "report", body: { tabId: tab.id } })) as Report
  }, pattern)
}

/** Ask until the report has what `ready` wants (the probe batches, cookie changes settle). */
async function reportWhen(extension: ExtensionHandle, pattern: string, ready: (report: Report) => boolean): Promise<Report> {
  let report: Report | undefined
  await expect.poll(async () => ready((report = await reportOf(extension, pattern))), { timeout: 10_000 }).toBe(true)
  return report!
}

const COLLECT_PAGE = "/__fixtures/ext-collect.html"

async function openCollectPage(extension: ExtensionHandle, origin: string): Promise<Page> {
  const shop = await extension.context.newPage()
  await shop.goto(origin + COLLECT_PAGE)
  return shop
}

const sensors = (request: ReportRequest) => request.host === "demo.datasink.sensorsdata.cn"
const pixelOf = (host: string) => (request: ReportRequest) => request.host === host && request.url.includes(".gif")
/** Everything the page sent before the shopper decided has arrived: both pixels and the gzip beacon. */
const settled = (report: Report) =>
  report.requests.some(sensors) && report.requests.some((request) => request.tracker?.id === "meta-pixel") && report.cookies.some((cookie) => cookie.name === "HMACCOUNT")

test("APPM-3-1, PIPL-39: trackers are named with company and country, and what fired before consent is flagged", async ({ extension, server }) => {
  await openCollectPage(extension, server.origin)
  const report = await reportWhen(extension, `${server.origin}${COLLECT_PAGE}*`, settled)
  expect(report.url).toBe(server.origin + COLLECT_PAGE)
  const baidu = report.requests.find(pixelOf("hm.baidu.com"))!
  expect(baidu.tracker).toMatchObject({ id: "baidu-tongji", category: "analytics", country: "CN" })
  expect(baidu.tracker?.company).toContain("百度")
  expect(baidu).toMatchObject({ thirdParty: true, crossBorder: false, beforeConsent: true })
  // The pixel's calling script comes from the probe's stack, merged with webRequest's sighting of the request.
  expect(report.requests.find((request) => request.url.includes("hm.gif?cc="))?.initiator).toMatch(/^http:\/\/hm\.baidu\.com\/hm\.js/)
  const meta = report.requests.find((request) => request.tracker?.id === "meta-pixel")!
  expect(meta).toMatchObject({ thirdParty: true, crossBorder: true, beforeConsent: true, tracker: { country: "US" } })
  expect(report.requests.find((request) => request.host === "localhost" && request.url.endsWith(COLLECT_PAGE))?.thirdParty).toBe(false)
  const rules = report.findings.map((finding) => finding.rule)
  expect(rules).toEqual(expect.arrayContaining(["APPM-3-1", "PIPL-39", "NDSR-21-2", "APPM-2", "PIPL-28"]))
  expect(report.findings.find((finding) => finding.rule === "APPM-3-1")?.evidence.join("\n")).toContain("consent: no decision yet")
})

test("PIPL-28, PIPL-39: personal information is found where it is and nowhere else, and never raw in the Report", async ({ extension, server }) => {
  const shop = await openCollectPage(extension, server.origin)
  await shop.getByLabel("手机号码").fill(PHONE)
  await shop.getByLabel("身份证号码").fill(ID_NUMBER)
  await shop.getByLabel("Email").focus()
  const report = await reportWhen(extension, `${server.origin}${COLLECT_PAGE}*`, settled)
  expect(report.requests.find(sensors)?.pii.map(({ kind, where }) => ({ kind, where }))).toEqual([
    { kind: "phone", where: "body:json:$.properties.phone" },
    { kind: "id-card", where: "body:json:$.properties.id_card" }
  ])
  // The gzip beacon is read from the page (base64 of the bytes) and from the network (inflated raw chunks).
  const meta = report.requests.find((request) => request.tracker?.id === "meta-pixel" && request.url.startsWith("http:"))!
  expect(meta.pii).toEqual([expect.objectContaining({ kind: "phone", where: "body:gzip→json:$.ph", masked: "139****5678" })])
  const clean = report.requests.filter((request) => !sensors(request) && request.tracker?.id !== "meta-pixel")
  expect(clean.flatMap((request) => request.pii)).toEqual([])
  expect(report.fields).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ selector: "#mobile", kind: "phone", label: "手机号码" }),
      expect.objectContaining({ selector: "#idNumber", kind: "id-card", sensitive: true })
    ])
  )
  const text = JSON.stringify(report)
  expect(text).not.toContain(PHONE)
  expect(text).not.toContain(ID_NUMBER)
})

test("cookies are told apart: set by HTTP or by script, first or third party", async ({ extension, server }) => {
  await openCollectPage(extension, server.origin)
  const report = await reportWhen(extension, `${server.origin}${COLLECT_PAGE}*`, settled)
  expect(report.cookies).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ name: "HMACCOUNT", domain: "hm.baidu.com", thirdParty: true, setBy: "http", tracker: "baidu-tongji" }),
      expect.objectContaining({ name: "ext_script_cookie", domain: "localhost", thirdParty: false, setBy: "script" }),
      expect.objectContaining({ name: expect.stringMatching(/^Hm_lvt_/), thirdParty: false, setBy: "script", tracker: "baidu-tongji" })
    ])
  )
})

test("APPM-3-1: the consent timeline stamps each event with the state at its moment", async ({ extension, server }) => {
  const shop = await openCollectPage(extension, server.origin)
  await shop.getByRole("dialog").getByRole("button", { name: "同意", exact: true }).click()
  await shop.evaluate(() => (window as unknown as { extSend(label: string): void }).extSend("after_consent"))
  const report = await reportWhen(extension, `${server.origin}${COLLECT_PAGE}*`, (candidate) => candidate.requests.filter(sensors).length === 2 && candidate.consent !== null)
  expect(report.requests.filter(sensors).map((request) => request.beforeConsent)).toEqual([true, false])
  expect(report.consent?.purposes).toMatchObject({ analytics: true, marketing: true })
})

test("the page keeps working exactly as before: wrapped functions return, throw and print as the originals", async ({ extension, server }) => {
  const page = await extension.context.newPage()
  await page.goto(`${server.origin}/__fixtures/ext-native.html`)
  const seen = await page.evaluate(async () => {
    const illegal = (run: () => unknown) => {
      try {
        run()
        return "no error"
      } catch (error) {
        return (error as Error).constructor.name
      }
    }
    const response = await fetch("/__fixtures/ext-data.json")
    const xhr = new XMLHttpRequest()
    xhr.open("GET", "/__fixtures/ext-data.json", false)
    xhr.send()
    document.cookie = "native_check=1; path=/"
    localStorage.setItem("native_check", "2")
    const image = new Image()
    image.src = "/__fixtures/ext-data.json?pixel"
    return {
      fetchJson: await response.json(),
      xhrText: xhr.responseText.trim(),
      cookie: document.cookie.includes("native_check=1"),
      storage: localStorage.getItem("native_check"),
      setItemResult: localStorage.setItem("x", "y"),
      imageSrc: image.src.endsWith("?pixel"),
      fetchPrints: Function.prototype.toString.call(fetch),
      sendPrints: XMLHttpRequest.prototype.send.toString(),
      cookieSetterPrints: String(Object.getOwnPropertyDescriptor(Document.prototype, "cookie")!.set),
      names: [fetch.name, XMLHttpRequest.prototype.open.length, EventTarget.prototype.addEventListener.name],
      sendOnWrongThis: illegal(() => XMLHttpRequest.prototype.send.call({})),
      fetchNotConstructible: illegal(() => new (fetch as unknown as new () => unknown)()),
      toStringOnNonFunction: illegal(() => Function.prototype.toString.call({}))
    }
  })
  expect(seen).toEqual({
    fetchJson: { ok: true },
    xhrText: '{"ok":true}',
    cookie: true,
    storage: "2",
    setItemResult: undefined,
    imageSrc: true,
    fetchPrints: "function fetch() { [native code] }",
    sendPrints: "function send() { [native code] }",
    cookieSetterPrints: "function set cookie() { [native code] }",
    names: ["fetch", 2, "addEventListener"],
    sendOnWrongThis: "TypeError",
    fetchNotConstructible: "TypeError",
    toStringOnNonFunction: "TypeError"
  })
})

/** Stop the extension's service worker as Chrome does when it is idle (DevTools protocol, ServiceWorker domain). */
async function stopServiceWorker(extension: ExtensionHandle): Promise<void> {
  const devtools = await extension.context.newCDPSession(await extensionPage(extension))
  const ours = (version: { scriptURL: string }) => version.scriptURL.startsWith(`chrome-extension://${extension.id}/`)
  let status: { versionId: string; runningStatus: string } | undefined
  devtools.on("ServiceWorker.workerVersionUpdated", ({ versions }) => (status = versions.filter(ours).at(-1) ?? status))
  await devtools.send("ServiceWorker.enable")
  await expect.poll(() => status?.runningStatus).toBe("running")
  await devtools.send("ServiceWorker.stopWorker", { versionId: status!.versionId })
  await expect.poll(() => status?.runningStatus).toBe("stopped")
  await devtools.detach()
}

test("a service-worker restart loses nothing: the tab's events come back from session storage", async ({ extension, server }) => {
  await openCollectPage(extension, server.origin)
  let before = await reportWhen(extension, `${server.origin}${COLLECT_PAGE}*`, settled)
  // Chrome stops a worker after 30 s without events, long after the log's last changes were written (400 ms after
  // them, SAVE_DELAY_MS in tab-log.ts): stop it once the page has been quiet a second, not while a late request (the
  // favicon) is still unwritten.
  for (let quiet = false; !quiet; ) {
    await new Promise((done) => setTimeout(done, 1_000))
    const now = await reportOf(extension, `${server.origin}${COLLECT_PAGE}*`)
    quiet = now.collection?.events === before.collection?.events
    before = now
  }
  await stopServiceWorker(extension)
  const after = await reportOf(extension, `${server.origin}${COLLECT_PAGE}*`)
  expect(after.requests.map((request) => request.url)).toEqual(before.requests.map((request) => request.url))
  expect(after.collection?.events).toBe(before.collection?.events)
})

test("the report message answers a malformed request with a clear error", async ({ extension }) => {
  const page = await extensionPage(extension)
  const answer = await page.evaluate(() => chrome.runtime.sendMessage({ name: "report", body: {} }))
  expect(answer).toEqual({ error: 'the "report" message needs body.tabId, a tab id (a whole number)' })
})

test("the popup shows the active tab's verdict, counts and top findings with rule ids", async ({ extension, server }) => {
  const shop = await openCollectPage(extension, server.origin)
  await reportWhen(extension, `${server.origin}${COLLECT_PAGE}*`, settled)
  const popup = await extension.context.newPage()
  // The popup reports on the active tab: bring the shop to the front, then load the popup in the background.
  await shop.bringToFront()
  await popup.goto(`chrome-extension://${extension.id}/popup.html`)
  await expect(popup.locator("[data-verdict]")).toHaveText("发现严重问题")
  await expect(popup.locator("[data-count=third-parties]")).toHaveText("2 境内 · 1 境外")
  await expect(popup.locator("[data-count=trackers-before-consent]")).toHaveText("3")
  await expect(popup.locator("[data-count=pi-leaving]")).toContainText("身份证号")
  await expect(popup.locator("[data-count=sensitive-fields]")).toHaveText("1")
  await expect(popup.locator("[data-rule]").first()).toHaveAttribute("data-rule", "APPM-3-1")
})
