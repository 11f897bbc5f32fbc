import { describe, expect, it } from "vitest"
import { NON_ESSENTIAL_CATEGORIES } from "../analysis/page-facts"
import type { TrackerCategory } from "../report"
import { TRACKER_CATEGORY_NAMES } from "../words"
import { activeInChina, VENDORS } from "./catalog"
import { COUNTRY_NAMES, isCountryCode, ISO_COUNTRY_CODES } from "./iso-countries"

const CATEGORIES = Object.keys(TRACKER_CATEGORY_NAMES) as TrackerCategory[]

/** Every value that occurs more than once. */
function repeated(values: readonly string[]): string[] {
  const seen = new Set<string>()
  return values.filter((value) => seen.has(value) || !seen.add(value))
}

describe("the vendor catalog", () => {
  it("covers at least 200 vendors, at least 80 of them active in mainland China", () => {
    expect(VENDORS.length).toBeGreaterThanOrEqual(200)
    expect(VENDORS.filter(activeInChina).length).toBeGreaterThanOrEqual(80)
  })

  it("covers every kind of service a shop loads, in China and abroad", () => {
    const wanted: TrackerCategory[] = ["analytics", "advertising", "attribution", "session-recording", "monitoring", "cdp", "customer-service", "payment", "maps", "captcha", "social-login"]
    for (const category of wanted) {
      expect(VENDORS.filter((vendor) => vendor.category === category).length, category).toBeGreaterThanOrEqual(3)
    }
    for (const category of ["analytics", "advertising", "monitoring", "customer-service", "payment", "maps", "captcha", "social-login", "cdn"]) {
      expect(VENDORS.some((vendor) => vendor.category === category && vendor.country === "CN"), `${category} in China`).toBe(true)
    }
  })

  it("keeps the ids merchant configs already use", () => {
    const ids = VENDORS.map((vendor) => vendor.id)
    for (const id of ["baidu-tongji", "cnzz-umeng", "tencent-ads", "alimama", "ocean-engine", "kuaishou-ads", "sensors-data", "growingio", "jd-ads", "zhuge", "talkingdata", "51la", "alicdn"]) {
      expect(ids).toContain(id)
    }
    for (const id of ["google-analytics", "meta-pixel", "tiktok-pixel", "microsoft-clarity", "hotjar", "sentry", "new-relic", "segment"]) expect(ids).toContain(id)
  })

  it("has well-formed entries: id, both company names, a known category, a valid country, hosts and a source", () => {
    expect(repeated(VENDORS.map((vendor) => vendor.id))).toEqual([])
    for (const vendor of VENDORS) {
      expect(vendor.id).toMatch(/^[a-z0-9][a-z0-9-]*$/)
      expect(vendor.name.trim(), vendor.id).not.toBe("")
      expect(vendor.company.trim(), vendor.id).not.toBe("")
      expect(vendor.companyZh, vendor.id).toMatch(/[\u4e00-\u9fff]/)
      expect(vendor.source.trim().length, vendor.id).toBeGreaterThan(10)
      expect(CATEGORIES, vendor.id).toContain(vendor.category)
      expect(isCountryCode(vendor.country), `${vendor.id}: ${vendor.country}`).toBe(true)
      expect(COUNTRY_NAMES[vendor.country], `name of ${vendor.country}`).toBeDefined()
      expect(vendor.domains.length, vendor.id).toBeGreaterThan(0)
      for (const domain of vendor.domains) expect(domain, vendor.id).toMatch(/^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9-]*[a-z]$/)
      if (vendor.activeInChina) expect(vendor.country, `${vendor.id} is based in China anyway`).not.toBe("CN")
    }
  })

  it("names the Chinese company behind every vendor based in mainland China, in both languages", () => {
    for (const vendor of VENDORS.filter((candidate) => candidate.country === "CN")) {
      expect(vendor.company, vendor.id).toContain(`(${vendor.companyZh})`)
    }
  })

  it("claims no host, global or cookie name for two vendors", () => {
    expect(repeated(VENDORS.flatMap((vendor) => vendor.domains))).toEqual([])
    expect(repeated(VENDORS.flatMap((vendor) => vendor.globals ?? []))).toEqual([])
    expect(repeated(VENDORS.flatMap((vendor) => vendor.cookies ?? []))).toEqual([])
    expect(repeated(VENDORS.flatMap((vendor) => vendor.paths ?? []))).toEqual([])
  })

  it("validates country codes against the 249 ISO 3166-1 alpha-2 codes", () => {
    expect(ISO_COUNTRY_CODES.size).toBe(249)
    for (const code of ["CN", "HK", "MO", "TW", "US", "GB", "MT", "AX", "SS"]) expect(isCountryCode(code)).toBe(true)
    for (const code of ["UK", "EU", "XK", "cn", "C", "CHN", ""]) expect(isCountryCode(code)).toBe(false)
  })

  it("decides for every category whether it needs consent, and has words for it in both languages", () => {
    for (const category of CATEGORIES) {
      expect(TRACKER_CATEGORY_NAMES[category]["zh-CN"]).toMatch(/[\u4e00-\u9fff]/)
      expect(TRACKER_CATEGORY_NAMES[category].en.trim()).not.toBe("")
    }
    for (const category of ["analytics", "advertising", "attribution", "session-recording", "monitoring", "cdp"] as const) expect(NON_ESSENTIAL_CATEGORIES.has(category)).toBe(true)
    for (const category of ["cdn", "payment", "maps", "captcha", "social-login", "customer-service"] as const) expect(NON_ESSENTIAL_CATEGORIES.has(category)).toBe(false)
  })

  it("records the facts the demo store relies on", () => {
    const get = (id: string) => VENDORS.find((vendor) => vendor.id === id)!
    expect(get("baidu-tongji")).toMatchObject({ country: "CN", category: "analytics", paths: ["/hm.js", "/hm.gif"] })
    expect(get("baidu-tongji").cookies).toEqual(expect.arrayContaining(["Hm_lvt_*", "Hm_lpvt_*", "HMACCOUNT"]))
    expect(get("sensors-data").globals).toEqual(["sensorsDataAnalytic201505", "sensors"])
    expect(get("google-analytics")).toMatchObject({ country: "US", cookies: expect.arrayContaining(["_ga", "_ga_*"]) })
    expect(get("hotjar")).toMatchObject({ country: "MT", domains: ["hotjar.com", "hotjar.io"] })
    expect(get("meta-pixel")).toMatchObject({ country: "US", cookies: expect.arrayContaining(["_fbp"]) })
    expect(get("alicdn")).toMatchObject({ country: "CN", category: "cdn" })
  })
})
