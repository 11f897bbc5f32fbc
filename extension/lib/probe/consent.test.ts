import { describe, expect, it } from "vitest"
import { state } from "../analysis/test-events"
import { consentPhase } from "./consent"

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
