/**
 * One timeline event in full: the request or cookie, what personal information it carried (masked and marked), the
 * consent in force at that moment, and why it is or is not a finding.
 */
import type { Locale } from "@zhiqing/sdk/schema"
import type { ComponentChildren } from "preact"
import type { PiFound } from "../report"
import { crossBorderLine, phaseName, piKindName, trackerCategoryName, verdictName, word } from "./i18n"
import { consentAt, explainRow, type ConsentMoment, type TimelineRow } from "./timeline"
import { formatTime } from "./time-format"

interface DetailPaneProps {
  row: TimelineRow | undefined
  moments: readonly ConsentMoment[]
  locale: Locale
  onShowRule(rule: string): void
}

interface Parameter {
  name: string
  value: string
}

function decodeComponent(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, " "))
  } catch {
    return text
  }
}

/** The (already masked) URL's query parameters, decoded for reading. */
function parametersOf(url: string): Parameter[] {
  const queryAt = url.indexOf("?")
  if (queryAt === -1) return []
  const hashAt = url.indexOf("#", queryAt)
  return url
    .slice(queryAt + 1, hashAt === -1 ? undefined : hashAt)
    .split("&")
    .filter(Boolean)
    .map((piece) => {
      const equals = piece.indexOf("=")
      return equals === -1 ? { name: decodeComponent(piece), value: "" } : { name: decodeComponent(piece.slice(0, equals)), value: decodeComponent(piece.slice(equals + 1)) }
    })
}

function Field({ name, children }: { name: string; children: ComponentChildren }) {
  return (
    <>
      <dt>{name}</dt>
      <dd>{children}</dd>
    </>
  )
}

function PiTable({ pii, locale }: { pii: readonly PiFound[]; locale: Locale }) {
  if (!pii.length) return <p class="muted">{word("noPi", locale)}</p>
  return (
    <table class="pi-table">
      <thead>
        <tr>
          <th>{word("piKind", locale)}</th>
          <th>{word("where", locale)}</th>
          <th>{word("value", locale)}</th>
          <th>{word("encoding", locale)}</th>
        </tr>
      </thead>
      <tbody>
        {pii.map((pi) => (
          <tr key={`${pi.kind}|${pi.where}|${pi.masked}`}>
            <td>{piKindName(pi.kind, locale)}</td>
            <td>
              <code>{pi.where}</code>
            </td>
            <td>
              <mark data-pi={pi.kind}>{pi.masked}</mark>
            </td>
            <td>{pi.encoding ?? "plain"}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

function Parameters({ url, pii, locale }: { url: string; pii: readonly PiFound[]; locale: Locale }) {
  const parameters = parametersOf(url)
  if (!parameters.length) return null
  const carrying = new Set(pii.filter((pi) => pi.where.startsWith("query:")).map((pi) => pi.where.slice("query:".length)))
  return (
    <>
      <h3>{word("parameters", locale)}</h3>
      <table class="params">
        <tbody>
          {parameters.map((parameter, index) => (
            <tr key={index}>
              <th>
                <code>{parameter.name}</code>
              </th>
              <td>
                <code>{carrying.has(parameter.name) ? <mark>{parameter.value}</mark> : parameter.value}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  )
}

function ConsentThen({ row, moments, locale }: { row: TimelineRow; moments: readonly ConsentMoment[]; locale: Locale }) {
  const state = consentAt(moments, row.time)
  return (
    <section aria-labelledby="consent-then">
      <h3 id="consent-then">
        {word("consentThen", locale)} · {phaseName(row.phase, locale)}
      </h3>
      {state ? (
        <ul class="consent" data-testid="consent-then">
          {Object.entries({ ...state.purposes, ...state.separate }).map(([id, granted]) => (
            <li key={id} class={id === row.purpose ? "current" : undefined}>
              <code>{id}</code> {granted ? word("granted", locale) : word("notGranted", locale)}
            </li>
          ))}
        </ul>
      ) : (
        <p data-testid="consent-then">{word("noDecision", locale)}</p>
      )}
    </section>
  )
}

/** The selected event in full, or a hint to select one. */
export function DetailPane({ row, moments, locale, onShowRule }: DetailPaneProps) {
  if (!row) return <p class="muted">{word("selectRow", locale)}</p>
  const request = row.request
  const cookie = row.cookie
  const why = explainRow(row, moments)
  return (
    <article class="detail" aria-label={word("detail", locale)}>
      <h2>
        {word(row.kind === "request" ? "request" : "cookie", locale)} <span class={`verdict v-${row.verdict}`}>{verdictName(row.verdict, locale)}</span>
        {row.beforeConsent && row.thirdParty && <span class="badge before">{word("beforeConsent", locale)}</span>}
      </h2>
      <dl>
        <Field name={word("time", locale)}>{formatTime(row.time)}</Field>
        {request && <Field name={word("method", locale)}>{request.method}</Field>}
        {request && (
          <Field name="URL">
            <code class="url">{request.url}</code>
          </Field>
        )}
        {cookie && (
          <Field name={word("cookie", locale)}>
            <code>{cookie.name}</code>
          </Field>
        )}
        <Field name={cookie ? word("domain", locale) : word("host", locale)}>
          {row.host} ({word(request?.thirdParty === false || cookie?.thirdParty === false ? "firstParty" : "thirdParty", locale)})
        </Field>
        {row.tracker && (
          <Field name={word("tracker", locale)}>
            {row.tracker.company} · {trackerCategoryName(row.tracker.category, locale)} · {row.tracker.country}
          </Field>
        )}
        {row.purpose && (
          <Field name={word("purpose", locale)}>
            <code>{row.purpose}</code>
          </Field>
        )}
        {request && <Field name={word("crossBorder", locale)}>{crossBorderLine(request, locale)}</Field>}
        {request?.initiator && (
          <Field name={word("script", locale)}>
            <code class="url">{request.initiator}</code>
          </Field>
        )}
        {cookie?.setBy && <Field name={word("setBy", locale)}>{cookie.setBy}</Field>}
      </dl>
      {request && (
        <section aria-labelledby="payload">
          <h3 id="payload">{word("payload", locale)}</h3>
          <PiTable pii={request.pii} locale={locale} />
          <Parameters url={request.url} pii={request.pii} locale={locale} />
        </section>
      )}
      <ConsentThen row={row} moments={moments} locale={locale} />
      <section aria-labelledby="why">
        <h3 id="why">{word("why", locale)}</h3>
        <p data-testid="why">{why[locale]}</p>
        <ul class="findings">
          {row.findings.map((finding, index) => (
            <li key={index}>
              <button type="button" class="rule" onClick={() => onShowRule(finding.rule)}>
                {finding.rule}
              </button>{" "}
              <span class={`verdict v-${finding.severity}`}>{verdictName(finding.severity, locale)}</span> {finding.message[locale]}
            </li>
          ))}
        </ul>
      </section>
    </article>
  )
}
