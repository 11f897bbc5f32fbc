/**
 * No export lets a shopper's data back out. Random personal information is typed into a checkout's fields
 * and sent in random payloads, wrapped in every encoding the decoders know; the real analysis builds the Report, the
 * real exports and the canary trace and consent scan are made from it, and each is then searched the way a reader
 * would decode it: nothing typed may be found, as typed, encoded or hashed.
 */
import { gzipSync } from "node:zlib"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { buildReport } from "../analysis/build-report"
import type { CollectionEvent, FieldEvent, RequestEvent } from "../events"
import { traceCanaries } from "../canary/trace"
import type { KnownValue } from "../pii/known-values"
import { mobileNumber, residentId, unionPayCard } from "../pii/test-arbitraries"
import { compareRuns } from "../scan/compare"
import { reportToHar } from "./har"
import { reportToHtml } from "./html"
import { reportToJson } from "./json"
import { recoverableValues } from "./test-recover"

const PAGE = "https://shop.example.cn/checkout"
const T0 = Date.UTC(2026, 11, 4, 8, 0, 0)

const chineseName = fc.array(fc.constantFrom(..."王李张刘陈杨黄赵周吴徐孙马朱胡郭林何高罗小明华建国丽娟伟芳秀英"), { minLength: 2, maxLength: 4 }).map((chars) => chars.join(""))
const email = fc
  .tuple(fc.stringMatching(/^[a-z][a-z0-9._]{2,14}[a-z0-9]$/), fc.constantFrom("example.com", "qq.com", "163.com", "example.cn"))
  .filter(([local]) => !local.includes(".."))
  .map(([local, domain]) => `${local}@${domain}`)

const shopper = fc.record({ name: chineseName, phone: mobileNumber, idNumber: residentId, card: unionPayCard, email })
type Shopper = typeof shopper extends fc.Arbitrary<infer T> ? T : never

/** The checkout's fields as the relay reports them, with what was typed. */
function fields(values: Shopper): FieldEvent[] {
  const field = (selector: string, name: string, label: string, value: string, autocomplete?: string): FieldEvent => ({ type: "field", time: T0, selector, name, label, value, ...(autocomplete ? { autocomplete } : {}) })
  return [
    field("#consignee", "consignee", "收货人", values.name, "name"),
    field("#mobile", "mobile", "手机号码", values.phone, "tel"),
    field("#id-card", "idCard", "身份证号码", values.idNumber),
    field("#card", "cardNumber", "银行卡号", values.card, "cc-number"),
    field("#email", "email", "电子邮箱", values.email, "email")
  ]
}

const KEYS = ["distinct_id", "$name", "name", "phone", "mobile", "id_card", "idno", "email", "$email", "card", "user_id", "value", "v", "x"]

/** An SDK event: the values under random keys, among random filler that moves them to every offset and alignment. */
const event = (values: Shopper) =>
  fc
    .tuple(fc.shuffledSubarray(Object.values(values), { minLength: 1 }), fc.array(fc.constantFrom(...KEYS), { minLength: 5, maxLength: 5 }), fc.string({ maxLength: 7 }), fc.boolean())
    .map(([picked, keys, filler, nested]) => {
      const properties = Object.fromEntries(picked.map((value, index) => [`${keys[index % keys.length]}${index}`, value]))
      return { event: "$pageview", _: filler, ...(nested ? { properties } : properties) }
    })

type Wrap = (text: string) => string
const WRAPS: Record<string, Wrap> = {
  "json-string": (text) => JSON.stringify({ payload: text }),
  base64: (text) => Buffer.from(text).toString("base64"),
  base64url: (text) => Buffer.from(text).toString("base64url"),
  url: (text) => encodeURIComponent(text),
  gzip: (text) => gzipSync(text).toString("base64"),
  hex: (text) => Buffer.from(text).toString("hex"),
  form: (text) => `data=${encodeURIComponent(text)}&gzip=0`,
  batch: (text) => JSON.stringify([{ event: "$identify" }, text])
}

const payload = (values: Shopper) =>
  fc.tuple(fc.array(event(values), { minLength: 1, maxLength: 3 }), fc.array(fc.constantFrom(...Object.keys(WRAPS)), { maxLength: 3 })).map(([events, wraps]) => ({
    text: wraps.reduce((text, wrap) => WRAPS[wrap]!(text), JSON.stringify(events.length === 1 ? events[0] : events)),
    wraps
  }))

/** One request: the payload in the query, the path, the fragment or the body. */
const request = (values: Shopper, index: number) =>
  fc.tuple(payload(values), fc.constantFrom("query", "path", "fragment", "body"), fc.constantFrom("collector.example.net", "sa.example.cn")).map(([{ text, wraps }, place, host]): RequestEvent & { wraps: string[] } => {
    const time = T0 + 1000 + index
    const base = `https://${host}/sa.gif`
    if (place === "body") return { type: "request", time, url: `${base}?project=p`, method: "POST", channel: "webRequest", body: text, wraps }
    const url = place === "query" ? `${base}?project=p&data=${encodeURIComponent(text)}` : place === "path" ? `${base.replace("sa.gif", encodeURIComponent(text))}` : `${base}#${text}`
    return { type: "request", time, url, method: "GET", channel: "webRequest", wraps }
  })

const checkout = shopper.chain((values) => fc.tuple(fc.constant(values), fc.tuple(request(values, 0), request(values, 1), request(values, 2))))

function knownOf(values: Shopper): KnownValue[] {
  return [
    { kind: "name", value: values.name },
    { kind: "phone", value: values.phone },
    { kind: "id-card", value: values.idNumber },
    { kind: "bank-card", value: values.card },
    { kind: "email", value: values.email }
  ]
}

describe("exports on generated checkouts", () => {
  it("Sensors Data's image URL: data= is base64 of JSON carrying the typed values; none can be decoded from any export", async () => {
    const values: Shopper = { name: "欧阳子涵", phone: "13812345678", idNumber: "11010519900307123X", card: "6222021234567890128", email: "ouyang.zihan@example.cn" }
    const data = Buffer.from(JSON.stringify({ distinct_id: values.phone, lib: { $lib: "js" }, properties: { id_card: values.idNumber, email: values.email, consignee: values.name } })).toString("base64")
    const events: CollectionEvent[] = [...fields(values), { type: "request", time: T0 + 1000, url: `https://shop.datasink.sensorsdata.cn/sa.gif?project=default&data=${encodeURIComponent(data)}&ext=crc%3D1`, method: "GET", channel: "image" }]
    const report = await buildReport({ url: PAGE, events, now: T0 + 5000 })
    expect(report.requests[0]!.pii.map((pi) => pi.kind).sort()).toEqual(["email", "id-card", "name", "phone"])
    for (const text of [reportToJson(report), JSON.stringify(reportToHar(report)), reportToHtml(report)]) expect(await recoverableValues(text, knownOf(values))).toEqual([])
    // Still base64 of JSON, now of the masked values, so the reader sees what kind of payload went where.
    const masked = JSON.parse(Buffer.from(new URL(report.requests[0]!.url).searchParams.get("data")!, "base64").toString()) as { distinct_id: string; properties: Record<string, string> }
    expect(masked).toMatchObject({ distinct_id: "138****5678", properties: { id_card: "11**************3X", email: "o***@example.cn", consignee: "欧**" } })
  })

  it("no typed value can be decoded out of the Report, the HAR, the HTML, the canary trace or the consent scan", async () => {
    await fc.assert(
      fc.asyncProperty(checkout, async ([values, requests]) => {
        const events: CollectionEvent[] = [...fields(values), ...requests.map(({ wraps: _, ...event }) => event)]
        const report = await buildReport({ url: PAGE, events, now: T0 + 5000 })
        const canaries = knownOf(values).flatMap(({ kind, value }) => (kind === "location" ? [] : [{ kind, value }]))
        // The canary trace shows its own fake values in full by design; everything else in it must be masked.
        const traces = (await traceCanaries({ url: PAGE, events, canaries })).map(({ value: _, ...trace }) => trace)
        const scan = compareRuns(PAGE, [{ choice: "ignore", outcome: "done", reports: [report] }], T0 + 6000)
        const exports = {
          report: reportToJson(report),
          har: JSON.stringify(reportToHar(report)),
          html: reportToHtml(report),
          canary: JSON.stringify(traces),
          scan: JSON.stringify(scan)
        }
        for (const [name, text] of Object.entries(exports)) {
          expect({ name, wraps: requests.map((each) => each.wraps), found: await recoverableValues(text, knownOf(values)) }).toEqual({ name, wraps: requests.map((each) => each.wraps), found: [] })
        }
      }),
      { numRuns: 60 }
    )
  }, 120_000)
})
