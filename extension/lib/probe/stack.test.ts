import { describe, expect, it } from "vitest"
import { callerScript } from "./stack"

describe("the calling script from a stack trace", () => {
  it("skips the extension's own frames and names the nearest page script", () => {
    const stack = [
      "Error",
      "    at Object.send (chrome-extension://abcdefghijklmnop/probe.5f3a.js:1:2345)",
      "    at XMLHttpRequest.send (chrome-extension://abcdefghijklmnop/probe.5f3a.js:1:999)",
      "    at r (http://hm.baidu.com/hm.js?0123456789abcdef:12:345)",
      "    at http://localhost:4173/checkout:40:7"
    ].join("\n")
    expect(callerScript(stack)).toBe("http://hm.baidu.com/hm.js?0123456789abcdef")
  })

  it("reads anonymous frames and inline scripts of the page", () => {
    expect(callerScript("Error\n    at https://shop.example.cn/:40:7")).toBe("https://shop.example.cn/")
    expect(callerScript("Error\n    at <anonymous>:1:1")).toBeUndefined()
    expect(callerScript(undefined)).toBeUndefined()
  })
})
