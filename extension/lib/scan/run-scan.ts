/**
 * The consent scan's order of work: for each choice, wipe the site's state, load the page, do what the choice says
 * with the dialog, let the page settle, and take its Report. What a browser step means is the {@link ScanBrowser}'s
 * business, so this order is tested without one.
 */
import type { Report } from "../report"
import { compareRuns, SCAN_CHOICES, type ScanChoice, type ScanResult, type ScanRun } from "./compare"

/** What pressing a control of the dialog came to. */
export type PressResult = "pressed" | "no-dialog" | "no-control"

/** The browser steps of a scan, on the tab being scanned. */
export interface ScanBrowser {
  /** Delete cookies, storage, IndexedDB, caches and service workers of these origins, with no page of them open. */
  clearSite(origins: readonly string[]): Promise<void>
  /** Load `url` in the tab and settle once it has loaded. */
  load(url: string): Promise<void>
  wait(ms: number): Promise<void>
  /** Wait for the Zhiqing dialog and press the control for `choice` as a shopper would. */
  press(choice: Exclude<ScanChoice, "ignore">): Promise<PressResult>
  /** The tab's Report now. */
  report(): Promise<Report>
}

/** How long the scan lets the page run at each step, in milliseconds. */
export interface ScanTiming {
  /** After the load event, for late tags and the dialog to arrive, and before the report of an ignored dialog. */
  settleMs: number
  /** After a choice, for what it unblocks (or fails to block) to run and be reported. */
  afterChoiceMs: number
}

export const DEFAULT_TIMING: ScanTiming = { settleMs: 2500, afterChoiceMs: 2500 }

function originOf(url: string): string | undefined {
  try {
    const parsed = new URL(url)
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.origin : undefined
  } catch {
    return undefined
  }
}

/** The page's origin and every origin its runs contacted, so the next run starts clean for trackers too. */
function originsSeen(url: string, runs: readonly ScanRun[]): string[] {
  const origins = new Set<string>()
  const page = originOf(url)
  if (page) origins.add(page)
  for (const run of runs) for (const report of run.reports) for (const request of report.requests) {
    const origin = originOf(request.url)
    if (origin) origins.add(origin)
  }
  return [...origins]
}

function decided(report: Report): boolean {
  return report.consentLog?.some((entry) => entry.phase === "decision" && entry.state !== null) ?? false
}

async function oneRun(choice: ScanChoice, url: string, browser: ScanBrowser, timing: ScanTiming, earlier: readonly ScanRun[]): Promise<ScanRun> {
  await browser.clearSite(originsSeen(url, earlier))
  await browser.load(url)
  if (choice === "ignore") {
    await browser.wait(timing.settleMs)
    return { choice, outcome: "done", reports: [await browser.report()] }
  }
  const pressed = await browser.press(choice)
  if (pressed !== "pressed") return { choice, outcome: pressed, reports: [await browser.report()] }
  await browser.wait(timing.afterChoiceMs)
  const first = await browser.report()
  if (!decided(first)) return { choice, outcome: "no-decision", reports: [first] }
  if (choice === "accept") return { choice, outcome: "done", reports: [first] }
  // The refusal must hold on the next visit too: no new prompt (NDSR-22-5), nothing non-essential running.
  await browser.load(url)
  await browser.wait(timing.settleMs)
  return { choice, outcome: "done", reports: [first, await browser.report()] }
}

/** Throws the error the sender gets when `url` is no page the scan can load (chrome://, extension pages, files). */
export function assertScannable(url: string): void {
  if (!originOf(url)) throw new Error(`only http and https pages can be scanned, not "${url}"`)
}

/**
 * Scan `url`: ignore, decline, accept, each from fresh state. A page with no Zhiqing dialog gets the ignore run
 * only. A run that fails is reported as failed and the others still run.
 */
export async function runConsentScan(url: string, browser: ScanBrowser, timing: ScanTiming = DEFAULT_TIMING): Promise<ScanResult> {
  assertScannable(url)
  const runs: ScanRun[] = []
  for (const choice of SCAN_CHOICES) {
    if (choice === "accept" && runs.some((run) => run.outcome === "no-dialog")) {
      runs.push({ choice, outcome: "no-dialog", reports: [] })
      continue
    }
    try {
      runs.push(await oneRun(choice, url, browser, timing, runs))
    } catch (error) {
      runs.push({ choice, outcome: "failed", error: error instanceof Error ? error.message : String(error), reports: [] })
    }
  }
  return compareRuns(url, runs)
}
