/**
 * Every benchmark section ends in one of three ways. A missing part of the product (no SDK build yet, no extension,
 * no ledger) is "skipped", never a failure: benchmarks measure, they do not gate.
 */

/** A section that could not run because something it measures is not there. */
export interface Skipped {
  status: "skipped"
  reason: string
}

/** A section that crashed: a bug in the bench or in what it measures. */
export interface Failed {
  status: "failed"
  error: string
}

/** A section's outcome: its figures, or why there are none. */
export type Outcome<T> = ({ status: "ok" } & T) | Skipped | Failed

/** Thrown inside a section to end it as skipped. */
export class SkipSection extends Error {}

/** Run one section, turning a {@link SkipSection} into "skipped" and any other error into "failed". */
export async function runSection<T>(title: string, body: () => Promise<T>): Promise<Outcome<T>> {
  const started = Date.now()
  console.log(`\n▶ ${title}`)
  try {
    const figures = await body()
    console.log(`  done in ${((Date.now() - started) / 1000).toFixed(1)} s`)
    return { status: "ok", ...figures }
  } catch (error) {
    if (error instanceof SkipSection) {
      console.log(`  skipped: ${error.message}`)
      return { status: "skipped", reason: error.message }
    }
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error)
    console.error(`  failed: ${message}`)
    return { status: "failed", error: error instanceof Error ? error.message : String(error) }
  }
}
