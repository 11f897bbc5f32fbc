// @vitest-environment happy-dom
import { render } from "preact"
import { act } from "preact/test-utils"
import { describe, expect, it, vi } from "vitest"
import { panelTestRoot } from "../lib/panel/test-root"
import { App } from "./app"
import { encodeDraft } from "./draft"
import { memoryStorage } from "./sandbox"
import { STORAGE_KEY } from "./store"

const root = panelTestRoot()

function mount(options: { storage?: Storage; hash?: string } = {}) {
  const storage = options.storage ?? memoryStorage()
  const clearHash = vi.fn()
  act(() => {
    render(<App storage={storage} hash={options.hash ?? ""} browserLocale="en" clearHash={clearHash} />, root())
  })
  return { storage, clearHash, saved: () => JSON.parse(storage.getItem(STORAGE_KEY) ?? "null") }
}

function type(selector: string, value: string) {
  const input = root().querySelector<HTMLInputElement>(selector)
  if (!input) throw new Error(`no ${selector}`)
  act(() => {
    input.value = value
    input.dispatchEvent(new Event("input", { bubbles: true }))
  })
}

function button(name: string): HTMLButtonElement {
  const found = [...root().querySelectorAll("button")].find((element) => element.textContent === name)
  if (!found) throw new Error(`no button ${name}`)
  return found
}

describe("the configurator page", () => {
  it("shows a problem under its field and drops it once the field is filled, saving each change", () => {
    const page = mount()
    expect(root().querySelector("#field-handler-contact-notes")?.textContent).toBe("is required (expected string)")
    type("#field-handler-contact", "privacy@shop.example")
    expect(root().querySelector("#field-handler-contact-notes")).toBeNull()
    expect(page.saved().config.handler.contact).toBe("privacy@shop.example")
  })

  it("keeps a list's trailing comma while the merchant is still typing it", () => {
    const page = mount()
    type("#field-purposes-0-dataCategories", "account, ")
    expect(root().querySelector<HTMLInputElement>("#field-purposes-0-dataCategories")?.value).toBe("account, ")
    expect(page.saved().config.purposes[0].dataCategories).toEqual(["account"])
  })

  it("asks before a draft replaces work, and keeps the work when told to", () => {
    const storage = memoryStorage()
    storage.setItem(STORAGE_KEY, JSON.stringify({ config: { handler: { contact: "mine@shop.example" } }, todo: [], gating: [], locale: "en" }))
    const hash = encodeDraft({ config: { handler: { contact: "draft@shop.example" } }, todo: [], gating: [] })
    const page = mount({ storage, hash })
    expect(root().querySelector("[role=alertdialog]")?.textContent).toContain("Replace your current config with it?")
    expect(page.clearHash).not.toHaveBeenCalled()
    act(() => button("Keep my config").click())
    expect(page.saved().config.handler.contact).toBe("mine@shop.example")
    expect(page.clearHash).toHaveBeenCalledOnce()
  })

  it("takes a draft at once when there is no work to lose, with its todos listed and marked at their fields", () => {
    // A todo may name a part of a text field's value; it stands at that field and is done once the field is filled.
    const hash = encodeDraft({ config: { handler: {} }, todo: [{ path: "handler.contact.email", message: { "zh-CN": "填写联系方式", en: "Give a contact" } }], gating: [] })
    const page = mount({ hash })
    expect(root().querySelector(".todos li")?.textContent).toBe("Give a contact handler.contact.email")
    expect(root().querySelector(".field.todo #field-handler-contact")).not.toBeNull()
    expect(page.saved().todo).toHaveLength(1)
    type("#field-handler-contact", "privacy@shop.example")
    expect(root().querySelector(".todos")).toBeNull()
  })
})
