import { describe, expect, it } from "vitest"
import { ConsentTimeline } from "./consent-timeline"
import { CONFIG, T0, consent, state } from "./test-events"

describe("the consent timeline", () => {
  const timeline = new ConsentTimeline(
    [
      consent(T0 + 10, "ready", null),
      consent(T0 + 100, "decision", state({ analytics: true, marketing: false }, { "sensitive-id-card": true }, T0 + 100)),
      consent(T0 + 200, "withdrawal", state({ analytics: false, marketing: false }, {}, T0 + 200))
    ],
    CONFIG
  )

  it("APPM-3-1: stamps each moment with the decision then in force, none before the first", () => {
    expect(timeline.present).toBe(true)
    expect(timeline.stateAt(T0 + 50)).toBeNull()
    expect(timeline.stateAt(T0 + 150)?.purposes.analytics).toBe(true)
    expect(timeline.latest?.purposes.analytics).toBe(false)
  })

  it("PIPL-15-2: tells undecided, granted, refused and withdrawn apart per purpose; required purposes are essential", () => {
    expect(timeline.purposeStatus("analytics", T0 + 50)).toBe("undecided")
    expect(timeline.purposeStatus("analytics", T0 + 150)).toBe("granted")
    expect(timeline.purposeStatus("analytics", T0 + 250)).toBe("withdrawn")
    expect(timeline.purposeStatus("marketing", T0 + 250)).toBe("refused")
    expect(timeline.purposeStatus("personalization", T0 + 250)).toBe("undecided")
    expect(timeline.purposeStatus("necessary", T0)).toBe("essential")
  })

  it("knows which separate items were granted when", () => {
    expect(timeline.separateGranted("sensitive-id-card", T0 + 150)).toBe(true)
    expect(timeline.separateGranted("sensitive-id-card", T0 + 250)).toBe(false)
    expect(timeline.grantedItems("sensitive", T0 + 150).map((item) => item.id)).toEqual(["sensitive-id-card"])
  })

  it("summarises the consent for evidence", () => {
    expect(timeline.summary(T0)).toBe("consent: no decision yet")
    expect(timeline.summary(T0 + 250)).toBe(
      `consent (policy 2026-11, decided ${new Date(T0 + 200).toISOString()}): necessary=essential, analytics=withdrawn, marketing=refused`
    )
  })

  it("dates a stored decision loaded at ready from when it was made", () => {
    const stored = new ConsentTimeline([consent(T0 + 500, "ready", state({ analytics: true }, {}, T0 - 1000))], CONFIG)
    expect(stored.purposeStatus("analytics", T0)).toBe("granted")
  })

  it("without events or config, Zhiqing is absent", () => expect(new ConsentTimeline([], undefined).present).toBe(false))
})
