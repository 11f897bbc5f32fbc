import { readFileSync } from "node:fs"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { isSafeUrl } from "./config-rules"
import { parseConfig, parseConsentState, parseReceipt, parseRightsRequest, type Receipt } from "./schema"

const canonical = JSON.parse(readFileSync(new URL("../examples/shop.config.json", import.meta.url), "utf8"))
const RUNS = { numRuns: 2000 }

const hex = (length: number) => fc.string({ unit: fc.constantFrom(..."0123456789abcdef"), minLength: length, maxLength: length })
const id = fc.stringMatching(/^[a-z0-9][a-z0-9_-]{0,20}$/)

/** Receipts as the SDK writes them: every field within its rules. */
const receipt: fc.Arbitrary<Receipt> = fc.record(
  {
    schema: fc.constant(1 as const),
    id: fc.uuid(),
    subject: fc.stringMatching(/^[A-Za-z0-9_.:-]{8,40}$/),
    policyVersion: fc.string({ minLength: 1, maxLength: 20 }).filter((text) => text.trim().length > 0 && text === text.trim()),
    locale: fc.constantFrom("zh-CN" as const, "en" as const),
    decidedAt: fc.date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2099-12-31T00:00:00Z"), noInvalidDate: true }).map((date) => date.toISOString()),
    purposes: fc.dictionary(id, fc.boolean(), { maxKeys: 8 }),
    separate: fc.dictionary(id, fc.boolean(), { maxKeys: 5 }),
    noticeHash: hex(64),
    given: fc.record({ flow: fc.constantFrom("banner" as const, "preferences" as const, "separate" as const, "request" as const, "withdraw" as const, "signal" as const, "sync" as const), control: fc.stringMatching(/^[a-z0-9:_-]{1,20}$/), guardian: fc.boolean() }, { requiredKeys: ["flow", "control"] }),
    origin: fc.webUrl(),
    sdk: fc.stringMatching(/^\d\.\d\.\d$/)
  },
  { requiredKeys: ["schema", "id", "subject", "policyVersion", "locale", "decidedAt", "purposes", "separate", "noticeHash", "given"] }
)

/** Values that must not pass for the field they replace. */
const WRONG: Record<string, fc.Arbitrary<unknown>> = {
  schema: fc.oneof(fc.integer().filter((n) => n !== 1), fc.constant("1")),
  id: fc.oneof(fc.constant(""), fc.constant("not-a-uuid"), fc.constant("<script>")),
  subject: fc.oneof(fc.constant("short"), fc.constant("a".repeat(129)), fc.constant("13812345678@example.cn"), fc.constant("<img src=x>")),
  locale: fc.constantFrom("fr", "zh", "ZH-cn", ""),
  decidedAt: fc.constantFrom("yesterday", "2026-13-01T00:00:00Z", "", 1700000000000),
  purposes: fc.constantFrom({ Analytics: true }, { analytics: "true" }, { analytics: 1 }, [true], null),
  separate: fc.constantFrom({ "sensitive id": true }, { x: null }, "all"),
  noticeHash: fc.oneof(hex(63), hex(65), fc.constant("G".repeat(64))),
  given: fc.constantFrom({ flow: "telepathy", control: "agree" }, { flow: "banner", control: "AGREE NOW" }, { flow: "banner" }, null)
}

describe("the shared schema on generated input", () => {
  it("never throws on any JSON value; a refusal always names a path and says what is wrong", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        for (const parse of [parseReceipt, parseConsentState, parseRightsRequest, parseConfig]) {
          const result = parse(value)
          if (!result.ok) {
            expect(result.issues.length).toBeGreaterThan(0)
            for (const issue of result.issues) expect(typeof issue.message === "string" && issue.message.length > 0).toBe(true)
          }
        }
      }),
      RUNS
    )
  })

  it("PIPL-69: a well-formed receipt is accepted and comes back exactly as sent, also through JSON", () => {
    fc.assert(
      fc.property(receipt, (sent) => {
        const parsed = parseReceipt(JSON.parse(JSON.stringify(sent)))
        expect(parsed).toEqual({ ok: true, value: sent })
      }),
      RUNS
    )
  })

  it("a receipt with one field spoiled is refused, and the first issue names that field", () => {
    const spoiled = receipt.chain((sent) => fc.constantFrom(...Object.keys(WRONG)).chain((field) => WRONG[field]!.map((value) => ({ sent, field, value }))))
    fc.assert(
      fc.property(spoiled, ({ sent, field, value }) => {
        const parsed = parseReceipt({ ...sent, [field]: value })
        expect(parsed.ok).toBe(false)
        if (!parsed.ok) expect(parsed.issues[0]!.path.split(/[.[]/)[0]).toBe(field)
      }),
      RUNS
    )
  })

  it("keys a sender adds are never kept, and __proto__ never reaches a prototype", () => {
    fc.assert(
      fc.property(receipt, fc.dictionary(fc.string({ minLength: 1, maxLength: 12 }).filter((key) => !["origin", "sdk"].includes(key)), fc.jsonValue(), { maxKeys: 5 }), (sent, extra) => {
        const text = JSON.stringify({ ...extra, ...sent }).replace(/^\{/, '{"__proto__":{"granted":true},')
        const parsed = parseReceipt(JSON.parse(text))
        expect(parsed.ok).toBe(true)
        if (!parsed.ok) return
        expect(Object.keys(parsed.value).every((key) => key in sent)).toBe(true)
        expect(Object.getPrototypeOf(parsed.value)).toBe(Object.prototype)
        expect((parsed.value as unknown as Record<string, unknown>).granted).toBeUndefined()
      }),
      RUNS
    )
  })

  it("a merchant link is accepted only as http(s) or a relative path, however a script URL is disguised", () => {
    const disguise = fc.tuple(fc.constantFrom("javascript", "JaVaScRiPt", "data", "vbscript", "file", "blob"), fc.constantFrom("", " ", "\t", "\n", "\u0000"), fc.constantFrom(":alert(1)", ":text/html,<script>alert(1)</script>"))
    fc.assert(
      fc.property(disguise, fc.constantFrom("zh-CN", "en"), ([scheme, blank, rest], locale) => {
        const url = `${blank}${scheme.slice(0, 2)}${blank}${scheme.slice(2)}${rest}`
        expect(isSafeUrl(url)).toBe(false)
        const config = structuredClone(canonical)
        config.policy.url[locale] = url
        const parsed = parseConfig(config)
        expect(parsed.ok).toBe(false)
      }),
      RUNS
    )
  })

  it("merchant text with markup or of great length is kept as text: validation neither throws nor alters it", () => {
    const text = fc.oneof(fc.constantFrom("<img src=x onerror=alert(1)>", "</script><script>alert(1)</script>", "{{constructor.constructor('alert(1)')()}}", "${alert(1)}"), fc.string({ minLength: 1, maxLength: 200 }), fc.constant("长".repeat(100_000)))
    fc.assert(
      fc.property(text.filter((value) => value.trim().length > 0), (value) => {
        const config = structuredClone(canonical)
        config.purposes[1].description.en = value
        const parsed = parseConfig(config)
        expect(parsed.ok).toBe(true)
        if (parsed.ok) expect(parsed.value.purposes[1]!.description.en).toBe(value.trim())
      }),
      { numRuns: 500 }
    )
  })
})
