import { describe, expect, it } from "vitest"
import type { CollectionEvent } from "../events"
import type { Report } from "../report"
import { buildReport } from "./build-report"
import { CONFIG, PAGE, SHOPPER, T0, consent, request, state } from "./test-events"

const crossBorderFindings = (report: Report) => report.findings.filter((finding) => finding.rule === "PIPL-39")

/** A page that sends the shopper's phone number to `url` after they agreed to everything but cross-border transfers. */
async function phoneSentTo(url: string, ip?: string): Promise<Report> {
  const events: CollectionEvent[] = [
    { type: "config", time: T0, config: CONFIG },
    request(T0, PAGE, { resourceType: "main_frame" }),
    consent(T0 + 100, "decision", state({ analytics: true, marketing: true, personalization: true }, {}, T0 + 100)),
    request(T0 + 200, url, { method: "POST", channel: "fetch", body: JSON.stringify({ event: "order", phone: SHOPPER.mobile }), ...(ip ? { ip } : {}) })
  ]
  return buildReport({ url: PAGE, events, now: T0 + 1000 })
}

describe("where personal information goes (PIPL-39)", () => {
  it("names an overseas analytics service from the catalog (PostHog) as a known transfer to the United States", async () => {
    const report = await phoneSentTo("https://us.i.posthog.com/e/?ver=1")
    expect(report.requests[1]).toMatchObject({ crossBorder: true, crossBorderBasis: "catalog", destinationCountry: "US", tracker: { id: "posthog", country: "US" } })
    const [transfer] = crossBorderFindings(report)
    expect(transfer).toMatchObject({ severity: "high" })
    expect(transfer!.message.en).toContain("to PostHog in the United States (known from Zhiqing's vendor catalog)")
    expect(transfer!.message["zh-CN"]).toContain("已知：依据知情供应商目录")
    expect(transfer!.evidence[0]).toContain("destination US: known from Zhiqing's vendor catalog")
  })

  it("follows the cloud region in the host: Alibaba Cloud's Singapore log endpoint is abroad, Hangzhou's is not", async () => {
    const singapore = await phoneSentTo("https://shop.ap-southeast-1.log.aliyuncs.com/logstores/web/track")
    expect(singapore.requests[1]).toMatchObject({ crossBorder: true, crossBorderBasis: "cloud-region", destinationCountry: "SG", tracker: { id: "aliyun-sls", country: "CN" } })
    expect(crossBorderFindings(singapore)[0]!.message.en).toContain("in Singapore (known from the cloud region ap-southeast-1 in the host name)")
    const hangzhou = await phoneSentTo("https://shop.cn-hangzhou.log.aliyuncs.com/logstores/web/track")
    expect(hangzhou.requests[1]).toMatchObject({ crossBorder: false, crossBorderBasis: "cloud-region", destinationCountry: "CN" })
    expect(crossBorderFindings(hangzhou)).toEqual([])
  })

  it("judges a host outside the catalog by its country-code domain, says it is likely, and asks the merchant to confirm", async () => {
    const report = await phoneSentTo("https://collect.example-metrics.de/v1/events")
    expect(report.requests[1]).toMatchObject({ crossBorder: true, crossBorderBasis: "tld", destinationCountry: "DE" })
    expect(report.requests[1]!.tracker).toBeUndefined()
    const [transfer] = crossBorderFindings(report)
    expect(transfer!.message.en).toContain("in Germany (likely, judged by the country-code domain .de)")
    expect(transfer!.message.en).toContain("Confirm where this recipient keeps the data.")
    expect(transfer!.message["zh-CN"]).toContain("请核实")
  })

  it("judges a host outside the catalog by a catalog company's parent domain", async () => {
    const report = await phoneSentTo("https://ads-api.reddit.com/api/v2/conversions")
    expect(report.requests[1]).toMatchObject({ crossBorder: true, crossBorderBasis: "parent-domain", destinationCountry: "US" })
    expect(crossBorderFindings(report)[0]!.message.en).toContain("likely: its parent domain reddit.com belongs to a company in the vendor catalog")
  })

  it("never takes an unknown location for mainland China: a finding asks the merchant to confirm where the recipient is", async () => {
    const report = await phoneSentTo("https://api.unknown-collector.com/v1/track", "203.0.113.9")
    expect(report.requests[1]).toMatchObject({ crossBorder: false, crossBorderBasis: "unknown", thirdParty: true })
    expect(report.requests[1]!.destinationCountry).toBeUndefined()
    const [unknown] = crossBorderFindings(report)
    expect(unknown).toMatchObject({ rule: "PIPL-39", severity: "medium" })
    expect(unknown!.message.en).toContain("to the third party unknown-collector.com, whose location cannot be told")
    expect(unknown!.message.en).toContain("Confirm where this recipient is")
    expect(unknown!.message["zh-CN"]).toContain("无法判断其所在地")
    expect(unknown!.evidence[0]).toContain("destination unknown: location unknown; server 203.0.113.9 (where it is hosted can be looked up)")
  })

  it("says a local server address tells nothing, rather than reading a location into it", async () => {
    const report = await phoneSentTo("https://api.unknown-collector.com/v1/track", "127.0.0.1")
    expect(crossBorderFindings(report)[0]!.evidence[0]).toContain("server 127.0.0.1 is a local address (a proxy or test set-up) and says nothing of where the service is")
  })

  it("asks nothing about the shop's own server, nor about an unknown third party that receives no personal information", async () => {
    const own = await phoneSentTo("https://api.zhixuan.com.cn/orders")
    expect(own.requests[1]).toMatchObject({ thirdParty: false, crossBorder: false, crossBorderBasis: "tld", destinationCountry: "CN" })
    expect(crossBorderFindings(own)).toEqual([])
    const events: CollectionEvent[] = [request(T0, PAGE, { resourceType: "main_frame" }), request(T0 + 100, "https://cdn.unknown-collector.com/lib.js", { resourceType: "script" })]
    const quiet = await buildReport({ url: PAGE, events, now: T0 + 1000 })
    expect(quiet.requests[1]).toMatchObject({ crossBorderBasis: "unknown", pii: [] })
    expect(crossBorderFindings(quiet)).toEqual([])
  })
})
