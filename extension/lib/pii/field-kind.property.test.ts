import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { fieldKind } from "./field-kind"
import { anyText } from "./test-arbitraries"

const words = fc.oneof(anyText, fc.constantFrom("身份证号码", "银行卡号", "手机号", "收货地址", "姓名", "email", "cc-number", "password", "__proto__", "constructor", "toString"))

describe("fieldKind on generated fields", () => {
  it("PIPL-28: never throws; ID and bank-card fields are always sensitive; a password or hidden field is never reported", () => {
    fc.assert(
      fc.property(
        fc.record({ selector: words, name: words, inputType: fc.oneof(words, fc.constantFrom("password", "hidden", "tel", "email")), autocomplete: words, label: words }, { requiredKeys: [] }),
        (field) => {
          const { kind, sensitive } = fieldKind(field)
          expect(["phone", "id-card", "bank-card", "email", "name", "address", "location", "other"]).toContain(kind)
          if (kind === "id-card" || kind === "bank-card" || kind === "location") expect(sensitive).toBe(true)
          if (field.inputType === "password" || field.inputType === "hidden") expect({ kind, sensitive }).toEqual({ kind: "other", sensitive: false })
        }
      ),
      { numRuns: 3000 }
    )
  })
})
