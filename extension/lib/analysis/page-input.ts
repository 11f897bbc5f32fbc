/**
 * The config and consent state come from the page (the probe reads them from `window`), so a broken or hostile
 * page can send anything. Only what has the shape the analysis reads is used; the rest counts as absent.
 */
import type { Config, ConsentState } from "@zhiqing/sdk/schema"

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value)
}

const isStringList = (value: unknown): boolean => value === undefined || (Array.isArray(value) && value.every((item) => typeof item === "string"))

/** The config when its purposes and separate items have the shape the analysis reads, else undefined. */
export function usableConfig(config: unknown): Config | undefined {
  if (!isRecord(config) || !Array.isArray(config.purposes)) return undefined
  const purposesOk = config.purposes.every(
    (purpose) => isRecord(purpose) && typeof purpose.id === "string" && isRecord(purpose.title) && isStringList(purpose.vendors) && isStringList(purpose.cookies) && isStringList(purpose.dataCategories)
  )
  const separate = config.separate
  const separateOk =
    separate === undefined ||
    (Array.isArray(separate) && separate.every((item) => isRecord(item) && typeof item.id === "string" && typeof item.kind === "string" && isRecord(item.title) && isStringList(item.dataCategories)))
  return purposesOk && separateOk ? (config as unknown as Config) : undefined
}

/** The state when it has decisions to read, else null (no decision). */
export function usableState(state: unknown): ConsentState | null {
  if (!isRecord(state) || !isRecord(state.purposes) || !isRecord(state.separate) || typeof state.decidedAt !== "string") return null
  return state as unknown as ConsentState
}
