/**
 * The tracker vendors' endpoints, imitated: each script is a small plain-JS file in public/trackers/ that behaves
 * like the vendor's own (cookies, pixels, beacons, JSON payloads), and each collector answers at once with an
 * empty 200/204 and forgets what it was sent. Nothing here ever reaches a real third party.
 */
import { readFileSync } from "node:fs"
import type { IncomingMessage, ServerResponse } from "node:http"
import { join } from "node:path"
import { productById } from "./catalog"
import { CONTENT_TYPES, drain, send } from "./http"
import { productSvg } from "./images"
import { vendorOrigin, type Vendor } from "./vendors"

/** The smallest transparent GIF, as pixels return. */
const PIXEL = Buffer.from("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7", "base64")

/** A fixed, made-up account id: the imitation needs the cookie to exist, not to identify anyone. */
const HMACCOUNT = "0A1B2C3D4E5F6071"

const SCRIPT_FILES = {
  baidu: "hm.js",
  oceanEngine: "ocean-conversion.js",
  sensors: "sensorsdata.js",
  gtag: "gtag.js",
  hotjar: "hotjar.js",
  meta: "fbevents.js"
} as const

type ScriptName = keyof typeof SCRIPT_FILES

export type TrackerScripts = Record<ScriptName, string>

/** Read the tracker scripts once, at start-up. */
export function loadTrackerScripts(publicDir: string): TrackerScripts {
  const scripts = {} as TrackerScripts
  for (const [name, file] of Object.entries(SCRIPT_FILES) as Array<[ScriptName, string]>) {
    scripts[name] = readFileSync(join(publicDir, "trackers", file), "utf8")
  }
  return scripts
}

/** Whichever way this request named its host (real or `.localhost`), name the collector host the same way. */
function collectorOrigin(collectorHost: string, req: IncomingMessage): string {
  const hostHeader = req.headers.host ?? ""
  const viaLocalhost = /\.localhost(:\d+)?$/i.test(hostHeader.trim())
  return vendorOrigin(collectorHost, viaLocalhost ? "localhost" : "real", hostHeader)
}

function corsHeaders(req: IncomingMessage): Record<string, string> {
  const origin = req.headers.origin
  return origin
    ? { "access-control-allow-origin": origin, "access-control-allow-credentials": "true", "access-control-allow-headers": "content-type", vary: "Origin" }
    : { "access-control-allow-origin": "*" }
}

function script(res: ServerResponse, source: string, replacements: Record<string, string>): void {
  let body = source
  for (const [token, value] of Object.entries(replacements)) body = body.replaceAll(token, JSON.stringify(value))
  send(res, 200, CONTENT_TYPES.js, body, { "cache-control": "no-cache" })
}

async function pixel(req: IncomingMessage, res: ServerResponse, headers: Record<string, string | string[]> = {}): Promise<void> {
  await drain(req)
  send(res, 200, CONTENT_TYPES.gif, PIXEL, { ...corsHeaders(req), "cache-control": "no-store", ...headers })
}

async function noContent(req: IncomingMessage, res: ServerResponse): Promise<void> {
  await drain(req)
  res.writeHead(204, { ...corsHeaders(req), "cache-control": "no-store" })
  res.end()
}

function notFound(res: ServerResponse): void {
  send(res, 404, CONTENT_TYPES.text, "not found")
}

/** Ids arrive in query strings; only plain ones are echoed into scripts. */
function plainId(value: string | null | undefined): string {
  return /^[A-Za-z0-9_-]{1,64}$/.test(value ?? "") ? (value as string) : ""
}

/** Answer one request addressed to a tracker vendor's host. */
export async function handleTrackerRequest(vendor: Vendor, hostname: string, req: IncomingMessage, res: ServerResponse, scripts: TrackerScripts): Promise<void> {
  const url = new URL(req.url ?? "/", "http://tracker.invalid")
  const path = url.pathname
  const method = req.method ?? "GET"
  if (method === "OPTIONS") {
    res.writeHead(204, { ...corsHeaders(req), "access-control-allow-methods": "GET, POST", "access-control-max-age": "600" })
    res.end()
    return
  }
  switch (vendor.id) {
    case "baidu-tongji":
      if (path === "/hm.js") return script(res, scripts.baidu, { __SITE_ID__: plainId(url.search.slice(1)), __COLLECTOR__: collectorOrigin("hm.baidu.com", req) })
      // hm.baidu.com keeps its own account cookie on every pixel, as the real collector does.
      if (path === "/hm.gif") return pixel(req, res, { "set-cookie": `HMACCOUNT=${HMACCOUNT}; Path=/; Max-Age=33696000` })
      return notFound(res)
    case "ocean-engine":
      if (path === "/api/v2/js/conversion.js") return script(res, scripts.oceanEngine, { __COLLECTOR__: collectorOrigin("analytics.oceanengine.com", req) })
      if (path === "/api/v2/pixel") return pixel(req, res)
      return notFound(res)
    case "sensors-data":
      if (hostname === "static.sensorsdata.cn" && /^\/sdk\/[\d.]+\/sensorsdata\.min\.js$/.test(path)) return script(res, scripts.sensors, {})
      if (hostname !== "static.sensorsdata.cn" && (path === "/sa" || path === "/sa.gif")) return pixel(req, res)
      return notFound(res)
    case "google-analytics":
      if (hostname === "www.googletagmanager.com" && path === "/gtag/js") {
        return script(res, scripts.gtag, { __MEASUREMENT_ID__: plainId(url.searchParams.get("id")), __COLLECTOR__: collectorOrigin("www.google-analytics.com", req) })
      }
      if (hostname === "www.google-analytics.com" && path === "/g/collect") return noContent(req, res)
      return notFound(res)
    case "hotjar": {
      const site = /^\/c\/hotjar-(\d{1,12})\.js$/.exec(path)?.[1]
      if (hostname === "static.hotjar.com" && site) return script(res, scripts.hotjar, { __SITE_ID__: site, __COLLECTOR__: collectorOrigin("in.hotjar.com", req) })
      if (hostname === "in.hotjar.com" && path.startsWith("/api/v2/client/sites/")) return noContent(req, res)
      return notFound(res)
    }
    case "alicdn": {
      const product = productById(/^\/imgextra\/zhixuan\/([a-z0-9-]+)\.svg$/.exec(path)?.[1] ?? "")
      if (!product) return notFound(res)
      return send(res, 200, CONTENT_TYPES.svg, productSvg(product), { "cache-control": "public, max-age=86400", "access-control-allow-origin": "*" })
    }
    case "meta-pixel":
      if (hostname === "connect.facebook.net" && path === "/en_US/fbevents.js") return script(res, scripts.meta, { __COLLECTOR__: collectorOrigin("www.facebook.com", req) })
      if (hostname === "www.facebook.com" && path === "/tr") return pixel(req, res)
      return notFound(res)
  }
}
