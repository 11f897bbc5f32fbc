/**
 * Real analytics SDKs from npm (root devDependencies), served by the e2e server on their vendors' CDN hostnames at
 * /__sdk/<id>.js, and their collectors answered on loopback with what each SDK expects. Each package is bundled
 * once per worker with esbuild into a script that sets the global its CDN snippet would.
 */
import type { IncomingMessage, ServerResponse } from "node:http"
import { build } from "esbuild"

/** One SDK: how it is bundled, where its script is served from and which hosts receive its data. */
export interface RealSdk {
  id: string
  /** The npm package and version tried. */
  package: string
  /** The module that loads the package and sets its global. */
  entry: string
  /** Where the page loads the script from. */
  scriptUrl: string
  /** The hosts its data goes to. */
  collects: RegExp
}

export const REAL_SDKS: readonly RealSdk[] = [
  {
    id: "sensors",
    package: "sa-sdk-javascript",
    entry: `import sensors from "sa-sdk-javascript"; window.sensors = sensors`,
    scriptUrl: "https://static.sensorsdata.cn/__sdk/sensors.js",
    collects: /^shop\.datasink\.sensorsdata\.cn$/
  },
  {
    id: "datarangers",
    package: "@datarangers/sdk-javascript",
    // The CDN build exposes window.collectEvent; the package is CommonJS only and exports the instance.
    entry: `import sdk from "@datarangers/sdk-javascript"; window.collectEvent = (method, ...args) => sdk[method](...args)`,
    scriptUrl: "https://lf3-data.volccdn.com/__sdk/datarangers.js",
    collects: /^mcs\.volceapplog\.com$/
  },
  {
    id: "mixpanel",
    package: "mixpanel-browser",
    entry: `import mixpanel from "mixpanel-browser"; window.mixpanel = mixpanel`,
    scriptUrl: "https://cdn.mxpnl.com/__sdk/mixpanel.js",
    collects: /^api-js\.mixpanel\.com$/
  },
  {
    id: "posthog",
    package: "posthog-js",
    entry: `import posthog from "posthog-js"; window.posthog = posthog`,
    scriptUrl: "https://us-assets.i.posthog.com/__sdk/posthog.js",
    collects: /^us\.i\.posthog\.com$/
  },
  {
    id: "aliyun-sls",
    package: "@aliyun-sls/web-track-browser",
    entry: `import SlsTracker from "@aliyun-sls/web-track-browser"; window.SlsTracker = SlsTracker`,
    scriptUrl: "https://g.alicdn.com/__sdk/aliyun-sls.js",
    collects: /^checkout-shop\.cn-hangzhou\.log\.aliyuncs\.com$/
  },
  {
    id: "segment",
    package: "@segment/analytics-next",
    entry: `import { AnalyticsBrowser } from "@segment/analytics-next"; window.AnalyticsBrowser = AnalyticsBrowser`,
    scriptUrl: "https://cdn.segment.com/__sdk/segment.js",
    collects: /^api\.segment\.io$/
  },
  {
    id: "amplitude",
    package: "@amplitude/analytics-browser",
    entry: `import * as amplitude from "@amplitude/analytics-browser"; window.amplitude = amplitude`,
    scriptUrl: "https://cdn.amplitude.com/__sdk/amplitude.js",
    collects: /^api2\.amplitude\.com$/
  },
  {
    id: "rrweb",
    package: "rrweb",
    entry: `import { record } from "rrweb"; window.rrwebRecord = record`,
    scriptUrl: "https://cdn.jsdelivr.net/__sdk/rrweb.js",
    // rrweb records; the page uploads its events as a replay service's snippet would.
    collects: /^replay\.rrweb-cloud\.example$/
  }
]

let bundles: Promise<Map<string, string>> | undefined

function bundled(): Promise<Map<string, string>> {
  bundles ??= Promise.all(
    REAL_SDKS.map(async (sdk) => {
      const result = await build({ stdin: { contents: sdk.entry, resolveDir: process.cwd(), loader: "js" }, bundle: true, format: "iife", platform: "browser", write: false, logLevel: "silent" })
      return [sdk.id, result.outputFiles[0]!.text] as const
    })
  ).then((list) => new Map(list))
  return bundles
}

/** A 1×1 transparent GIF, what pixel collectors answer. */
const PIXEL = Buffer.from("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7", "base64")

/** PostHog's remote config: no feature flags, no recordings, and gzip-js accepted, so its events travel gzipped. */
const POSTHOG_CONFIG = { supportedCompression: ["gzip-js", "gzip"], featureFlags: {}, featureFlagPayloads: {}, sessionRecording: false, autocapture_opt_out: true, siteApps: [], errorsWhileComputingFlags: false }

function answer(req: IncomingMessage, res: ServerResponse, status: number, type: string, body: string | Buffer): void {
  const origin = req.headers.origin
  res.writeHead(status, {
    "content-type": type,
    "cache-control": "no-store",
    ...(origin ? { "access-control-allow-origin": origin, "access-control-allow-credentials": "true" } : {}),
    "access-control-allow-headers": req.headers["access-control-request-headers"] ?? "*",
    "access-control-allow-methods": "GET, POST, OPTIONS"
  })
  res.end(body)
}

function json(req: IncomingMessage, res: ServerResponse, value: unknown): void {
  answer(req, res, 200, "application/json", JSON.stringify(value))
}

/** What each collector answers, by host and path. */
function collectorAnswer(req: IncomingMessage, res: ServerResponse, host: string, path: string): boolean {
  // Exact hosts only: the demo store imitates Sensors Data on other sensorsdata.cn hosts.
  if (host === "shop.datasink.sensorsdata.cn") return answer(req, res, 200, "image/gif", PIXEL), true
  if (host === "mcs.volceapplog.com") return json(req, res, path.startsWith("/webid") ? { e: 0, web_id: "7311111111111111111" } : { e: 0 }), true
  if (host === "api-js.mixpanel.com") return json(req, res, { status: 1, error: null }), true
  if (host === "us.i.posthog.com" || host === "us-assets.i.posthog.com") {
    const token = /^\/array\/([^/]+)\/config\.js$/.exec(path)?.[1]
    // The script form of the remote config sets a global keyed by the project token.
    if (token) return answer(req, res, 200, "text/javascript", `(window._POSTHOG_REMOTE_CONFIG ||= {})[${JSON.stringify(token)}] = { config: ${JSON.stringify(POSTHOG_CONFIG)}, siteApps: [] }`), true
    if (/\/(flags|decide)\/?$/.test(path) || /\/config$/.test(path)) return json(req, res, { ...POSTHOG_CONFIG, config: { enable_collect_everything: false } }), true
    return json(req, res, { status: 1 }), true
  }
  if (host === "checkout-shop.cn-hangzhou.log.aliyuncs.com") return answer(req, res, 200, "text/plain", ""), true
  if (host === "cdn.segment.com") return json(req, res, { integrations: { "Segment.io": { apiKey: "checkout-write-key" } }, plan: {} }), true
  if (host === "api.segment.io") return json(req, res, { success: true }), true
  if (host === "api2.amplitude.com") return json(req, res, { code: 200, events_ingested: 1, payload_size_bytes: 1, server_upload_time: Date.now() }), true
  if (host === "replay.rrweb-cloud.example") return json(req, res, { ok: true }), true
  return false
}

/** Serve an SDK's script or answer its collector; false when the request is for neither. */
export function serveRealSdk(req: IncomingMessage, res: ServerResponse): boolean {
  const host = (req.headers.host ?? "").split(":")[0]!
  const path = new URL(req.url ?? "/", "http://x").pathname
  const script = /^\/__sdk\/([a-z-]+)\.js$/.exec(path)?.[1]
  if (script && REAL_SDKS.some((sdk) => sdk.id === script)) {
    bundled().then(
      (scripts) => answer(req, res, 200, "text/javascript; charset=utf-8", scripts.get(script)!),
      (error: Error) => answer(req, res, 500, "text/plain", `bundling ${script} failed: ${error.message}`)
    )
    return true
  }
  return collectorAnswer(req, res, host, path)
}
