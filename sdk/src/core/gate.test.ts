// @vitest-environment happy-dom
// happy-dom runs no script, so these tests watch which elements the gate puts in place and in what order; the
// end-to-end tests (tests/e2e/sdk-engine.spec.ts) watch them run in Chromium.
import { afterEach, beforeEach, describe, expect, it } from "vitest"
import { createGate } from "./gate"

const granted = new Set<string>()
/** The gate of the running test: the page keeps its gate for good, so those of earlier tests are made to allow nothing. */
let current = 0
/** The `data-name` of every runnable script or loaded frame, in the order the gate put it in place. */
let released: string[] = []
const watcher = new MutationObserver((mutations) => {
  for (const mutation of mutations) {
    for (const node of Array.from(mutation.addedNodes)) {
      if (node instanceof HTMLScriptElement && node.type !== "text/plain") released.push(node.dataset.name ?? "?")
    }
    if (mutation.type === "attributes" && mutation.target instanceof HTMLIFrameElement) released.push((mutation.target as HTMLElement).dataset.name ?? "?")
  }
})

function gate() {
  const mine = ++current
  return createGate((purpose) => mine === current && granted.has(purpose))
}

const settle = () => new Promise((done) => setTimeout(done, 30))

beforeEach(() => {
  released = []
  watcher.observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ["src"] })
})

afterEach(() => {
  current++
  watcher.disconnect()
  granted.clear()
  document.body.innerHTML = ""
})

describe("gating", () => {
  it("APPM-3-1: gated scripts and frames wait for their purpose, then are released in document order, inline and external", async () => {
    document.body.innerHTML = `
      <script type="text/plain" data-zhiqing="analytics" data-name="inline-1">ran.push(1)</script>
      <script type="text/plain" data-zhiqing="analytics" data-name="external" src="/hm.js"></script>
      <script type="text/plain" data-zhiqing="analytics" data-name="inline-2">ran.push(2)</script>
      <script type="text/plain" data-zhiqing="marketing" data-name="marketing">ran.push(3)</script>
      <iframe data-zhiqing="analytics" data-name="frame" data-src="/frame.html"></iframe>`
    released = []
    const { release } = gate()
    release()
    await settle()
    expect(released).toEqual([])
    expect(document.querySelector("iframe")?.getAttribute("src")).toBeNull()
    granted.add("analytics")
    release()
    await expect.poll(() => released).toEqual(["inline-1", "external", "inline-2", "frame"])
    expect(document.querySelector("iframe")?.getAttribute("src")).toBe("/frame.html")
    expect(document.querySelector('script[data-zhiqing="marketing"]')?.getAttribute("type")).toBe("text/plain")
  })

  it("APPM-3-1: elements added later are gated too, and released at once when their purpose is allowed", async () => {
    gate()
    const late = Object.assign(document.createElement("script"), { type: "text/plain", text: "ran.push(1)" })
    late.dataset.zhiqing = "analytics"
    late.dataset.name = "late"
    document.body.append(late)
    await settle()
    expect(released).toEqual([])
    granted.add("analytics")
    const frame = document.createElement("iframe")
    frame.dataset.zhiqing = "analytics"
    frame.dataset.src = "/later.html"
    frame.dataset.name = "later-frame"
    document.body.append(frame)
    await expect.poll(() => released).toEqual(["late", "later-frame"])
  })

  it("a released script is put in place once, with its other attributes and its real type kept", async () => {
    granted.add("analytics")
    document.body.innerHTML = `<script type="text/plain" data-type="module" data-zhiqing="analytics" id="tag" nonce="n1">ran.push(1)</script>`
    const { release } = gate()
    release()
    release()
    await expect.poll(() => document.getElementById("tag")?.getAttribute("type")).toBe("module")
    await settle()
    expect(document.getElementById("tag")?.getAttribute("nonce")).toBe("n1")
    expect(document.querySelectorAll("script")).toHaveLength(1)
  })
  it("while the page is still parsing, runs what the parser is done with and waits for the last element", async () => {
    document.body.innerHTML = `
      <script type="text/plain" data-zhiqing="analytics" data-name="complete">ran.push(1)</script>
      <script type="text/plain" data-zhiqing="analytics" data-name="still-arriving">ran.push(</script>`
    released = []
    Object.defineProperty(document, "readyState", { configurable: true, get: () => "loading" })
    try {
      granted.add("analytics")
      gate().release()
      await settle()
      expect(released).toEqual(["complete"])
    } finally {
      delete (document as { readyState?: unknown }).readyState
    }
    document.dispatchEvent(new Event("DOMContentLoaded"))
    await settle()
    expect(released).toEqual(["complete", "still-arriving"])
  })
})
