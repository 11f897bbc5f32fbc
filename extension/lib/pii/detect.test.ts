import { describe, expect, it } from "vitest"
import { detectPi, findPi } from "./detect"

const kinds = (text: string, context = {}) => findPi(text, context).map((match) => `${match.kind}:${match.value}`)

describe("mainland mobile numbers", () => {
  it("finds an 11-digit mobile number wherever it stands alone", () => {
    expect(kinds("mobile=13812345678&x=1")).toEqual(["phone:13812345678"])
    expect(kinds('{"tel":"19912345678"}')).toEqual(["phone:19912345678"])
    expect(kinds("手机13812345678，请回电")).toEqual(["phone:13812345678"])
    expect(kinds("ph=8613812345678")).toEqual(["phone:8613812345678"])
    expect(kinds("call 138-1234-5678 or 138 1234 5679")).toEqual(["phone:138-1234-5678", "phone:138 1234 5679"])
    expect(kinds("q=%2213812345678%22")).toEqual(["phone:13812345678"])
  })

  it("ignores timestamps, order numbers and numbers inside longer tokens", () => {
    expect(kinds("ts=1732500000000")).toEqual([])
    expect(kinds("ts=1732500000")).toEqual([])
    expect(kinds("order=202411251381234567")).toEqual([])
    expect(kinds("order=E13812345678")).toEqual([])
    expect(kinds("sku=138123456789")).toEqual([])
    expect(kinds("n=12812345678")).toEqual([])
    expect(kinds("hash=ab13812345678cd")).toEqual([])
  })
})

describe("resident ID numbers", () => {
  it("accepts valid 18-character numbers, also with an X check character", () => {
    expect(kinds("id=11010519491231002X")).toEqual(["id-card:11010519491231002X"])
    expect(kinds('{"idCard":"310115199003071239"}')).toEqual(["id-card:310115199003071239"])
  })

  it("rejects a wrong checksum, an impossible date and 17 digits", () => {
    expect(kinds("id=310115199003071238")).toEqual([])
    expect(kinds("id=110105194902300020")).toEqual([])
    expect(kinds("id=31011519900307123")).toEqual([])
  })
})

describe("bank cards", () => {
  it("finds Luhn-valid numbers with a known issuer prefix", () => {
    expect(kinds("card=6222021234567890128")).toEqual(["bank-card:6222021234567890128"])
    expect(kinds("pan 4111111111111111.")).toEqual(["bank-card:4111111111111111"])
  })

  it("needs Luhn, or a card-number key, before it calls a digit run a card", () => {
    expect(kinds("x=6222021234567890123")).toEqual([])
    expect(kinds("6222021234567890123", { key: "bankCardNo" })).toEqual(["bank-card:6222021234567890123"])
    expect(kinds("advertiser_id=1789012345678901")).toEqual([])
  })
})

describe("emails", () => {
  it("finds addresses in free text, JSON and forms", () => {
    expect(kinds("em=zhang.san+shop@example.com.cn&x=1")).toEqual(["email:zhang.san+shop@example.com.cn"])
    expect(kinds('{"email":"shopper8@example.cn"}')).toEqual(["email:shopper8@example.cn"])
  })

  it("ignores image names, bare hosts and lone @ signs", () => {
    expect(kinds("logo@2x.png")).toEqual([])
    expect(kinds("user@localhost and @ and a@.cn")).toEqual([])
  })
})

describe("names, addresses and locations by context", () => {
  it("takes a name or address from the key it travels under", () => {
    expect(kinds("张三", { key: "receiver_name" })).toEqual(["name:张三"])
    expect(kinds("Li Lei", { key: "fullName" })).toEqual(["name:Li Lei"])
    expect(kinds("张三", { key: "name", parentKey: "receiver" })).toEqual(["name:张三"])
    expect(kinds("浙江省杭州市西湖区文三路90号", { key: "收货地址" })).toEqual(["address:浙江省杭州市西湖区文三路90号"])
    expect(kinds("31.230416", { key: "lat" })).toEqual(["location:31.230416"])
  })

  it("does not call product names, event names or IP addresses personal", () => {
    expect(kinds("蓝牙耳机", { key: "name", parentKey: "product" })).toEqual([])
    expect(kinds("page_view", { key: "event_name" })).toEqual([])
    expect(kinds("192.168.1.10", { key: "ip_address" })).toEqual([])
    expect(kinds("add_to_cart", { key: "receiver_name" })).toEqual([])
  })

  it("finds coordinate pairs and Chinese street addresses in free text", () => {
    expect(kinds("pos=31.230416,121.473701")).toEqual(["location:31.230416,121.473701"])
    expect(kinds("price=12.5,13.0")).toEqual([])
    expect(kinds("送至上海市浦东新区世纪大道100号")).toEqual(["address:送至上海市浦东新区世纪大道100号"])
  })
})

describe("detectPi", () => {
  it("reports kinds and where, masked, never the value", () => {
    const found = detectPi("mobile=13812345678&id=11010519491231002X", { where: "query" })
    expect(found).toEqual([
      { kind: "phone", where: "query", masked: "138****5678", encoding: "plain" },
      { kind: "id-card", where: "query", masked: "11**************2X", encoding: "plain" }
    ])
    expect(JSON.stringify(found)).not.toContain("13812345678")
  })

  it("has nothing to say about empty text", () => expect(detectPi("")).toEqual([]))
})

// A hang guard, not a speed target (that is `npm run bench`): backtracking gone wrong takes minutes, not seconds.
describe("adversarial input", () => {
  it.each([
    ["digits", "1".repeat(1_000_000)],
    ["at signs", "a@".repeat(500_000)],
    ["coordinates", "1.23456,".repeat(125_000)],
    ["addresses", "上海市路号".repeat(200_000)]
  ])("a megabyte of %s does not make the scan hang", (_, text) => {
    const started = performance.now()
    detectPi(text)
    expect(performance.now() - started).toBeLessThan(2000)
  })
})
