import { describe, expect, it } from "vitest"
import { zh } from "./copy"
import { en } from "./copy-en"

const COPY = { "zh-CN": zh, en }

/** Every key path and what it holds, with functions called on sample arguments. */
function shape(value: unknown, path = ""): Array<[string, string]> {
  if (typeof value === "function") return [[path, String((value as (...args: unknown[]) => unknown)("X", "Y"))]]
  if (typeof value === "string") return [[path, value]]
  return Object.entries(value as object).flatMap(([key, inner]) => shape(inner, `${path}.${key}`))
}

describe("dialog copy", () => {
  it("APPM-1 and ISO29184-LANG: Chinese and English say the same things, none of them empty", () => {
    const chinese = shape(COPY["zh-CN"]).filter(([path]) => !path.startsWith(".categoryNames"))
    const english = shape(COPY.en).filter(([path]) => !path.startsWith(".categoryNames"))
    expect(english.map(([path]) => path)).toEqual(chinese.map(([path]) => path))
    for (const [path, text] of [...chinese, ...english]) expect(text.trim(), path).not.toBe("")
  })

  it("uses the statute's words in Chinese", () => {
    const chinese = JSON.stringify(shape(COPY["zh-CN"]))
    for (const term of ["个人信息处理者", "单独同意", "境外接收方", "监护人", "撤回同意", "敏感个人信息", "注销账号"]) {
      expect(chinese).toContain(term)
    }
  })
})
