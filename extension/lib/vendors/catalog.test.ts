import { describe, expect, it } from "vitest"
import { VENDORS } from "./catalog"

const CATEGORIES = ["analytics", "advertising", "session-recording", "social", "tag-manager", "cdn", "payment", "customer-service", "other"]

describe("the vendor catalog", () => {
  it("covers at least 40 vendors, with the Chinese services shops use and the global ones", () => {
    expect(VENDORS.length).toBeGreaterThanOrEqual(40)
    const ids = VENDORS.map((vendor) => vendor.id)
    for (const id of ["baidu-tongji", "cnzz-umeng", "tencent-ads", "alimama", "ocean-engine", "kuaishou-ads", "sensors-data", "growingio", "jd-ads", "zhuge", "talkingdata", "51la"]) {
      expect(ids).toContain(id)
    }
    for (const id of ["google-analytics", "meta-pixel", "tiktok-pixel", "microsoft-clarity", "hotjar", "alicdn"]) expect(ids).toContain(id)
  })

  it("has unique ids and a company, category, country and at least one domain for each vendor", () => {
    expect(new Set(VENDORS.map((vendor) => vendor.id)).size).toBe(VENDORS.length)
    for (const vendor of VENDORS) {
      expect(vendor.id).toMatch(/^[a-z0-9][a-z0-9-]*$/)
      expect(vendor.company.trim()).not.toBe("")
      expect(CATEGORIES).toContain(vendor.category)
      expect(vendor.country).toMatch(/^[A-Z]{2}$/)
      expect(vendor.domains.length).toBeGreaterThan(0)
      for (const domain of vendor.domains) expect(domain).toMatch(/^[a-z0-9.-]+\.[a-z0-9-]+$/)
    }
  })

  it("names the Chinese company behind every vendor based in mainland China", () => {
    for (const vendor of VENDORS.filter((candidate) => candidate.country === "CN")) expect(vendor.company).toMatch(/[\u4e00-\u9fff]/)
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
