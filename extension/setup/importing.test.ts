import { describe, expect, it } from "vitest"
import { parseImport } from "./importing"

describe("importing a config", () => {
  it("says in both languages that text is not JSON", () => {
    const result = parseImport("{ handler: ")
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.error.en).toMatch(/^This is not valid JSON: /)
      expect(result.error["zh-CN"]).toMatch(/^不是有效的 JSON/)
    }
  })

  it("refuses JSON that is no object", () => {
    for (const text of ["[]", "42", "null", '"config"']) expect(parseImport(text).ok).toBe(false)
  })

  it("keeps a wrongly shaped config whole, unknown fields included", () => {
    const config = { handler: "Acme", purposes: {}, extra: [1, 2] }
    expect(parseImport(JSON.stringify(config))).toEqual({ ok: true, config })
  })
})
