/**
 * The consent scan's result in the panel: the three runs side by side — third parties, trackers, cookies, personal
 * information leaving the page, recipients abroad, the dialog — with what the law forbids marked, and the
 * law-breaking differences listed with their requirement ids.
 */
import type { Locale } from "@zhiqing/sdk/schema"
import type { ComponentChildren } from "preact"
import type { RunSummary, ScanResult } from "../scan/compare"
import { outcomeName, piKindName, runName, word } from "./i18n"

function Items({ items }: { items: Array<{ key: string; text: string; breach?: boolean }> }) {
  if (!items.length) return <span class="muted-inline">—</span>
  return (
    <ul class="cell-list">
      {items.map((item) => (
        <li key={item.key} class={item.breach ? "breach" : undefined} data-breach={item.breach ? "true" : undefined}>
          {item.text}
        </li>
      ))}
    </ul>
  )
}

function dialogText(run: RunSummary, locale: Locale): string {
  const shown = word(run.dialogShown ? "dialogShown" : "dialogNotShown", locale)
  return run.dialogOnRevisit ? `${shown}; ${word("dialogAgain", locale)}` : shown
}

function Row({ label, runs, cell }: { label: string; runs: readonly RunSummary[]; cell(run: RunSummary): ComponentChildren }) {
  return (
    <tr>
      <th scope="row">{label}</th>
      {runs.map((run) => (
        <td key={run.choice} data-run={run.choice}>
          {run.outcome === "no-dialog" && run.choice !== "ignore" ? null : cell(run)}
        </td>
      ))}
    </tr>
  )
}

/** The scan's result, or its progress. */
export function ScanView({ result, running, error, locale }: { result: ScanResult | null; running: boolean; error: string; locale: Locale }) {
  return (
    <section class="tool" aria-label={word("scanTitle", locale)} data-testid="consent-scan">
      <h2>{word("scanTitle", locale)}</h2>
      {running && <p role="status">{word("scanRunning", locale)}</p>}
      {error && (
        <p role="alert">
          {word("scanFailed", locale)}
          {error}
        </p>
      )}
      {result && !running && (
        <>
          {!result.zhiqing && <p class="note">{word("scanNoZhiqing", locale)}</p>}
          <h3>{word("scanIssues", locale)}</h3>
          {result.issues.length ? (
            <ul class="issues">
              {result.issues.map((issue, index) => (
                <li key={index} data-rule={issue.rule} data-run={issue.choice}>
                  <span class={`verdict v-${issue.severity}`}>{issue.rule}</span> <strong>{runName(issue.choice, locale)}</strong> {issue.message[locale]}
                  <details>
                    <summary>{word("evidence", locale)}</summary>
                    <ul>
                      {issue.evidence.map((line) => (
                        <li key={line} class="url">
                          {line}
                        </li>
                      ))}
                    </ul>
                  </details>
                </li>
              ))}
            </ul>
          ) : (
            <p data-testid="scan-clean">{word("scanClean", locale)}</p>
          )}
          <table class="runs">
            <thead>
              <tr>
                <th />
                {result.runs.map((run) => (
                  <th key={run.choice} scope="col" data-run={run.choice}>
                    {runName(run.choice, locale)} <span class="outcome">({outcomeName(run.outcome, locale)})</span>
                    {run.error && <div class="muted-inline">{run.error}</div>}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              <Row label={word("dialog", locale)} runs={result.runs} cell={(run) => dialogText(run, locale)} />
              <Row
                label={word("trackers", locale)}
                runs={result.runs}
                cell={(run) => (
                  <Items
                    items={run.trackers.map((tracker) => ({
                      key: tracker.id,
                      text: `${tracker.company} (${tracker.country}) × ${tracker.requests}`,
                      breach: tracker.breach
                    }))}
                  />
                )}
              />
              <Row label={word("thirdParties", locale)} runs={result.runs} cell={(run) => <Items items={run.thirdParties.map((name) => ({ key: name, text: name }))} />} />
              <Row
                label={word("cookies", locale)}
                runs={result.runs}
                cell={(run) => <Items items={run.cookies.map((cookie) => ({ key: `${cookie.name}|${cookie.domain}`, text: `${cookie.name} (${cookie.domain})`, breach: cookie.breach }))} />}
              />
              <Row label={word("piLeaving", locale)} runs={result.runs} cell={(run) => <Items items={run.piKinds.map((kind) => ({ key: kind, text: piKindName(kind, locale) }))} />} />
              <Row label={word("abroad", locale)} runs={result.runs} cell={(run) => <Items items={run.crossBorder.map((name) => ({ key: name, text: name }))} />} />
            </tbody>
          </table>
          <p class="muted-inline">{word("scanLeftAs", locale)}</p>
        </>
      )}
    </section>
  )
}
