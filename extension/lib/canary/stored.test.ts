// @vitest-environment happy-dom
import { createHash } from "node:crypto"
import { describe, expect, it } from "vitest"
import type { CanaryValue } from "./generate"
import { readStorageInPage, traceStored } from "./stored"

const PHONE: CanaryValue = { kind: "phone", value: "18745612398" }
const EMAIL: CanaryValue = { kind: "email", value: "zhou.wu384812@example.com" }

describe("canary values kept on the device", () => {
  it("APPM-3-3: finds the phone in Sensors Data's url-encoded JSON cookie and a hashed email in localStorage", async () => {
    const sensors = encodeURIComponent(JSON.stringify({ distinct_id: "d-1", identities: { $identity_login_id: PHONE.value } }))
    const hashed = createHash("sha256").update(EMAIL.value).digest("hex")
    const hits = await traceStored(
      [PHONE, EMAIL],
      [
        { name: "sensorsdata2015jssdkcross", domain: "localhost", value: sensors },
        { name: "_ga", domain: ".localhost", value: "GA1.1.1234.5678" }
      ],
      [{ origin: "http://localhost:4173", area: "localStorage", entries: [["fb_user", JSON.stringify({ em: hashed })], ["cart", "[]"]] }]
    )
    expect(hits[0]).toEqual([{ place: "cookie", site: "localhost", name: "sensorsdata2015jssdkcross", forms: [expect.stringMatching(/^(plain|url)$/)] }])
    expect(hits[1]).toEqual([{ place: "localStorage", site: "http://localhost:4173", name: "fb_user", forms: ["sha256"] }])
  })

  it("reads a frame's localStorage and sessionStorage as they are", () => {
    localStorage.clear()
    sessionStorage.clear()
    localStorage.setItem("profile", `{"mobile":"${PHONE.value}"}`)
    sessionStorage.setItem("step", "2")
    expect(readStorageInPage()).toEqual([
      { origin: location.origin, area: "localStorage", entries: [["profile", `{"mobile":"${PHONE.value}"}`]] },
      { origin: location.origin, area: "sessionStorage", entries: [["step", "2"]] }
    ])
  })
})
