/**
 * `npm run bench`: every benchmark in one run, side by side with its anchors, written to tests/bench/results.json
 * and tests/bench/results.md and printed. A slow run never fails; a section that crashes does (exit 1), after the
 * other sections have still run and been written.
 *
 * `npm run bench -- size dialog returning` runs only the sections named (any of size, dialog, returning,
 * extension, ledger) and only prints the report: results.json and results.md stay those of the last full run.
 * RETURNING_VIEWS sets the returning shopper's page views per library and condition (60).
 */
import { measureDetector } from "./detector"
import { measureDialogs } from "./dialog"
import { measurePageLoad, measureProbeOverhead } from "./extension"
import { measureLedger } from "./ledger"
import { describeMachine, renderMarkdown, writeResults, type BenchResults } from "./report"
import { measureReturning } from "./returning"
import { runSection, type Outcome } from "./section"
import { measureSizes } from "./size"

const SECTIONS = ["size", "dialog", "returning", "extension", "ledger"] as const
type Section = (typeof SECTIONS)[number]

const asked = process.argv.slice(2)
const unknown = asked.filter((name) => !(SECTIONS as readonly string[]).includes(name))
if (unknown.length) {
  console.error(`unknown bench section${unknown.length > 1 ? "s" : ""} ${unknown.join(", ")}; choose from ${SECTIONS.join(", ")}`)
  process.exit(2)
}
const selected = (section: Section) => !asked.length || asked.includes(section)
const notSelected: Outcome<never> = { status: "skipped", reason: "not selected in this run" }
/** Run the section when it was selected. */
const section = <T>(name: Section, title: string, body: () => Promise<T>): Promise<Outcome<T>> => (selected(name) ? runSection(title, body) : Promise.resolve(notSelected))

const started = Date.now()
const results: BenchResults = {
  date: new Date().toISOString(),
  machine: describeMachine(),
  size: await section("size", "SDK size", measureSizes),
  dialog: await section("dialog", "Time to a usable dialog", measureDialogs),
  returning: await section("returning", "Returning shopper", measureReturning),
  extension: {
    pageLoad: await section("extension", "Extension: demo store page load", measurePageLoad),
    probe: await section("extension", "Extension: fetch() probe overhead", measureProbeOverhead),
    detector: await section("extension", "Extension: PI detector throughput", measureDetector)
  },
  ledger: await section("ledger", "Ledger: receipts with 50 concurrent clients", measureLedger)
}
const seconds = ((Date.now() - started) / 1000).toFixed(0)
if (asked.length) {
  console.log(`\n${renderMarkdown(results)}`)
  console.log(`(${seconds} s; sections ${asked.join(", ")} only, so results.json and results.md were left as they are)`)
} else {
  console.log(`\n${writeResults(results)}`)
  console.log(`(${seconds} s; written to tests/bench/results.json and tests/bench/results.md)`)
}

const failed = [results.size, results.dialog, results.returning, ...Object.values(results.extension), results.ledger].some((outcome) => outcome.status === "failed")
process.exitCode = failed ? 1 : 0
