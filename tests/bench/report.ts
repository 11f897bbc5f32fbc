/**
 * The results: tests/bench/results.json for tools and tests/bench/results.md for people (the README shows the
 * latest). Ratios lead, since the machine is shared and noisy; absolute figures follow for context.
 */
import { spawnSync } from "node:child_process"
import { readFileSync, writeFileSync } from "node:fs"
import { cpus, release } from "node:os"
import { join } from "node:path"
import type { DetectorFigures } from "./detector"
import type { DialogFigures } from "./dialog"
import type { PageLoadFigures, ProbeFigures } from "./extension"
import type { LedgerFigures, LedgerRun } from "./ledger"
import type { GrowthFigures } from "./ledger-growth"
import { repo } from "./parts"
import { ZHIQING_DATA_CONFIG, ZHIQING_PINNED } from "./pages"
import type { ReturningFigures, ReturningResult } from "./returning"
import type { Outcome } from "./section"
import type { SizeFigures } from "./size"

export interface Machine {
  os: string
  cpu: string
  cores: number
  node: string
  chromium: string
}

export interface BenchResults {
  date: string
  machine: Machine
  size: Outcome<SizeFigures>
  dialog: Outcome<DialogFigures>
  returning: Outcome<ReturningFigures>
  extension: {
    pageLoad: Outcome<PageLoadFigures>
    probe: Outcome<ProbeFigures>
    detector: Outcome<DetectorFigures>
  }
  ledger: Outcome<LedgerFigures & { postgresSkipped?: string }>
}

const ANCHORS = ["vanilla-cookieconsent", "klaro"] as const

/** Where this run happened. */
export function describeMachine(): Machine {
  const osName = readFileSync("/etc/os-release", "utf8").match(/^PRETTY_NAME="?([^"\n]*)"?$/m)?.[1] ?? process.platform
  const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium"
  const version = spawnSync(chromiumPath, ["--version"], { encoding: "utf8", timeout: 10_000 })
  return {
    os: `${osName}, Linux ${release()}`,
    cpu: cpus()[0]?.model.trim() ?? "unknown",
    cores: cpus().length,
    node: process.version,
    chromium: version.status === 0 ? version.stdout.trim() : `unknown (${chromiumPath})`
  }
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`
const ms = (value: number, decimals = 1) => `${value.toFixed(decimals)} ms`
const times = (value: number | null | undefined) => (value === null || value === undefined ? "–" : `${value.toFixed(2)}×`)
/** A ratio with its 95% interval, e.g. "1.04× (0.81–1.30)". */
const timesWithin = (value: number | null | undefined, interval: [number, number] | null | undefined) =>
  interval ? `${times(value)} (${interval[0].toFixed(2)}–${interval[1].toFixed(2)})` : times(value)

function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(" | ")} |`
  return [line(header), line(header.map(() => "---")), ...rows.map(line)].join("\n")
}

/** The line a section shows instead of its figures. */
function notRun(outcome: Outcome<unknown>): string | null {
  if (outcome.status === "skipped") return `skipped: ${outcome.reason}`
  if (outcome.status === "failed") return `failed: ${outcome.error}`
  return null
}

function headline(results: BenchResults): string {
  const rows: string[][] = []
  const { size, dialog, returning } = results
  if (size.status === "ok") {
    rows.push(["SDK size, first visit (zh-CN), JS + CSS, gzip -9", ...ANCHORS.map((name) => times(size.ratios[name]?.gzip))])
    rows.push(["SDK size, first visit (zh-CN), JS + CSS, brotli 11", ...ANCHORS.map((name) => times(size.ratios[name]?.brotli))])
    rows.push(["SDK size, returning shopper, gzip -9", ...ANCHORS.map((name) => times(size.returningRatios[name]?.gzip))])
  }
  if (dialog.status === "ok") {
    const of = (name: string) => dialog.results.find((result) => result.name === name)?.zhiqingRatio
    rows.push(["Time to a usable dialog, from script start", ...ANCHORS.map((name) => times(of(name)?.usable))])
    rows.push(["Time to a usable dialog, from navigation start", ...ANCHORS.map((name) => times(of(name)?.usableFromNavigation))])
    rows.push(["… with data-config, from script start", ...ANCHORS.map((name) => times(of(name)?.usableDataConfig))])
    rows.push(["… with data-config, from navigation start", ...ANCHORS.map((name) => times(of(name)?.usableFromNavigationDataConfig))])
    rows.push(["Main-thread task time, net of the bare page", ...ANCHORS.map((name) => times(of(name)?.taskMs))])
  }
  if (returning.status === "ok") {
    const of = (name: string) => returning.results.find((result) => result.name === name)
    rows.push(["Returning shopper: gated scripts released, from script start (95% interval)", ...ANCHORS.map((name) => timesWithin(of(name)?.zhiqingRatio, of(name)?.zhiqingRatioInterval))])
    rows.push(["… from navigation start", ...ANCHORS.map((name) => times(of(name)?.zhiqingRatioFromNavigation))])
    rows.push(["… from the library's script downloaded", ...ANCHORS.map((name) => times(of(name)?.zhiqingRatioFromScriptReady))])
    const fetched = (result: ReturningResult | undefined, page: string) => timesWithin(result?.fetchedConfigRatios?.[page]?.ratio, result?.fetchedConfigRatios?.[page]?.interval)
    rows.push(["… config from data-config pinned by its hash, from script start (95% interval)", ...ANCHORS.map((name) => fetched(of(name), ZHIQING_PINNED))])
    rows.push(["… config from data-config without a pin, from script start (95% interval)", ...ANCHORS.map((name) => fetched(of(name), ZHIQING_DATA_CONFIG))])
    const cached = (name: string) => returning.cached.find((result) => result.name === name)
    rows.push(["… files from the HTTP cache, from script start (95% interval)", ...ANCHORS.map((name) => timesWithin(cached(name)?.zhiqingRatio, cached(name)?.zhiqingRatioInterval))])
    rows.push(["… files from the HTTP cache, config pinned (95% interval)", ...ANCHORS.map((name) => fetched(cached(name), ZHIQING_PINNED))])
    rows.push(["… files from the HTTP cache, config not pinned (95% interval)", ...ANCHORS.map((name) => fetched(cached(name), ZHIQING_DATA_CONFIG))])
    rows.push(["… files from the HTTP cache, from navigation start", ...ANCHORS.map((name) => times(cached(name)?.zhiqingRatioFromNavigation))])
  }
  const anchorTable = rows.length
    ? table(["Zhiqing ÷ anchor (below 1× is smaller or faster)", ...ANCHORS], rows)
    : "No anchor comparison ran (see the sections below)."
  const { pageLoad, probe, detector } = results.extension
  const extensionRows = [
    ["Demo store page load, with ÷ without the extension", pageLoad.status === "ok" ? times(pageLoad.ratio) : (notRun(pageLoad) as string)],
    [
      "1,000 fetch() calls, with ÷ without the extension",
      probe.status === "ok"
        ? `${times(probe.ratio)} (${probe.overheadMicrosPerCall} µs more per call; a bare webRequest listener alone: ${times(probe.bareListenerRatio)})`
        : (notRun(probe) as string)
    ],
    ["PI detector on a 1 MB payload", detector.status === "ok" ? `${detector.mbPerSecond} MB/s` : (notRun(detector) as string)]
  ]
  return `${anchorTable}\n\n${table(["Inspector extension", "figure"], extensionRows)}`
}

function sizeSection(size: BenchResults["size"]): string {
  if (size.status !== "ok") return notRun(size) as string
  const bundles = [size.zhiqing, size.zhiqingReturning, ...size.anchors]
  return [
    table(
      ["Bundle", "version", "files", "raw", "gzip -9", "brotli 11"],
      bundles.map((bundle) => [
        bundle.name,
        bundle.version,
        bundle.files.map((file) => file.file.replace(/^node_modules\//, "")).join(" + "),
        kb(bundle.total.raw),
        kb(bundle.total.gzip),
        kb(bundle.total.brotli)
      ])
    ),
    "",
    ...bundles.map((bundle) => `- **${bundle.name}**: ${bundle.includes}.`)
  ].join("\n")
}

function dialogSection(dialog: BenchResults["dialog"]): string {
  if (dialog.status !== "ok") return notRun(dialog) as string
  return [
    `Median of ${dialog.runsPerLibrary} runs each; ${dialog.method}.`,
    "",
    table(
      ["Library", "script start → usable", "navigation → usable", "main-thread tasks", "script", "long tasks", "long-task time", "layout shift"],
      dialog.results.map(({ name, median }) => [
        name,
        ms(median.usable),
        ms(median.usableFromNavigation),
        ms(median.taskMs),
        ms(median.scriptMs),
        String(median.longTasks),
        ms(median.longTaskMs),
        median.layoutShift.toFixed(4)
      ])
    )
  ].join("\n")
}

function returningSection(returning: BenchResults["returning"]): string {
  if (returning.status !== "ok") return notRun(returning) as string
  const rows = (condition: string, results: ReturningResult[]) =>
    results.map((result) => [result.name, condition, ms(result.gatedReleased, 2), ms(result.gatedFromNavigation, 2), ms(result.gatedFromScriptReady, 2), String(result.dialogAdded), String(result.dialogVisible)])
  return [
    `${returning.reloadsPerLibrary} page views each after one accept; ${returning.method}.`,
    "",
    table(
      ["Library", "files", "script start → gated script ran (median)", "navigation start → gated script ran (median)", "script downloaded → gated script ran (median)", "views with a dialog element", "views with a visible dialog"],
      [...rows("no-store", returning.results), ...rows("HTTP cache", returning.cached)]
    )
  ].join("\n")
}

function extensionSection({ pageLoad, probe, detector }: BenchResults["extension"]): string {
  const rows = [
    pageLoad.status === "ok"
      ? ["Demo store home, load event (median of " + pageLoad.loads + ")", ms(pageLoad.withoutExtension), ms(pageLoad.withExtension), times(pageLoad.ratio)]
      : ["Demo store home, load event", notRun(pageLoad) as string, "", ""],
    probe.status === "ok"
      ? [`${probe.fetchesPerBurst} sequential fetch() calls (median of ${probe.bursts})`, ms(probe.withoutExtension), ms(probe.withExtension), times(probe.ratio)]
      : ["1,000 sequential fetch() calls", notRun(probe) as string, "", ""],
    ...(probe.status === "ok"
      ? [[`the same with only a bare webRequest listener loaded, the anchor`, ms(probe.withoutExtension), ms(probe.withBareListener), times(probe.bareListenerRatio)]]
      : [])
  ]
  const detectorLine =
    detector.status === "ok"
      ? `PI detector (${detector.entry}): ${detector.mbPerSecond} MB/s on ${kb(detector.payloadBytes)} of tracker JSON, median of ${detector.runs}; ${detector.found} findings.`
      : `PI detector: ${notRun(detector)}`
  const anchor =
    "The bare webRequest listener is an extension that listens as the inspector does (request bodies, response headers with extraHeaders, errors) and does nothing: what Chrome charges any webRequest-based inspector."
  return `${table(["Measurement", "without extension", "with extension", "ratio"], rows)}\n\n${anchor}\n\n${detectorLine}`
}

const perSecond = (value: number) => Math.round(value).toLocaleString("en-US")

/** Whether a run's medians meet its target, and by how much they miss it. */
function againstTarget(run: LedgerRun): string {
  if (!run.target) return "–"
  const misses = [
    run.median.receiptsPerSecond < run.target.receiptsPerSecond &&
      `${perSecond(run.median.receiptsPerSecond)}/s is ${Math.round((1 - run.median.receiptsPerSecond / run.target.receiptsPerSecond) * 100)}% short of ${perSecond(run.target.receiptsPerSecond)}/s`,
    run.median.p99Ms >= run.target.p99Ms && `p99 ${ms(run.median.p99Ms)} is over ${run.target.p99Ms} ms`
  ].filter(Boolean)
  const target = `≥ ${perSecond(run.target.receiptsPerSecond)}/s, p99 < ${run.target.p99Ms} ms`
  return misses.length ? `${target}: missed (${misses.join("; ")})` : `${target}: met`
}

function growthSection(growth: GrowthFigures): string {
  const sizes = growth.sizes.map((size) => size.toLocaleString("en-US"))
  const rows = growth.queries.map((query) => [
    query.name,
    `\`${query.runBy}\``,
    ...query.msBySize.map((value) => `${value.toFixed(2)} ms`),
    `${query.partitionsRead} of 16`,
    query.seqScans === 0 ? "none" : String(query.seqScans),
    String(query.rows)
  ])
  const plans = growth.queries.map((query) => `${query.name} (${growth.sizes.at(-1)!.toLocaleString("en-US")} receipts):\n\n\`\`\`\n${query.plan.join("\n")}\n\`\`\``).join("\n\n")
  return `The ledger's own reads (\`RECEIPT_READS\` in sdk/server/store.ts) on PostgreSQL filled with generated receipts over ${growth.subjects.toLocaleString("en-US")} subjects, EXPLAIN ANALYZE, median of 5 at each size:

${table(["Query", "run by", ...sizes.map((size) => `${size} receipts`), "partitions read", "sequential scans", "rows"], rows)}

<details><summary>Plans</summary>

${plans}

</details>`
}

function ledgerSection(ledger: BenchResults["ledger"]): string {
  if (ledger.status !== "ok") return notRun(ledger) as string
  const rows = ledger.runs.map((run) => {
    const rates = run.samples.map((sample) => sample.receiptsPerSecond)
    const p99s = run.samples.map((sample) => sample.p99Ms)
    const errors = run.samples.flatMap((sample) => Object.entries(sample.errors ?? {}).map(([status, n]) => `${n}× ${status}`))
    return [
      run.setup,
      `${run.samples.length} × ${run.samples[0]?.receipts ?? 0}`,
      `${perSecond(run.median.receiptsPerSecond)} (${perSecond(Math.min(...rates))}–${perSecond(Math.max(...rates))})`,
      ms(run.median.p50Ms),
      `${ms(run.median.p99Ms)} (${ms(Math.min(...p99s))}–${ms(Math.max(...p99s))})`,
      `${Math.round(run.median.ledgerCpuMicros)} µs`,
      errors.length ? errors.join(", ") : "none",
      againstTarget(run)
    ]
  })
  if (ledger.postgresSkipped) rows.push(["PostgreSQL", `skipped: ${ledger.postgresSkipped}`, "", "", "", "", "", ""])
  const load = `load average ${ledger.loadAverage.before} before, ${ledger.loadAverage.after} after`
  return `Measured ${ledger.measuredAt.slice(0, 16).replace("T", " ")} UTC. ${ledger.clients} concurrent clients with keep-alive, POST /api/consent, group commit; each sample on a new, empty database, the setups taking turns; medians, with the spread of the samples in brackets (${load}: other work shares the cores).

${table(["Setup", "samples × receipts", "receipts/s", "p50", "p99", "ledger CPU per receipt", "errors", "target"], rows)}

The ledger's CPU per receipt (user + system time of its processes over the burst) does not depend on what else the machine runs; receipts/s and latency do.

${ledger.growth ? growthSection(ledger.growth) : "Growth: not measured (no PostgreSQL)."}`
}

/** The Markdown report. */
export function renderMarkdown(results: BenchResults): string {
  const { machine } = results
  return `## Benchmarks

${results.date.slice(0, 10)} · ${machine.cpu}, ${machine.cores} cores · ${machine.os} · Node ${machine.node} · ${machine.chromium}

The machine is shared and noisy, so ratios measured side by side in one run are the headline; absolute times only give scale.

${headline(results)}

### SDK size

${sizeSection(results.size)}

### Time to a usable dialog

${dialogSection(results.dialog)}

### Returning shopper

${returningSection(results.returning)}

### Inspector extension

${extensionSection(results.extension)}

### Ledger

${ledgerSection(results.ledger)}
`
}

/** Write results.json and results.md next to the benchmarks; returns the Markdown. */
export function writeResults(results: BenchResults): string {
  const markdown = renderMarkdown(results)
  const dir = join(repo, "tests", "bench")
  writeFileSync(join(dir, "results.json"), `${JSON.stringify(results, null, 2)}\n`)
  writeFileSync(join(dir, "results.md"), markdown)
  return markdown
}
