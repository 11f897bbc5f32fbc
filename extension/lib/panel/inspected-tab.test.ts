import { describe, expect, it } from "vitest"
import { inspectedTabId, scanRequested } from "./inspected-tab"

describe("inspectedTabId", () => {
  it("prefers the tab DevTools inspects", () => {
    expect(inspectedTabId("?tabId=9", { inspectedWindow: { tabId: 4 } })).toBe(4)
  })

  it("falls back to ?tabId= outside DevTools", () => {
    expect(inspectedTabId("?tabId=123", undefined)).toBe(123)
  })

  it("rejects a missing or malformed tab id", () => {
    expect(inspectedTabId("", undefined)).toBeUndefined()
    expect(inspectedTabId("?tabId=abc", undefined)).toBeUndefined()
    expect(inspectedTabId("?tabId=-1", undefined)).toBeUndefined()
    expect(inspectedTabId("?tabId=1.5", undefined)).toBeUndefined()
  })
})

describe("scanRequested", () => {
  it("starts the consent scan only when the popup asked with ?scan=1", () => {
    expect(scanRequested("?tabId=3&scan=1")).toBe(true)
    expect(scanRequested("?tabId=3")).toBe(false)
    expect(scanRequested("?tabId=3&scan=yes")).toBe(false)
  })
})
