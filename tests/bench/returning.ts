/**
 * The returning shopper: a decision is already stored, so the page should release the gated scripts at once and
 * never show, not even for a frame, the first-layer dialog. Each library decides once (its accept button, clicked
 * like a shopper would), then its page is reloaded again and again, the three interleaved.
 */
import type { Page } from "@playwright/test"
import { launchBrowser } from "./browser"
import { consentPages, readProbe, scriptArrivedAt, waitForProbe, type Contender } from "./pages"
import { requireFile, sdkBundle } from "./parts"
import { serve } from "./serve"
import { median, ratio, round } from "./stats"

export interface ReturningResult {
  name: string
  reloads: number
  /** Median ms from script start to the gated analytics script having run. */
  gatedReleased: number
  /**
   * Median ms from navigation start to the same moment: this also counts the library's own download, which a
   * script-blocking stylesheet (the anchors') can hide before the script-start mark.
   */
  gatedFromNavigation: number
  /**
   * Median ms from the later of script start and the library's script having downloaded to the same moment: the
   * library's own start-up work, without the download that the other two figures count for some libraries only.
   */
  gatedFromScriptReady: number
  /** Reloads on which a first-layer dialog element was added to the page at all. */
  dialogAdded: number
  /** Reloads on which a first-layer dialog was visible, however briefly. */
  dialogVisible: number
  /** Zhiqing's median over this library's (absent for Zhiqing itself). */
  zhiqingRatio?: number | null
  zhiqingRatioFromNavigation?: number | null
  zhiqingRatioFromScriptReady?: number | null
}

export interface ReturningFigures {
  reloadsPerLibrary: number
  method: string
  results: ReturningResult[]
}

const RELOADS = 20
const STEP_TIMEOUT_MS = 15_000
/** A dialog that would flash in late (after an asynchronous storage read, say) still gets caught. */
const WATCH_MS = 400

interface Visit {
  contender: Contender
  page: Page
  gated: number[]
  gatedFromNavigation: number[]
  gatedFromScriptReady: number[]
  dialogAdded: number
  dialogVisible: number
}

async function decide(page: Page, contender: Contender): Promise<void> {
  await waitForProbe(page, "usable", STEP_TIMEOUT_MS)
  await page.getByRole("button", { name: contender.acceptLabel, exact: true }).first().click()
  await waitForProbe(page, "gated", STEP_TIMEOUT_MS)
  // Let the library finish writing its decision (cookie, storage, receipt) before the first reload.
  await page.waitForTimeout(WATCH_MS)
}

async function reload(visit: Visit): Promise<void> {
  await visit.page.reload()
  await waitForProbe(visit.page, "gated", STEP_TIMEOUT_MS)
  await visit.page.waitForTimeout(WATCH_MS)
  const record = await readProbe(visit.page)
  const gatedRanAt = record.gatedRanAt as number
  visit.gated.push(gatedRanAt - record.scriptStart)
  visit.gatedFromNavigation.push(gatedRanAt)
  visit.gatedFromScriptReady.push(gatedRanAt - Math.max(record.scriptStart, await scriptArrivedAt(visit.page, visit.contender)))
  if (record.dialogAddedAt !== null) visit.dialogAdded += 1
  if (record.dialogVisibleAt !== null) visit.dialogVisible += 1
}

/** Measure the three libraries; skips when the SDK has not been built. */
export async function measureReturning(): Promise<ReturningFigures> {
  requireFile(sdkBundle, "build the SDK first: npm run build --workspace sdk")
  const pages = consentPages()
  const server = await serve(pages.handle)
  const browser = await launchBrowser(server.port)
  try {
    const visits: Visit[] = []
    // The config's source makes no difference once a decision is stored: Zhiqing is measured with it inline.
    for (const contender of pages.contenders.filter((each) => !each.name.startsWith("Zhiqing ("))) {
      const context = await browser.newContext({ locale: "zh-CN" })
      const page = await context.newPage()
      await page.goto(`${server.origin}${contender.path}?gated`)
      await decide(page, contender)
      visits.push({ contender, page, gated: [], gatedFromNavigation: [], gatedFromScriptReady: [], dialogAdded: 0, dialogVisible: 0 })
    }
    for (let pass = 0; pass < RELOADS; pass++) {
      for (const visit of visits) await reload(visit)
    }
    const results: ReturningResult[] = visits.map((visit) => ({
      name: visit.contender.name,
      reloads: visit.gated.length,
      gatedReleased: round(median(visit.gated)),
      gatedFromNavigation: round(median(visit.gatedFromNavigation)),
      gatedFromScriptReady: round(median(visit.gatedFromScriptReady)),
      dialogAdded: visit.dialogAdded,
      dialogVisible: visit.dialogVisible
    }))
    const [zhiqing, ...anchors] = results as [ReturningResult, ...ReturningResult[]]
    for (const anchor of anchors) {
      anchor.zhiqingRatio = ratio(zhiqing.gatedReleased, anchor.gatedReleased)
      anchor.zhiqingRatioFromNavigation = ratio(zhiqing.gatedFromNavigation, anchor.gatedFromNavigation)
      anchor.zhiqingRatioFromScriptReady = ratio(zhiqing.gatedFromScriptReady, anchor.gatedFromScriptReady)
    }
    return {
      reloadsPerLibrary: RELOADS,
      method:
        "one context per library; accept clicked once, then the page reloaded, libraries interleaved; clock from performance.mark right before the library's `<script>` (and from navigation start, and from the later of that mark and the library's script downloaded, by Resource Timing) to the gated `<script type=\"text/plain\">` running; a MutationObserver from the first byte watches for the first-layer dialog",
      results
    }
  } finally {
    await browser.close()
    await server.close()
  }
}
