/**
 * Time to a usable dialog: the same page with Zhiqing and with each anchor, loaded in fresh browser contexts,
 * interleaved (Z, C, K, Z, C, K …) so the machine's noise falls on all three alike.
 */
import type { Browser, Page } from "@playwright/test"
import { launchBrowser } from "./browser"
import { consentPages, readProbe, waitForProbe, ZHIQING_PINNED, type Contender } from "./pages"
import { requireFile, sdkBundle } from "./parts"
import { serve } from "./serve"
import { median, ratio, round } from "./stats"

/**
 * One page load, all times in ms. In a median, the main-thread figures are net of the page without a library.
 */
interface DialogRun extends MainThread {
  /** Script start → accept button painted, visible and enabled. */
  usable: number
  /** Navigation start → the same moment (includes each library's own CSS request). */
  usableFromNavigation: number
  longTasks: number
  longTaskMs: number
  layoutShift: number
}

export interface DialogResult {
  name: string
  runs: number
  /** Medians over the runs. */
  median: DialogRun
  /** Zhiqing's median over this library's median, per figure (absent for Zhiqing itself). */
  zhiqingRatio?: Record<"usable" | "usableFromNavigation" | "taskMs" | "scriptMs" | "usableDataConfig" | "usableFromNavigationDataConfig", number | null>
}

export interface DialogFigures {
  runsPerLibrary: number
  method: string
  /** Median main-thread time of the page without any library, subtracted from each library's. */
  baseline: MainThread
  results: DialogResult[]
}

const RUNS = 20
/** One page load may take this long before the run counts as broken. */
const RUN_TIMEOUT_MS = 15_000
/**
 * Main-thread time accrues even on an idle page, so every page, the bare one included, is read this long after
 * navigation start (or later, when its dialog took longer).
 */
const METRICS_AT_MS = 1500
/** Layout shifts and long tasks right after the dialog appears (entry animations) still count. */
const SETTLE_MS = 300

/** Main-thread task and script time in ms (CDP Performance.getMetrics, whole page). */
interface MainThread {
  taskMs: number
  scriptMs: number
}

/** Load `url` in a fresh context, run `until` on the page, then read the page's main-thread totals over CDP. */
async function withMetrics<T>(browser: Browser, url: string, until: (page: Page) => Promise<T>): Promise<T & MainThread> {
  const context = await browser.newContext({ locale: "zh-CN" })
  try {
    const page = await context.newPage()
    const cdp = await context.newCDPSession(page)
    await cdp.send("Performance.enable")
    await page.goto(url)
    const figures = await until(page)
    const { metrics } = (await cdp.send("Performance.getMetrics")) as { metrics: { name: string; value: number }[] }
    const metric = (name: string) => (metrics.find((entry) => entry.name === name)?.value ?? 0) * 1000
    return { ...figures, taskMs: metric("TaskDuration"), scriptMs: metric("ScriptDuration") }
  } finally {
    await context.close()
  }
}

/** Let the page run until `at` ms after its navigation started, so every page is measured over the same span. */
async function runUntil(page: Page, at: number): Promise<void> {
  await page.evaluate((until) => new Promise((done) => setTimeout(done, Math.max(0, until - performance.now()))), at)
}

function measureOnce(browser: Browser, origin: string, contender: Contender, verify: boolean): Promise<DialogRun> {
  return withMetrics(browser, origin + contender.path, async (page) => {
    await waitForProbe(page, "usable", RUN_TIMEOUT_MS)
    if (verify) {
      // The probe finds the button by selector; make sure that is the button a shopper (and a screen reader) sees.
      const button = page.getByRole("button", { name: contender.acceptLabel, exact: true }).first()
      if (!(await button.isVisible()) || !(await button.isEnabled())) throw new Error(`${contender.name}: no visible, enabled "${contender.acceptLabel}" button`)
    }
    const usableAt = (await readProbe(page)).usableAt as number
    await runUntil(page, Math.max(METRICS_AT_MS, usableAt + SETTLE_MS))
    const record = await readProbe(page)
    return {
      usable: usableAt - record.scriptStart,
      usableFromNavigation: usableAt,
      longTasks: record.longTasks,
      longTaskMs: record.longTaskMs,
      layoutShift: record.layoutShift
    }
  })
}

/** The page without a library, measured over the same span. */
function measureBaseline(browser: Browser, url: string): Promise<MainThread> {
  return withMetrics(browser, url, async (page) => {
    await runUntil(page, METRICS_AT_MS)
    return {}
  })
}

function summarise(runs: DialogRun[], baseline: MainThread): DialogRun {
  const of = (key: keyof DialogRun) => median(runs.map((run) => run[key]))
  return {
    usable: round(of("usable")),
    usableFromNavigation: round(of("usableFromNavigation")),
    taskMs: round(of("taskMs") - baseline.taskMs),
    scriptMs: round(of("scriptMs") - baseline.scriptMs),
    longTasks: of("longTasks"),
    longTaskMs: round(of("longTaskMs")),
    layoutShift: round(of("layoutShift"), 4)
  }
}

/** Measure the three libraries; skips when the SDK has not been built. */
export async function measureDialogs(): Promise<DialogFigures> {
  requireFile(sdkBundle, "build the SDK first: npm run build --workspace sdk")
  const pages = consentPages()
  const server = await serve(pages.handle)
  const browser = await launchBrowser(server.port)
  try {
    // A first visit fetches a pinned config file like any other data-config: that page counts for the returning shopper.
    const contenders = pages.contenders.filter((contender) => contender.name !== ZHIQING_PINNED)
    const samples = new Map<string, DialogRun[]>(contenders.map((contender) => [contender.name, []]))
    const baselineRuns: MainThread[] = []
    // Pass 0 warms the browser and the server, and checks each page's button; it is not counted.
    for (let pass = 0; pass <= RUNS; pass++) {
      for (const contender of contenders) {
        const run = await measureOnce(browser, server.origin, contender, pass === 0)
        if (pass > 0) samples.get(contender.name)?.push(run)
      }
      const plain = await measureBaseline(browser, server.origin + pages.baselinePath)
      if (pass > 0) baselineRuns.push(plain)
    }
    const baseline = { taskMs: round(median(baselineRuns.map((run) => run.taskMs))), scriptMs: round(median(baselineRuns.map((run) => run.scriptMs))) }
    const results: DialogResult[] = contenders.map((contender) => ({
      name: contender.name,
      runs: samples.get(contender.name)?.length ?? 0,
      median: summarise(samples.get(contender.name) ?? [], baseline)
    }))
    // Zhiqing with its config inline and from data-config; the anchors take theirs inline.
    const [zhiqing, ...others] = results as [DialogResult, ...DialogResult[]]
    const fetched = others.find((result) => result.name.startsWith("Zhiqing"))
    for (const anchor of others.filter((result) => !result.name.startsWith("Zhiqing"))) {
      anchor.zhiqingRatio = {
        usable: ratio(zhiqing.median.usable, anchor.median.usable),
        usableFromNavigation: ratio(zhiqing.median.usableFromNavigation, anchor.median.usableFromNavigation),
        taskMs: ratio(zhiqing.median.taskMs, anchor.median.taskMs),
        scriptMs: ratio(zhiqing.median.scriptMs, anchor.median.scriptMs),
        usableDataConfig: fetched ? ratio(fetched.median.usable, anchor.median.usable) : null,
        usableFromNavigationDataConfig: fetched ? ratio(fetched.median.usableFromNavigation, anchor.median.usableFromNavigation) : null
      }
    }
    return {
      runsPerLibrary: RUNS,
      baseline,
      method:
        "each library as a classic `<script>` after its config, on a page with the same shop stylesheet in <head> (and the library's own, if it has one), fresh context per run, libraries interleaved; clock from performance.mark right before the library's `<script>` to two requestAnimationFrames after its accept button is visible and enabled; main-thread time from CDP Performance.getMetrics 1.5 s after navigation start, net of the same page without a library",
      results
    }
  } finally {
    await browser.close()
    await server.close()
  }
}
