// @vitest-environment happy-dom
import { render } from "preact"
import { act } from "preact/test-utils"
import { describe, expect, it, vi } from "vitest"
import { sampleReport } from "../export/test-report"
import { PanelApp } from "./panel-app"
import { panelTestRoot } from "./test-root"

const root = panelTestRoot()

async function mount(draftConfig?: (tabId: number) => Promise<string | undefined>) {
  await act(async () => {
    render(<PanelApp tabId={7} askReport={async () => sampleReport()} save={() => undefined} initialLocale="en" pollIntervalMs={60_000} draftConfig={draftConfig} />, root())
  })
}

const flush = () =>
  act(async () => {
    for (let round = 0; round < 5; round++) await Promise.resolve()
  })

const draftButton = () => [...root().querySelectorAll<HTMLButtonElement>("button")].find((button) => button.textContent === "Draft a Zhiqing config from this page")

describe("the panel's draft button", () => {
  it("drafts a config from the inspected tab", async () => {
    const draftConfig = vi.fn(async () => undefined)
    await mount(draftConfig)
    await act(async () => draftButton()!.click())
    expect(draftConfig).toHaveBeenCalledWith(7)
    expect(root().querySelector("[data-testid=draft-error]")).toBeNull()
  })

  it("says why when there is no draft, in the panel's language", async () => {
    await mount(async () => "could not read the page: Cannot access contents of the page")
    await act(async () => draftButton()!.click())
    await flush()
    expect(root().querySelector("[data-testid=draft-error]")?.textContent).toBe("Could not draft a config: could not read the page: Cannot access contents of the page")
  })

  it("is absent where drafting is not offered", async () => {
    await mount()
    expect(draftButton()).toBeUndefined()
  })
})
