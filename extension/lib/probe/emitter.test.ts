// @vitest-environment happy-dom
import { describe, expect, it } from "vitest"
import type { CollectionEvent } from "../events"
import { MAX_BODY_TEXT, MAX_EVENTS_PER_MESSAGE } from "../tabs/limits"
import { BATCH_DELAY_MS, MAX_QUEUED, ProbeEmitter, type ProbeBatch } from "./emitter"

const api = (time: number): CollectionEvent => ({ type: "api", time, api: "canvas-read" })

/** The probe keeps the real setTimeout it found at start, so the test waits for real. */
const batchDelay = () => new Promise((done) => setTimeout(done, BATCH_DELAY_MS + 50))

describe("the probe's outbox", () => {
  it("holds events until the channel opens, then sends them in batches", async () => {
    const target = new EventTarget()
    const batches: CollectionEvent[][] = []
    target.addEventListener("secret", (event) => batches.push((JSON.parse((event as CustomEvent<string>).detail) as ProbeBatch).events))
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

  it("keeps a bounded queue while nobody listens, and says how many it could not keep", () => {
    const target = new EventTarget()
    const batches: ProbeBatch[] = []
    target.addEventListener("secret", (event) => batches.push(JSON.parse((event as CustomEvent<string>).detail)))
    const emitter = new ProbeEmitter(target)
    for (let index = 0; index < MAX_QUEUED + 10; index++) emitter.emit(api(index))
    emitter.open("secret")
    expect(batches.reduce((sum, batch) => sum + batch.events.length, 0)).toBe(MAX_QUEUED)
    expect(batches.reduce((sum, batch) => sum + batch.lost, 0)).toBe(10)
    expect(Math.max(...batches.map((batch) => batch.events.length))).toBeLessThanOrEqual(MAX_EVENTS_PER_MESSAGE)
  })

  it("counts a batch the page made unserialisable as lost, with the losses it was to carry", () => {
    const target = new EventTarget()
    const batches: ProbeBatch[] = []
    target.addEventListener("secret", (event) => batches.push(JSON.parse((event as CustomEvent<string>).detail)))
    const emitter = new ProbeEmitter(target)
    const hostile = Object.defineProperty(api(0), "toJSON", {
      value: () => {
        throw new Error("no")
      }
    })
    emitter.emit(hostile)
    for (let index = 1; index < MAX_QUEUED + 10; index++) emitter.emit(api(index))
    emitter.open("secret")
    expect(batches.reduce((sum, batch) => sum + batch.events.length, 0)).toBe(MAX_QUEUED - MAX_EVENTS_PER_MESSAGE)
    expect(batches.reduce((sum, batch) => sum + batch.lost, 0)).toBe(MAX_EVENTS_PER_MESSAGE + 10)
  })

  it("splits batches whose bodies would make a message longer than Chrome passes on (64 MiB)", () => {
    const CHROME_MESSAGE_LIMIT = 64 * 1024 * 1024
    const target = new EventTarget()
    const sizes: number[] = []
    const batches: ProbeBatch[] = []
    target.addEventListener("secret", (event) => {
      const detail = (event as CustomEvent<string>).detail
      sizes.push(Buffer.byteLength(detail))
      batches.push(JSON.parse(detail))
    })
    const emitter = new ProbeEmitter(target)
    emitter.open("secret")
    // 100 bodies at the 256 KB cap, in Chinese: 75 MiB of UTF-8.
    const body = "订".repeat(MAX_BODY_TEXT)
    for (let time = 0; time < 100; time++) emitter.emit({ type: "request", time, url: "https://collector.example/", method: "POST", channel: "fetch", body })
    emitter.flush()
    expect(Math.max(...sizes)).toBeLessThanOrEqual(CHROME_MESSAGE_LIMIT)
    expect(batches.flatMap((batch) => batch.events.map((event) => event.time))).toEqual(Array.from({ length: 100 }, (_, time) => time))
    expect(batches.reduce((sum, batch) => sum + batch.lost, 0)).toBe(0)
  })

  it("loses nothing to a flood once the channel is open: a full batch goes at once", () => {
    const target = new EventTarget()
    const batches: ProbeBatch[] = []
    target.addEventListener("secret", (event) => batches.push(JSON.parse((event as CustomEvent<string>).detail)))
    const emitter = new ProbeEmitter(target)
    emitter.open("secret")
    for (let index = 0; index < 100_000; index++) emitter.emit(api(index))
    emitter.flush()
    expect(batches.reduce((sum, batch) => sum + batch.events.length, 0)).toBe(100_000)
    expect(batches.every((batch) => batch.lost === 0 && batch.events.length <= MAX_EVENTS_PER_MESSAGE)).toBe(true)
  })
})
