import { readdirSync, readFileSync } from "node:fs"
import { fileURLToPath } from "node:url"
import { describe, expect, it } from "vitest"

const src = fileURLToPath(new URL("..", import.meta.url))

describe("IndexedDB through idb", () => {
  // build.mjs leaves idb's database shortcuts and cursor iterators out of the script tag, so there they do not exist.
  it("is used without idb's db.get/db.put-style shortcuts and cursor iterators", () => {
    const users = readdirSync(src, { recursive: true, encoding: "utf8" })
      .filter((path) => /\.tsx?$/.test(path) && !/\.test\.tsx?$/.test(path))
      .map((path) => readFileSync(src + path, "utf8"))
      .filter((code) => /from "idb"/.test(code))
    expect(users.length).toBeGreaterThan(0)
    for (const code of users) expect(code).not.toMatch(/\bdb\.(get|getKey|getAll|getAllKeys|count|put|add|delete|clear)\w*\(|\.iterate\(|for await/)
  })
})
