import { createHash } from "node:crypto"
import { describe, expect, it } from "vitest"
import { CONFIG, PAGE, T0, consent, request, state } from "../analysis/test-events"
import type { CollectionEvent } from "../events"
import type { CanaryValue } from "./generate"
import { traceCanaries } from "./trace"

const CANARIES: CanaryValue[] = [
  { kind: "name", value: "罗睿瑶" },
  { kind: "phone", value: "18745612398" },
  { kind: "id-card", value: "440305199204181236" },
  { kind: "bank-card", value: "6222021234567890128" },
  { kind: "email", value: "zhou.wu384812@example.com" },
  { kind: "address", value: "四川省成都市武侯区学院路12号303室" }
]
const sha256 = (text: string) => createHash("sha256").update(text).digest("hex")
const md5 = (text: string) => createHash("md5").update(text).digest("hex")
const base64 = (text: string) => Buffer.from(text).toString("base64")
const value = (kind: CanaryValue["kind"]) => CANARIES.find((canary) => canary.kind === kind)!.value

function leakyCheckout(): CollectionEvent[] {
  const sensors = JSON.stringify({ distinct_id: value("phone"), properties: { receiver_name: value("name"), id_card: value("id-card"), receiver_address: value("address") } })
  return [
    { type: "config", time: T0, config: CONFIG },
    consent(T0 + 100, "decision", state({ analytics: true, marketing: false })),
    request(T0 + 1000, "https://zhixuan.datasink.sensorsdata.cn/sa?project=zhixuan", { method: "POST", channel: "fetch", body: `data=${encodeURIComponent(base64(sensors))}&gzip=0` }),
    request(T0 + 1000, "https://zhixuan.datasink.sensorsdata.cn/sa?project=zhixuan", { method: "POST", body: `data=${encodeURIComponent(base64(sensors))}&gzip=0` }),
    request(T0 + 1100, `https://www.facebook.com/tr?id=9182&ev=Purchase&ud%5Bph%5D=${sha256(`86${value("phone")}`)}&ud%5Bem%5D=${sha256(value("email"))}&cd%5Bphone%5D=${value("phone")}`, { channel: "image" }),
    request(T0 + 1200, "https://analytics.oceanengine.com/api/v2/pixel?event_type=submit", { channel: "image", body: undefined }),
    request(T0 + 1300, `https://hm.baidu.com/hm.gif?ep=${md5(value("email"))}&addr=${encodeURIComponent(value("address"))}`, { channel: "image" }),
    request(T0 + 1400, `${PAGE}/submit`, { method: "POST", channel: "form", body: `name=${encodeURIComponent(value("name"))}&mobile=${value("phone")}` })
  ]
}

describe("canary tracing: where each generated value went", () => {
  it("APPM-3-3: the phone and ID number inside Sensors Data's base64 payload, once per request, after analytics was granted", async () => {
    const traces = await traceCanaries({ url: PAGE, events: leakyCheckout(), canaries: CANARIES })
    const id = traces.find((trace) => trace.kind === "id-card")!
    expect(id.masked).toBe("44**************36")
    expect(id.hits).toEqual([
      expect.objectContaining({
        host: "zhixuan.datasink.sensorsdata.cn",
        method: "POST",
        thirdParty: true,
        tracker: expect.objectContaining({ id: "sensors-data", country: "CN" }),
        crossBorder: false,
        forms: ["base64"],
        decided: true,
        purpose: { id: "analytics", status: "granted" }
      })
    ])
    expect(id.hits[0]!.where[0]).toContain("base64")
  })

  it("PIPL-39: the phone SHA-256-hashed with +86 and in clear, and the email hashed, to the overseas Meta pixel", async () => {
    const traces = await traceCanaries({ url: PAGE, events: leakyCheckout(), canaries: CANARIES })
    const phoneToMeta = traces.find((trace) => trace.kind === "phone")!.hits.find((hit) => hit.host === "www.facebook.com")!
    expect(phoneToMeta).toMatchObject({ country: "US", crossBorder: true, tracker: { id: "meta-pixel" } })
    expect(phoneToMeta.forms.sort()).toEqual(["plain", "sha256"])
    const emailToMeta = traces.find((trace) => trace.kind === "email")!.hits.find((hit) => hit.host === "www.facebook.com")!
    expect(emailToMeta.forms).toEqual(["sha256"])
    // The URL shown never carries the value, hashed or not.
    expect(phoneToMeta.url).not.toContain(value("phone"))
  })

  it("tells MD5 and url-encoded copies apart, and counts the shop's own form post as first party", async () => {
    const traces = await traceCanaries({ url: PAGE, events: leakyCheckout(), canaries: CANARIES })
    const emailToBaidu = traces.find((trace) => trace.kind === "email")!.hits.find((hit) => hit.host === "hm.baidu.com")!
    expect(emailToBaidu.forms).toEqual(["md5"])
    const addressToBaidu = traces.find((trace) => trace.kind === "address")!.hits.find((hit) => hit.host === "hm.baidu.com")!
    expect(addressToBaidu).toMatchObject({ forms: ["url"], where: ["query:addr"] })
    const name = traces.find((trace) => trace.kind === "name")!
    expect(name.hits.map((hit) => [hit.host, hit.thirdParty, hit.forms])).toEqual([
      ["zhixuan.datasink.sensorsdata.cn", true, ["base64"]],
      ["www.zhixuan.com.cn", false, ["plain"]]
    ])
  })

  it("a value that went nowhere has no hits, and a request before any decision says so", async () => {
    const events: CollectionEvent[] = [
      { type: "config", time: T0, config: CONFIG },
      consent(T0 + 10, "dialog-shown", null),
      request(T0 + 50, `https://hm.baidu.com/hm.gif?u=${value("phone")}`, { channel: "image" })
    ]
    const traces = await traceCanaries({ url: PAGE, events, canaries: CANARIES })
    expect(traces.find((trace) => trace.kind === "phone")!.hits).toEqual([
      expect.objectContaining({ host: "hm.baidu.com", decided: false, purpose: { id: "analytics", status: "undecided" }, forms: ["plain"] })
    ])
    expect(traces.filter((trace) => trace.kind !== "phone").every((trace) => trace.hits.length === 0)).toBe(true)
  })
})
