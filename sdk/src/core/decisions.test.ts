import { readFileSync } from "node:fs"
import { describe, expect, it } from "vitest"
import type { Config } from "../schema"
import { carried, decide, fingerprint, isAllowed, nextRecord, prompt, withdraw, withdrawnPurposes, type StoredRecord } from "./decisions"

const config = JSON.parse(readFileSync(new URL("../../examples/shop.config.json", import.meta.url), "utf8")) as Config
const stamp = { id: "3f0c1b9e-8d4a-4b7e-9a51-2b6f0c9d7e11", subject: "s_decisions1", locale: "zh-CN" as const, decidedAt: "2026-11-25T03:00:00.000Z", noticeHash: "a".repeat(64) }
const agreeAll = { purposes: { analytics: true, personalization: true, marketing: true } }
const record = (state = decide(config, null, agreeAll, stamp)): StoredRecord => ({ v: 1, state, fp: fingerprint(config) })

describe("decisions", () => {
  it("PIPL-14-1: nothing optional is granted without the shopper saying so, and nothing at all before a decision", () => {
    const state = decide(config, null, { purposes: {} }, stamp)
    expect(state.purposes).toEqual({ necessary: true, analytics: false, personalization: false, marketing: false })
    expect(isAllowed(config, null, "analytics")).toBe(false)
    expect(isAllowed(config, null, "necessary")).toBe(false)
    expect(isAllowed(config, state, "necessary")).toBe(true)
  })

  it("SEP-UI: agreeing to the general notice never grants a separate item", () => {
    const state = decide(config, null, agreeAll, stamp)
    expect(Object.values(state.separate)).toEqual([false, false, false])
  })

  it("PIPL-29: a separate item is granted only when answered on its own, and keeps its answer afterwards", () => {
    const granted = decide(config, null, { purposes: {}, separate: { "sensitive-id-card": true } }, stamp)
    expect(granted.separate["sensitive-id-card"]).toBe(true)
    expect(decide(config, granted, agreeAll, stamp).separate["sensitive-id-card"]).toBe(true)
  })

  it("required purposes are always on, whatever is passed", () => {
    expect(decide(config, null, { purposes: { necessary: false } }, stamp).purposes.necessary).toBe(true)
  })

  it("NDSR-22-5: a stored refusal is a decision and is not asked again", () => {
    expect(prompt(config, record(decide(config, null, { purposes: {} }, stamp))).ask).toBe(false)
    expect(prompt(config, null).ask).toBe(true)
  })

  it("PIPL-17-3: a new policy version asks again", () => {
    expect(prompt({ ...config, policy: { ...config.policy, version: "2027-01" } }, record())).toMatchObject({ ask: true, policyChanged: true })
  })

  it("PIPL-14-2: a new or changed purpose asks again, naming only what is new", () => {
    const added: Config = { ...config, purposes: [...config.purposes, { id: "surveys", title: { "zh-CN": "问卷", en: "Surveys" }, description: { "zh-CN": "问卷调查", en: "Surveys" } }] }
    expect(prompt(added, record())).toEqual({ ask: true, newPurposes: ["surveys"], policyChanged: false })
    const changed: Config = { ...config, purposes: config.purposes.map((p) => (p.id === "analytics" ? { ...p, vendors: ["baidu-tongji", "cnzz"] } : p)) }
    expect(prompt(changed, record()).newPurposes).toEqual(["analytics"])
  })

  it("Global Privacy Control refuses marketing whatever was clicked", () => {
    expect(decide(config, null, agreeAll, stamp, true).purposes).toMatchObject({ analytics: true, marketing: false })
  })

  it("PIPL-15-1: withdrawing one purpose keeps the rest; withdrawing everything keeps only what is required", () => {
    const state = decide(config, null, { ...agreeAll, separate: { "share-logistics": true } }, stamp)
    expect(withdraw(config, state, "analytics").purposes).toMatchObject({ analytics: false, marketing: true })
    const all = withdraw(config, state)
    expect(all.purposes).toEqual({ necessary: true, analytics: false, personalization: false, marketing: false })
    expect(all.separate["share-logistics"]).toBe(false)
  })

  it("PIPL-15-2: tells which purposes went from on to off, so their cookies can be deleted", () => {
    const before = decide(config, null, agreeAll, stamp)
    const after = decide(config, before, { purposes: { ...agreeAll.purposes, analytics: false } }, stamp)
    expect(withdrawnPurposes(before, after)).toEqual(["analytics"])
  })

  it("PIPL-14-2: while asked again, unchanged choices stay in force and a changed purpose is off", () => {
    const changed: Config = { ...config, purposes: config.purposes.map((p) => (p.id === "marketing" ? { ...p, description: { "zh-CN": "新的说明", en: "New wording" } } : p)) }
    expect(carried(changed, record()).purposes).toEqual({ necessary: true, analytics: true, personalization: true, marketing: false })
  })

  it("PIPL-17-3: answering a separate item or withdrawing leaves a pending re-ask pending; answering the notice settles it", () => {
    const newer: Config = { ...config, policy: { ...config.policy, version: "2027-01" } }
    const separateOnly = nextRecord(newer, record(), { purposes: record().state.purposes, separate: { "share-logistics": true } }, stamp)
    expect(prompt(newer, separateOnly).policyChanged).toBe(true)
    const withdrawn = nextRecord(newer, separateOnly, withdraw(newer, separateOnly.state, "analytics"), stamp)
    expect(prompt(newer, withdrawn).ask).toBe(true)
    expect(prompt(newer, nextRecord(newer, withdrawn, { purposes: {} }, stamp)).ask).toBe(false)
  })
})
