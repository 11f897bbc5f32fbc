/**
 * The third parties the demo store carries, by the vendor ids the extension's catalog uses, and how their
 * hostnames reach this one server. Under tests the real hostnames are mapped to loopback by Chromium's
 * `--host-resolver-rules`; for a person's own browser every vendor host gets a `.localhost` suffix, which
 * browsers resolve to loopback, so the demo never contacts a real third party.
 */
import type { Locale } from "@zhiqing/sdk/schema"

export type VendorId = "baidu-tongji" | "ocean-engine" | "sensors-data" | "google-analytics" | "hotjar" | "alicdn" | "meta-pixel"

export interface Vendor {
  id: VendorId
  name: Record<Locale, string>
  /** ISO 3166-1 alpha-2 country or region where the vendor receives the data. */
  country: string
  /** Hostnames the vendor serves; a leading `*.` matches any subdomain. */
  hosts: readonly string[]
}

export const VENDORS: readonly Vendor[] = [
  { id: "baidu-tongji", name: { "zh-CN": "百度统计", en: "Baidu Tongji" }, country: "CN", hosts: ["hm.baidu.com"] },
  { id: "ocean-engine", name: { "zh-CN": "巨量引擎", en: "Ocean Engine" }, country: "CN", hosts: ["analytics.oceanengine.com"] },
  {
    id: "sensors-data",
    name: { "zh-CN": "神策数据", en: "Sensors Data" },
    country: "CN",
    hosts: ["static.sensorsdata.cn", "*.datasink.sensorsdata.cn"]
  },
  {
    id: "google-analytics",
    name: { "zh-CN": "谷歌分析", en: "Google Analytics" },
    country: "US",
    hosts: ["www.googletagmanager.com", "www.google-analytics.com"]
  },
  { id: "hotjar", name: { "zh-CN": "Hotjar 会话录制", en: "Hotjar session recording" }, country: "MT", hosts: ["static.hotjar.com", "in.hotjar.com"] },
  { id: "alicdn", name: { "zh-CN": "阿里云 CDN", en: "Alibaba Cloud CDN" }, country: "CN", hosts: ["img.alicdn.com"] },
  { id: "meta-pixel", name: { "zh-CN": "Meta 像素", en: "Meta Pixel" }, country: "US", hosts: ["connect.facebook.net", "www.facebook.com"] }
]

/** How pages name third-party hosts: the real hostnames (tests) or `<host>.localhost:<port>` (a person's browser). */
export type TrackerHosts = "real" | "localhost"

/** The ids each tracker is configured with on the demo store, as a merchant's account would issue them. */
export const TRACKER_IDS = {
  baiduSiteId: "6a2f1c7e0b9d4e3f8a5c2b1d0e9f8a7b",
  oceanEngineAdvertiserId: "1789012345678901",
  sensorsProject: "zhixuan",
  gaMeasurementId: "G-ZX7Q2D4K9P",
  hotjarSiteId: "3861742",
  metaPixelId: "918273645501928"
} as const

const LOCALHOST_SUFFIX = ".localhost"

/** A Host header without its port, lowercased and without a trailing `.localhost`: the name to dispatch on. */
export function dispatchHostname(hostHeader: string | undefined): string {
  const hostname = (hostHeader ?? "").trim().toLowerCase().replace(/:\d+$/, "").replace(/\.$/, "")
  return hostname.endsWith(LOCALHOST_SUFFIX) ? hostname.slice(0, -LOCALHOST_SUFFIX.length) : hostname
}

function hostMatches(pattern: string, hostname: string): boolean {
  if (pattern.startsWith("*.")) {
    const suffix = pattern.slice(1)
    return hostname.endsWith(suffix) && hostname.length > suffix.length
  }
  return pattern === hostname
}

/** The vendor serving a hostname (already passed through {@link dispatchHostname}), or undefined for the shop. */
export function vendorForHost(hostname: string): Vendor | undefined {
  return VENDORS.find((vendor) => vendor.hosts.some((pattern) => hostMatches(pattern, hostname)))
}

/** The vendor with this id; the table above is the only place ids are defined. */
export function vendorById(id: string): Vendor | undefined {
  return VENDORS.find((vendor) => vendor.id === id)
}

/**
 * The origin pages use for a vendor host: `http://hm.baidu.com` with real hosts, or
 * `http://hm.baidu.com.localhost:4173` with the port of the request that is being answered.
 */
export function vendorOrigin(vendorHost: string, mode: TrackerHosts, requestHostHeader: string | undefined): string {
  if (mode === "real") return `http://${vendorHost}`
  const port = /:(\d+)$/.exec((requestHostHeader ?? "").trim())?.[1]
  return `http://${vendorHost}${LOCALHOST_SUFFIX}${port ? `:${port}` : ""}`
}
