// @vitest-environment happy-dom
import { describe, expect, it } from "vitest"
import type { ReportField } from "../report"
import { fillFieldsInPage, fillPlan } from "./fill"
import type { CanaryValue } from "./generate"

const CANARIES: CanaryValue[] = [
  { kind: "name", value: "罗睿瑶" },
  { kind: "phone", value: "18745612398" },
  { kind: "id-card", value: "440305199204181236" }
]

describe("filling forms with canary values", () => {
  it("plans one step per field of a kind it has a value for, and leaves other fields alone", () => {
    const fields: ReportField[] = [
      { selector: "#name", kind: "name", sensitive: false },
      { selector: "#mobile", kind: "phone", sensitive: false },
      { selector: "#note", kind: "other", sensitive: false },
      { selector: "#mobile", kind: "phone", sensitive: false },
      { selector: "#idNumber", kind: "id-card", sensitive: true }
    ]
    expect(fillPlan(fields, CANARIES)).toEqual([
      { selector: "#name", value: "罗睿瑶" },
      { selector: "#mobile", value: "18745612398" },
      { selector: "#idNumber", value: "440305199204181236" }
    ])
  })

  it("types the values in as the shopper would: the page's input and change listeners see them", () => {
    document.body.innerHTML = `<form><input id="name"><textarea id="address"></textarea><input id="mobile" type="tel"></form>`
    const heard: string[] = []
    document.addEventListener("input", (event) => heard.push(`input:${(event.target as HTMLInputElement).id}`))
    document.addEventListener("change", (event) => heard.push(`change:${(event.target as HTMLInputElement).value}`))
    const outcome = fillFieldsInPage([
      { selector: "#name", value: "罗睿瑶" },
      { selector: "#mobile", value: "18745612398" },
      { selector: "#address", value: "四川省成都市武侯区学院路12号303室" }
    ])
    expect(outcome).toEqual({ filled: 3, skipped: 0 })
    expect(document.querySelector<HTMLInputElement>("#mobile")!.value).toBe("18745612398")
    expect(document.querySelector<HTMLTextAreaElement>("#address")!.value).toBe("四川省成都市武侯区学院路12号303室")
    expect(heard).toEqual(["input:name", "change:罗睿瑶", "input:mobile", "change:18745612398", "input:address", "change:四川省成都市武侯区学院路12号303室"])
  })

  it("PIPL-29: leaves a field the page keeps disabled until separate consent, and survives a selector that does not parse", () => {
    document.body.innerHTML = `<input id="idNumber" disabled><input id="card" readonly>`
    expect(fillFieldsInPage([{ selector: "#idNumber", value: "440305199204181236" }, { selector: "#card", value: "1" }, { selector: "[[", value: "x" }])).toEqual({ filled: 0, skipped: 2 })
    expect(document.querySelector<HTMLInputElement>("#idNumber")!.value).toBe("")
  })
})
