/**
 * The same minimal shop page three times: with Zhiqing and with each anchor library, configured alike (four
 * purposes — necessary, analytics, personalization, marketing — in Simplified Chinese and English). Each page
 * carries an inline probe, first in <head>, that timestamps the moment the first-layer accept button is painted and
 * usable, watches for any first-layer dialog becoming visible, and sums layout shifts and long tasks.
 */
import { createHash } from "node:crypto"
import { readFileSync } from "node:fs"
import type { IncomingMessage, ServerResponse } from "node:http"
import { basename, join } from "node:path"
import type { Page } from "@playwright/test"
import { repo, sdkBundle, sdkChunks } from "./parts"
import { send, sendFile } from "./serve"

/** One library on its page. */
export interface Contender {
  name: string
  /** Path of its page on the bench server. */
  path: string
  /** The accept button's accessible name in zh-CN, for Playwright's role locator. */
  acceptLabel: string
  /** URL path of the library's own script (none on the page without a library). */
  scriptPath: string
}

/** What the in-page probe recorded; times are `performance.now()` values (ms since navigation start). */
export interface ProbeRecord {
  /** `performance.mark` placed right before the library's script tag. */
  scriptStart: number
  /** The accept button first existed, was visible and enabled. */
  acceptReadyAt: number | null
  /** Two animation frames later: the button has been painted. */
  usableAt: number | null
  /** A first-layer dialog element was in the document at some point. */
  dialogAddedAt: number | null
  /** A first-layer dialog was visible at some point. */
  dialogVisibleAt: number | null
  /** The gated analytics script ran (it sets window.__gatedRanAt). */
  gatedRanAt: number | null
  layoutShift: number
  longTasks: number
  longTaskMs: number
}

const canonicalConfigPath = join(repo, "sdk", "examples", "shop.config.json")
const modules = join(repo, "node_modules")

const PURPOSES = {
  necessary: { zh: "必要功能", en: "Strictly necessary" },
  analytics: { zh: "统计分析", en: "Analytics" },
  personalization: { zh: "个性化推荐", en: "Personalized recommendations" },
  marketing: { zh: "营销推广", en: "Marketing" }
} as const

const GATED_MARK = "window.__gatedRanAt = performance.now()"

interface PageSpec extends Contender {
  /** Markup in <head> after the probe (stylesheets). */
  head: string
  /** Inline script before the start mark (configuration). */
  before: string
  /** Library script URL, and any attributes after it. */
  script: string
  /** Inline script after the library (initialisation), if any. */
  after: string
  /** The gated analytics script in this library's syntax. */
  gated: string
  /** Bodies of functions returning the first-layer dialog and its accept button, or null; none on the bare page. */
  finders: { dialog: string; accept: string } | null
  /** Files served for this library: URL path → file. */
  files: Record<string, string>
}

/** Watches for the dialog: only on pages that have one, so the page without a library carries none of its cost. */
function dialogWatch(finders: NonNullable<PageSpec["finders"]>): string {
  return `
  const findDialog = () => { ${finders.dialog} };
  const findAccept = () => { ${finders.accept} };
  const shown = (element) => !!element && element.isConnected && element.checkVisibility({ opacityProperty: true, visibilityProperty: true }) && element.getBoundingClientRect().width > 0;
  const check = () => {
    const dialog = findDialog();
    if (dialog && record.dialogAddedAt === null) record.dialogAddedAt = performance.now();
    if (record.dialogVisibleAt === null && shown(dialog)) record.dialogVisibleAt = performance.now();
    if (record.acceptReadyAt !== null) return;
    const button = findAccept();
    if (!shown(button) || button.disabled) return;
    record.acceptReadyAt = performance.now();
    requestAnimationFrame(() => requestAnimationFrame(() => { record.usableAt = performance.now(); }));
  };
  const options = { subtree: true, childList: true, attributes: true };
  // Mutations inside a shadow root do not reach an observer on the document, so each new shadow root is observed too.
  const observer = new MutationObserver((mutations) => {
    for (const mutation of mutations) for (const node of mutation.addedNodes) if (node.shadowRoot) observer.observe(node.shadowRoot, options);
    check();
  });
  observer.observe(document, options);
  // CSS transitions change visibility without mutations: also look once per frame until usable, for at most 15 s.
  const frame = () => { check(); if (record.usableAt === null && performance.now() < 15000) requestAnimationFrame(frame); };
  requestAnimationFrame(frame);`
}

function probe(spec: PageSpec): string {
  return `<script>
(() => {
  const record = window.__bench = { scriptStart: NaN, acceptReadyAt: null, usableAt: null, dialogAddedAt: null, dialogVisibleAt: null, gatedRanAt: null, layoutShift: 0, longTasks: 0, longTaskMs: 0 };
  Object.defineProperty(window, "__gatedRanAt", { set(value) { record.gatedRanAt = value; }, get() { return record.gatedRanAt; } });
  new PerformanceObserver((list) => { for (const entry of list.getEntries()) if (!entry.hadRecentInput) record.layoutShift += entry.value; }).observe({ type: "layout-shift", buffered: true });
  new PerformanceObserver((list) => { for (const entry of list.getEntries()) { record.longTasks += 1; record.longTaskMs += entry.duration; } }).observe({ type: "longtask", buffered: true });
  ${spec.finders ? dialogWatch(spec.finders) : ""}
})();
</script>`
}

/**
 * The shop's own stylesheet, the same on every page: a storefront always has one in <head>, and inline scripts wait
 * for it. Without it, the script-start mark on a page whose library brings no stylesheet ran ~3 ms before that
 * library's script could run (measured with an empty script: 3.3 ms without a stylesheet, 0.4 ms with one), a cost
 * of loading that the anchors' own stylesheets hid from their figures.
 */
const SHOP_STYLESHEET = `<link rel="stylesheet" href="/shop.css">`
const SHOP_CSS = "body{margin:0;font:16px/1.6 system-ui,sans-serif;color:#1f2328}header,main{padding:16px 24px}h1{font-size:24px}"

// The gated tag comes before the library, as a shop's analytics tags usually do, so every library finds it when it
// starts (vanilla-cookieconsent only manages the script tags present when run() is called).
function html(spec: PageSpec, gated: boolean, head: string): string {
  const init = spec.after ? `<script>${spec.after}</script>` : ""
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>示例商城</title>
${probe(spec)}
${SHOP_STYLESHEET}
${head}
</head><body>
<header><h1>示例商城 Example Mall</h1></header>
<main><p>跨境好物，正品保障。Cross-border goods, genuine and guaranteed.</p><ul><li>商品一</li><li>商品二</li><li>商品三</li></ul></main>
${gated ? spec.gated : ""}
<script>${spec.before}</script>
<script>window.__bench.scriptStart = performance.mark("bench:script-start").startTime</script>
${spec.script ? `<script src="${spec.script}"></script>` : ""}
${init}
</body></html>`
}

/** Zhiqing's pages that fetch their config, by name: from a data-config, and from one pinned by its hash. */
export const ZHIQING_DATA_CONFIG = "Zhiqing (data-config)"
export const ZHIQING_PINNED = "Zhiqing (data-config, pinned)"

/**
 * Zhiqing with its config inline (`window.zhiqingConfig`), fetched from `data-config`, or fetched from a `data-config`
 * pinned by `data-config-integrity` as the demo store does.
 */
function zhiqing(source: "inline" | "data-config" | "pinned"): PageSpec {
  const config = readFileSync(canonicalConfigPath, "utf8")
  const fetched = source !== "inline"
  const pin = source === "pinned" ? `" data-config-integrity="sha256-${createHash("sha256").update(config).digest("base64")}` : ""
  return {
    name: { inline: "Zhiqing", "data-config": ZHIQING_DATA_CONFIG, pinned: ZHIQING_PINNED }[source],
    path: `/zhiqing${fetched ? "-" + source : ""}.html`,
    acceptLabel: "同意",
    head: "",
    before: fetched ? "" : `window.zhiqingConfig = ${config}`,
    scriptPath: "/zhiqing.js",
    script: fetched ? `/zhiqing.js" data-config="/zhiqing.config.json${pin}` : "/zhiqing.js",
    after: "",
    gated: `<script type="text/plain" data-zhiqing="analytics">${GATED_MARK}</script>`,
    finders: {
      dialog: `return document.getElementById("zhiqing-root")?.shadowRoot?.querySelector("[role=dialog]") ?? null;`,
      accept: `const dialog = findDialog(); return dialog ? [...dialog.querySelectorAll("button")].find((b) => b.textContent.trim() === "同意") ?? null : null;`
    },
    files: { "/zhiqing.js": sdkBundle, "/zhiqing.config.json": canonicalConfigPath, ...Object.fromEntries(sdkChunks().map((file) => [`/${basename(file)}`, file])) }
  }
}

function cookieconsent(): PageSpec {
  const section = (id: keyof typeof PURPOSES, lang: "zh" | "en") => ({ title: PURPOSES[id][lang], description: PURPOSES[id][lang], linkedCategory: id })
  const texts = (lang: "zh" | "en") => ({
    consentModal: {
      title: lang === "zh" ? "我们重视您的隐私" : "We value your privacy",
      description: lang === "zh" ? "示例商城使用 Cookie 用于统计分析、个性化推荐和营销推广。" : "Example Mall uses cookies for analytics, recommendations and marketing.",
      acceptAllBtn: lang === "zh" ? "同意" : "Agree",
      acceptNecessaryBtn: lang === "zh" ? "不同意" : "Decline",
      showPreferencesBtn: lang === "zh" ? "设置" : "Settings"
    },
    preferencesModal: {
      title: lang === "zh" ? "隐私设置" : "Privacy settings",
      acceptAllBtn: lang === "zh" ? "全部同意" : "Accept all",
      acceptNecessaryBtn: lang === "zh" ? "全部拒绝" : "Reject all",
      savePreferencesBtn: lang === "zh" ? "保存" : "Save",
      sections: (Object.keys(PURPOSES) as (keyof typeof PURPOSES)[]).map((id) => section(id, lang))
    }
  })
  const config = {
    // Its default hides the dialog from automated browsers (navigator.webdriver), which this Chromium is.
    hideFromBots: false,
    categories: { necessary: { enabled: true, readOnly: true }, analytics: {}, personalization: {}, marketing: {} },
    language: { default: "zh", autoDetect: "browser", translations: { zh: texts("zh"), en: texts("en") } }
  }
  return {
    name: "vanilla-cookieconsent",
    path: "/cookieconsent.html",
    acceptLabel: "同意",
    head: `<link rel="stylesheet" href="/cookieconsent/cookieconsent.css">`,
    before: `window.ccConfig = ${JSON.stringify(config)}`,
    scriptPath: "/cookieconsent/cookieconsent.umd.js",
    script: "/cookieconsent/cookieconsent.umd.js",
    after: "CookieConsent.run(window.ccConfig)",
    gated: `<script type="text/plain" data-category="analytics">${GATED_MARK}</script>`,
    finders: {
      dialog: `return document.querySelector("#cc-main .cm");`,
      accept: `return document.querySelector("#cc-main .cm [data-role=all]");`
    },
    files: {
      "/cookieconsent/cookieconsent.umd.js": join(modules, "vanilla-cookieconsent", "dist", "cookieconsent.umd.js"),
      "/cookieconsent/cookieconsent.css": join(modules, "vanilla-cookieconsent", "dist", "cookieconsent.css")
    }
  }
}

function klaro(): PageSpec {
  const ids = Object.keys(PURPOSES) as (keyof typeof PURPOSES)[]
  const texts = (lang: "zh" | "en") => ({
    ok: lang === "zh" ? "同意" : "Agree",
    decline: lang === "zh" ? "不同意" : "Decline",
    consentNotice: { description: lang === "zh" ? "示例商城使用 {purposes}。" : "Example Mall uses {purposes}." },
    purposes: Object.fromEntries(ids.map((id) => [id, PURPOSES[id][lang]])),
    ...Object.fromEntries(ids.map((id) => [id, { description: PURPOSES[id][lang] }]))
  })
  const config = {
    elementID: "klaro",
    storageMethod: "cookie",
    mustConsent: false,
    acceptAll: true,
    hideDeclineAll: false,
    translations: { zh: texts("zh"), en: texts("en") },
    services: ids.map((id) => ({ name: id, title: PURPOSES[id].en, purposes: [id], required: id === "necessary" }))
  }
  return {
    name: "klaro",
    path: "/klaro.html",
    acceptLabel: "同意",
    head: `<link rel="stylesheet" href="/klaro/klaro.min.css">`,
    before: `window.klaroConfig = ${JSON.stringify(config)}`,
    scriptPath: "/klaro/klaro-no-css.js",
    script: "/klaro/klaro-no-css.js",
    after: "",
    gated: `<script type="text/plain" data-type="text/javascript" data-name="analytics">${GATED_MARK}</script>`,
    finders: {
      dialog: `return document.querySelector(".klaro .cookie-notice");`,
      accept: `return document.querySelector(".klaro .cookie-notice .cm-btn-success");`
    },
    files: {
      "/klaro/klaro-no-css.js": join(modules, "klaro", "dist", "klaro-no-css.js"),
      "/klaro/klaro.min.css": join(modules, "klaro", "dist", "klaro.min.css")
    }
  }
}

/** The same page with no consent library: what the page costs on its own. */
function baseline(): PageSpec {
  return {
    name: "no library",
    path: "/baseline.html",
    acceptLabel: "",
    scriptPath: "",
    head: "",
    before: "",
    script: "",
    after: "",
    gated: "",
    finders: null,
    files: {}
  }
}

/**
 * The three pages, Zhiqing first, the page without a library at `baselinePath`, and a handler that serves them
 * (gated variants at `?gated`). Pages are never cached; scripts and stylesheets are, for an hour, with
 * `cacheAssets`, as a shop's are on a shopper's second page view. With `sameStylesheets`, every page carries every
 * library's stylesheet, so that the pages differ only in the library's script and its config.
 */
export function consentPages(options: { cacheAssets?: boolean; sameStylesheets?: boolean } = {}): { contenders: Contender[]; baselinePath: string; handle(req: IncomingMessage, res: ServerResponse): void } {
  const specs = [zhiqing("inline"), cookieconsent(), klaro(), zhiqing("data-config"), zhiqing("pinned")]
  const allStylesheets = [...new Set(specs.map((spec) => spec.head).filter(Boolean))].join("\n")
  const served = [...specs, baseline()]
  const files = new Map(specs.flatMap((spec) => Object.entries(spec.files)))
  return {
    contenders: specs.map(({ name, path, acceptLabel, scriptPath }) => ({ name, path, acceptLabel, scriptPath })),
    baselinePath: baseline().path,
    handle(req, res) {
      const url = new URL(req.url ?? "/", "http://bench")
      const spec = served.find((candidate) => candidate.path === url.pathname)
      if (spec) return send(res, 200, html(spec, url.searchParams.has("gated"), options.sameStylesheets ? allStylesheets : spec.head), "text/html; charset=utf-8")
      const assetCache = options.cacheAssets ? "max-age=3600" : undefined
      if (url.pathname === "/shop.css") return send(res, 200, SHOP_CSS, "text/css; charset=utf-8", assetCache)
      const file = files.get(url.pathname)
      if (file) return sendFile(res, file, assetCache)
      // Zhiqing sends its receipt to the config's sync endpoint; the ledger has its own benchmark.
      if (req.method === "POST" && url.pathname === "/api/consent") {
        req.resume()
        return send(res, 201, "{}", "application/json")
      }
      if (url.pathname === "/favicon.ico") return send(res, 204, "")
      send(res, 404, "not found")
    }
  }
}

/** Wait until the page's probe saw the accept button usable, or the gated script run. */
export async function waitForProbe(page: Page, event: "usable" | "gated", timeoutMs: number): Promise<void> {
  const key: keyof ProbeRecord = event === "usable" ? "usableAt" : "gatedRanAt"
  // One call that waits in the page: polling from here would add a round trip, and main-thread time, every 50 ms.
  const seen = await page.evaluate(
    ({ name, timeout }) =>
      new Promise<boolean>((done) => {
        const until = performance.now() + timeout
        const timer = setInterval(() => {
          const seen = (window as unknown as { __bench: ProbeRecord }).__bench[name] !== null
          if (!seen && performance.now() < until) return
          clearInterval(timer)
          done(seen)
        }, 20)
      }),
    { name: key, timeout: timeoutMs }
  )
  if (!seen) throw new Error(`${page.url()}: the probe saw no ${event === "usable" ? "usable dialog" : "gated script run"} within ${timeoutMs} ms`)
}

/** When the page finished downloading the library's script (Resource Timing responseEnd, ms since navigation start). */
export async function scriptArrivedAt(page: Page, contender: Contender): Promise<number> {
  const at = await page.evaluate(
    (path) => (performance.getEntriesByType("resource") as PerformanceResourceTiming[]).find((entry) => new URL(entry.name).pathname === path)?.responseEnd,
    contender.scriptPath
  )
  if (at === undefined) throw new Error(`${page.url()}: no resource timing for ${contender.scriptPath}`)
  return at
}

/** What the page's probe recorded so far. */
export function readProbe(page: Page): Promise<ProbeRecord> {
  return page.evaluate(() => (window as unknown as { __bench: ProbeRecord }).__bench)
}
