/**
 * Canary mode in the panel: the fake values put into the page's forms, and for each one every request that carried
 * it — destination, country, the form it took (raw, url-encoded, base64, MD5, SHA-256), when, and where consent
 * stood then — and the cookies and storage entries that hold it.
 */
import type { Locale } from "@zhiqing/sdk/schema"
import type { CanaryFill } from "../canary/fill"
import type { CanaryResult } from "../canary/runs"
import type { CanaryHit } from "../canary/trace"
import { formName, piKindName, word } from "./i18n"
import { formatTime } from "./time-format"

function consentText(hit: CanaryHit, locale: Locale): string {
  const base = word(hit.decided ? "afterDecision" : "beforeDecision", locale)
  return hit.purpose ? `${base} · ${hit.purpose.id}: ${hit.purpose.status}` : base
}

function HitRow({ hit, locale }: { hit: CanaryHit; locale: Locale }) {
  const recipient = hit.tracker ? `${hit.tracker.company} · ${hit.host}` : hit.host
  return (
    <tr data-host={hit.host} data-third-party={hit.thirdParty ? "true" : "false"} class={hit.thirdParty ? "third-party-hit" : undefined}>
      <td>
        {recipient}
        {hit.crossBorder && <span class="badge abroad">{word("crossBorder", locale)}</span>}
        <div class="url muted-inline">{hit.url}</div>
      </td>
      <td>{hit.country ?? "?"}</td>
      <td data-forms={hit.forms.join(" ")}>{hit.forms.map((form) => formName(form, locale)).join(", ")}</td>
      <td class="time">{formatTime(hit.time)}</td>
      <td>{consentText(hit, locale)}</td>
    </tr>
  )
}

/** The canary run's values and their traces. */
export function CanaryView({ fill, result, error, locale }: { fill: CanaryFill | null; result: CanaryResult | null; error: string; locale: Locale }) {
  return (
    <section class="tool" aria-label={word("canaryTitle", locale)} data-testid="canary">
      <h2>{word("canaryTitle", locale)}</h2>
      {error && (
        <p role="alert">
          {word("canaryFailed", locale)}
          {error}
        </p>
      )}
      {fill && (
        <p>
          {word("canaryFilled", locale)}
          {fill.filled}
          {fill.skipped ? `${word("canarySkipped", locale)}${fill.skipped}` : ""}. {word("canaryHint", locale)}
        </p>
      )}
      {result?.traces.map((trace) => (
        <div key={trace.kind} class="canary" data-kind={trace.kind}>
          <h3>
            {piKindName(trace.kind, locale)} <code>{trace.value}</code> <span class="badge pi">{trace.hits.length}</span>
          </h3>
          {trace.hits.length ? (
            <table>
              <thead>
                <tr>
                  <th>{word("destination", locale)}</th>
                  <th>{word("country", locale)}</th>
                  <th>{word("form", locale)}</th>
                  <th>{word("time", locale)}</th>
                  <th>{word("consentState", locale)}</th>
                </tr>
              </thead>
              <tbody>
                {trace.hits.map((hit, index) => (
                  <HitRow key={index} hit={hit} locale={locale} />
                ))}
              </tbody>
            </table>
          ) : (
            !trace.stored.length && <p class="muted-inline">{word("canaryNowhere", locale)}</p>
          )}
          {trace.stored.length > 0 && (
            <p class="stored">
              {word("storedOnDevice", locale)}
              {trace.stored.map((place) => (
                <span key={`${place.place}|${place.site}|${place.name}`} class="badge pi" data-place={place.place} data-name={place.name}>
                  {place.place} {place.name} ({place.site}) · {place.forms.map((form) => formName(form, locale)).join(", ")}
                </span>
              ))}
            </p>
          )}
        </div>
      ))}
    </section>
  )
}
