// @vitest-environment happy-dom
import { render } from "preact"
import { act } from "preact/test-utils"
import { describe, expect, it, vi } from "vitest"
import { BAIDU, META, RAW, T0, sampleReport } from "../export/test-report"
import type { Report, ReportRequest } from "../report"
import { PanelApp, ROW_HEIGHT } from "./panel-app"
import { panelTestRoot } from "./test-root"
import type { ConsentMoment } from "./timeline"

const root = panelTestRoot()

interface Saved {
  filename: string
  text: string
  mimeType: string
}

/** Mount the panel against a fixed Report and wait for its first answer. */
async function mount(report: unknown, options: { locale?: "zh-CN" | "en"; tabId?: number } = {}) {
  const saved: Saved[] = []
  const askReport = vi.fn(async () => structuredClone(report))
  await act(async () => {
    render(
      <PanelApp
        tabId={"tabId" in options ? options.tabId : 7}
        askReport={askReport}
        save={(filename, text, mimeType) => saved.push({ filename, text, mimeType })}
        initialLocale={options.locale ?? "en"}
        pollIntervalMs={60_000}
      />,
      root()
    )
  })
  await act(async () => {
    await Promise.resolve()
  })
  return { saved, askReport }
}

const rowButtons = () => [...root().querySelectorAll<HTMLButtonElement>("button.row")]
const rowText = () => rowButtons().map((button) => button.textContent ?? "")
const select = (name: string) => root().querySelector<HTMLSelectElement>(`select[name=${name}]`)!

async function choose(name: string, value: string) {
  await act(async () => {
    const element = select(name)
    element.value = value
    element.dispatchEvent(new Event("change", { bubbles: true }))
  })
}

async function click(element: Element) {
  await act(async () => {
    ;(element as HTMLElement).click()
  })
}

const decision = sampleReport().consent!
const withLog = (report: Report, log: ConsentMoment[]) => ({ ...report, consentLog: log })

describe("the DevTools panel", () => {
  it("asks the background for the inspected tab's report", async () => {
    const { askReport } = await mount(sampleReport())
    expect(askReport).toHaveBeenCalledWith(7)
  })

  it("shows every event on the consent axis with before-consent markers (APPM-3-1)", async () => {
    await mount(
      withLog(sampleReport(), [
        { time: T0 + 100, phase: "dialog-shown", state: null },
        { time: T0 + 5000, phase: "decision", state: decision }
      ])
    )
    const phases = [...root().querySelectorAll("[data-phase]")].map((element) => element.getAttribute("data-phase"))
    expect(phases).toEqual(["before-dialog", "dialog-shown", "decided"])
    const baidu = rowButtons().find((button) => button.textContent?.includes("hm.baidu.com"))!
    expect(baidu.textContent).toContain(BAIDU.company)
    expect(baidu.querySelector(".before")?.textContent).toBe("before consent")
    expect(baidu.dataset.verdict).toBe("high")
    expect(rowButtons().find((button) => button.textContent?.includes("facebook"))?.querySelector(".before")).toBeNull()
    // The shop's own page load precedes every decision; it is no consent matter.
    expect(rowButtons().find((button) => button.textContent?.includes("shop.example.cn"))?.querySelector(".before")).toBeNull()
    expect(rowButtons().find((button) => button.textContent?.includes("Hm_lvt_6a2f"))?.querySelector(".before")).not.toBeNull()
    expect(root().querySelector("[data-testid=counts]")?.textContent).toBe("4 events · 3 findings · 4 shown")
  })

  it("filters by vendor, PI kind and verdict", async () => {
    await mount(sampleReport())
    await choose("vendor", META.company)
    expect(rowText()).toHaveLength(1)
    expect(rowText()[0]).toContain("facebook.com")
    await choose("vendor", "")
    await choose("piKind", "id-card")
    expect(rowText()).toHaveLength(1)
    await choose("piKind", "")
    await choose("verdict", "ok")
    expect(rowText()).toHaveLength(1)
    expect(rowText()[0]).toContain("shop.example.cn")
  })

  it("a finding filters the timeline to the events it cites", async () => {
    await mount(sampleReport())
    const appm = [...root().querySelectorAll<HTMLButtonElement>(".finding-bar button")].find((button) => button.textContent?.startsWith("APPM-3-1"))!
    await click(appm)
    expect(rowText().map((text) => (text.includes("Cookie") ? "cookie" : "baidu"))).toEqual(["cookie", "baidu"])
    await click(appm)
    expect(rowText()).toHaveLength(4)
  })

  it("the detail pane shows the request, the masked PI marked, the consent then and why (PIPL-39)", async () => {
    await mount(sampleReport())
    await click(rowButtons().find((button) => button.textContent?.includes("facebook"))!)
    const detail = root().querySelector(".detail")!
    expect(detail.textContent).toContain("https://www.facebook.com/tr?id=918")
    expect([...detail.querySelectorAll("mark[data-pi]")].map((mark) => mark.textContent)).toEqual(["138****5678", "11**************2X"])
    expect(detail.querySelector("[data-testid=consent-then]")?.textContent).toContain("marketing not granted")
    expect(detail.querySelector("[data-testid=why]")?.textContent).toBe("This event is evidence for: PIPL-39.")
    expect(detail.textContent).toContain("Meta Pixel in the United States")
  })

  it("the detail of an event before any decision says so", async () => {
    await mount(sampleReport())
    await click(rowButtons().find((button) => button.textContent?.includes("hm.baidu.com"))!)
    expect(root().querySelector("[data-testid=consent-then]")?.textContent).toBe("No decision yet")
  })

  it("moves the selection with the arrow keys", async () => {
    await mount(sampleReport())
    await click(rowButtons()[0]!)
    await act(async () => {
      root().querySelector(".vlist")!.dispatchEvent(new KeyboardEvent("keydown", { key: "ArrowDown", bubbles: true }))
    })
    expect(root().querySelector("button.row.selected")?.textContent).toContain("Hm_lvt_6a2f")
  })

  it("switches language", async () => {
    await mount(sampleReport(), { locale: "zh-CN" })
    expect(root().querySelector("h1")?.textContent).toBe("知情检查器")
    await click(root().querySelector('button[lang="en"]')!)
    expect(root().querySelector("h1")?.textContent).toBe("Zhiqing Inspector")
    expect(document.documentElement.lang).toBe("en")
  })

  it("exports the report as JSON equal to it, as HAR and as HTML", async () => {
    const report = sampleReport()
    const { saved } = await mount(report)
    for (const name of ["Export JSON", "Export HAR evidence", "Export HTML report"]) {
      await click([...root().querySelectorAll("button")].find((button) => button.textContent === name)!)
    }
    expect(saved.map((file) => [file.filename, file.mimeType])).toEqual([
      ["zhiqing-shop.example.cn-20261125T080100.json", "application/json"],
      ["zhiqing-shop.example.cn-20261125T080100.har", "application/json"],
      ["zhiqing-shop.example.cn-20261125T080100.html", "text/html"]
    ])
    expect(JSON.parse(saved[0]!.text)).toEqual(report)
    expect(JSON.parse(saved[1]!.text).log.version).toBe("1.2")
    expect(saved[1]!.text).not.toContain(RAW.phone)
    expect(saved[2]!.text).toContain('<html lang="en">')
  })

  it("says clearly when there is no tab or the answer is no report", async () => {
    await mount(sampleReport(), { tabId: undefined })
    expect(root().querySelector("[role=alert]")?.textContent).toBe("No tab to inspect: open this panel in DevTools.")
    render(null, root())
    await mount({ error: "nope" })
    expect(root().querySelector("[role=alert]")?.textContent).toContain("not a report")
  })

  it("renders only the rows on screen of 10,000 events", async () => {
    const base = sampleReport()
    const requests: ReportRequest[] = Array.from({ length: 10_000 }, (_, index) => ({
      url: `https://hm.baidu.com/hm.gif?n=${index}`,
      host: "hm.baidu.com",
      method: "GET",
      time: T0 + index,
      thirdParty: true,
      tracker: { ...BAIDU },
      crossBorder: false,
      beforeConsent: true,
      purpose: "analytics",
      pii: []
    }))
    await mount({ ...base, requests, cookies: [], consent: null, findings: [] })
    const rendered = rowButtons().length
    expect(rendered).toBeGreaterThan(10)
    expect(rendered).toBeLessThan(60)
    const list = root().querySelector<HTMLElement>(".vlist")!
    expect(list.firstElementChild?.getAttribute("style")).toContain(`height: ${(10_000 + 1) * ROW_HEIGHT}px`)
    await act(async () => {
      list.scrollTop = 5000 * ROW_HEIGHT
      list.dispatchEvent(new Event("scroll"))
    })
    expect(rowText().some((text) => text.includes("n=4999"))).toBe(true)
    expect(rowText().some((text) => text.includes("n=0 ") || text.endsWith("n=0"))).toBe(false)
    expect(rowButtons().length).toBeLessThan(60)
  })
})
