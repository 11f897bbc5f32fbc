import { describe, expect, it } from "vitest"
import { wordsFor } from "./copy"
import { en as english } from "./copy-en"

const COPY = { "zh-CN": wordsFor("zh-CN"), en: english }

/** Every key path and what it holds, with functions called on sample arguments. */
function shape(value: unknown, path = ""): Array<[string, string]> {
  if (typeof value === "function") return [[path, String((value as (...args: unknown[]) => unknown)("X", "Y"))]]
  if (typeof value === "string") return [[path, value]]
  return Object.entries(value as object).flatMap(([key, inner]) => shape(inner, `${path}.${key}`))
}

describe("dialog copy", () => {
  it("APPM-1 and ISO29184-LANG: Chinese and English say the same things, none of them empty", () => {
    const zh = shape(COPY["zh-CN"]).filter(([path]) => !path.startsWith(".categoryNames"))
    const en = shape(COPY.en).filter(([path]) => !path.startsWith(".categoryNames"))
    expect(en.map(([path]) => path)).toEqual(zh.map(([path]) => path))
    for (const [path, text] of [...zh, ...en]) expect(text.trim(), path).not.toBe("")
  })

  it("uses the statute's words in Chinese", () => {
    const zh = JSON.stringify(shape(COPY["zh-CN"]))
    for (const term of ["个人信息处理者", "单独同意", "境外接收方", "监护人", "撤回同意", "敏感个人信息", "注销账号"]) {
      expect(zh).toContain(term)
    }
  })
})
