// @vitest-environment happy-dom
// @vitest-environment-options { "url": "https://shop.example.cn/" }
import "fake-indexeddb/auto"
import { readFileSync } from "node:fs"
import { fileURLToPath } from "node:url"
import { describe, expect, it } from "vitest"
import { createZhiqing } from "./index"

const canonical = JSON.parse(readFileSync(fileURLToPath(import.meta.resolve("../examples/shop.config.json")), "utf8"))

describe("the ESM build for bundlers", () => {
  it("loads the dialogs behind a dynamic import() and asks a first-time shopper, in English too", async () => {
    document.documentElement.lang = "en"
    const api = createZhiqing()
    void api.init(canonical)
    await expect.poll(() => document.getElementById("zhiqing-root")?.shadowRoot?.querySelector("[role=dialog] h2")?.textContent).toBe("Your personal information")
    expect(api.allowed("analytics")).toBe(false)
  })

  it("is built with the dialogs and the SHA-256 split off into chunks of their own", () => {
    const built = fileURLToPath(import.meta.resolve("../dist/index.js"))
    const code = readFileSync(built, "utf8")
    expect(code).toMatch(/import\("\.\/esm\/module-\w+\.js"\)/)
    expect(code).toMatch(/import\("\.\/esm\/sha256-\w+\.js"\)/)
    expect(code).not.toContain("个人信息保护提示")
  })
})
