/**
 * Recognising a catalog vendor: by an endpoint on a named domain, by host (on label boundaries, the most specific
 * domain winning), then by endpoint path on any host (a shop may proxy or self-host a collector), by cookie name and
 * by script global.
 */
import type { TrackerInfo } from "../report"
import { registrableDomain } from "../domains"
import { VENDORS, type Vendor } from "./catalog"

const byId = new Map(VENDORS.map((vendor) => [vendor.id, vendor]))

/** Each registrable domain the catalog's hosts sit under, with its companies' country; "" where they differ. */
const countryByParent = new Map<string, string>()
for (const vendor of VENDORS) {
  for (const domain of vendor.domains) {
    const parent = registrableDomain(domain)
    const known = countryByParent.get(parent)
    countryByParent.set(parent, known === undefined || known === vendor.country ? vendor.country : "")
  }
}

/** Local aliases of real hosts (`hm.baidu.com.localhost`), which the demo store uses, name the real host. */
const LOCAL_ALIAS = /\.localhost\.?$/

function hostName(host: string): string {
  return host.toLowerCase().replace(/\.$/, "").replace(LOCAL_ALIAS, "")
}

/** `host`, then each parent domain in turn: `a.b.c` → `a.b.c`, `b.c`, `c`. */
function* selfAndParents(host: string): Generator<string> {
  for (let at = 0; at >= 0; at = host.indexOf(".", at) + 1 || -1) yield host.slice(at)
}

/** The entry for `host` or its nearest parent domain: the most specific wins, in as many lookups as labels. */
function nearest<T>(map: ReadonlyMap<string, T>, host: string): T | undefined {
  for (const name of selfAndParents(host)) {
    const hit = map.get(name)
    if (hit !== undefined) return hit
  }
  return undefined
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key)
  if (list) list.push(value)
  else map.set(key, [value])
}

interface PathRule {
  vendor: Vendor
  path: string
  prefix: boolean
  query?: string
}

/**
 * Matching runs for every request the inspected page makes, so the catalog is indexed once: vendors by domain,
 * path rules by domain and by exact path, cookie names by exact name, globals by name.
 */
const byDomain = new Map<string, Vendor>()
/** Rules written with a domain ("facebook.com/tr"): they hold on that domain and its subdomains. */
const domainPathRules = new Map<string, PathRule[]>()
const exactPathRules = new Map<string, PathRule[]>()
const prefixPathRules: PathRule[] = []
const cookieNames = new Map<string, Vendor>()
const cookiePatterns: Array<{ vendor: Vendor; pattern: RegExp }> = []
const byGlobal = new Map<string, Vendor>()

function wildcard(pattern: string): RegExp {
  return new RegExp(`^${pattern.split("*").map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&")).join(".*")}$`)
}

for (const vendor of VENDORS) {
  for (const domain of vendor.domains) byDomain.set(domain, vendor)
  for (const pattern of vendor.paths ?? []) {
    const slash = pattern.indexOf("/")
    const [path = "/", query] = pattern.slice(Math.max(slash, 0)).split("?")
    const rule: PathRule = { vendor, path, prefix: path.endsWith("/"), query }
    if (slash > 0) push(domainPathRules, pattern.slice(0, slash), rule)
    else if (rule.prefix) prefixPathRules.push(rule)
    else push(exactPathRules, path, rule)
  }
  for (const cookie of vendor.cookies ?? []) {
    if (cookie.includes("*")) cookiePatterns.push({ vendor, pattern: wildcard(cookie) })
    else cookieNames.set(cookie, vendor)
  }
  for (const name of vendor.globals ?? []) byGlobal.set(name, vendor)
}

function ruleHolds(rule: PathRule, url: URL): boolean {
  return (rule.prefix ? url.pathname.startsWith(rule.path) : url.pathname === rule.path) && (!rule.query || url.searchParams.has(rule.query))
}

/** The vendor with this catalog id. */
export function vendorById(id: string): Vendor | undefined {
  return byId.get(id)
}

/** The vendor serving `host`; when several domains match, the longest (most specific) wins. */
export function vendorForHost(host: string): Vendor | undefined {
  return nearest(byDomain, hostName(host))
}

/** How a request's vendor was recognised. */
export interface VendorMatch {
  vendor: Vendor
  /** "host": the request goes to the vendor's own servers; "path": a vendor endpoint on some other host. */
  by: "host" | "path"
}

/**
 * The vendor a request goes to: by an endpoint on a named domain ("g.alicdn.com/AWSC/" is a CAPTCHA on a CDN),
 * else by its host, else by an endpoint path on any host.
 */
export function vendorForUrl(url: string | URL): VendorMatch | undefined {
  let parsed: URL
  try {
    parsed = typeof url === "string" ? new URL(url) : url
  } catch {
    return undefined
  }
  const host = hostName(parsed.hostname)
  for (const name of selfAndParents(host)) {
    const rule = domainPathRules.get(name)?.find((candidate) => ruleHolds(candidate, parsed))
    // A path on the vendor's own domain is the vendor's server, as a host match is.
    if (rule) return { vendor: rule.vendor, by: "host" }
  }
  const byHost = nearest(byDomain, host)
  if (byHost) return { vendor: byHost, by: "host" }
  const rule = exactPathRules.get(parsed.pathname)?.find((candidate) => ruleHolds(candidate, parsed)) ?? prefixPathRules.find((candidate) => ruleHolds(candidate, parsed))
  return rule && { vendor: rule.vendor, by: "path" }
}

/** The vendor whose cookie this name is. */
export function vendorForCookie(name: string): Vendor | undefined {
  return cookieNames.get(name) ?? cookiePatterns.find((rule) => rule.pattern.test(name))?.vendor
}

/** The vendor whose script defines this `window` global. */
export function vendorForGlobal(name: string): Vendor | undefined {
  return byGlobal.get(name)
}

/**
 * The country of the catalog's companies under the registrable domain of `host`, when they agree: `www.baidu.com`
 * is no catalog host, but `baidu.com` is where Baidu's catalog services live.
 */
export function parentDomainCountry(host: string): { domain: string; country: string } | undefined {
  const domain = registrableDomain(hostName(host))
  const country = countryByParent.get(domain)
  return country ? { domain, country } : undefined
}

/** What a report says about a vendor. */
export function trackerInfo(vendor: Vendor): TrackerInfo {
  return { id: vendor.id, company: vendor.company, category: vendor.category, country: vendor.country }
}
