/** Small statistics for benchmark samples. Figures are rounded where they are made, so the report only formats. */

/** The median of a non-empty sample. */
export function median(values: readonly number[]): number {
  return percentile(values, 50)
}

/** The nearest-rank percentile (0–100) of a non-empty sample. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) throw new Error("percentile of an empty sample")
  const sorted = [...values].sort((a, b) => a - b)
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length))
  return sorted[Math.min(rank, sorted.length) - 1] as number
}

/** `value / anchor`, to three significant decimals; null when the anchor is zero (no meaningful ratio). */
export function ratio(value: number, anchor: number): number | null {
  return anchor === 0 ? null : round(value / anchor, 3)
}

/** Round to a fixed number of decimals. */
export function round(value: number, decimals = 1): number {
  const factor = 10 ** decimals
  return Math.round(value * factor) / factor
}
