import { describe, expect, it } from "vitest"
import { formatPath, getAt, isFilled, isFilledAt, parsePath, setAt } from "./paths"

describe("field paths", () => {
  it("reads the notation of the SDK's issues, hyphenated locale keys included", () => {
    expect(parsePath("separate[2].recipient.name.zh-CN")).toEqual(["separate", 2, "recipient", "name", "zh-CN"])
    expect(formatPath(parsePath("purposes[0].title.en"))).toBe("purposes[0].title.en")
  })

  it("gets nothing through a step of the wrong kind instead of throwing", () => {
    const config = { handler: "Acme", purposes: { a: 1 } }
    expect(getAt(config, "handler.name.en")).toBeUndefined()
    expect(getAt(config, "purposes[0].id")).toBeUndefined()
  })

  it("writes a copy and leaves the original as it was", () => {
    const config = { handler: { contact: "a@b.cn" } }
    const next = setAt(config, "handler.name.zh-CN", "示例")
    expect(next).toEqual({ handler: { contact: "a@b.cn", name: { "zh-CN": "示例" } } })
    expect(config).toEqual({ handler: { contact: "a@b.cn" } })
  })

  it("removes an emptied field and the object it leaves empty", () => {
    const config = { handler: { contact: "a@b.cn", address: { en: "1 Road" } } }
    expect(setAt(config, "handler.address.en", "")).toEqual({ handler: { contact: "a@b.cn" } })
  })

  it("removes a list item when it is set to nothing", () => {
    expect(setAt({ purposes: [{ id: "a" }, { id: "b" }] }, "purposes[0]", undefined)).toEqual({ purposes: [{ id: "b" }] })
  })

  it("counts only what a merchant filled in", () => {
    expect([isFilled(" "), isFilled([]), isFilled({ en: "" }), isFilled(false), isFilled("x"), isFilled({ en: "x" })]).toEqual([false, false, false, true, true, true])
    // The inspector's draft marks what only the merchant knows: still to fill, in any language it is left in.
    expect([isFilled("【待填写】个人信息处理者的名称"), isFilled({ "zh-CN": "示例商城", en: "[to fill] the handler's name" }), isFilled({ "zh-CN": "示例商城", en: "Example Mall" })]).toEqual([false, false, true])
  })

  it("takes a path that runs past plain text as asking for that text", () => {
    expect(isFilledAt({ handler: { contact: "a@b.cn" } }, "handler.contact.email")).toBe(true)
    expect(isFilledAt({ handler: { contact: " " } }, "handler.contact.email")).toBe(false)
    expect(isFilledAt({ handler: {} }, "handler.contact.email")).toBe(false)
    expect(isFilledAt("text", "handler")).toBe(false)
  })
})
