/**
 * What the inspector extension costs a shopper's browser: the demo store's page load and a burst of fetch() calls,
 * each with and without the extension loaded, in Chromium profiles measured in turn. The fetch burst also runs with
 * a bare webRequest listener, the part of the cost Chrome charges any inspector built on webRequest.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs"
import type { IncomingMessage, ServerResponse } from "node:http"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { chromium, type BrowserContext } from "@playwright/test"
import { extensionReady } from "../chromium"
import { chromiumOptions } from "./browser"
import { extensionDir, importFunction, requireFile } from "./parts"
import { SkipSection } from "./section"
import { send, serve, type Handler, type LocalServer } from "./serve"
import { median, ratio, round } from "./stats"

export interface PageLoadFigures {
  loads: number
  /** Median ms from navigation start to the load event. */
  withExtension: number
  withoutExtension: number
  /** with / without. */
  ratio: number | null
}

export interface ProbeFigures {
  fetchesPerBurst: number
  bursts: number
  /** Median ms for one burst. */
  withExtension: number
  withoutExtension: number
  ratio: number | null
  /** Extra µs per fetch() call with the extension. */
  overheadMicrosPerCall: number
  /** Median ms for one burst with only a bare webRequest listener loaded (see {@link writeBareListener}). */
  withBareListener: number
  /** with the bare listener / without. */
  bareListenerRatio: number | null
}

type CreateDemoStore = (options: { dataDir: string; trackerHosts: "real" | "localhost"; ledgerSecret?: string }) => Promise<{ handle: Handler; close(): Promise<void> }>

const PAGE_LOADS = 12
const FETCHES = 1000
const BURSTS = 3
const WARM_UP_FETCHES = 100
const STEP_TIMEOUT_MS = 30_000
const BLANK_PAGE = "/__bench/blank"
const PING = "/__bench/ping"

/** What a profile loads: the built inspector, nothing, or a bare webRequest listener. */
type ProfileKind = "with" | "without" | "bareListener"

interface Profiles<Kind extends ProfileKind> {
  contexts: Record<Kind, BrowserContext>
  close(): Promise<void>
}

/**
 * An extension that listens to webRequest as the inspector does (request bodies; response headers with
 * extraHeaders; errors) and does nothing with what it hears. Written to `directory`, which is returned.
 */
function writeBareListener(directory: string): string {
  const manifest = { manifest_version: 3, name: "bare webRequest listener", version: "1", permissions: ["webRequest"], host_permissions: ["http://*/*", "https://*/*"], background: { service_worker: "worker.js" } }
  const worker = [
    'const all = { urls: ["<all_urls>"] }',
    'chrome.webRequest.onBeforeRequest.addListener(() => undefined, all, ["requestBody"])',
    'chrome.webRequest.onResponseStarted.addListener(() => undefined, all, ["responseHeaders", "extraHeaders"])',
    "chrome.webRequest.onErrorOccurred.addListener(() => undefined, all)"
  ]
  writeFileSync(join(directory, "manifest.json"), JSON.stringify(manifest))
  writeFileSync(join(directory, "worker.js"), worker.join("\n"))
  return directory
}

async function waitUntilWatching(context: BrowserContext): Promise<void> {
  await extensionReady(context).catch((error: unknown) => {
    throw new SkipSection(error instanceof Error ? error.message : String(error))
  })
}

/** One Chromium profile for each kind, in turn; the inspector's once its probe is registered. */
async function openProfiles<Kind extends ProfileKind>(port: number, kinds: readonly Kind[]): Promise<Profiles<Kind>> {
  requireFile(join(extensionDir, "manifest.json"), "build the extension first: npm run build --workspace extension")
  const directories: string[] = []
  const opened: BrowserContext[] = []
  const temporary = (prefix: string) => {
    const directory = mkdtempSync(join(tmpdir(), prefix))
    directories.push(directory)
    return directory
  }
  const close = async () => {
    for (const context of opened) await context.close()
    for (const directory of directories) rmSync(directory, { recursive: true, force: true })
  }
  try {
    const contexts = {} as Record<Kind, BrowserContext>
    for (const kind of kinds) {
      const extension = kind === "with" ? extensionDir : kind === "bareListener" ? writeBareListener(temporary("zhiqing-bench-listener-")) : undefined
      const extensionArgs = extension ? [`--disable-extensions-except=${extension}`, `--load-extension=${extension}`] : []
      const context = await chromium.launchPersistentContext(temporary(`zhiqing-bench-${kind}-`), { ...chromiumOptions(port, extensionArgs), locale: "zh-CN" })
      opened.push(context)
      if (kind === "with") await waitUntilWatching(context)
      else if (extension && !context.serviceWorkers().length) await context.waitForEvent("serviceworker", { timeout: 10_000 })
      contexts[kind] = context
    }
    return { contexts, close }
  } catch (error) {
    await close()
    throw error
  }
}

function benchRoutes(req: IncomingMessage, res: ServerResponse): boolean {
  const path = new URL(req.url ?? "/", "http://bench").pathname
  if (path === BLANK_PAGE) send(res, 200, "<!doctype html><title>bench</title><p>fetch burst</p>", "text/html; charset=utf-8")
  else if (path === PING) send(res, 200, "ok")
  else return false
  return true
}

/** Median ms to the demo store home page's load event, with and without the extension. */
export async function measurePageLoad(): Promise<PageLoadFigures> {
  const createDemoStore = await importFunction<CreateDemoStore>("../../demo-store/server/app.ts", "createDemoStore")
  const dataDir = mkdtempSync(join(tmpdir(), "zhiqing-bench-store-"))
  const store = await createDemoStore({ dataDir, trackerHosts: "real", ledgerSecret: "bench-secret" })
  let server: LocalServer | undefined
  let profiles: Profiles<"with" | "without"> | undefined
  try {
    server = await serve((req, res) => benchRoutes(req, res) || store.handle(req, res))
    profiles = await openProfiles(server.port, ["with", "without"])
    const url = `${server.origin}/`
    const loadTime = async (context: BrowserContext) => {
      const page = await context.newPage()
      try {
        await page.goto(url, { waitUntil: "load", timeout: STEP_TIMEOUT_MS })
        return await page.evaluate(() => (performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming).loadEventStart)
      } finally {
        await page.close()
      }
    }
    const samples = { with: [] as number[], without: [] as number[] }
    // Load 0 fills both profiles' caches and is not counted.
    for (let load = 0; load <= PAGE_LOADS; load++) {
      const withTime = await loadTime(profiles.contexts.with)
      const withoutTime = await loadTime(profiles.contexts.without)
      if (load > 0) {
        samples.with.push(withTime)
        samples.without.push(withoutTime)
      }
    }
    const withExtension = round(median(samples.with))
    const withoutExtension = round(median(samples.without))
    return { loads: PAGE_LOADS, withExtension, withoutExtension, ratio: ratio(withExtension, withoutExtension) }
  } finally {
    await profiles?.close()
    await server?.close()
    await store.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

/** What the MAIN-world probe adds to fetch(): bursts of sequential calls to a local endpoint. */
export async function measureProbeOverhead(): Promise<ProbeFigures> {
  const server = await serve((req, res) => {
    if (!benchRoutes(req, res)) send(res, 404, "not found")
  })
  const kinds = ["with", "without", "bareListener"] as const
  let profiles: Profiles<(typeof kinds)[number]> | undefined
  try {
    profiles = await openProfiles(server.port, kinds)
    const pages = { with: await profiles.contexts.with.newPage(), without: await profiles.contexts.without.newPage(), bareListener: await profiles.contexts.bareListener.newPage() }
    for (const page of Object.values(pages)) await page.goto(server.origin + BLANK_PAGE)
    const burst = (which: keyof typeof pages, count: number) =>
      pages[which].evaluate(
        async ({ path, count }) => {
          const started = performance.now()
          for (let call = 0; call < count; call++) await (await fetch(`${path}?n=${call}`)).text()
          return performance.now() - started
        },
        { path: PING, count }
      )
    for (const which of kinds) await burst(which, WARM_UP_FETCHES)
    const samples = { with: [] as number[], without: [] as number[], bareListener: [] as number[] }
    for (let pass = 0; pass < BURSTS; pass++) for (const which of kinds) samples[which].push(await burst(which, FETCHES))
    const withExtension = round(median(samples.with))
    const withoutExtension = round(median(samples.without))
    const withBareListener = round(median(samples.bareListener))
    return {
      fetchesPerBurst: FETCHES,
      bursts: BURSTS,
      withExtension,
      withoutExtension,
      ratio: ratio(withExtension, withoutExtension),
      overheadMicrosPerCall: round(((withExtension - withoutExtension) / FETCHES) * 1000),
      withBareListener,
      bareListenerRatio: ratio(withBareListener, withoutExtension)
    }
  } finally {
    await profiles?.close()
    await server.close()
  }
}
