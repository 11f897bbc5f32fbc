// @vitest-environment happy-dom
import { describe, expect, it } from "vitest"
import { PROBE_HELLO, RELAY_HELLO, greetRelay, openRelay } from "./channel"
import { announce } from "./natives"

describe("the private channel between probe and relay", () => {
  for (const order of ["probe first", "relay first"] as const) {
    it(`hands the secret over whichever starts first (${order}), then ignores hellos`, () => {
      const target = new EventTarget()
      const secrets: string[] = []
      const batches: string[] = []
      const startProbe = () => greetRelay(target, (secret) => secrets.push(secret))
      const startRelay = () => openRelay(target, "secret-name", (batch) => batches.push(batch))
      if (order === "probe first") {
        startProbe()
        startRelay()
      } else {
        startRelay()
        startProbe()
      }
      expect(secrets).toEqual(["secret-name"])
      announce(target, "secret-name", "[1]")
      expect(batches).toEqual(["[1]"])
      // A page that sends hellos later learns nothing and changes nothing.
      const leaked: unknown[] = []
      target.addEventListener(RELAY_HELLO, (event) => leaked.push((event as CustomEvent).detail))
      announce(target, PROBE_HELLO, "")
      announce(target, RELAY_HELLO, "forged")
      expect(leaked).toEqual(["forged"])
      expect(secrets).toEqual(["secret-name"])
    })
  }
})
