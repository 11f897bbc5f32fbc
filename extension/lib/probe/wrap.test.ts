// @vitest-environment happy-dom
import { describe, expect, it } from "vitest"
import { wrapMethod, wrapSetter } from "./wrap"

class Sender {
  sent: unknown[] = []
  send(value: unknown): number {
    if (value === "bad") throw new RangeError("the page's own error")
    this.sent.push(value)
    return this.sent.length
  }
  set target(value: string) {
    this.sent.push(`target=${value}`)
  }
}

describe("wrapping platform functions without changing them", () => {
  it("keeps this, arguments, return values and exceptions, and shows the call to the observer first", () => {
    const seen: unknown[] = []
    wrapMethod(Sender.prototype, "send", (self, args) => {
      seen.push([self instanceof Sender, ...args])
      return (result) => seen.push(["result", result])
    })
    const sender = new Sender()
    expect(sender.send("a")).toBe(1)
    expect(() => sender.send("bad")).toThrow(RangeError)
    expect(seen).toEqual([[true, "a"], ["result", 1], [true, "bad"]])
  })

  it("never lets a fault in the observer reach the page", () => {
    wrapMethod(Sender.prototype, "send", () => {
      throw new Error("probe bug")
    })
    expect(new Sender().send("b")).toBe(1)
  })

  it("prints, names and counts arguments like the original", () => {
    const original = Function.prototype.toString.call(Sender.prototype.send)
    wrapMethod(Sender.prototype, "send", () => undefined)
    expect(Function.prototype.toString.call(Sender.prototype.send)).toBe(original)
    expect(Sender.prototype.send.toString()).toBe(original)
    expect(Sender.prototype.send.name).toBe("send")
    expect(Sender.prototype.send.length).toBe(1)
    expect(() => new (Sender.prototype.send as unknown as new () => unknown)()).toThrow(TypeError)
    expect(() => Function.prototype.toString.call({})).toThrow(TypeError)
  })

  it("observes setters and still sets", () => {
    const values: unknown[] = []
    wrapSetter(Sender.prototype, "target", (_self, value) => values.push(value))
    const sender = new Sender()
    ;(sender as { target: string }).target = "x"
    expect(values).toEqual(["x"])
    expect(sender.sent).toEqual(["target=x"])
  })

  it("leaves missing or locked members alone", () => {
    const locked = Object.freeze({ send: () => 1 })
    wrapMethod(locked, "send", () => undefined)
    wrapMethod(undefined, "send", () => undefined)
    expect(locked.send()).toBe(1)
  })
})
