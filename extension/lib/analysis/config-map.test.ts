import { describe, expect, it } from "vitest"
import { ConfigMap, kindsIn } from "./config-map"
import { CONFIG } from "./test-events"

describe("what the merchant config declares", () => {
  const map = new ConfigMap(CONFIG)

  it("maps vendors and cookie names to purposes (NDSR-21-2)", () => {
    expect(map.purposeOfVendor("baidu-tongji")?.id).toBe("analytics")
    expect(map.purposeOfVendor("meta-pixel")).toBeUndefined()
    expect(map.declares("ocean-engine")).toBe(true)
    expect(map.purposeOfCookie("Hm_lvt_abc")?.id).toBe("analytics")
    expect(map.purposeOfCookie("_ttp")?.id).toBe("marketing")
    expect(map.purposeOfCookie("_ttpx")).toBeUndefined()
  })

  it("reads the kinds of personal information in free-text categories, Chinese or English", () => {
    expect([...kindsIn(["resident ID number", "收货地址", "phone"])].sort()).toEqual(["address", "id-card", "phone"])
    expect([...kindsIn(["order", "account"])]).toEqual([])
    const item = CONFIG.separate!.find((candidate) => candidate.id === "sensitive-id-card")!
    expect([...map.itemKinds(item)]).toEqual(["id-card"])
  })

  it("works without a config", () => expect(new ConfigMap(undefined).purposeOfVendor("baidu-tongji")).toBeUndefined())
})
