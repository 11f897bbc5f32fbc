import { createHash } from "node:crypto"
import { describe, expect, it } from "vitest"
import type { CollectionEvent } from "../events"
import type { Report } from "../report"
import { buildReport } from "./build-report"
import { CONFIG, PAGE, SHOPPER, T0, checkoutFields, consent, request, state } from "./test-events"

const base64 = (text: string) => Buffer.from(text).toString("base64")
const sha256 = (text: string) => createHash("sha256").update(text).digest("hex")
const rules = (report: Report) => report.findings.map((finding) => `${finding.rule}:${finding.severity}`)
const findingsOf = (report: Report, rule: string) => report.findings.filter((finding) => finding.rule === rule)

/** The leaky checkout: Baidu before consent, marketing refused then used, PI to Sensors and an undeclared Meta pixel. */
function leakyCheckout(): CollectionEvent[] {
  const sensorsEvent = JSON.stringify({
    distinct_id: SHOPPER.mobile,
    properties: { receiver_name: SHOPPER.name, receiver_phone: SHOPPER.mobile, receiver_address: SHOPPER.address, id_card: SHOPPER.idNumber, order_amount: 199 }
  })
  const sensorsBody = `data=${encodeURIComponent(base64(sensorsEvent))}&ext=crc%3D1&gzip=0`
  return [
    { type: "config", time: T0, config: CONFIG },
    request(T0, PAGE, { resourceType: "main_frame" }),
    request(T0 + 100, "https://hm.baidu.com/hm.js?6a2f1c7e0b9d4e3f8a5c2b1d0e9f8a7b", { resourceType: "script" }),
    { type: "cookie", time: T0 + 150, name: "Hm_lvt_6a2f1c7e0b9d4e3f8a5c2b1d0e9f8a7b", domain: "www.zhixuan.com.cn", setBy: "script", removed: false, script: "https://hm.baidu.com/hm.js?6a2f" },
    request(T0 + 200, "https://hm.baidu.com/hm.gif?si=6a2f&rnd=1732500000000&ts=1732500000", { channel: "image", script: "https://hm.baidu.com/hm.js?6a2f" }),
    consent(T0 + 300, "ready", null),
    consent(T0 + 5000, "decision", state({ analytics: true, marketing: false }, {}, T0 + 5000)),
    request(T0 + 5100, "https://analytics.oceanengine.com/api/v2/pixel?advertiser_id=1789012345678901&event_type=page_view", { channel: "image" }),
    ...checkoutFields(T0 + 20_000),
    request(T0 + 30_000, "https://zhixuan.datasink.sensorsdata.cn/sa?project=zhixuan", { method: "POST", channel: "fetch", body: sensorsBody, script: "https://static.sensorsdata.cn/sdk/1.26.18/sensorsdata.min.js" }),
    request(T0 + 30_020, "https://zhixuan.datasink.sensorsdata.cn/sa?project=zhixuan", { method: "POST", body: sensorsBody, ip: "127.0.0.1" }),
    request(
      T0 + 30_100,
      `https://www.facebook.com/tr?id=918273645501928&ev=Purchase&ud%5Bph%5D=${sha256(`86${SHOPPER.mobile}`)}&ud%5Bem%5D=${sha256(SHOPPER.email)}&cd%5Bphone%5D=${SHOPPER.mobile}`,
      { channel: "image", script: "https://connect.facebook.net/en_US/fbevents.js" }
    ),
    request(T0 + 30_200, `https://in.hotjar.com/api/v2/client/sites/3861742/recordings/content`, {
      method: "POST",
      channel: "fetch",
      body: JSON.stringify({ events: [{ selector: "input#name", value: SHOPPER.name }, { selector: "textarea#address", value: SHOPPER.address }] })
    }),
    { type: "api", time: T0 + 31_000, api: "geolocation", script: "https://www.zhixuan.com.cn/shop.js" },
    consent(T0 + 40_000, "withdrawal", state({ analytics: false, marketing: false }, {}, T0 + 40_000)),
    request(T0 + 41_000, "https://hm.baidu.com/hm.gif?si=6a2f&et=4", { channel: "image" })
  ]
}

describe("buildReport on a leaky checkout", () => {
  it("lists each request once, with host, third party, tracker, destination and consent timing", async () => {
    const report = await buildReport({ url: PAGE, events: leakyCheckout(), now: T0 + 50_000 })
    expect(report.requests).toHaveLength(8)
    const page = report.requests[0]!
    expect(page).toMatchObject({ url: PAGE, host: "www.zhixuan.com.cn", thirdParty: false, crossBorder: false, beforeConsent: true, pii: [] })
    const baidu = report.requests[1]!
    expect(baidu).toMatchObject({ host: "hm.baidu.com", thirdParty: true, crossBorder: false, beforeConsent: true, purpose: "analytics", tracker: { id: "baidu-tongji", country: "CN", category: "analytics" } })
    const sensors = report.requests.find((item) => item.host.endsWith("sensorsdata.cn"))!
    expect(sensors).toMatchObject({ method: "POST", beforeConsent: false, initiator: "https://static.sensorsdata.cn/sdk/1.26.18/sensorsdata.min.js" })
    expect(sensors.pii.map((pi) => `${pi.kind}@${pi.where}`)).toEqual(
      expect.arrayContaining([
        "phone@body:form:data→base64→json:$.distinct_id",
        "id-card@body:form:data→base64→json:$.properties.id_card",
        "name@body:form:data→base64→json:$.properties.receiver_name",
        "address@body:form:data→base64→json:$.properties.receiver_address"
      ])
    )
    expect(sensors.pii.every((pi) => pi.encoding === "base64")).toBe(true)
    const meta = report.requests.find((item) => item.host === "www.facebook.com")!
    expect(meta).toMatchObject({ crossBorder: true, tracker: { id: "meta-pixel", country: "US" } })
    expect(meta.pii.map((pi) => `${pi.kind}:${pi.encoding}`).sort()).toEqual(["email:sha256", "phone:plain", "phone:sha256"])
    expect(report.requests.find((item) => item.host === "in.hotjar.com")).toMatchObject({ crossBorder: true, tracker: { country: "MT" } })
    expect(report.consent?.purposes).toEqual({ necessary: true, analytics: false, marketing: false })
    expect(report.generatedAt).toBe(new Date(T0 + 50_000).toISOString())
  })

  it("finds what a PIPL review would: APPM-3-1, PIPL-15-2, APPM-3-3, NDSR-21-2, PIPL-39, PIPL-29, APPM-2, PIPL-28", async () => {
    const report = await buildReport({ url: PAGE, events: leakyCheckout() })
    expect(new Set(rules(report))).toEqual(
      new Set(["APPM-3-1:high", "PIPL-15-2:high", "APPM-3-3:high", "PIPL-39:high", "PIPL-29:high", "NDSR-21-2:medium", "APPM-2:medium", "PIPL-28:low"])
    )
    expect(report.findings.map((finding) => finding.severity)).toEqual([...report.findings.map((finding) => finding.severity)].sort((a, b) => ["high", "medium", "low"].indexOf(a) - ["high", "medium", "low"].indexOf(b)))
    for (const finding of report.findings) {
      expect(finding.evidence.length).toBeGreaterThan(0)
      expect(finding.evidence.every((line) => line.trim().length > 0)).toBe(true)
      expect(finding.message["zh-CN"]).toMatch(/[\u4e00-\u9fff]/)
      expect(finding.message.en).toMatch(/^[\x20-\x7e]+$/)
    }
  })

  it("APPM-3-1: Baidu's script, pixel and cookie before any decision, each line with time, script and consent", async () => {
    const [finding] = findingsOf(await buildReport({ url: PAGE, events: leakyCheckout() }), "APPM-3-1")
    expect(finding!.message.en).toContain("Baidu Tongji")
    expect(finding!.evidence).toHaveLength(3)
    expect(finding!.evidence[0]).toBe(`${new Date(T0 + 100).toISOString()} GET https://hm.baidu.com/hm.js?6a2f1c7e0b9d4e3f8a5c2b1d0e9f8a7b — consent: no decision yet`)
    expect(finding!.evidence[1]).toContain("cookie Hm_lvt_")
    expect(finding!.evidence[2]).toContain("script https://hm.baidu.com/hm.js")
  })

  it("PIPL-15-2: tells a refusal (Ocean Engine) from a withdrawal (Baidu)", async () => {
    const findings = findingsOf(await buildReport({ url: PAGE, events: leakyCheckout() }), "PIPL-15-2")
    expect(findings.map((finding) => finding.message.en)).toEqual([
      "After the shopper refused Marketing, the page still sent data to Ocean Engine.",
      "After the shopper withdrew consent to Analytics, the page still sent data to Baidu Tongji. Processing must stop once consent is withdrawn."
    ])
    expect(findings[1]!.evidence[0]).toContain("analytics=withdrawn")
  })

  it("PIPL-39: the undeclared overseas Meta pixel, and personal information sent to the US and Malta", async () => {
    const findings = findingsOf(await buildReport({ url: PAGE, events: leakyCheckout() }), "PIPL-39")
    expect(findings.map((finding) => finding.message.en)).toEqual(
      expect.arrayContaining([
        expect.stringContaining("to Meta Pixel in the United States"),
        expect.stringContaining("to Hotjar in Malta"),
        expect.stringContaining("The overseas recipient Meta Pixel")
      ])
    )
  })

  it("PIPL-29: the resident ID sent to Sensors Data without the sensitive item granted; granting it clears that finding", async () => {
    const leaky = await buildReport({ url: PAGE, events: leakyCheckout() })
    expect(findingsOf(leaky, "PIPL-29")[0]!.message.en).toContain("resident ID number")
    const granted = leakyCheckout().map((event) =>
      event.type === "consent" && event.state ? { ...event, state: { ...event.state, separate: { "sensitive-id-card": true } } } : event
    )
    expect(findingsOf(await buildReport({ url: PAGE, events: granted }), "PIPL-29")).toEqual([])
  })

  it("APPM-3-3: personal information beyond what analytics was agreed for", async () => {
    const findings = findingsOf(await buildReport({ url: PAGE, events: leakyCheckout() }), "APPM-3-3")
    expect(findings.map((finding) => finding.message.en)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^The page sent the .*resident ID number.* to Sensors Data, beyond the categories/)])
    )
  })

  it("NDSR-21-2 names the undeclared vendor; PIPL-28 lists the sensitive fields", async () => {
    const report = await buildReport({ url: PAGE, events: leakyCheckout() })
    expect(findingsOf(report, "NDSR-21-2").map((finding) => finding.message.en)).toEqual([expect.stringContaining("Meta Pixel (Meta Platforms, Inc.)")])
    expect(findingsOf(report, "NDSR-21-2")[0]!.message["zh-CN"]).toContain("「Meta Pixel」（Meta 平台公司，Meta Platforms, Inc.）")
    expect(findingsOf(report, "PIPL-28")[0]!.evidence).toEqual(['field input#idNumber ("身份证号码") asks for id-card'])
    expect(report.fields.find((field) => field.selector === "input#mobile")).toEqual({ selector: "input#mobile", kind: "phone", sensitive: false, label: "手机号" })
  })

  it("lists cookies with their vendor and party", async () => {
    const report = await buildReport({ url: PAGE, events: leakyCheckout() })
    expect(report.cookies).toEqual([
      { name: "Hm_lvt_6a2f1c7e0b9d4e3f8a5c2b1d0e9f8a7b", domain: "www.zhixuan.com.cn", thirdParty: false, setBy: "script", time: T0 + 150, tracker: "baidu-tongji" }
    ])
  })

  it("puts no raw personal information anywhere in the report, not even hashed or base64-encoded", async () => {
    const report = await buildReport({ url: PAGE, events: leakyCheckout() })
    const json = JSON.stringify(report)
    for (const value of Object.values(SHOPPER)) {
      for (const form of [value, encodeURIComponent(value), base64(value), sha256(value), sha256(`86${value}`)]) expect(json).not.toContain(form)
    }
    expect(json).not.toContain(SHOPPER.idNumber.slice(6, 14))
  })
})

describe("buildReport on other pages", () => {
  it("a correctly gated page: trackers only after consent, no findings but the informational PIPL-28", async () => {
    const events: CollectionEvent[] = [
      { type: "config", time: T0, config: CONFIG },
      request(T0, PAGE),
      request(T0 + 10, "https://img.alicdn.com/p/1.svg", { resourceType: "image" }),
      consent(T0 + 50, "ready", null),
      consent(T0 + 2000, "decision", state({ analytics: true, marketing: true })),
      request(T0 + 2100, "https://hm.baidu.com/hm.js?6a2f"),
      request(T0 + 2200, "https://www.google-analytics.com/g/collect?v=2&tid=G-ZX7Q2D4K9P&en=page_view"),
      request(T0 + 2300, "https://in.hotjar.com/api/v2/client/sites/1/visit-data", { method: "POST", body: '{"page_url":"https://www.zhixuan.com.cn/checkout"}' }),
      ...checkoutFields(T0 + 3000)
    ]
    const report = await buildReport({ url: PAGE, events })
    expect(rules(report)).toEqual(["PIPL-28:low"])
    expect(report.requests.find((item) => item.host === "img.alicdn.com")).toMatchObject({ beforeConsent: false, purpose: "necessary", tracker: { category: "cdn" } })
  })

  it("PIPL-29: another party's script listening to what is typed into the ID field is named, before any upload; the shop's own listeners are not", async () => {
    const recorder = "https://cdn.jsdelivr.net/npm/rrweb@2.2.2/dist/rrweb.umd.cjs"
    const events: CollectionEvent[] = [
      { type: "config", time: T0, config: CONFIG },
      consent(T0 + 50, "ready", null),
      { type: "listener", time: T0 + 100, event: "input", selector: "document", script: recorder },
      { type: "listener", time: T0 + 101, event: "keydown", selector: "input#idNumber", script: "https://hm.baidu.com/hm.js?6a2f" },
      { type: "listener", time: T0 + 102, event: "input", selector: "input#idNumber", script: "https://www.zhixuan.com.cn/checkout.js" },
      { type: "listener", time: T0 + 103, event: "keydown", selector: "input#mobile", script: "https://static.example-cdn.net/form.js" },
      ...checkoutFields(T0 + 3000)
    ]
    const listening = (await buildReport({ url: PAGE, events })).findings.filter((finding) => finding.rule === "PIPL-29")
    expect(listening.map((finding) => [finding.severity, finding.message["zh-CN"]])).toEqual([
      ["high", expect.stringMatching(/^jsDelivr 的脚本监听顾客在 「身份证号码」 中的按键或输入/)],
      ["high", expect.stringContaining("「身份证号码」")]
    ])
    expect(listening[0]!.evidence).toEqual([expect.stringContaining(`input listener on the whole document, which hears 「身份证号码」 — script ${recorder} — consent: no decision yet`)])
    expect(listening[1]!.message.en).toContain("keys or input in 「身份证号码」")
  })

  it("a decision stored on an earlier visit covers requests made before the SDK reported it", async () => {
    const events: CollectionEvent[] = [
      { type: "config", time: T0, config: CONFIG },
      request(T0 + 10, "https://hm.baidu.com/hm.js?6a2f"),
      consent(T0 + 500, "ready", state({ analytics: true }, {}, T0 - 86_400_000))
    ]
    const report = await buildReport({ url: PAGE, events })
    expect(report.requests[0]!.beforeConsent).toBe(false)
    expect(report.findings).toEqual([])
  })

  it("PIPL-14-1: trackers on a page without Zhiqing are reported once, without consent-based findings", async () => {
    const report = await buildReport({
      url: "https://shop.example.com/",
      events: [request(T0, "https://hm.baidu.com/hm.js?1"), request(T0 + 1, "https://www.googletagmanager.com/gtag/js?id=G-1"), request(T0 + 2, "https://fonts.googleapis.com/css")]
    })
    expect(rules(report)).toEqual(["PIPL-14-1:medium"])
    expect(report.findings[0]!.evidence).toHaveLength(2)
    expect(report.consent).toBeNull()
  })

  it("a purpose the decision leaves out is APPM-3-3 (never asked), and an HK transfer with the HK item granted is fine", async () => {
    const events: CollectionEvent[] = [
      { type: "config", time: T0, config: CONFIG },
      consent(T0, "decision", state({ analytics: true }, { "crossborder-hk-warehouse": true })),
      request(T0 + 10, "https://analytics.oceanengine.com/api/v2/pixel?event_type=page_view"),
      request(T0 + 20, "https://wms.example-global.hk/orders", { method: "POST", body: `mobile=${SHOPPER.mobile}` })
    ]
    const report = await buildReport({ url: PAGE, events })
    expect(rules(report)).toEqual(["APPM-3-3:medium"])
    expect(report.requests[1]).toMatchObject({ crossBorder: true, thirdParty: true, pii: [{ kind: "phone", where: "body:form:mobile", masked: "139****5678", encoding: "plain" }] })
  })

  it("recognises a collector the shop hosts itself, and keeps a request whose URL does not parse", async () => {
    const events: CollectionEvent[] = [
      { type: "config", time: T0, config: CONFIG },
      consent(T0, "decision", state({ analytics: true })),
      request(T0 + 10, "https://www.zhixuan.com.cn/sa?project=default", { method: "POST", body: "data=e30%3D" }),
      request(T0 + 20, "not a url")
    ]
    const report = await buildReport({ url: PAGE, events })
    expect(report.requests[0]).toMatchObject({ thirdParty: false, crossBorder: false, purpose: "analytics", tracker: { id: "sensors-data" } })
    expect(report.requests[1]).toMatchObject({ url: "not a url", host: "", thirdParty: true })
  })

  it("an empty page makes an empty report", async () => {
    const report = await buildReport({ url: "", events: [], now: T0 })
    expect(report).toEqual({ url: "", consent: null, requests: [], cookies: [], fields: [], findings: [], consentLog: [], generatedAt: new Date(T0).toISOString() })
  })
})

describe("buildReport's consent log", () => {
  it("keeps every consent moment in time order: the dialog appearing, the decision and a withdrawal", async () => {
    const agreed = state({ analytics: true, marketing: true }, {}, T0 + 2000)
    const withdrawn = state({ analytics: false, marketing: true }, {}, T0 + 9000)
    const events: CollectionEvent[] = [
      { type: "config", time: T0, config: CONFIG },
      consent(T0 + 2000, "decision", agreed),
      consent(T0 + 400, "dialog-shown", null),
      consent(T0 + 9000, "withdrawal", withdrawn)
    ]
    const report = await buildReport({ url: PAGE, events })
    expect(report.consentLog).toEqual([
      { time: T0 + 400, phase: "dialog-shown", state: null },
      { time: T0 + 2000, phase: "decision", state: agreed },
      { time: T0 + 9000, phase: "withdrawal", state: withdrawn }
    ])
  })

  it("PIPL-15-2: the preference centre opening after a decision does not undo it for the findings", async () => {
    const events: CollectionEvent[] = [
      { type: "config", time: T0, config: CONFIG },
      consent(T0 + 100, "decision", state({ analytics: true, marketing: false })),
      consent(T0 + 5000, "dialog-shown", null),
      request(T0 + 6000, "https://analytics.oceanengine.com/api/v2/pixel?event_type=page_view")
    ]
    const report = await buildReport({ url: PAGE, events })
    expect(rules(report)).toEqual(["PIPL-15-2:high"])
    expect(report.consent?.purposes.analytics).toBe(true)
  })
})
