import { describe, expect, it } from "vitest"
import { maskPi } from "./mask"

describe("masking personal information", () => {
  it.each([
    ["phone", "13812345678", "138****5678"],
    ["phone", "+86 138-1234-5678", "138****5678"],
    ["id-card", "11010519491231002X", "11**************2X"],
    ["bank-card", "6222021234567890123", "6222***********0123"],
    ["email", "zhang.san@example.cn", "z***@example.cn"],
    ["name", "张三丰", "张**"],
    ["address", "上海市浦东新区世纪大道100号", "上海市**"],
    ["location", "31.230416,121.473701", "31.2*,121.4*"]
  ] as const)("%s %s shows as %s", (kind, value, masked) => expect(maskPi(kind, value)).toBe(masked))

  it("never returns the value itself", () => {
    for (const value of ["a", "ab", "13812345678", "x@y.cn"]) expect(maskPi("name", value)).not.toBe(value)
  })
})
