/**
 * The DevTools panel: the inspected tab's Report as a timeline on the consent axis, its findings, filters, the
 * detail of one event, and the exports. The entry page gives it the tab and the way to ask the background.
 */
import type { Locale } from "@zhiqing/sdk/schema"
import { useCallback, useEffect, useMemo, useState } from "preact/hooks"
import { reportToHar } from "../export/har"
import { reportToHtml } from "../export/html"
import { reportToJson } from "../export/json"
import type { CanaryFill } from "../canary/fill"
import type { CanaryResult } from "../canary/runs"
import type { Report } from "../report"
import type { ScanResult } from "../scan/compare"
import { CanaryView } from "./canary-view"
import { DetailPane } from "./detail-pane"
import { exportFileName } from "./download"
import { FilterBar } from "./filter-bar"
import { phaseName, piKindName, verdictName, word } from "./i18n"
import { PANEL_STYLE } from "./panel-style"
import { isReport, watchReport } from "./report-feed"
import { ScanView } from "./scan-view"
import { formatTime } from "./time-format"
import { buildTimeline, facetsOf, filterRows, timelineItems, type TimelineFilter, type TimelineItem, type TimelineRow } from "./timeline"
import { VirtualList } from "./virtual-list"

/** Height of every timeline line in pixels; the virtual list needs it fixed. */
export const ROW_HEIGHT = 28

export interface PanelAppProps {
  /** The tab to report on; undefined when the page was opened without one. */
  tabId: number | undefined
  /** Ask the background for a tab's Report. */
  askReport(tabId: number): Promise<unknown>
  /** Save an export. */
  save(filename: string, text: string, mimeType: string): void
  initialLocale: Locale
  /** How often to ask again, in milliseconds. */
  pollIntervalMs?: number
  /** Run the consent scan on a tab; without it the panel offers no scan. */
  runScan?(tabId: number): Promise<unknown>
  /** Fill the tab's forms with canary values, or trace them; without it the panel offers no canary mode. */
  canary?(tabId: number, action: "fill" | "trace"): Promise<unknown>
  /**
   * Draft a merchant config from the tab and open the configurator on it; resolves to the error to show, if any.
   * Without it the panel offers no draft.
   */
  draftConfig?(tabId: number): Promise<string | undefined>
  /** Start the consent scan as soon as the panel opens (the popup's scan button asks for this). */
  autoScan?: boolean
}

/** The message an answer carries when the background could not do what was asked, else undefined. */
function answerError(answer: unknown): string | undefined {
  if (answer === undefined) return "the background did not answer"
  const error = (answer as { error?: unknown } | null)?.error
  return typeof error === "string" ? error : undefined
}

/** How often the canary trace is asked for again while the panel is open, in milliseconds. */
const CANARY_POLL_MS = 1500

function RowLine({ row, selected, locale, onSelect }: { row: TimelineRow; selected: boolean; locale: Locale; onSelect(): void }) {
  return (
    <button type="button" class={`row${selected ? " selected" : ""}`} aria-pressed={selected} data-verdict={row.verdict} data-kind={row.kind} onClick={onSelect}>
      <span class="time">{formatTime(row.time)}</span>
      <span class={`verdict v-${row.verdict}`}>{verdictName(row.verdict, locale)}</span>
      {/* The shop's own requests before a decision are expected; the marker is for what consent governs. */}
      <span class="slot">{row.beforeConsent && row.thirdParty && <span class="badge before">{word("beforeConsent", locale)}</span>}</span>
      <span class="vendor" title={row.vendor}>
        {row.vendor}
      </span>
      <span class="label" title={row.label}>
        {row.kind === "cookie" ? `${word("cookie", locale)} ${row.label}` : `${row.request?.method ?? ""} ${row.label}`}
      </span>
      {row.piKinds.map((kind) => (
        <span key={kind} class="badge pi">
          {piKindName(kind, locale)}
        </span>
      ))}
      {row.crossBorder && <span class="badge abroad">{word("crossBorder", locale)}</span>}
    </button>
  )
}

function PhaseLine({ item, locale }: { item: Extract<TimelineItem, { type: "phase" }>; locale: Locale }) {
  return (
    <div class="phase" data-phase={item.phase}>
      <strong>{phaseName(item.phase, locale)}</strong>
      {item.start !== undefined && <span class="time">{formatTime(item.start)}</span>}
      <span class="count">
        {item.count} {word("events", locale)}
      </span>
    </div>
  )
}

/** The whole panel for one tab; it asks for the Report every `pollIntervalMs` while mounted. */
export function PanelApp({ tabId, askReport, save, initialLocale, pollIntervalMs, runScan, canary, draftConfig, autoScan }: PanelAppProps) {
  const [locale, setLocale] = useState<Locale>(initialLocale)
  const [report, setReport] = useState<Report | null>(null)
  const [error, setError] = useState("")
  const [filter, setFilter] = useState<TimelineFilter>({})
  const [selectedId, setSelectedId] = useState<number | undefined>(undefined)
  const [scan, setScan] = useState<{ running: boolean; result: ScanResult | null; error: string } | null>(null)
  const [canaryRun, setCanaryRun] = useState<{ fill: CanaryFill | null; result: CanaryResult | null; error: string } | null>(null)
  const [draft, setDraft] = useState<{ opening: boolean; error: string }>({ opening: false, error: "" })

  const startScan = useCallback(async () => {
    if (tabId === undefined || !runScan) return
    setScan({ running: true, result: null, error: "" })
    try {
      const answer = await runScan(tabId)
      const error = answerError(answer)
      setScan(error ? { running: false, result: null, error } : { running: false, result: answer as ScanResult, error: "" })
    } catch (reason) {
      setScan({ running: false, result: null, error: reason instanceof Error ? reason.message : String(reason) })
    }
  }, [tabId, runScan])

  useEffect(() => {
    if (autoScan) void startScan()
  }, [autoScan, startScan])

  const openDraft = async (): Promise<void> => {
    if (tabId === undefined || !draftConfig) return
    setDraft({ opening: true, error: "" })
    const error = await draftConfig(tabId).catch((reason: unknown) => (reason instanceof Error ? reason.message : String(reason)))
    setDraft({ opening: false, error: error ?? "" })
  }

  const fillCanaries = async (): Promise<void> => {
    if (tabId === undefined || !canary) return
    const answer = await canary(tabId, "fill").catch((reason: unknown) => ({ error: reason instanceof Error ? reason.message : String(reason) }))
    const error = answerError(answer)
    setCanaryRun(error ? { fill: null, result: null, error } : { fill: answer as CanaryFill, result: null, error: "" })
  }

  const canaryFilled = canaryRun?.fill !== null && canaryRun?.fill !== undefined
  useEffect(() => {
    if (!canaryFilled || tabId === undefined || !canary) return
    let stopped = false
    let timer: ReturnType<typeof setTimeout> | undefined
    const round = async (): Promise<void> => {
      const answer = await canary(tabId, "trace").catch(() => undefined)
      if (stopped) return
      if (answer !== undefined && !answerError(answer)) setCanaryRun((run) => (run ? { ...run, result: answer as CanaryResult } : run))
      timer = setTimeout(() => void round(), CANARY_POLL_MS)
    }
    void round()
    return () => {
      stopped = true
      clearTimeout(timer)
    }
  }, [canaryFilled, tabId, canary])

  useEffect(() => {
    document.documentElement.lang = locale
  }, [locale])

  useEffect(() => {
    if (tabId === undefined) return
    return watchReport(
      () => askReport(tabId),
      {
        onReport: (next) => {
          setReport(next)
          setError("")
        },
        onError: (reason) => setError(reason.message)
      },
      pollIntervalMs
    )
  }, [tabId, askReport, pollIntervalMs])

  const timeline = useMemo(() => (report ? buildTimeline(report) : undefined), [report])
  const facets = useMemo(() => facetsOf(timeline?.rows ?? []), [timeline])
  const rows = useMemo(() => filterRows(timeline?.rows ?? [], filter), [timeline, filter])
  const items = useMemo(() => timelineItems(rows, timeline?.phaseStarts ?? {}), [rows, timeline])
  const selected = timeline?.rows.find((row) => row.id === selectedId)
  const selectedIndex = items.findIndex((item) => item.type === "row" && item.row.id === selectedId)

  const moveSelection = useCallback(
    (event: KeyboardEvent) => {
      if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return
      event.preventDefault()
      const step = event.key === "ArrowDown" ? 1 : -1
      for (let index = selectedIndex + step; index >= 0 && index < items.length; index += step) {
        const item = items[index]!
        if (item.type === "row") {
          setSelectedId(item.row.id)
          return
        }
      }
    },
    [items, selectedIndex]
  )

  const toggleRule = (rule: string): void => {
    const { rule: current, ...rest } = filter
    setFilter(current === rule ? rest : { ...rest, rule })
  }

  /**
   * An export is of what the background knows at the click: the view's Report is only replaced when its counts change,
   * so a request completed since (its initiator, the PI found in it) would be missing from a file for counsel.
   */
  const exportAs = async (kind: "json" | "har" | "html"): Promise<void> => {
    if (!report || tabId === undefined) return
    const asked = await askReport(tabId).catch(() => undefined)
    const current = isReport(asked) ? asked : report
    const name = (extension: string) => exportFileName(current.url, current.generatedAt, extension)
    if (kind === "json") save(name("json"), reportToJson(current), "application/json")
    else if (kind === "har") save(name("har"), `${JSON.stringify(reportToHar(current), null, 2)}\n`, "application/json")
    else save(name("html"), reportToHtml(current, locale), "text/html")
  }

  const status = tabId === undefined ? word("noTab", locale) : error ? `${word("failed", locale)}${error}` : !report ? word("loading", locale) : ""
  return (
    <div class="panel">
      <style>{PANEL_STYLE}</style>
      <header class="top">
        <h1>{word("title", locale)}</h1>
        {report && (
          <code class="page" title={report.url}>
            {report.url}
          </code>
        )}
        {report && (
          <span class="counts" data-testid="counts">
            {timeline!.rows.length} {word("events", locale)} · {report.findings.length} {word("findings", locale)} · {rows.length} {word("shown", locale)}
          </span>
        )}
        <span class="actions">
          {runScan && (
            <button type="button" disabled={tabId === undefined || scan?.running} onClick={() => void startScan()}>
              {word("scanStart", locale)}
            </button>
          )}
          {canary && (
            <button type="button" disabled={tabId === undefined || scan?.running} onClick={() => void fillCanaries()}>
              {word("canaryFill", locale)}
            </button>
          )}
          {draftConfig && (
            <button type="button" title={word("draftHint", locale)} disabled={tabId === undefined || draft.opening || scan?.running} onClick={() => void openDraft()}>
              {word("draftConfig", locale)}
            </button>
          )}
          <button type="button" disabled={!report} onClick={() => void exportAs("json")}>
            {word("exportJson", locale)}
          </button>
          <button type="button" disabled={!report} onClick={() => void exportAs("har")}>
            {word("exportHar", locale)}
          </button>
          <button type="button" disabled={!report} onClick={() => void exportAs("html")}>
            {word("exportHtml", locale)}
          </button>
          <button type="button" lang={locale === "zh-CN" ? "en" : "zh-CN"} aria-label={word("switchLanguageLabel", locale)} onClick={() => setLocale(locale === "zh-CN" ? "en" : "zh-CN")}>
            {word("switchLanguage", locale)}
          </button>
        </span>
      </header>
      {status && (
        <p class="status" role={error || tabId === undefined ? "alert" : "status"}>
          {status}
        </p>
      )}
      {draft.error && (
        <p class="status" role="alert" data-testid="draft-error">
          {word("draftFailed", locale)}
          {draft.error}
        </p>
      )}
      {(scan || canaryRun) && (
        <div class="tools">
          {scan && <ScanView result={scan.result} running={scan.running} error={scan.error} locale={locale} />}
          {canaryRun && <CanaryView fill={canaryRun.fill} result={canaryRun.result} error={canaryRun.error} locale={locale} />}
        </div>
      )}
      {report && timeline && (
        <>
          <ul class="finding-bar" aria-label={word("findings", locale)}>
            {report.findings.map((finding, index) => (
              <li key={index}>
                <button
                  type="button"
                  class={`finding${filter.rule === finding.rule ? " active" : ""}`}
                  aria-pressed={filter.rule === finding.rule}
                  onClick={() => toggleRule(finding.rule)}
                >
                  <span class={`verdict v-${finding.severity}`}>{finding.rule}</span> {finding.message[locale]}
                </button>
              </li>
            ))}
          </ul>
          <FilterBar facets={facets} filter={filter} locale={locale} onChange={setFilter} />
          <main class="split">
            <section class="timeline" aria-label={word("timeline", locale)}>
              {rows.length === 0 && <p class="muted">{word("noEvents", locale)}</p>}
              <VirtualList
                items={items}
                rowHeight={ROW_HEIGHT}
                label={word("timeline", locale)}
                revealIndex={selectedIndex}
                onKeyDown={moveSelection}
                itemKey={(item) => (item.type === "phase" ? `phase-${item.phase}` : item.row.id)}
                renderItem={(item) =>
                  item.type === "phase" ? <PhaseLine item={item} locale={locale} /> : <RowLine row={item.row} selected={item.row.id === selectedId} locale={locale} onSelect={() => setSelectedId(item.row.id)} />
                }
              />
            </section>
            <aside class="side" aria-label={word("detail", locale)}>
              <DetailPane row={selected} moments={timeline.moments} locale={locale} onShowRule={(rule) => setFilter({ ...filter, rule })} />
            </aside>
          </main>
        </>
      )}
    </div>
  )
}
