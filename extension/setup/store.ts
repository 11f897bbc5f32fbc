/** The configurator's state, kept in localStorage after every change so a reload loses nothing. */
import type { Locale } from "@zhiqing/sdk/schema"
import type { DraftTodo, GatingEdit } from "./draft"
import { isObject, type JsonObject } from "./paths"
import { startingConfig } from "./presets"

export interface SetupState {
  /** The config being edited, as the merchant has it: any JSON object, so an imported file loses nothing. */
  config: JsonObject
  /** Fields the inspector's draft asked the merchant to fill. */
  todo: DraftTodo[]
  /** Tag edits the inspector's draft proposed. */
  gating: GatingEdit[]
  /** The configurator's own language. */
  locale: Locale
}

export const STORAGE_KEY = "zhiqing-setup"

export function initialState(locale: Locale): SetupState {
  return { config: startingConfig(), todo: [], gating: [], locale }
}

/** The saved state, or a fresh one when nothing (or something unreadable) is saved. */
export function loadState(storage: Pick<Storage, "getItem">, fallbackLocale: Locale): SetupState {
  let saved: unknown
  try {
    saved = JSON.parse(storage.getItem(STORAGE_KEY) ?? "null")
  } catch {
    saved = null
  }
  if (!isObject(saved) || !isObject(saved.config)) return initialState(fallbackLocale)
  return {
    config: saved.config,
    todo: Array.isArray(saved.todo) ? (saved.todo as DraftTodo[]) : [],
    gating: Array.isArray(saved.gating) ? (saved.gating as GatingEdit[]) : [],
    locale: saved.locale === "en" || saved.locale === "zh-CN" ? saved.locale : fallbackLocale
  }
}

/** Save the state; a full or blocked storage leaves the page working, and says so. */
export function saveState(storage: Pick<Storage, "setItem">, state: SetupState): boolean {
  try {
    storage.setItem(STORAGE_KEY, JSON.stringify(state))
    return true
  } catch {
    return false
  }
}

/** True when the merchant has changed the starting config, so replacing it would lose work. */
export function hasWork(state: SetupState): boolean {
  return JSON.stringify(state.config) !== JSON.stringify(startingConfig())
}
