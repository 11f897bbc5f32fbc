// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from "vitest"
import { watchConsentDialog, zhiqingDialogVisible } from "./dialog-watch"

const settle = () => new Promise((done) => setTimeout(done, 0))

function mountRoot(shadow: boolean): ParentNode {
  const root = document.createElement("div")
  root.id = "zhiqing-root"
  const scope = shadow ? root.attachShadow({ mode: "open" }) : root
  document.body.append(root)
  return scope
}

describe("seeing the Zhiqing dialog appear (the consent axis's dialog-shown moment)", () => {
  let stop = () => undefined as void
  afterEach(() => {
    stop()
    vi.restoreAllMocks()
    document.body.innerHTML = ""
  })

  it("reports the first layer appearing inside the SDK's open shadow root, once while it stays", async () => {
    const shown: number[] = []
    let clock = 100
    stop = watchConsentDialog(document, (time) => shown.push(time), () => clock)
    const scope = mountRoot(true)
    await settle()
    expect(shown).toEqual([])
    clock = 250
    const dialog = document.createElement("div")
    dialog.setAttribute("role", "dialog")
    scope.append(dialog)
    await settle()
    dialog.append(document.createElement("p"))
    await settle()
    expect(shown).toEqual([250])
  })

  it("reports a dialog that comes back after it was closed (a reopened preference centre)", async () => {
    const shown: number[] = []
    stop = watchConsentDialog(document, (time) => shown.push(time), () => shown.length)
    const scope = mountRoot(true)
    const dialog = document.createElement("div")
    dialog.setAttribute("role", "dialog")
    scope.append(dialog)
    await settle()
    dialog.setAttribute("hidden", "")
    await settle()
    expect(zhiqingDialogVisible(document)).toBe(false)
    dialog.removeAttribute("hidden")
    await settle()
    expect(shown).toEqual([0, 1])
  })

  it("works without a shadow root, and a dialog already on screen when watching starts counts at once", async () => {
    const scope = mountRoot(false)
    const dialog = document.createElement("div")
    dialog.setAttribute("role", "dialog")
    scope.append(dialog)
    const shown: number[] = []
    stop = watchConsentDialog(document, (time) => shown.push(time), () => 7)
    expect(shown).toEqual([7])
  })

  it("costs a page nothing when it restyles its own elements: only nodes coming and going are looked at outside the SDK's root", async () => {
    const shown: number[] = []
    stop = watchConsentDialog(document, (time) => shown.push(time))
    const animated = document.createElement("div")
    document.body.append(animated)
    await settle()
    const lookups = vi.spyOn(document, "getElementById")
    for (let frame = 0; frame < 1000; frame++) {
      animated.style.transform = `translateX(${frame}px)`
      animated.className = frame % 2 ? "on" : "off"
      await settle()
    }
    expect(lookups).not.toHaveBeenCalled()
    expect(shown).toEqual([])
  })

  it("leaves the SDK's dialogs alone while the page adds and removes its own nodes", async () => {
    const shown: number[] = []
    stop = watchConsentDialog(document, (time) => shown.push(time))
    const scope = mountRoot(true)
    const dialog = document.createElement("div")
    dialog.setAttribute("role", "dialog")
    scope.append(dialog)
    await settle()
    // Checking visibility makes the browser recompute styles: it must not run for every node a page adds.
    const checks = vi.spyOn(scope, "querySelectorAll")
    for (let item = 0; item < 100; item++) {
      document.body.append(document.createElement("li"))
      await settle()
    }
    expect(checks).not.toHaveBeenCalled()
    expect(shown).toHaveLength(1)
  })

  it("sees the SDK's root taken out and put back, and a dialog in it shown again", async () => {
    const shown: number[] = []
    stop = watchConsentDialog(document, (time) => shown.push(time), () => shown.length)
    const dialog = document.createElement("div")
    dialog.setAttribute("role", "dialog")
    mountRoot(true).append(dialog)
    await settle()
    const root = document.getElementById("zhiqing-root")!
    root.remove()
    await settle()
    document.body.append(root)
    await settle()
    expect(shown).toEqual([0, 1])
  })

  it("ignores dialogs that are not Zhiqing's", async () => {
    const shown: number[] = []
    stop = watchConsentDialog(document, (time) => shown.push(time))
    document.body.innerHTML = `<div role="dialog">A newsletter pop-up</div>`
    await settle()
    expect(shown).toEqual([])
  })
})
