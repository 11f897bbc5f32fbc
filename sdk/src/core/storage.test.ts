// @vitest-environment happy-dom
// @vitest-environment-options { "url": "http://shop.localhost/" }
import { afterEach, describe, expect, it, onTestFinished, vi } from "vitest"
import { COOKIE, deleteCookies, loadRecord, pinnedConfig, saveRecord, storePinnedConfig } from "./storage"
import type { StoredRecord } from "./decisions"

const record: StoredRecord = {
  v: 1,
  fp: { analytics: "abc" },
  state: {
    schema: 1,
    id: "3f0c1b9e-8d4a-4b7e-9a51-2b6f0c9d7e11",
    subject: "s_storage001",
    policyVersion: "2026-11",
    locale: "en",
    decidedAt: "2026-11-25T03:00:00.000Z",
    purposes: { necessary: true, analytics: true },
    separate: {},
    noticeHash: "c".repeat(64)
  }
}

afterEach(() => {
  vi.restoreAllMocks()
  document.cookie = `${COOKIE}=; Max-Age=0; Path=/`
  localStorage.clear()
})

describe("stored choices", () => {
  it("come back exactly as saved, from the cookie or from localStorage alone", () => {
    saveRecord(record)
    expect(loadRecord()).toEqual(record)
    localStorage.clear()
    expect(loadRecord()).toEqual(record)
    saveRecord(record)
    document.cookie = `${COOKIE}=; Max-Age=0; Path=/`
    expect(loadRecord()).toEqual(record)
  })

  it("a cookie set by hand to garbage or to a forged state means asking again, with a warning", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined)
    document.cookie = `${COOKIE}=%7Bgarbage; Path=/`
    expect(loadRecord()).toBeNull()
    const forged = { ...record, state: { ...record.state, purposes: { analytics: "yes" } } }
    document.cookie = `${COOKIE}=${encodeURIComponent(JSON.stringify(forged))}; Path=/`
    expect(loadRecord()).toBeNull()
    expect(String(warn.mock.calls.at(-1)?.[0])).toContain("purposes.analytics: expected boolean, got string")
  })

  it("a cookie set for the whole site over a stored decision (by a sibling subdomain, say) does not replace it", () => {
    const refused = { ...record, state: { ...record.state, purposes: { ...record.state.purposes, analytics: false } } }
    saveRecord(refused)
    const planted = { ...record, state: { ...record.state, purposes: { ...record.state.purposes, analytics: true } } }
    document.cookie = `${COOKIE}=${encodeURIComponent(JSON.stringify(planted))}; Path=/`
    expect(loadRecord()).toEqual(refused)
  })

  it("localStorage and cookies that throw never reach the shop's page", () => {
    const setItem = vi.spyOn(localStorage, "setItem").mockImplementation(() => {
      throw new DOMException("quota", "QuotaExceededError")
    })
    const getItem = vi.spyOn(localStorage, "getItem").mockImplementation(() => {
      throw new DOMException("denied", "SecurityError")
    })
    // restoreAllMocks (afterEach) does not undo a spy on happy-dom's localStorage: later tests would inherit it.
    onTestFinished(() => {
      setItem.mockRestore()
      getItem.mockRestore()
    })
    vi.spyOn(document, "cookie", "get").mockImplementation(() => {
      throw new DOMException("denied", "SecurityError")
    })
    vi.spyOn(console, "warn").mockImplementation(() => undefined)
    expect(() => saveRecord(record)).not.toThrow()
    expect(loadRecord()).toBeNull()
  })

  it("PIPL-15-2: a withdrawn purpose's declared cookies are deleted, others stay", () => {
    document.cookie = "_hmt_a=1; Path=/"
    document.cookie = "HMACCOUNT=2; Path=/"
    document.cookie = "cart=3; Path=/"
    deleteCookies(["_hmt*", "HMACCOUNT"])
    expect(document.cookie).not.toMatch(/_hmt_a=1|HMACCOUNT=2/)
    expect(document.cookie).toContain("cart=3")
  })
})

describe("a config file pinned by its integrity hash", () => {
  const file = '{"policy":{"version":"2026-11"}}'

  it("is kept as fetched and given back for that hash only", () => {
    storePinnedConfig("sha256-one=", file)
    expect(pinnedConfig("sha256-one=")).toEqual({ policy: { version: "2026-11" } })
    expect(pinnedConfig("sha256-two=")).toBeUndefined()
    expect(pinnedConfig("sha256-one")).toBeUndefined()
  })

  it("is not there where storage is blocked, nor when the kept text is not JSON", () => {
    localStorage.setItem("zhiqing.pinned", "sha256-one= {cut sho")
    expect(pinnedConfig("sha256-one=")).toBeUndefined()
    const getItem = vi.spyOn(localStorage, "getItem").mockImplementation(() => {
      throw new DOMException("denied", "SecurityError")
    })
    onTestFinished(() => getItem.mockRestore())
    expect(pinnedConfig("sha256-one=")).toBeUndefined()
  })
})
