import { describe, expect, it } from "vitest"
import { hasWork, initialState, loadState, saveState, STORAGE_KEY } from "./store"

function memory(): Storage {
  const map = new Map<string, string>()
  return { getItem: (key: string) => map.get(key) ?? null, setItem: (key: string, value: string) => void map.set(key, value) } as Storage
}

describe("configurator state", () => {
  it("comes back as it was saved", () => {
    const storage = memory()
    const state = { ...initialState("en"), config: { handler: { contact: "privacy@shop.cn" }, odd: [1] } }
    expect(saveState(storage, state)).toBe(true)
    expect(loadState(storage, "zh-CN")).toEqual(state)
  })

  it("starts fresh from unreadable storage", () => {
    const storage = memory()
    storage.setItem(STORAGE_KEY, "{broken")
    expect(loadState(storage, "zh-CN")).toEqual(initialState("zh-CN"))
  })

  it("reports a storage that refuses writes instead of throwing", () => {
    const full = { setItem: () => { throw new Error("QuotaExceededError") } }
    expect(saveState(full, initialState("en"))).toBe(false)
  })

  it("knows when there is work to lose", () => {
    expect(hasWork(initialState("en"))).toBe(false)
    expect(hasWork({ ...initialState("en"), config: { handler: { contact: "x" } } })).toBe(true)
  })
})
