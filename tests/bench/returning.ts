/**
 * The returning shopper: a decision is already stored, so the page should release the gated scripts at once and
 * never show, not even for a frame, the first-layer dialog. Each library decides once (its accept button, clicked
 * like a shopper would), then its page is viewed again and again, all interleaved (Zhiqing three times: its config
 * inline, from data-config, and from a data-config pinned by its hash): once with nothing cached (every script
 * downloaded and compiled on every view), once with the files in the HTTP cache as on a real next page view.
 */
import type { Page } from "@playwright/test"
import { launchBrowser } from "./browser"
import { consentPages, readProbe, scriptArrivedAt, waitForProbe, type Contender } from "./pages"
import { requireFile, sdkBundle } from "./parts"
import { serve } from "./serve"
import { median, medianRatioInterval, ratio, round } from "./stats"

export interface ReturningResult {
  name: string
  reloads: number
  /** Median ms from script start to the gated analytics script having run. */
  gatedReleased: number
  /** Median ms from navigation start to the same moment: this also counts the library's own download. */
  gatedFromNavigation: number
  /**
   * Median ms from the later of script start and the library's script having downloaded to the same moment: the
   * library's own start-up work, without its download.
   */
  gatedFromScriptReady: number
  /** Reloads on which a first-layer dialog element was added to the page at all. */
  dialogAdded: number
  /** Reloads on which a first-layer dialog was visible, however briefly. */
  dialogVisible: number
  /** Zhiqing's median over this library's (absent for Zhiqing itself). */
  zhiqingRatio?: number | null
  /** The 95% bootstrap interval of zhiqingRatio: the views vary more than the libraries may differ. */
  zhiqingRatioInterval?: [number, number] | null
  zhiqingRatioFromNavigation?: number | null
  zhiqingRatioFromScriptReady?: number | null
  /** The same ratio from script start, with its interval, for Zhiqing's pages that fetch their config (data-config). */
  fetchedConfigRatios?: Record<string, { ratio: number | null; interval: [number, number] | null }>
}

export interface ReturningFigures {
  reloadsPerLibrary: number
  method: string
  /** Every page view downloads and compiles each script again (served no-store): the worst case. */
  results: ReturningResult[]
  /**
   * The shopper's next page views with the scripts and stylesheets in the HTTP cache (served max-age), as a shop's
   * usually are, and V8's code cache warm after a few views: what a returning shopper mostly meets.
   */
  cached: ReturningResult[]
}

/**
 * Page views per library and condition: single views vary more than the libraries differ; more views narrow that.
 * `RETURNING_VIEWS=150 npm run bench -- returning` takes more for a closer look (about 14 minutes).
 */
const RELOADS = Number(process.env.RETURNING_VIEWS) || 60
/** Page views before the cached ones are counted: Chromium keeps compiled code for a script seen on earlier views. */
const WARM_UP_VIEWS = 3
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

/** One page view of a returning shopper: a reload, or (`view` set) a navigation to the page as another URL. */
async function pageView(visit: Visit, origin: string, view?: number): Promise<void> {
  if (view === undefined) await visit.page.reload()
  else await visit.page.goto(`${origin}${visit.contender.path}?gated&view=${view}`)
  await waitForProbe(visit.page, "gated", STEP_TIMEOUT_MS)
  await visit.page.waitForTimeout(WATCH_MS)
}

async function record(visit: Visit): Promise<void> {
  const probe = await readProbe(visit.page)
  const gatedRanAt = probe.gatedRanAt as number
  visit.gated.push(gatedRanAt - probe.scriptStart)
  visit.gatedFromNavigation.push(gatedRanAt)
  visit.gatedFromScriptReady.push(gatedRanAt - Math.max(probe.scriptStart, await scriptArrivedAt(visit.page, visit.contender)))
  if (probe.dialogAddedAt !== null) visit.dialogAdded += 1
  if (probe.dialogVisibleAt !== null) visit.dialogVisible += 1
}

/**
 * Each library decides once in a context of its own, then `RELOADS` page views each, the libraries interleaved.
 * Every page carries every library's stylesheet, so that the pages differ only in the library's script and config:
 * the parser runs the script-start mark once the page's stylesheets have loaded, and a library's script that is not
 * compiled yet when the parser reaches it makes the parser wait a task or a frame. With only its own stylesheet on
 * each page, vanilla-cookieconsent's 32 KB held its page until its script was ready, while Zhiqing's page, which has
 * no stylesheet of its own, counted that wait: 1.36× over 80 views served no-store, against 0.99× with
 * vanilla-cookieconsent's stylesheet on Zhiqing's page too. Zhiqing's script padded to twice its size took no longer
 * (0.91× its own time): the wait is not in the script. A library's own stylesheet is counted in its bytes, and in the
 * dialog figures from navigation start.
 */
async function measureCondition(cacheAssets: boolean): Promise<ReturningResult[]> {
  const pages = consentPages({ cacheAssets, sameStylesheets: true })
  const server = await serve(pages.handle)
  const browser = await launchBrowser(server.port)
  try {
    const visits: Visit[] = []
    // Zhiqing with its config inline, from data-config, and from a data-config pinned by its hash.
    for (const contender of pages.contenders) {
      const context = await browser.newContext({ locale: "zh-CN" })
      const page = await context.newPage()
      await page.goto(`${server.origin}${contender.path}?gated`)
      await decide(page, contender)
      visits.push({ contender, page, gated: [], gatedFromNavigation: [], gatedFromScriptReady: [], dialogAdded: 0, dialogVisible: 0 })
    }
    let view = 0
    if (cacheAssets) {
      for (let pass = 0; pass < WARM_UP_VIEWS; pass++) for (const visit of visits) await pageView(visit, server.origin, ++view)
    }
    for (let pass = 0; pass < RELOADS; pass++) {
      for (const visit of visits) {
        await pageView(visit, server.origin, cacheAssets ? ++view : undefined)
        await record(visit)
      }
    }
    const summary = (visit: Visit): ReturningResult => ({
      name: visit.contender.name,
      reloads: visit.gated.length,
      // To the microsecond the isolated page's clock gives (serve.ts): the figures are a few milliseconds.
      gatedReleased: round(median(visit.gated), 3),
      gatedFromNavigation: round(median(visit.gatedFromNavigation), 3),
      gatedFromScriptReady: round(median(visit.gatedFromScriptReady), 3),
      dialogAdded: visit.dialogAdded,
      dialogVisible: visit.dialogVisible
    })
    const isZhiqing = (visit: Visit) => visit.contender.name.startsWith("Zhiqing")
    const [ours, ...fetching] = visits.filter(isZhiqing) as [Visit, ...Visit[]]
    const zhiqing = summary(ours)
    const anchors = visits
      .filter((visit) => !isZhiqing(visit))
      .map((visit): ReturningResult => {
        const anchor = summary(visit)
        return {
          ...anchor,
          zhiqingRatio: ratio(zhiqing.gatedReleased, anchor.gatedReleased),
          zhiqingRatioInterval: medianRatioInterval(ours.gated, visit.gated),
          zhiqingRatioFromNavigation: ratio(zhiqing.gatedFromNavigation, anchor.gatedFromNavigation),
          zhiqingRatioFromScriptReady: ratio(zhiqing.gatedFromScriptReady, anchor.gatedFromScriptReady),
          fetchedConfigRatios: Object.fromEntries(
            fetching.map((page) => [page.contender.name, { ratio: ratio(median(page.gated), anchor.gatedReleased), interval: medianRatioInterval(page.gated, visit.gated) }])
          )
        }
      })
    return [zhiqing, ...fetching.map(summary), ...anchors]
  } finally {
    await browser.close()
    await server.close()
  }
}

/** Measure the three libraries, with nothing cached and with their files cached; skips when the SDK is not built. */
export async function measureReturning(): Promise<ReturningFigures> {
  requireFile(sdkBundle, "build the SDK first: npm run build --workspace sdk")
  return {
    reloadsPerLibrary: RELOADS,
    method:
      "one context per library (Zhiqing three times: config inline, from data-config, and from a data-config pinned by data-config-integrity), each page with the same stylesheets in <head> (the shop's and every library's, so that the pages differ only in the library's script and config); accept clicked once, then page views, libraries interleaved: reloads with every file served no-store, and (cached) navigations to the page under new URLs with scripts and stylesheets served max-age=3600 after " +
      WARM_UP_VIEWS +
      " uncounted views; clock from performance.mark right before the library's `<script>` (and from navigation start, and from the later of that mark and the library's script downloaded, by Resource Timing) to the gated `<script type=\"text/plain\">` running; a MutationObserver from the first byte watches for the first-layer dialog",
    results: await measureCondition(false),
    cached: await measureCondition(true)
  }
}
