import { readFileSync } from "node:fs"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import type { Config, ConsentState } from "../schema"
import { carried, decide, fingerprint, isAllowed, nextRecord, prompt, withdraw, withdrawnPurposes, type StoredRecord } from "./decisions"

const canonical = JSON.parse(readFileSync(new URL("../../examples/shop.config.json", import.meta.url), "utf8")) as Config
const stamp = { id: "3f0c1b9e-8d4a-4b7e-9a51-2b6f0c9d7e11", subject: "s_property1", locale: "en" as const, decidedAt: "2026-11-25T03:00:00.000Z", noticeHash: "a".repeat(64) }
/** Keys a page or a tampered record may try: they must never read as granted. */
const HOSTILE_IDS = ["__proto__", "constructor", "toString", "hasOwnProperty", "valueOf", "prototype"]

const id = fc.stringMatching(/^[a-z0-9][a-z0-9_-]{0,12}$/)

/** A config with generated purposes and separate items, the canonical texts reused for each. */
const config: fc.Arbitrary<Config> = fc
  .record({
    purposes: fc.uniqueArray(fc.record({ id, required: fc.boolean(), text: fc.string({ maxLength: 20 }) }), { selector: (purpose) => purpose.id, minLength: 1, maxLength: 8 }),
    separate: fc.uniqueArray(id.map((each) => `s-${each}`), { maxLength: 5 })
  })
  .map(({ purposes, separate }) => ({
    ...canonical,
    purposes: purposes.map(({ id: purposeId, required, text }) => ({ ...canonical.purposes[1]!, id: purposeId, required, description: { "zh-CN": `说明${text}`, en: `About ${text}` } })),
    separate: separate.map((itemId, index) => ({ ...canonical.separate![index % canonical.separate!.length]!, id: itemId }))
  }))

/**
 * What a page may pass as a choice: known ids and hostile ones, with values that are not all booleans (the type
 * says boolean, but a page's JavaScript is not type-checked).
 */
const answers = (cfg: Config, ids: (cfg: Config) => string[]) =>
  fc
    .dictionary(fc.constantFrom(...ids(cfg), ...HOSTILE_IDS), fc.oneof(fc.boolean(), fc.constantFrom("true", 1, "yes", null, {}, [true])), { maxKeys: 12 })
    .map((choice) => choice as Record<string, boolean>)
const purposeIds = (cfg: Config) => cfg.purposes.map((purpose) => purpose.id)
const separateIds = (cfg: Config) => [...(cfg.separate ?? []).map((item) => item.id), "unknown-item"]

/** A config, a previous state decided under it, and a new general-notice choice. */
const scenario = config.chain((cfg) =>
  fc.record({
    cfg: fc.constant(cfg),
    previous: fc.option(fc.record({ purposes: answers(cfg, purposeIds), separate: answers(cfg, separateIds) }).map((choice) => decide(cfg, null, choice, stamp)), { nil: null }),
    purposes: answers(cfg, purposeIds),
    separate: fc.option(answers(cfg, separateIds), { nil: undefined }),
    gpc: fc.boolean()
  })
)

const RUNS = { numRuns: 2000 }

describe("the decision functions on generated configs and choices", () => {
  it("PIPL-14-1: an optional purpose is granted only by an explicit true for it; required ones always; nothing else appears", () => {
    fc.assert(
      fc.property(scenario, ({ cfg, previous, purposes, separate, gpc }) => {
        const state = decide(cfg, previous, { purposes, ...(separate && { separate }) }, stamp, gpc)
        expect(Object.keys(state.purposes).sort()).toEqual(purposeIds(cfg).sort())
        expect(Object.keys(state.separate).sort()).toEqual((cfg.separate ?? []).map((item) => item.id).sort())
        for (const purpose of cfg.purposes) {
          const expected = purpose.required === true || (Object.hasOwn(purposes, purpose.id) && purposes[purpose.id] === true && !(gpc && purpose.id === "marketing"))
          expect(state.purposes[purpose.id]).toBe(expected)
        }
      }),
      RUNS
    )
  })

  it("SEP-UI: a general-notice answer never grants a separate item; one is granted only by its own explicit true", () => {
    fc.assert(
      fc.property(scenario, ({ cfg, previous, purposes, separate, gpc }) => {
        const general = decide(cfg, previous, { purposes }, stamp, gpc)
        for (const item of cfg.separate ?? []) expect(general.separate[item.id]).toBe(previous?.separate[item.id] === true)
        if (!separate) return
        const asked = decide(cfg, previous, { purposes, separate }, stamp, gpc)
        for (const item of cfg.separate ?? []) {
          const answer = Object.hasOwn(separate, item.id) ? separate[item.id] : undefined
          expect(asked.separate[item.id]).toBe(answer === undefined ? previous?.separate[item.id] === true : answer === true)
        }
      }),
      RUNS
    )
  })

  it("PIPL-14-1: nothing is allowed before a decision, and no id outside the config is ever allowed", () => {
    fc.assert(
      fc.property(scenario, fc.constantFrom(...HOSTILE_IDS, "unknown-item", "necessary"), ({ cfg, previous, purposes, separate }, probe) => {
        for (const each of [...purposeIds(cfg), ...separateIds(cfg), probe]) expect(isAllowed(cfg, null, each)).toBe(false)
        const state = decide(cfg, previous, { purposes, ...(separate && { separate }) }, stamp)
        const known = new Set([...purposeIds(cfg), ...(cfg.separate ?? []).map((item) => item.id)])
        if (!known.has(probe)) expect(isAllowed(cfg, state, probe)).toBe(false)
      }),
      RUNS
    )
  })

  it("PIPL-14-2: a stored grant of an id the config no longer has (removed, or written into storage) is not honoured", () => {
    fc.assert(
      fc.property(scenario, fc.constantFrom("retired-purpose", "evil", ...HOSTILE_IDS), ({ cfg, purposes }, stale) => {
        const known = new Set([...purposeIds(cfg), ...(cfg.separate ?? []).map((item) => item.id)])
        if (known.has(stale)) return
        const state = decide(cfg, null, { purposes }, stamp)
        const stored: ConsentState = JSON.parse(JSON.stringify({ ...state, purposes: { ...state.purposes, [stale]: true }, separate: { ...state.separate, [stale]: true } }))
        expect(isAllowed(cfg, stored, stale)).toBe(false)
        for (const each of known) expect(isAllowed(cfg, stored, each)).toBe(isAllowed(cfg, state, each))
      }),
      RUNS
    )
  })

  it("PIPL-15-1: withdrawing everything leaves only required purposes on; withdrawing one id changes only that id", () => {
    fc.assert(
      fc.property(scenario, fc.nat(), ({ cfg, purposes, separate }, pick) => {
        const state = decide(cfg, null, { purposes, ...(separate && { separate }) }, stamp)
        const all = withdraw(cfg, state)
        for (const purpose of cfg.purposes) expect(all.purposes[purpose.id]).toBe(purpose.required === true)
        for (const item of cfg.separate ?? []) expect(all.separate[item.id]).toBe(false)
        const ids = [...purposeIds(cfg), ...(cfg.separate ?? []).map((item) => item.id)]
        const target = ids[pick % ids.length]!
        const one = withdraw(cfg, state, target)
        for (const [key, value] of Object.entries({ ...one.purposes, ...one.separate })) {
          if (key !== target) expect(value).toBe(state.purposes[key] ?? state.separate[key])
        }
        const after = { ...state, ...all } as ConsentState
        expect(withdrawnPurposes(state, after).sort()).toEqual(cfg.purposes.filter((purpose) => !purpose.required && state.purposes[purpose.id]).map((purpose) => purpose.id).sort())
      }),
      RUNS
    )
  })

  it("NDSR-22-5: once the general notice is answered, agree or decline, the same config does not ask again", () => {
    fc.assert(
      fc.property(scenario, ({ cfg, purposes, gpc }) => {
        expect(prompt(cfg, null).ask).toBe(true)
        const record = nextRecord(cfg, null, { purposes }, stamp, gpc)
        expect(prompt(cfg, record)).toEqual({ ask: false, newPurposes: [], policyChanged: false })
      }),
      RUNS
    )
  })

  it("PIPL-14-2: a changed optional purpose is asked about again and stays off until answered; unchanged ones keep their answer", () => {
    fc.assert(
      fc.property(scenario, fc.nat(), ({ cfg, purposes }, pick) => {
        const record: StoredRecord = nextRecord(cfg, null, { purposes }, stamp)
        const optional = cfg.purposes.filter((purpose) => !purpose.required)
        if (!optional.length) return
        const changedId = optional[pick % optional.length]!.id
        const changed: Config = { ...cfg, purposes: cfg.purposes.map((purpose) => (purpose.id === changedId ? { ...purpose, description: { ...purpose.description, en: "Now also sold to brokers" } } : purpose)) }
        expect(fingerprint(changed)[changedId]).not.toBe(record.fp[changedId])
        expect(prompt(changed, record).newPurposes).toEqual([changedId])
        const kept = carried(changed, record)
        expect(kept.purposes[changedId]).toBe(false)
        for (const purpose of cfg.purposes) if (purpose.id !== changedId) expect(kept.purposes[purpose.id]).toBe(record.state.purposes[purpose.id])
      }),
      RUNS
    )
  })
})
