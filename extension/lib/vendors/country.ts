/**
 * Where a request's data ends up, for PIPL-39, and how sure that is. In order of evidence:
 * - known: the catalog vendor's country, or the cloud region a catalog cloud host names (`ap-southeast-1`);
 * - likely: a catalog company owns the host's parent domain, or the host's country-code top-level domain names a
 *   country (ccTLDs sold for any use, .io .co .ai .me .tv and the like, say nothing);
 * - unknown: anything else. The server IP is no help: Zhiqing carries no IP-to-country table (those that exist are
 *   databases of megabytes under their own licences), and loopback or private addresses (a proxy, a test set-up)
 *   say nothing at all. An unknown destination is never taken to be in mainland China.
 * Hong Kong, Macao and Taiwan are outside mainland China for cross-border rules.
 */
import type { CrossBorderBasis } from "../report"
import type { CloudRegions, Vendor } from "./catalog"
import { ISO_COUNTRY_CODES } from "./iso-countries"
import { parentDomainCountry } from "./match"

/** Country-code TLDs that registries sell for any use, so they tell nothing of where a service is. */
const GENERIC_CCTLDS = new Set(["ac", "ai", "am", "cc", "cd", "cf", "co", "cx", "fm", "ga", "gg", "gq", "im", "io", "la", "ly", "me", "ml", "ms", "nu", "so", "sh", "st", "tk", "to", "tv", "vc", "ws"])

/** TLDs whose code is not the ISO one: .uk, and internationalised ccTLDs of Greater China and Russia. */
const OTHER_TLDS: Record<string, string> = {
  uk: "GB",
  "xn--fiqs8s": "CN",
  "xn--fiqz9s": "CN",
  "xn--j6w193g": "HK",
  "xn--mix891f": "MO",
  "xn--kprw13d": "TW",
  "xn--kpry57d": "TW",
  "xn--p1ai": "RU"
}

/** The country a host's top-level domain names, or undefined for generic ones (.com, .io) and local names. */
export function countryForHost(host: string): string | undefined {
  const name = host.toLowerCase().replace(/\.$/, "")
  if (name === "localhost" || name.endsWith(".localhost")) return undefined
  const tld = name.slice(name.lastIndexOf(".") + 1)
  if (OTHER_TLDS[tld]) return OTHER_TLDS[tld]
  const code = tld.toUpperCase()
  return tld.length === 2 && !GENERIC_CCTLDS.has(tld) && ISO_COUNTRY_CODES.has(code) ? code : undefined
}

/** Region ids in hostnames of each cloud, with their country; ids of mainland regions are matched by prefix. */
const CLOUD_REGIONS: Record<CloudRegions, { mainland: RegExp; regions: Record<string, string> }> = {
  aliyun: {
    mainland: /^cn-(?!hongkong)[a-z]+$/,
    regions: {
      "cn-hongkong": "HK",
      "ap-southeast-1": "SG",
      "ap-southeast-2": "AU",
      "ap-southeast-3": "MY",
      "ap-southeast-5": "ID",
      "ap-southeast-6": "PH",
      "ap-southeast-7": "TH",
      "ap-northeast-1": "JP",
      "ap-northeast-2": "KR",
      "ap-south-1": "IN",
      "us-west-1": "US",
      "us-east-1": "US",
      "eu-central-1": "DE",
      "eu-west-1": "GB",
      "me-east-1": "AE",
      "me-central-1": "SA"
    }
  },
  "tencent-cloud": {
    mainland: /^ap-(?:beijing|shanghai|guangzhou|chengdu|chongqing|nanjing|shenzhen)(?:-fsi)?$/,
    regions: {
      "ap-hongkong": "HK",
      "ap-singapore": "SG",
      "ap-bangkok": "TH",
      "ap-jakarta": "ID",
      "ap-seoul": "KR",
      "ap-tokyo": "JP",
      "ap-mumbai": "IN",
      "na-siliconvalley": "US",
      "na-ashburn": "US",
      "na-toronto": "CA",
      "sa-saopaulo": "BR",
      "eu-frankfurt": "DE"
    }
  },
  aws: {
    mainland: /^cn-(?:north|northwest)-1$/,
    regions: {
      "us-east-1": "US",
      "us-east-2": "US",
      "us-west-1": "US",
      "us-west-2": "US",
      "ca-central-1": "CA",
      "sa-east-1": "BR",
      "eu-west-1": "IE",
      "eu-west-2": "GB",
      "eu-west-3": "FR",
      "eu-central-1": "DE",
      "eu-north-1": "SE",
      "eu-south-1": "IT",
      "ap-east-1": "HK",
      "ap-northeast-1": "JP",
      "ap-northeast-2": "KR",
      "ap-northeast-3": "JP",
      "ap-southeast-1": "SG",
      "ap-southeast-2": "AU",
      "ap-south-1": "IN",
      "me-south-1": "BH",
      "af-south-1": "ZA"
    }
  }
}

/**
 * The region a cloud host names and its country: a label that is a region id, or ends in one after a service
 * prefix (`oss-cn-hangzhou`, `s3.ap-southeast-1`).
 */
export function cloudRegionOf(host: string, cloud: CloudRegions): { region: string; country: string } | undefined {
  const { mainland, regions } = CLOUD_REGIONS[cloud]
  // From the right: region labels sit next to the cloud's domain, names the customer chose further left.
  for (const label of host.toLowerCase().split(".").reverse()) {
    for (let at = 0; at >= 0; at = label.indexOf("-", at) + 1 || -1) {
      const region = label.slice(at)
      const country = mainland.test(region) ? "CN" : regions[region]
      if (country) return { region, country }
    }
  }
  return undefined
}

/** Where a request's data goes, and what says so. */
export interface Destination {
  country?: string
  basis: CrossBorderBasis
  /** What the basis rests on beyond the catalog: the region id, the parent domain or the TLD. */
  detail?: string
}

/**
 * The destination of a request to `host`: by the catalog vendor serving it (its cloud region first), else by what
 * the host itself shows. Pass no vendor when the request went to a vendor endpoint on someone else's host.
 */
export function destinationOf(host: string, vendor?: Vendor): Destination {
  if (vendor) {
    const region = vendor.regions && cloudRegionOf(host, vendor.regions)
    return region ? { country: region.country, basis: "cloud-region", detail: region.region } : { country: vendor.country, basis: "catalog" }
  }
  const parent = parentDomainCountry(host)
  if (parent) return { country: parent.country, basis: "parent-domain", detail: parent.domain }
  const country = countryForHost(host)
  if (country) return { country, basis: "tld", detail: `.${host.toLowerCase().replace(/\.$/, "").split(".").pop()}` }
  return { basis: "unknown" }
}

/** How sure a destination is: "known" from the catalog, "likely" from the host's name, else "unknown". */
export function basisConfidence(basis: CrossBorderBasis): "known" | "likely" | "unknown" {
  if (basis === "catalog" || basis === "cloud-region") return "known"
  return basis === "unknown" ? "unknown" : "likely"
}

/** Outside mainland China, as PIPL art. 38–39 count it (Hong Kong, Macao and Taiwan included). */
export function outsideMainland(country: string | undefined): boolean {
  return country !== undefined && country !== "CN"
}

/** What a server address says of where the service is: only whether it is this machine's or a local network's. */
export function addressScope(ip: string): "local" | "public" {
  const v4 = /^(\d+)\.(\d+)\.\d+\.\d+$/.exec(ip)
  if (v4) {
    const [a, b] = [Number(v4[1]), Number(v4[2])]
    const local = a === 0 || a === 10 || a === 127 || (a === 100 && b >= 64 && b < 128) || (a === 169 && b === 254) || (a === 172 && b >= 16 && b < 32) || (a === 192 && b === 168)
    return local ? "local" : "public"
  }
  const v6 = ip.toLowerCase().replace(/^\[|\]$/g, "")
  return v6 === "::1" || v6 === "::" || /^f[cd]/.test(v6) || /^fe[89ab]/.test(v6) ? "local" : "public"
}
