import { render } from "preact"
import { useEffect, useState } from "preact/hooks"
import { browserApi } from "~lib/chrome"
import type { Report } from "~lib/report"

const zh = navigator.language.toLowerCase().startsWith("zh")
const t = (chinese: string, english: string) => (zh ? chinese : english)

function Popup() {
  const [report, setReport] = useState<Report | null>(null)
  const [error, setError] = useState("")
  useEffect(() => {
    browserApi
      .activeTab()
      .then((tab) => (tab?.id === undefined ? Promise.reject(new Error(t("没有可检查的页面", "No page to inspect"))) : browserApi.askReport(tab.id)))
      .then((answer) => setReport(answer as Report))
      .catch((reason: unknown) => setError(reason instanceof Error ? reason.message : String(reason)))
  }, [])
  const thirdParties = new Set(report?.requests.filter((request) => request.thirdParty).map((request) => request.host))
  return (
    <main style={{ font: "14px system-ui, sans-serif", width: "320px", padding: "12px" }}>
      <h1 style={{ fontSize: "16px", margin: "0 0 8px" }}>{t("知情检查器", "Zhiqing Inspector")}</h1>
      {error && <p role="alert">{error}</p>}
      {!report && !error && <p>{t("正在读取…", "Loading…")}</p>}
      {report && (
        <dl>
          <dt>{t("页面", "Page")}</dt>
          <dd style={{ wordBreak: "break-all" }}>{report.url}</dd>
          <dt>{t("请求", "Requests")}</dt>
          <dd data-count="requests">{report.requests.length}</dd>
          <dt>{t("第三方", "Third parties")}</dt>
          <dd data-count="third-parties">{[...thirdParties].join(", ") || t("无", "none")}</dd>
        </dl>
      )}
    </main>
  )
}

render(<Popup />, document.body)
