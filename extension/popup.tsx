import type { Locale } from "@zhiqing/sdk/schema"
import panelPage from "url:~/panels/inspector/index.html"
import { render } from "preact"
import { useEffect, useState } from "preact/hooks"
import { browserApi } from "~lib/chrome"
import { openDraft } from "~lib/draft/open-draft"
import { summarize } from "~lib/popup/summary"
import { verdictText, word } from "~lib/popup/words"
import { piKindName, preferredLocale } from "~lib/words"
import type { Report } from "~lib/report"

const VERDICT_COLOURS = { problems: "#b3261e", warnings: "#8a5a00", clean: "#1b6e3a" } as const
const SEVERITY_COLOURS = { high: "#b3261e", medium: "#8a5a00", low: "#4a4a4a" } as const

/** The popup's actions: bordered, padded, full width, so each reads as a button on any system theme. */
const BUTTON_STYLE = {
  font: "inherit",
  padding: "6px 12px",
  border: "1px solid #8a94a3",
  borderRadius: "4px",
  background: "#f3f5f8",
  color: "#1a1a1a",
  cursor: "pointer",
  textAlign: "center"
} as const

function isReport(answer: unknown): answer is Report {
  return typeof answer === "object" && answer !== null && Array.isArray((answer as Report).requests) && Array.isArray((answer as Report).findings)
}

function errorOf(answer: unknown, locale: Locale): string {
  const error = (answer as { error?: unknown } | null | undefined)?.error
  return typeof error === "string" ? error : word("noAnswer", locale)
}

function Summary({ report, locale }: { report: Report; locale: Locale }) {
  const summary = summarize(report)
  const t = (key: Parameters<typeof word>[0]) => word(key, locale)
  return (
    <>
      <p data-verdict={summary.verdict} style={{ margin: "0 0 8px", fontWeight: 600, color: VERDICT_COLOURS[summary.verdict] }}>
        {verdictText(summary.verdict, locale)}
      </p>
      <p style={{ margin: "0 0 8px", wordBreak: "break-all", color: "#4a4a4a" }}>{report.url}</p>
      <dl style={{ display: "grid", gridTemplateColumns: "minmax(0, 1fr) minmax(0, auto)", gap: "4px 12px", margin: "0 0 12px" }}>
        <dt>{t("thirdParties")}</dt>
        <dd data-count="third-parties" style={{ margin: 0 }}>
          {summary.thirdParties.china} {t("inChina")} · {summary.thirdParties.abroad} {t("abroad")}
          {summary.thirdParties.unknown > 0 && ` · ${summary.thirdParties.unknown} ${t("placeUnknown")}`}
        </dd>
        <dt>{t("trackersBeforeConsent")}</dt>
        <dd data-count="trackers-before-consent" style={{ margin: 0 }}>
          {summary.trackersBeforeConsent}
        </dd>
        <dt>{t("piLeaving")}</dt>
        <dd data-count="pi-leaving" style={{ margin: 0 }}>
          {summary.piLeaving.requests} {t("requests")}
          {summary.piLeaving.kinds.length ? ` (${summary.piLeaving.kinds.map((kind) => piKindName(kind, locale)).join(locale === "zh-CN" ? "、" : ", ")})` : ""}
        </dd>
        <dt>{t("sensitiveFields")}</dt>
        <dd data-count="sensitive-fields" style={{ margin: 0 }}>
          {summary.sensitiveFields}
        </dd>
      </dl>
      <h2 style={{ fontSize: "14px", margin: "0 0 4px" }}>{t("findings")}</h2>
      {summary.topFindings.length ? (
        <ul style={{ margin: 0, paddingLeft: "16px" }}>
          {summary.topFindings.map((finding, index) => (
            <li key={index} data-rule={finding.rule} style={{ marginBottom: "4px" }}>
              <code style={{ color: SEVERITY_COLOURS[finding.severity] }}>{finding.rule}</code> {finding.message[locale]}
            </li>
          ))}
        </ul>
      ) : (
        <p style={{ margin: 0 }}>{t("noFindings")}</p>
      )}
      {report.collection?.dropped ? (
        <p role="status" style={{ marginTop: "8px" }}>
          {t("dropped")}
          {report.collection.dropped}
        </p>
      ) : null}
    </>
  )
}

/** The panel page for `tabId`, asked to start the consent scan at once. */
function scanPageUrl(tabId: number): string {
  const url = new URL(panelPage, location.href)
  url.searchParams.set("tabId", String(tabId))
  url.searchParams.set("scan", "1")
  return url.href
}

function Popup({ locale }: { locale: Locale }) {
  const [report, setReport] = useState<Report | null>(null)
  const [tabId, setTabId] = useState<number | undefined>(undefined)
  const [error, setError] = useState("")
  const [draftError, setDraftError] = useState("")
  const draftFromPage = async (id: number): Promise<void> => {
    const failure = await openDraft(id).catch((reason: unknown) => (reason instanceof Error ? reason.message : String(reason)))
    if (failure) setDraftError(failure)
    else window.close()
  }
  useEffect(() => {
    browserApi
      .activeTab()
      .then(async (tab) => {
        if (tab?.id === undefined) return setError(word("noTab", locale))
        setTabId(tab.id)
        const answer = await browserApi.askReport(tab.id)
        if (isReport(answer)) setReport(answer)
        else setError(errorOf(answer, locale))
      })
      .catch((reason: unknown) => setError(reason instanceof Error ? reason.message : String(reason)))
  }, [])
  return (
    // 360 px is the popup's whole width: padding is inside it, and long words (hosts, rule messages) wrap.
    <main lang={locale} style={{ font: "14px system-ui, sans-serif", boxSizing: "border-box", width: "360px", maxWidth: "100vw", padding: "12px", color: "#1a1a1a", overflowWrap: "anywhere" }}>
      <h1 style={{ fontSize: "16px", margin: "0 0 8px" }}>{word("title", locale)}</h1>
      {error && <p role="alert">{error}</p>}
      {!report && !error && <p>{word("loading", locale)}</p>}
      {report && <Summary report={report} locale={locale} />}
      {tabId !== undefined && /^https?:/.test(report?.url ?? "") && (
        <p style={{ display: "flex", flexDirection: "column", alignItems: "stretch", gap: "8px", margin: "12px 0 0" }}>
          <button type="button" style={BUTTON_STYLE} title={word("scanHint", locale)} onClick={() => void browserApi.openPage(scanPageUrl(tabId)).then(() => window.close())}>
            {word("scan", locale)}
          </button>
          <button type="button" style={BUTTON_STYLE} title={word("draftHint", locale)} onClick={() => void draftFromPage(tabId)}>
            {word("draft", locale)}
          </button>
        </p>
      )}
      {draftError && (
        <p role="alert" style={{ margin: "8px 0 0", color: "#b3261e" }}>
          {word("draftFailed", locale)}
          {draftError}
        </p>
      )}
    </main>
  )
}

const locale = preferredLocale([browserApi.uiLanguage()])
document.documentElement.lang = locale
document.body.style.margin = "0"
render(<Popup locale={locale} />, document.body)
