// @vitest-environment happy-dom
import { afterEach, describe, expect, it, onTestFinished, vi } from "vitest"
import { state } from "../analysis/test-events"
import { consentPhase, pinnedConfig } from "./consent"
import { natives } from "./natives"

const START = Date.UTC(2026, 10, 25, 9)

describe("where the probe puts an announced consent state on the axis", () => {
  it("a decision made on this page is a decision, though the SDK first announces it as ready", () => {
    expect(consentPhase("ready", null, state({ analytics: false }, {}, START + 4000), START)).toBe("decision")
  })

  it("a decision stored on an earlier visit is ready", () => {
    expect(consentPhase("ready", null, state({ analytics: true }, {}, START - 86_400_000), START)).toBe("ready")
  })

  it("PIPL-15-2: turning off a purpose granted before is a withdrawal; granting more is a decision", () => {
    const granted = state({ analytics: true, marketing: false }, {}, START - 1000)
    expect(consentPhase("change", granted, state({ analytics: false, marketing: false }, {}, START + 10), START)).toBe("withdrawal")
    expect(consentPhase("change", granted, state({ analytics: true, marketing: true }, {}, START + 10), START)).toBe("decision")
  })
})

describe("the config of a page whose script tag pins it by hash", () => {
  const CONFIG = { purposes: [{ id: "analytics" }] }

  afterEach(() => {
    document.head.innerHTML = ""
    localStorage.clear()
  })

  it("is read from the SDK's copy of the file, since such a page requests no config once the device has it", () => {
    document.head.innerHTML = `<script data-config="/zhiqing.config.json" data-config-integrity="sha256-abc="></script>`
    localStorage.setItem("zhiqing.pinned", "sha256-abc= " + JSON.stringify(CONFIG))
    expect(pinnedConfig()).toEqual(CONFIG)
  })

  it("is not taken from a copy kept under another hash, nor from one that is not JSON", () => {
    document.head.innerHTML = `<script data-config="/zhiqing.config.json" data-config-integrity="sha256-new="></script>`
    localStorage.setItem("zhiqing.pinned", "sha256-old= " + JSON.stringify(CONFIG))
    expect(pinnedConfig()).toBeUndefined()
    localStorage.setItem("zhiqing.pinned", "sha256-new= {not json")
    expect(pinnedConfig()).toBeUndefined()
  })

  it("is not looked for in storage on a page that pins no config", () => {
    localStorage.setItem("zhiqing.pinned", "sha256-abc= " + JSON.stringify(CONFIG))
    const read = vi.spyOn(natives, "getItem")
    onTestFinished(() => read.mockRestore())
    document.head.innerHTML = `<script data-config="/zhiqing.config.json"></script>`
    expect(pinnedConfig()).toBeUndefined()
    expect(read).not.toHaveBeenCalled()
  })
})
