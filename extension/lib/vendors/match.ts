/**
 * Recognising a catalog vendor: by host (on label boundaries, the most specific domain winning), then by endpoint
 * path on any host (a shop may proxy or self-host a collector), by cookie name and by script global.
 */
import type { TrackerInfo } from "../report"
import { VENDORS, type Vendor } from "./catalog"

const byId = new Map(VENDORS.map((vendor) => [vendor.id, vendor]))

/** Local aliases of real hosts (`hm.baidu.com.localhost`), which the demo store uses, name the real host. */
const LOCAL_ALIAS = /\.localhost\.?$/

function hostName(host: string): string {
  return host.toLowerCase().replace(/\.$/, "").replace(LOCAL_ALIAS, "")
}

/** `host` is `domain` or one of its subdomains. */
export function onDomain(host: string, domain: string): boolean {
  return host === domain || (host.endsWith(domain) && host.charCodeAt(host.length - domain.length - 1) === 46)
}

interface PathRule {
  vendor: Vendor
  domain?: string
  path: string
  prefix: boolean
  query?: string
}

function pathRule(vendor: Vendor, pattern: string): PathRule {
  const slash = pattern.indexOf("/")
  const domain = slash > 0 ? pattern.slice(0, slash) : undefined
  const [path = "/", query] = pattern.slice(Math.max(slash, 0)).split("?")
  return { vendor, domain, path, prefix: path.endsWith("/"), query }
}

/** Domain-qualified rules first: they are the more specific. */
const PATH_RULES = VENDORS.flatMap((vendor) => (vendor.paths ?? []).map((pattern) => pathRule(vendor, pattern))).sort(
  (a, b) => Number(Boolean(b.domain)) - Number(Boolean(a.domain))
)

function wildcard(pattern: string): RegExp {
  return new RegExp(`^${pattern.split("*").map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&")).join(".*")}$`)
}

const COOKIE_RULES = VENDORS.flatMap((vendor) => (vendor.cookies ?? []).map((pattern) => ({ vendor, pattern: wildcard(pattern) })))

/** The vendor with this catalog id. */
export function vendorById(id: string): Vendor | undefined {
  return byId.get(id)
}

/** The vendor serving `host`; when several domains match, the longest (most specific) wins. */
export function vendorForHost(host: string): Vendor | undefined {
  const name = hostName(host)
  let best: Vendor | undefined
  let bestLength = 0
  for (const vendor of VENDORS) {
    for (const domain of vendor.domains) {
      if (domain.length > bestLength && onDomain(name, domain)) {
        best = vendor
        bestLength = domain.length
      }
    }
  }
  return best
}

/** How a request's vendor was recognised. */
export interface VendorMatch {
  vendor: Vendor
  /** "host": the request goes to the vendor's own servers; "path": a vendor endpoint on some other host. */
  by: "host" | "path"
}

/** The vendor a request goes to: by its host, else by an endpoint path on any host. */
export function vendorForUrl(url: string | URL): VendorMatch | undefined {
  let parsed: URL
  try {
    parsed = typeof url === "string" ? new URL(url) : url
  } catch {
    return undefined
  }
  const byHost = vendorForHost(parsed.hostname)
  if (byHost) return { vendor: byHost, by: "host" }
  const host = hostName(parsed.hostname)
  const rule = PATH_RULES.find(
    (candidate) =>
      (!candidate.domain || onDomain(host, candidate.domain)) &&
      (candidate.prefix ? parsed.pathname.startsWith(candidate.path) : parsed.pathname === candidate.path) &&
      (!candidate.query || parsed.searchParams.has(candidate.query))
  )
  // A path on the vendor's own domain ("facebook.com/tr") is the vendor's server, as a host match is.
  return rule && { vendor: rule.vendor, by: rule.domain ? "host" : "path" }
}

/** The vendor whose cookie this name is. */
export function vendorForCookie(name: string): Vendor | undefined {
  return COOKIE_RULES.find((rule) => rule.pattern.test(name))?.vendor
}

/** The vendor whose script defines this `window` global. */
export function vendorForGlobal(name: string): Vendor | undefined {
  return VENDORS.find((vendor) => vendor.globals?.includes(name))
}

/** What a report says about a vendor. */
export function trackerInfo(vendor: Vendor): TrackerInfo {
  return { id: vendor.id, company: vendor.company, category: vendor.category, country: vendor.country }
}
