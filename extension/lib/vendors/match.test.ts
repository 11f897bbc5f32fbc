import { describe, expect, it } from "vitest"
import { countryForHost, destinationOf, outsideMainland } from "./country"
import { onDomain, vendorById, vendorForCookie, vendorForGlobal, vendorForHost, vendorForUrl } from "./match"

const idOf = (url: string) => vendorForUrl(url)?.vendor.id

describe("recognising vendors", () => {
  it("matches hosts on label boundaries, the most specific domain winning", () => {
    expect(vendorForHost("hm.baidu.com")?.id).toBe("baidu-tongji")
    expect(vendorForHost("www.baidu.com")).toBeUndefined()
    expect(vendorForHost("zhixuan.datasink.sensorsdata.cn")?.id).toBe("sensors-data")
    expect(vendorForHost("img.alicdn.com")?.id).toBe("alicdn")
    expect(vendorForHost("retcode.alicdn.com")?.id).toBe("aliyun-arms")
    expect(vendorForHost("notalicdn.com")).toBeUndefined()
    expect(vendorForHost("hm.baidu.com.localhost")?.id).toBe("baidu-tongji")
    expect(onDomain("a.b.example.com", "example.com")).toBe(true)
    expect(onDomain("badexample.com", "example.com")).toBe(false)
  })

  it("recognises endpoints by path on any host, the shop's own included", () => {
    expect(vendorForUrl("https://www.shop.cn/hm.js?abc")).toEqual({ vendor: vendorById("baidu-tongji"), by: "path" })
    expect(idOf("https://sa.shop.cn/sa?project=default")).toBe("sensors-data")
    expect(idOf("https://sa.shop.cn/sa")).toBeUndefined()
    expect(idOf("https://metrics.shop.cn/g/collect?v=2")).toBe("google-analytics")
    expect(idOf("https://www.facebook.com/tr?id=1")).toBe("meta-pixel")
    expect(idOf("https://www.shop.cn/tr?id=1")).toBeUndefined()
    expect(idOf("https://www.shop.cn/cart")).toBeUndefined()
    expect(idOf("not a url")).toBeUndefined()
  })

  it("recognises cookies by name pattern and scripts by global", () => {
    expect(vendorForCookie("Hm_lvt_6a2f1c7e")?.id).toBe("baidu-tongji")
    expect(vendorForCookie("HMACCOUNT")?.id).toBe("baidu-tongji")
    expect(vendorForCookie("_ga_ZX7Q2D4K9P")?.id).toBe("google-analytics")
    expect(vendorForCookie("_hjSessionUser_3861742")?.id).toBe("hotjar")
    expect(vendorForCookie("_gax")).toBeUndefined()
    expect(vendorForCookie("session")).toBeUndefined()
    expect(vendorForGlobal("sensorsDataAnalytic201505")?.id).toBe("sensors-data")
    expect(vendorForGlobal("fbq")?.id).toBe("meta-pixel")
    expect(vendorForGlobal("jQuery")).toBeUndefined()
  })
})

describe("destinations (PIPL-39)", () => {
  it("takes the vendor's country first, else the host's country-code domain", () => {
    expect(destinationOf("in.hotjar.com", vendorById("hotjar"))).toEqual({ country: "MT", by: "vendor" })
    expect(destinationOf("api.example.hk")).toEqual({ country: "HK", by: "host" })
    expect(destinationOf("api.example.com")).toEqual({})
    expect(countryForHost("shop.com.cn")).toBe("CN")
    expect(countryForHost("shop.localhost")).toBeUndefined()
  })

  it("counts Hong Kong, Macao and Taiwan as outside mainland China", () => {
    for (const country of ["HK", "MO", "TW", "US", "MT"]) expect(outsideMainland(country)).toBe(true)
    expect(outsideMainland("CN")).toBe(false)
    expect(outsideMainland(undefined)).toBe(false)
  })
})
