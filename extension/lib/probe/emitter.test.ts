// @vitest-environment happy-dom
import { describe, expect, it } from "vitest"
import type { CollectionEvent } from "../events"
import { BATCH_DELAY_MS, MAX_QUEUED, ProbeEmitter } from "./emitter"

const api = (time: number): CollectionEvent => ({ type: "api", time, api: "canvas-read" })

/** The probe keeps the real setTimeout it found at start, so the test waits for real. */
const batchDelay = () => new Promise((done) => setTimeout(done, BATCH_DELAY_MS + 50))

describe("the probe's outbox", () => {
  it("holds events until the channel opens, then sends them in batches", async () => {
    const target = new EventTarget()
    const batches: unknown[] = []
    target.addEventListener("secret", (event) => batches.push(JSON.parse((event as CustomEvent<string>).detail)))
    const emitter = new ProbeEmitter(target)
    emitter.emit(api(1))
    await batchDelay()
    expect(batches).toEqual([])
    emitter.open("secret")
    expect(batches).toEqual([[api(1)]])
    emitter.emit(api(2))
    emitter.emit(api(3))
    expect(batches).toHaveLength(1)
    await batchDelay()
    expect(batches).toEqual([[api(1)], [api(2), api(3)]])
  })

  it("keeps a bounded queue while nobody listens", () => {
    const target = new EventTarget()
    let sent = 0
    target.addEventListener("secret", (event) => (sent = JSON.parse((event as CustomEvent<string>).detail).length))
    const emitter = new ProbeEmitter(target)
    for (let index = 0; index < MAX_QUEUED + 10; index++) emitter.emit(api(index))
    emitter.open("secret")
    expect(sent).toBe(MAX_QUEUED)
  })
})
