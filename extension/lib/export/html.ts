/**
 * The Report as one self-contained HTML page a merchant can hand to counsel: what the page did, the findings grouped
 * by requirement with their evidence, and how to fix each, in Chinese and English. No scripts, no external files;
 * every value from the Report is escaped, and personal information is masked again.
 */
import type { Locale } from "@zhiqing/sdk/schema"
import { maskText, maskUrl } from "../analysis/mask-url"
import type { Finding, Report, ReportRequest, Severity } from "../report"
import { crossBorderLine, type Bilingual } from "../words"
import { requirementGuide } from "./requirements"

const SEVERITY_ORDER: Record<Severity, number> = { high: 0, medium: 1, low: 2 }

const SEVERITY_WORDS: Record<Severity, Bilingual> = {
  high: { "zh-CN": "高", en: "High" },
  medium: { "zh-CN": "中", en: "Medium" },
  low: { "zh-CN": "低", en: "Low" }
}

const WORDS = {
  title: { "zh-CN": "知情检查报告", en: "Zhiqing Inspector report" },
  page: { "zh-CN": "页面", en: "Page" },
  generated: { "zh-CN": "生成时间", en: "Generated" },
  consent: { "zh-CN": "顾客的同意状态", en: "The shopper's consent" },
  noDecision: { "zh-CN": "尚未作出选择", en: "No decision yet" },
  granted: { "zh-CN": "同意", en: "granted" },
  refused: { "zh-CN": "未同意", en: "not granted" },
  separate: { "zh-CN": "单独同意事项", en: "Separate consent items" },
  summary: { "zh-CN": "概况", en: "Summary" },
  requests: { "zh-CN": "请求", en: "Requests" },
  thirdParties: { "zh-CN": "第三方接收方", en: "Third-party recipients" },
  beforeConsent: { "zh-CN": "同意前发出的第三方请求", en: "Third-party requests before consent" },
  crossBorder: { "zh-CN": "发往境外的请求", en: "Requests leaving mainland China" },
  withPi: { "zh-CN": "携带个人信息的请求", en: "Requests carrying personal information" },
  cookies: { "zh-CN": "Cookie", en: "Cookies" },
  findings: { "zh-CN": "发现的问题（按要求分组）", en: "Findings, by requirement" },
  noFindings: { "zh-CN": "未发现问题。", en: "No findings." },
  severity: { "zh-CN": "严重程度", en: "Severity" },
  evidence: { "zh-CN": "证据", en: "Evidence" },
  fix: { "zh-CN": "如何整改", en: "How to fix" },
  recipients: { "zh-CN": "接收方一览", en: "Recipients" },
  host: { "zh-CN": "主机", en: "Host" },
  company: { "zh-CN": "公司", en: "Company" },
  country: { "zh-CN": "国家/地区", en: "Country" },
  piKinds: { "zh-CN": "个人信息种类", en: "PI kinds" },
  yes: { "zh-CN": "是", en: "yes" },
  disclaimer: {
    "zh-CN": "本报告由浏览器扩展自动生成，仅反映检查时该页面的行为，不构成法律意见。整改方案及隐私政策文本请交由法律顾问审阅。个人信息已做掩码处理。",
    en: "This report was generated automatically by a browser extension and shows only what the page did while it was inspected. It is not legal advice: have counsel review the remedies and your privacy texts. Personal information is masked."
  }
} satisfies Record<string, Bilingual>

const STYLE = `
body{font:14px/1.55 system-ui,"Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;color:#1c1f24;max-width:960px;margin:24px auto;padding:0 16px}
h1{font-size:22px;margin:0 0 4px}h2{font-size:18px;margin:28px 0 8px;border-bottom:2px solid #dde1e6;padding-bottom:4px}
h3{font-size:16px;margin:20px 0 6px}h4{font-size:14px;margin:12px 0 4px}
.second{color:#4a5360}.meta{color:#4a5360;margin:2px 0}.disclaimer{background:#fff8e1;border-left:4px solid #f2b600;padding:8px 12px}
table{border-collapse:collapse;width:100%;margin:8px 0}th,td{border:1px solid #dde1e6;padding:4px 8px;text-align:left;vertical-align:top}th{background:#f3f5f7}
.finding{border:1px solid #dde1e6;border-radius:6px;padding:8px 12px;margin:8px 0}
.sev{display:inline-block;border-radius:4px;padding:0 6px;font-weight:600;color:#fff}.sev-high{background:#b3261e}.sev-medium{background:#a15c00}.sev-low{background:#4a5360}
code{font:12px/1.4 ui-monospace,monospace;word-break:break-all}ol.evidence li{margin:2px 0}.fix{background:#eef6ee;border-left:4px solid #2e7d32;padding:6px 12px}
`

/** `text` safe as HTML text and as a double-quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`)
}

/** Both languages of a text, the reader's first, each marked with its language. */
function both(words: Bilingual, first: Locale, tag = "span"): string {
  const second: Locale = first === "zh-CN" ? "en" : "zh-CN"
  return `<${tag} lang="${first}">${escapeHtml(words[first])}</${tag}> <${tag} lang="${second}" class="second">${escapeHtml(words[second])}</${tag}>`
}

function consentSection(report: Report, first: Locale): string {
  const { consent } = report
  if (!consent) return `<p>${both(WORDS.consent, first)}: ${both(WORDS.noDecision, first)}</p>`
  const rows = (entries: Record<string, boolean>): string =>
    Object.entries(entries)
      .map(([id, granted]) => `<tr><td><code>${escapeHtml(id)}</code></td><td>${both(granted ? WORDS.granted : WORDS.refused, first)}</td></tr>`)
      .join("")
  const separate = Object.keys(consent.separate).length ? `<h4>${both(WORDS.separate, first)}</h4><table>${rows(consent.separate)}</table>` : ""
  return `<h3>${both(WORDS.consent, first)}</h3>
<p class="meta"><code>${escapeHtml(`policy ${consent.policyVersion} · ${consent.locale} · decided ${consent.decidedAt} · receipt ${consent.id}`)}</code></p>
<table>${rows(consent.purposes)}</table>${separate}`
}

function summarySection(report: Report, first: Locale): string {
  const thirdParties = new Set(report.requests.filter((request) => request.thirdParty).map((request) => request.host))
  const counts: Array<[Bilingual, number]> = [
    [WORDS.requests, report.requests.length],
    [WORDS.thirdParties, thirdParties.size],
    [WORDS.beforeConsent, report.requests.filter((request) => request.beforeConsent && (request.thirdParty || request.tracker !== undefined)).length],
    [WORDS.crossBorder, report.requests.filter((request) => request.crossBorder).length],
    [WORDS.withPi, report.requests.filter((request) => request.pii.length > 0).length],
    [WORDS.cookies, report.cookies.length]
  ]
  return `<h2>${both(WORDS.summary, first)}</h2><table>${counts.map(([words, count]) => `<tr><th>${both(words, first)}</th><td>${count}</td></tr>`).join("")}</table>`
}

function findingArticle(finding: Finding, first: Locale): string {
  const severity = SEVERITY_WORDS[finding.severity] ?? SEVERITY_WORDS.low
  const evidence = finding.evidence.map((line) => `<li><code>${escapeHtml(maskText(line))}</code></li>`).join("")
  return `<article class="finding">
<p><span class="sev sev-${escapeHtml(finding.severity)}">${escapeHtml(severity[first])} / ${escapeHtml(severity[first === "en" ? "zh-CN" : "en"])}</span></p>
${both({ "zh-CN": maskText(finding.message["zh-CN"] ?? ""), en: maskText(finding.message.en ?? "") }, first, "p")}
<h4>${both(WORDS.evidence, first)} (${finding.evidence.length})</h4><ol class="evidence">${evidence}</ol>
</article>`
}

/** Findings grouped by rule; groups ordered by their most severe finding, then by id. */
function groupByRule(findings: readonly Finding[]): Array<[string, Finding[]]> {
  const groups = new Map<string, Finding[]>()
  for (const finding of findings) groups.set(finding.rule, [...(groups.get(finding.rule) ?? []), finding])
  const worst = (list: readonly Finding[]): number => Math.min(...list.map((finding) => SEVERITY_ORDER[finding.severity] ?? 3))
  return [...groups].sort(([ruleA, a], [ruleB, b]) => worst(a) - worst(b) || ruleA.localeCompare(ruleB))
}

function findingsSection(report: Report, first: Locale): string {
  const groups = groupByRule(report.findings)
  if (!groups.length) return `<h2>${both(WORDS.findings, first)}</h2><p>${both(WORDS.noFindings, first)}</p>`
  const sections = groups.map(([rule, findings]) => {
    const guide = requirementGuide(rule)
    return `<section id="rule-${escapeHtml(rule)}">
<h3><code>${escapeHtml(rule)}</code> ${both(guide.title, first)}</h3>${guide.source ? `<p class="meta">${escapeHtml(guide.source)}</p>` : ""}
${findings.map((finding) => findingArticle(finding, first)).join("\n")}
<div class="fix"><h4>${both(WORDS.fix, first)}</h4>${both(guide.fix, first, "p")}</div>
</section>`
  })
  return `<h2>${both(WORDS.findings, first)}</h2>\n${sections.join("\n")}`
}

const destinationWeight = (request: ReportRequest): number => (request.crossBorder ? 2 : 0) + (request.crossBorderBasis ? 1 : 0)

function recipientsSection(report: Report, first: Locale): string {
  const hosts = new Map<string, { company: string; destination: ReportRequest; kinds: Set<string>; requests: number; before: number }>()
  for (const request of report.requests.filter((candidate) => candidate.thirdParty)) {
    const entry = hosts.get(request.host) ?? { company: request.tracker?.company ?? "", destination: request, kinds: new Set(), requests: 0, before: 0 }
    // A host that took data abroad even once is shown by that request's destination, one that says its basis first.
    if (destinationWeight(request) > destinationWeight(entry.destination)) entry.destination = request
    entry.requests += 1
    if (request.beforeConsent) entry.before += 1
    for (const pi of request.pii) entry.kinds.add(pi.kind)
    hosts.set(request.host, entry)
  }
  if (!hosts.size) return ""
  const header = [WORDS.host, WORDS.company, WORDS.country, WORDS.crossBorder, WORDS.piKinds, WORDS.requests, WORDS.beforeConsent].map((words) => `<th>${both(words, first)}</th>`).join("")
  const rows = [...hosts]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([host, entry]) => {
      const country = entry.destination.destinationCountry ?? entry.destination.tracker?.country ?? ""
      // Yes, no or unknown, with what that rests on: an unknown location is never left to read as "not abroad".
      const abroad = both({ "zh-CN": crossBorderLine(entry.destination, "zh-CN"), en: crossBorderLine(entry.destination, "en") }, first)
      return `<tr><td><code>${escapeHtml(maskText(host))}</code></td><td>${escapeHtml(entry.company)}</td><td>${escapeHtml(country)}</td><td>${abroad}</td><td>${escapeHtml([...entry.kinds].join(", "))}</td><td>${entry.requests}</td><td>${entry.before}</td></tr>`
    })
    .join("")
  return `<h2>${both(WORDS.recipients, first)}</h2><table><thead><tr>${header}</tr></thead><tbody>${rows}</tbody></table>`
}

/**
 * The Report as a self-contained bilingual HTML document; `locale` picks which language comes first (Chinese when
 * not given). Findings are grouped by requirement id, each group with its evidence and how to fix it.
 */
export function reportToHtml(report: Report, locale: Locale = "zh-CN"): string {
  const first: Locale = locale === "en" ? "en" : "zh-CN"
  return `<!doctype html>
<html lang="${first}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escapeHtml(`${WORDS.title[first]} — ${maskUrl(report.url)}`)}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>${both(WORDS.title, first)}</h1>
<p class="meta">${both(WORDS.page, first)}: <code>${escapeHtml(maskUrl(report.url))}</code></p>
<p class="meta">${both(WORDS.generated, first)}: <code>${escapeHtml(report.generatedAt)}</code></p>
</header>
<p class="disclaimer">${both(WORDS.disclaimer, first)}</p>
${consentSection(report, first)}
${summarySection(report, first)}
${findingsSection(report, first)}
${recipientsSection(report, first)}
</body>
</html>
`
}
