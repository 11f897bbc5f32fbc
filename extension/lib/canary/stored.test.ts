// @vitest-environment happy-dom
import { createHash } from "node:crypto"
import { IDBFactory } from "fake-indexeddb"
import { describe, expect, it, vi } from "vitest"
import type { CanaryValue } from "./generate"
import { readIndexedDbInPage, readStorageInPage, traceStored } from "./stored"

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

  it("reads a frame's IndexedDB records, and finds a tracker's hashed phone kept there", async () => {
    vi.stubGlobal("indexedDB", new IDBFactory())
    try {
      expect(await readIndexedDbInPage()).toEqual([])
      const hashed = createHash("sha256").update(PHONE.value).digest("hex")
      await new Promise<void>((resolve, reject) => {
        const opening = indexedDB.open("sa-cache", 1)
        opening.onupgradeneeded = () => opening.result.createObjectStore("ids").put({ login: hashed, at: 1 }, "user")
        opening.onsuccess = () => (opening.result.close(), resolve())
        opening.onerror = () => reject(opening.error)
      })
      const snapshots = await readIndexedDbInPage()
      expect(snapshots).toEqual([{ origin: location.origin, area: "indexedDB", entries: [["sa-cache/ids/user", JSON.stringify({ login: hashed, at: 1 })]] }])
      expect((await traceStored([PHONE], [], snapshots))[0]).toEqual([{ place: "indexedDB", site: location.origin, name: "sa-cache/ids/user", forms: ["sha256"] }])
    } finally {
      vi.unstubAllGlobals()
    }
  })
})
