import { describe, expect, it } from "vitest"
import type { CookieEvent } from "../events"
import { knownValueMatcher } from "../pii/known-values"
import { ConfigMap } from "./config-map"
import { ConsentTimeline } from "./consent-timeline"
import { analyseCookies, reportCookies } from "./cookies"
import { CONFIG, T0 } from "./test-events"

const cookie = (name: string, extra: Partial<CookieEvent> = {}): CookieEvent => ({ type: "cookie", time: T0, name, domain: ".zhixuan.com.cn", setBy: "script", removed: false, ...extra })

describe("cookies", async () => {
  const context = { pageHost: "www.zhixuan.com.cn", timeline: new ConsentTimeline([], CONFIG), configMap: new ConfigMap(CONFIG), known: await knownValueMatcher([]) }

  it("attributes a cookie to the script that set it, else the purpose's vendor, else the catalog's patterns", () => {
    const analysed = analyseCookies(
      [
        cookie("_ttp", { script: "https://analytics.oceanengine.com/api/v2/js/conversion.js" }),
        cookie("_ttp"),
        cookie("_ga_ZX7Q2D4K9P"),
        cookie("_fbp"),
        cookie("cart_id")
      ],
      { ...context, configMap: new ConfigMap({ ...CONFIG, purposes: CONFIG.purposes.filter((purpose) => purpose.id !== "marketing") }) }
    )
    expect(analysed.map((item) => item.vendor?.id)).toEqual(["ocean-engine", "tiktok-pixel", "google-analytics", "meta-pixel", undefined])
    expect(analysed.map((item) => item.purpose?.id)).toEqual([undefined, undefined, "analytics", undefined, undefined])
    expect(analyseCookies([cookie("_ttp")], context)[0]).toMatchObject({ vendor: { id: "ocean-engine" }, purpose: { id: "marketing" } })
  })

  it("lists each cookie once, as first set, removals left out, third parties by registrable domain", () => {
    const analysed = analyseCookies(
      [cookie("HMACCOUNT", { domain: ".hm.baidu.com", setBy: "http" }), cookie("HMACCOUNT", { domain: ".hm.baidu.com", time: T0 + 5 }), cookie("x", { removed: true })],
      context
    )
    expect(reportCookies(analysed, context)).toEqual([{ name: "HMACCOUNT", domain: ".hm.baidu.com", thirdParty: true, setBy: "http", time: T0, tracker: "baidu-tongji" }])
  })
})
