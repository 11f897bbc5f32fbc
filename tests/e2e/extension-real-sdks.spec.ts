/**
 * The inspector on a checkout carrying eight real analytics SDKs from npm (pages/real-sdks.html, served by
 * real-sdks.ts on their vendors' hostnames): a shopper types a name, a mobile number, a resident ID number and an
 * email, and submits. Measured: which vendors the Report names, which of the values it finds in each SDK's real wire
 * format, and how many of them can be read back out of the exports (none may be). The figures are written to
 * tests/.results/real-sdks.json and attached to the test.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs"
import { createRequire } from "node:module"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"
import type { Page } from "@playwright/test"
import type { KnownValue } from "../../extension/lib/pii/known-values"
import type { PiKind, Report, ReportRequest } from "../../extension/lib/report"
import { expect, test, type ExtensionHandle } from "../fixtures"
import { REAL_SDKS, type RealSdk } from "./real-sdks"

// The extension's library is not an ES module package; Playwright loads it through require.
const require = createRequire(import.meta.url)
const { reportToHar } = require("../../extension/lib/export/har") as typeof import("../../extension/lib/export/har")
const { reportToHtml } = require("../../extension/lib/export/html") as typeof import("../../extension/lib/export/html")
const { reportToJson } = require("../../extension/lib/export/json") as typeof import("../../extension/lib/export/json")
const { recoverableValues } = require("../../extension/lib/export/test-recover") as typeof import("../../extension/lib/export/test-recover")
const { vendorForUrl } = require("../../extension/lib/vendors/match") as typeof import("../../extension/lib/vendors/match")

const PAGE = "/__fixtures/real-sdks.html"
const SHOPPER = { consignee: "欧阳子涵", mobile: "13812345678", idNumber: "11010519900307123" + "X", email: "ouyang.zihan@example.cn" }
const SENT: readonly KnownValue[] = [
  { kind: "name", value: SHOPPER.consignee },
  { kind: "phone", value: SHOPPER.mobile },
  { kind: "id-card", value: SHOPPER.idNumber },
  { kind: "email", value: SHOPPER.email }
]
const RESULTS = join(dirname(fileURLToPath(import.meta.url)), "..", ".results", "real-sdks.json")

async function reportOf(extension: ExtensionHandle, shop: Page): Promise<Report> {
  const asker = extension.context.pages().find((page) => page.url().startsWith(`chrome-extension://${extension.id}/`)) ?? (await extension.open("popup.html"))
  return asker.evaluate(async (url) => {
    const [tab] = await chrome.tabs.query({ url })
    if (tab?.id === undefined) throw new Error(`no tab shows ${url}`)
    return (await chrome.runtime.sendMessage({ name: "report", body: { tabId: tab.id } })) as Report
  }, shop.url())
}

const LAYERS = new Set(["query", "body", "path", "fragment", "form", "json", "base64", "gzip", "hex", "url"])

/** The layers a value was wrapped in, from where it was found: "query:data→base64→json:$.properties.id_card" → "query→base64→json". */
function wireFormat(where: string): string {
  return where
    .split("→")
    .flatMap((segment, index) => segment.split(":").slice(0, index === 0 ? 2 : 1))
    .filter((layer) => LAYERS.has(layer))
    .join("→")
}

interface SdkFigures {
  package: string
  requests: number
  named: string | null
  /** PI kinds found of those sent, and in which wire formats. */
  found: PiKind[]
  formats: Record<string, PiKind[]>
  /** The format of its events: the one that carried the most kinds. */
  eventFormat: string | null
  /** Its requests as the Report shows them (masked). */
  urls: string[]
}

function figuresOf(sdk: RealSdk, report: Report, version: string): SdkFigures {
  const requests = report.requests.filter((request: ReportRequest) => sdk.collects.test(request.host))
  const formats: Record<string, PiKind[]> = {}
  for (const pi of requests.flatMap((request) => request.pii)) {
    const format = wireFormat(pi.where) + (pi.encoding && !["plain", "url", "base64"].includes(pi.encoding) ? ` (${pi.encoding})` : "")
    formats[format] = [...new Set([...(formats[format] ?? []), pi.kind])]
  }
  const found = SENT.map(({ kind }) => kind).filter((kind) => Object.values(formats).some((kinds) => kinds.includes(kind)))
  const eventFormat = Object.entries(formats).sort(([, a], [, b]) => b.length - a.length)[0]?.[0] ?? null
  return {
    package: `${sdk.package}@${version}`,
    requests: requests.length,
    named: requests.find((request) => request.tracker)?.tracker?.company ?? null,
    found,
    formats,
    eventFormat,
    urls: requests.map((request) => `${request.method} ${request.url}`)
  }
}

test("real SDKs from npm: every value found in every SDK's wire format, vendors named by the catalog, nothing recoverable from the exports", async ({ extension, server }, testInfo) => {
  test.setTimeout(120_000)
  const shop = await extension.context.newPage()
  const errors: string[] = []
  shop.on("pageerror", (error) => errors.push(error.message))
  await shop.goto(server.origin + PAGE)
  await shop.waitForFunction(() => (window as unknown as { sdksReady?: boolean }).sdksReady === true)
  expect(await shop.evaluate(() => (window as unknown as { sdkErrors: Record<string, string> }).sdkErrors)).toEqual({})
  await shop.getByLabel("收货人").pressSequentially(SHOPPER.consignee)
  await shop.getByLabel("手机号码").pressSequentially(SHOPPER.mobile)
  await shop.getByLabel("身份证号码").pressSequentially(SHOPPER.idNumber)
  await shop.getByLabel("电子邮箱").pressSequentially(SHOPPER.email)
  await shop.getByRole("button", { name: "提交订单" }).click()

  // Wait until every SDK's collector has received the values (or give up and report what arrived).
  let report: Report | undefined
  const everyValue = (candidate: Report) => REAL_SDKS.every((sdk) => figuresOf(sdk, candidate, "").found.length === SENT.length)
  await expect.poll(async () => everyValue((report = await reportOf(extension, shop))), { timeout: 30_000 }).toBe(true).catch(() => undefined)
  report ??= await reportOf(extension, shop)

  const versions = (JSON.parse(readFileSync(join(dirname(fileURLToPath(import.meta.url)), "..", "..", "package.json"), "utf8")) as { devDependencies: Record<string, string> }).devDependencies
  const perSdk = Object.fromEntries(REAL_SDKS.map((sdk) => [sdk.id, figuresOf(sdk, report!, versions[sdk.package] ?? "?")]))
  // What today's catalog can name, from the SDKs' collector hosts: the figure rises as the catalog grows.
  const nameable = REAL_SDKS.filter((sdk) => report!.requests.some((request) => sdk.collects.test(request.host) && vendorForUrl(`https://${request.host}/`)))
  const exported = { report: reportToJson(report), har: JSON.stringify(reportToHar(report)), html: reportToHtml(report) }
  const recoverable = Object.fromEntries(await Promise.all(Object.entries(exported).map(async ([name, text]) => [name, await recoverableValues(text, SENT)] as const)))
  const byFormat: Record<string, { sdks: string[]; found: number; sent: number }> = {}
  for (const [id, figures] of Object.entries(perSdk)) {
    const entry = (byFormat[figures.eventFormat ?? "nothing found"] ??= { sdks: [], found: 0, sent: 0 })
    entry.sdks.push(id)
    entry.found += figures.found.length
    entry.sent += SENT.length
  }
  const listening = report.findings.filter((finding) => finding.rule === "PIPL-29" && finding.message["zh-CN"].includes("按键或输入"))
  const figures = {
    typingListeners: listening.map((finding) => finding.message.en),
    vendorsNamed: { named: Object.values(perSdk).filter((sdk) => sdk.named).length, tried: REAL_SDKS.length },
    piFound: { found: Object.values(perSdk).reduce((sum, sdk) => sum + sdk.found.length, 0), sent: REAL_SDKS.length * SENT.length },
    perSdk,
    byFormat,
    recoverableInExports: Object.values(recoverable).reduce((sum, list) => sum + list.length, 0),
    recoverable
  }
  mkdirSync(dirname(RESULTS), { recursive: true })
  writeFileSync(RESULTS, `${JSON.stringify(figures, null, 2)}\n`)
  testInfo.annotations.push({ type: "figures", description: JSON.stringify({ vendorsNamed: figures.vendorsNamed, piFound: figures.piFound, recoverableInExports: figures.recoverableInExports }) })

  expect(errors).toEqual([])
  for (const sdk of REAL_SDKS) expect({ sdk: sdk.id, found: perSdk[sdk.id]!.found }).toEqual({ sdk: sdk.id, found: SENT.map(({ kind }) => kind) })
  // Each found in its own wire format: base64 JSON in an image URL, a url-encoded form of JSON, a gzip body.
  expect(Object.fromEntries(["sensors", "mixpanel", "posthog", "segment"].map((id) => [id, perSdk[id]!.eventFormat]))).toEqual({
    sensors: "query→base64→json",
    mixpanel: "body→form→json",
    posthog: "body→gzip→json",
    segment: "body→json"
  })
  expect(Object.entries(perSdk).filter(([, sdk]) => sdk.named).map(([id]) => id)).toEqual(nameable.map((sdk) => sdk.id))
  expect(figures.recoverableInExports).toBe(0)
  expect(recoverable).toEqual({ report: [], har: [], html: [] })

  // The cancelled submission sent nothing, so the Report has no request carrying the form's fields.
  expect(report.requests.filter((request) => request.url.includes("consignee="))).toEqual([])
  // rrweb's input listener on the whole document hears the ID field: named before any upload.
  expect(listening.map((finding) => finding.message["zh-CN"])).toEqual(expect.arrayContaining([expect.stringMatching(/^jsDelivr 的脚本监听顾客在 「身份证号码」/)]))
})
