// @vitest-environment happy-dom
import { describe, expect, it } from "vitest"
import { fieldWithValue, newFields } from "./fields"

describe("the form-field inventory (PIPL-28)", () => {
  it("names each field by its id, name or path and reads its Chinese or English label", () => {
    document.body.innerHTML = `
      <form id="checkout">
        <label for="mobile">手机号码</label><input id="mobile" name="mobile" type="tel" autocomplete="tel">
        <label>Resident ID <input name="idNumber"></label>
        <div><input aria-label="收货地址"></div>
        <input type="hidden" name="csrf" value="x"><button>提交</button>
        <textarea placeholder="备注"></textarea>
      </form>`
    const seen = new WeakSet<Element>()
    const fields = newFields(document, seen, 1)
    expect(fields).toEqual([
      { type: "field", time: 1, selector: "#mobile", name: "mobile", inputType: "tel", autocomplete: "tel", label: "手机号码" },
      { type: "field", time: 1, selector: 'input[name="idNumber"]', name: "idNumber", inputType: "text", label: "Resident ID" },
      { type: "field", time: 1, selector: "#checkout > div > input", inputType: "text", label: "收货地址" },
      { type: "field", time: 1, selector: "#checkout > textarea", inputType: "textarea", label: "备注" }
    ])
    expect(newFields(document, seen, 2)).toEqual([])
  })

  it("keeps what the shopper typed, but never a password", () => {
    document.body.innerHTML = `<input id="phone" value=" 13912345678 "><input id="secret" type="password" value="hunter2"><input id="empty">`
    expect(fieldWithValue(document.querySelector<HTMLInputElement>("#phone")!, 3)?.value).toBe("13912345678")
    expect(fieldWithValue(document.querySelector<HTMLInputElement>("#secret")!, 3)).toBeUndefined()
    expect(fieldWithValue(document.querySelector<HTMLInputElement>("#empty")!, 3)).toBeUndefined()
  })
})
