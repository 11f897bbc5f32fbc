/**
 * What a merchant starts from: the four kinds of purpose with text written for PIPL (lib/purposes.ts, the same the
 * inspector's draft proposes), and one template per kind of separate-consent item holding exactly the fields that
 * kind requires. The merchant edits every word.
 */
import type { Purpose, SeparateKind } from "@zhiqing/sdk/schema"
import { PURPOSE_TEXTS } from "../lib/purposes"
import type { JsonObject } from "./paths"

export const PURPOSE_PRESETS: Record<"necessary" | "analytics" | "personalization" | "marketing", Purpose> = {
  necessary: { id: "necessary", required: true, ...PURPOSE_TEXTS.necessary, dataCategories: ["account", "order"] },
  analytics: { id: "analytics", ...PURPOSE_TEXTS.analytics, retention: { "zh-CN": "13个月", en: "13 months" } },
  personalization: { id: "personalization", ...PURPOSE_TEXTS.personalization },
  marketing: { id: "marketing", ...PURPOSE_TEXTS.marketing }
}

export type PresetId = keyof typeof PURPOSE_PRESETS
export const PRESET_IDS = Object.keys(PURPOSE_PRESETS) as PresetId[]

/** A purpose of the merchant's own, to be named and described. */
export const CUSTOM_PURPOSE: JsonObject = { id: "", title: {}, description: {} }

const RECIPIENT = { name: {}, purpose: {}, method: {}, dataCategories: [] }

export const SEPARATE_TEMPLATES: Record<SeparateKind, JsonObject> = {
  sensitive: { id: "sensitive-", kind: "sensitive", title: {}, description: {}, necessity: {}, impact: {}, dataCategories: [] },
  "third-party": { id: "share-", kind: "third-party", title: {}, description: {}, recipient: { ...RECIPIENT } },
  "cross-border": { id: "crossborder-", kind: "cross-border", title: {}, description: {}, recipient: { ...RECIPIENT, rights: {} } },
  "public-disclosure": { id: "public-", kind: "public-disclosure", title: {}, description: {} }
}

/** The config a merchant starts from: both languages and the necessary purpose; the dialog options at their defaults. */
export function startingConfig(): JsonObject {
  return { handler: {}, policy: {}, locales: ["zh-CN", "en"], purposes: [structuredClone(PURPOSE_PRESETS.necessary)] }
}
