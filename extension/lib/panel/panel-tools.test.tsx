// @vitest-environment happy-dom
import { render } from "preact"
import { act } from "preact/test-utils"
import { describe, expect, it, vi } from "vitest"
import type { CanaryResult } from "../canary/runs"
import { BAIDU, META, T0, sampleReport } from "../export/test-report"
import type { Report } from "../report"
import { compareRuns } from "../scan/compare"
import { PanelApp } from "./panel-app"
import { panelTestRoot } from "./test-root"

const root = panelTestRoot()

const flush = () =>
  act(async () => {
    for (let round = 0; round < 5; round++) await Promise.resolve()
  })

async function mount(tools: { runScan?: (tabId: number) => Promise<unknown>; canary?: (tabId: number, action: "fill" | "trace") => Promise<unknown>; autoScan?: boolean }) {
  await act(async () => {
    render(<PanelApp tabId={7} askReport={async () => sampleReport()} save={() => undefined} initialLocale="en" pollIntervalMs={60_000} {...tools} />, root())
  })
  await flush()
}

function button(text: string): HTMLButtonElement {
  const found = [...root().querySelectorAll<HTMLButtonElement>("button")].find((candidate) => candidate.textContent === text)
  if (!found) throw new Error(`no button "${text}"`)
  return found
}

function report(requests: Report["requests"], consentLog: Report["consentLog"]): Report {
  return { url: "https://shop.example.cn/", consent: null, requests, cookies: [], fields: [], findings: [], consentLog, generatedAt: new Date(T0).toISOString() }
}

const baiduPixel = { url: "https://hm.baidu.com/hm.gif?si=1", host: "hm.baidu.com", method: "GET", time: T0 + 100, thirdParty: true, crossBorder: false, beforeConsent: true, pii: [], tracker: { ...BAIDU } }

describe("the panel's consent scan and canary mode", () => {
  it("APPM-3-1: the scan shows the three runs side by side and marks Baidu firing while the dialog is ignored", async () => {
    const shown = { time: T0 + 50, phase: "dialog-shown" as const, state: null }
    const result = compareRuns("https://shop.example.cn/", [
      { choice: "ignore", outcome: "done", reports: [report([baiduPixel], [shown])] },
      { choice: "decline", outcome: "done", reports: [report([], [shown, { time: T0 + 500, phase: "decision", state: sampleReport().consent }])] },
      { choice: "accept", outcome: "done", reports: [report([{ ...baiduPixel, time: T0 + 600, beforeConsent: false }], [shown, { time: T0 + 500, phase: "decision", state: sampleReport().consent }])] }
    ])
    let answer: (value: unknown) => void = () => undefined
    const runScan = vi.fn(() => new Promise<unknown>((resolve) => (answer = resolve)))
    await mount({ runScan })
    await act(async () => button("Consent scan").click())
    expect(runScan).toHaveBeenCalledWith(7)
    expect(root().querySelector("[data-testid=consent-scan] [role=status]")?.textContent).toContain("about 25 s")
    expect(button("Consent scan").disabled).toBe(true)
    await act(async () => answer(result))
    await flush()
    expect([...root().querySelectorAll(".issues li[data-rule]")].map((item) => `${item.getAttribute("data-rule")}@${item.getAttribute("data-run")}`)).toEqual(["APPM-3-1@ignore"])
    const ignoreTrackers = root().querySelector("td[data-run=ignore] li[data-breach=true]")
    expect(ignoreTrackers?.textContent).toContain(BAIDU.company)
    expect(root().querySelector("td[data-run=accept] li[data-breach=true]")).toBeNull()
    expect([...root().querySelectorAll("th[data-run]")].map((cell) => cell.textContent)).toEqual(["Dialog ignored (done)", "Declined (done)", "Accepted (done)"])
  })

  it("a scan the background refuses says why, and the popup's request starts it at once", async () => {
    const runScan = vi.fn(async () => ({ error: "a consent scan is already running on this tab" }))
    await mount({ runScan, autoScan: true })
    expect(runScan).toHaveBeenCalledTimes(1)
    expect(root().querySelector("[data-testid=consent-scan] [role=alert]")?.textContent).toBe("The scan failed: a consent scan is already running on this tab")
  })

  it("PIPL-39: canary mode lists each generated value with where it went, in which form and under which consent", async () => {
    const trace: CanaryResult = {
      startedAt: new Date(T0).toISOString(),
      pages: 1,
      traces: [
        {
          kind: "phone",
          value: "18745612398",
          masked: "187****2398",
          hits: [
            {
              time: T0 + 900,
              url: "https://www.facebook.com/tr?ud[ph]=…",
              host: "www.facebook.com",
              method: "GET",
              channel: "image",
              thirdParty: true,
              tracker: { ...META },
              country: "US",
              crossBorder: true,
              forms: ["sha256", "plain"],
              where: ["query:ud[ph]"],
              decided: true,
              purpose: { id: "marketing", status: "granted" }
            }
          ],
          stored: [{ place: "cookie", site: "shop.example.cn", name: "sensorsdata2015jssdkcross", forms: ["url"] }]
        },
        { kind: "email", value: "zhou.wu384812@example.com", masked: "z***@example.com", hits: [], stored: [] }
      ]
    }
    const canary = vi.fn(async (_tabId: number, action: "fill" | "trace") =>
      action === "fill" ? { canaries: [{ kind: "phone", value: "18745612398" }], filled: 4, skipped: 1 } : trace
    )
    await mount({ canary })
    await act(async () => button("Fill forms with canary data").click())
    await flush()
    expect(canary).toHaveBeenCalledWith(7, "fill")
    expect(canary).toHaveBeenCalledWith(7, "trace")
    const section = root().querySelector("[data-testid=canary]")!
    expect(section.textContent).toContain("Fields filled: 4, fields not open yet: 1.")
    await flush()
    const row = section.querySelector("[data-kind=phone] tr[data-host='www.facebook.com']")!
    expect(row.textContent).toContain("Meta Platforms, Inc.")
    expect(row.textContent).toContain("SHA-256 hash, raw")
    expect(row.textContent).toContain("marketing: granted")
    expect(section.querySelector("[data-kind=phone] [data-place=cookie]")?.textContent).toBe("cookie sensorsdata2015jssdkcross (shop.example.cn) · URL-encoded")
    expect(section.querySelector("[data-kind=email]")?.textContent).toContain("Not sent anywhere yet.")
  })

  it("canary mode on a page without fields says so", async () => {
    await mount({ canary: async () => ({ error: "this page has no form field asking for personal information to fill" }) })
    await act(async () => button("Fill forms with canary data").click())
    await flush()
    expect(root().querySelector("[data-testid=canary] [role=alert]")?.textContent).toContain("no form field")
  })
})
