import { describe, expect, it } from "vitest"
import { memoryCookies, memoryStorage } from "./sandbox"

describe("the preview's own storage", () => {
  it("keeps cookies by name and deletes them as a browser would", () => {
    const cookies = memoryCookies(() => Date.parse("2026-12-01T00:00:00Z"))
    cookies.set("zhiqing=%7B%7D; Max-Age=31536000; Path=/; SameSite=Lax")
    cookies.set("_hmt=1; Path=/")
    expect(cookies.get()).toBe("zhiqing=%7B%7D; _hmt=1")
    cookies.set("_hmt=; Expires=Thu, 01 Jan 1970 00:00:01 GMT; Path=/")
    cookies.set("zhiqing=; Max-Age=0")
    expect(cookies.get()).toBe("")
  })

  it("keeps localStorage items in memory", () => {
    const storage = memoryStorage()
    storage.setItem("zhiqing", "x")
    expect([storage.getItem("zhiqing"), storage.length, storage.key(0)]).toEqual(["x", 1, "zhiqing"])
    storage.removeItem("zhiqing")
    expect(storage.getItem("zhiqing")).toBeNull()
  })
})
