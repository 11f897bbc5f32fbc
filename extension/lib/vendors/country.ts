/**
 * Where a request's data ends up, for PIPL-39: the vendor's country when the catalog knows it, else the host's
 * country-code top-level domain. Hong Kong, Macao and Taiwan are outside mainland China for cross-border rules.
 * The server IP gives no signal here: loopback and private addresses say nothing, and the extension carries no
 * IP-to-country table.
 */
import type { Vendor } from "./catalog"

/** Country-code TLDs (and the IDN ones for China and Hong Kong) to ISO 3166-1 alpha-2. */
const TLD_COUNTRY: Record<string, string> = {
  cn: "CN",
  "xn--fiqs8s": "CN",
  "xn--fiqz9s": "CN",
  hk: "HK",
  "xn--j6w193g": "HK",
  mo: "MO",
  tw: "TW",
  jp: "JP",
  kr: "KR",
  sg: "SG",
  my: "MY",
  th: "TH",
  vn: "VN",
  id: "ID",
  ph: "PH",
  in: "IN",
  au: "AU",
  nz: "NZ",
  uk: "GB",
  ie: "IE",
  de: "DE",
  fr: "FR",
  nl: "NL",
  it: "IT",
  es: "ES",
  se: "SE",
  ch: "CH",
  mt: "MT",
  ru: "RU",
  us: "US",
  ca: "CA",
  br: "BR"
}

/** The country a host's top-level domain names, or undefined for generic ones (.com, .net) and local names. */
export function countryForHost(host: string): string | undefined {
  const name = host.toLowerCase().replace(/\.$/, "")
  if (name === "localhost" || name.endsWith(".localhost")) return undefined
  return TLD_COUNTRY[name.slice(name.lastIndexOf(".") + 1)]
}

/** Where a request's data goes, and what says so. */
export interface Destination {
  country?: string
  by?: "vendor" | "host"
}

/** The destination country of a request: the vendor's, else the host's ccTLD. */
export function destinationOf(host: string, vendor?: Vendor): Destination {
  if (vendor) return { country: vendor.country, by: "vendor" }
  const country = countryForHost(host)
  return country ? { country, by: "host" } : {}
}

/** Outside mainland China, as PIPL art. 38–39 count it (Hong Kong, Macao and Taiwan included). */
export function outsideMainland(country: string | undefined): boolean {
  return country !== undefined && country !== "CN"
}
