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

/**
 * A 95% bootstrap interval for `median(values) / median(anchor)`: both samples resampled with replacement, each
 * resample's ratio taken, and the 2.5th and 97.5th percentiles of those. The resampling is seeded, so the same
 * samples always give the same interval. A ratio of medians whose interval spans 1 does not tell the two apart.
 */
export function medianRatioInterval(values: readonly number[], anchor: readonly number[], resamples = 2000): [number, number] | null {
  if (values.length === 0 || anchor.length === 0) return null
  let state = 0x9e3779b9
  // A linear congruential generator: plenty for picking sample indices, and the same on every run.
  const index = (length: number) => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0
    return Math.floor((state / 2 ** 32) * length)
  }
  const resample = (sample: readonly number[]) => sample.map(() => sample[index(sample.length)] as number)
  const ratios: number[] = []
  for (let i = 0; i < resamples; i++) {
    const anchorMedian = median(resample(anchor))
    if (anchorMedian > 0) ratios.push(median(resample(values)) / anchorMedian)
  }
  return ratios.length ? [round(percentile(ratios, 2.5), 2), round(percentile(ratios, 97.5), 2)] : null
}
