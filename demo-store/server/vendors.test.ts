import { describe, expect, it } from "vitest"
import { dispatchHostname, vendorForHost, vendorOrigin } from "./vendors"

describe("tracker hostnames", () => {
  it("dispatches on the Host header without port, case or a trailing .localhost", () => {
    expect(dispatchHostname("HM.Baidu.com.localhost:4173")).toBe("hm.baidu.com")
    expect(dispatchHostname("hm.baidu.com")).toBe("hm.baidu.com")
    expect(dispatchHostname("localhost:4173")).toBe("localhost")
    expect(dispatchHostname(undefined)).toBe("")
  })

  it("knows every vendor host, including any Sensors Data project's datasink", () => {
    expect(vendorForHost("hm.baidu.com")?.id).toBe("baidu-tongji")
    expect(vendorForHost("zhixuan.datasink.sensorsdata.cn")?.id).toBe("sensors-data")
    expect(vendorForHost("datasink.sensorsdata.cn")).toBeUndefined()
    expect(vendorForHost("www.google-analytics.com")?.id).toBe("google-analytics")
    expect(vendorForHost("img.alicdn.com")?.id).toBe("alicdn")
    expect(vendorForHost("www.facebook.com")?.id).toBe("meta-pixel")
  })

  it("treats every other host as the shop", () => {
    expect(vendorForHost("localhost")).toBeUndefined()
    expect(vendorForHost("baidu.com")).toBeUndefined()
    expect(vendorForHost("evilhm.baidu.com")).toBeUndefined()
  })

  it("names vendor hosts for tests (real, plain http) or for a person's browser (.localhost with the shop's port)", () => {
    expect(vendorOrigin("hm.baidu.com", "real", "localhost:41234")).toBe("http://hm.baidu.com")
    expect(vendorOrigin("hm.baidu.com", "localhost", "localhost:4173")).toBe("http://hm.baidu.com.localhost:4173")
    expect(vendorOrigin("hm.baidu.com", "localhost", "localhost")).toBe("http://hm.baidu.com.localhost")
  })
})
