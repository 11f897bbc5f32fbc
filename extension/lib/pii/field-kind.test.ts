import { describe, expect, it } from "vitest"
import { fieldKind } from "./field-kind"

describe("form fields (PIPL-28)", () => {
  it.each([
    [{ label: "手机号" }, "phone", false],
    [{ name: "mobile" }, "phone", false],
    [{ inputType: "tel", name: "contact" }, "phone", false],
    [{ autocomplete: "shipping tel" }, "phone", false],
    [{ name: "idNumber", label: "身份证号码" }, "id-card", true],
    [{ name: "id_card" }, "id-card", true],
    [{ label: "身份证", autocomplete: "name" }, "id-card", true],
    [{ label: "银行卡号" }, "bank-card", true],
    [{ autocomplete: "cc-number" }, "bank-card", true],
    [{ label: "姓名", name: "name" }, "name", false],
    [{ name: "receiver_name" }, "name", false],
    [{ label: "收货地址", name: "address" }, "address", false],
    [{ label: "邮箱", inputType: "email" }, "email", false],
    [{ name: "email" }, "email", false],
    [{ label: "当前位置" }, "location", true],
    [{ label: "上传人脸照片", inputType: "file" }, "other", true],
    [{ name: "username" }, "other", false],
    [{ name: "password", inputType: "password", label: "手机验证码" }, "other", false],
    [{ name: "coupon", label: "优惠码" }, "other", false],
    [{ name: "hotel" }, "other", false]
  ] as const)("%o is %s (sensitive: %s)", (field, kind, sensitive) => expect(fieldKind(field)).toEqual({ kind, sensitive }))
})
