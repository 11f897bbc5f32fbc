/**
 * `npm run bench`: every benchmark in one run, side by side with its anchors, written to tests/bench/results.json
 * and tests/bench/results.md and printed. A slow run never fails; a section that crashes does (exit 1), after the
 * other sections have still run and been written.
 */
import { measureDetector } from "./detector"
import { measureDialogs } from "./dialog"
import { measurePageLoad, measureProbeOverhead } from "./extension"
import { measureLedger } from "./ledger"
import { describeMachine, writeResults, type BenchResults } from "./report"
import { measureReturning } from "./returning"
import { runSection } from "./section"
import { measureSizes } from "./size"

const started = Date.now()
const results: BenchResults = {
  date: new Date().toISOString(),
  machine: describeMachine(),
  size: await runSection("SDK size", measureSizes),
  dialog: await runSection("Time to a usable dialog", measureDialogs),
  returning: await runSection("Returning shopper", measureReturning),
  extension: {
    pageLoad: await runSection("Extension: demo store page load", measurePageLoad),
    probe: await runSection("Extension: fetch() probe overhead", measureProbeOverhead),
    detector: await runSection("Extension: PI detector throughput", measureDetector)
  },
  ledger: await runSection("Ledger: receipts with 50 concurrent clients", measureLedger)
}
console.log(`\n${writeResults(results)}`)
console.log(`(${((Date.now() - started) / 1000).toFixed(0)} s; written to tests/bench/results.json and tests/bench/results.md)`)

const failed = [results.size, results.dialog, results.returning, ...Object.values(results.extension), results.ledger].some((outcome) => outcome.status === "failed")
process.exitCode = failed ? 1 : 0
