/** The popup's words in both languages. */
import type { Locale } from "@zhiqing/sdk/schema"
import { DRAFT_WORDS } from "../words"
import type { Verdict } from "./summary"

const WORDS = {
  title: { "zh-CN": "知情检查器", en: "Zhiqing Inspector" },
  loading: { "zh-CN": "正在读取…", en: "Loading…" },
  noTab: { "zh-CN": "没有可检查的页面", en: "No page to inspect" },
  noAnswer: { "zh-CN": "后台没有回应，请重新加载页面后再试。", en: "The background did not answer; reload the page and try again." },
  page: { "zh-CN": "页面", en: "Page" },
  thirdParties: { "zh-CN": "第三方", en: "Third parties" },
  inChina: { "zh-CN": "境内", en: "in China" },
  abroad: { "zh-CN": "境外", en: "abroad" },
  placeUnknown: { "zh-CN": "所在地未知", en: "location unknown" },
  trackersBeforeConsent: { "zh-CN": "同意前运行的追踪器", en: "Trackers before consent" },
  piLeaving: { "zh-CN": "发往第三方的个人信息", en: "PI leaving the page" },
  requests: { "zh-CN": "个请求", en: "requests" },
  sensitiveFields: { "zh-CN": "敏感信息字段", en: "Sensitive fields" },
  findings: { "zh-CN": "主要问题", en: "Top findings" },
  noFindings: { "zh-CN": "没有发现问题。", en: "No findings." },
  dropped: { "zh-CN": "页面事件过多，部分未记录：", en: "Too many page events; not recorded: " },
  scan: { "zh-CN": "同意扫描", en: "Consent scan" },
  draft: DRAFT_WORDS.button,
  draftHint: DRAFT_WORDS.hint,
  draftFailed: DRAFT_WORDS.failed,
  scanHint: {
    "zh-CN": "在新标签页中打开检查面板，并在此页面上依次测试不理会、拒绝和同意（会删除此网站的 Cookie 和存储）。",
    en: "Opens the inspector in a new tab and tests ignoring, declining and accepting on this page (deletes this site's cookies and storage)."
  }
} satisfies Record<string, Record<Locale, string>>

export type PopupWord = keyof typeof WORDS

export function word(key: PopupWord, locale: Locale): string {
  return WORDS[key][locale]
}

const VERDICTS: Record<Verdict, Record<Locale, string>> = {
  problems: { "zh-CN": "发现严重问题", en: "Serious problems found" },
  warnings: { "zh-CN": "有需要核查的问题", en: "Issues to check" },
  clean: { "zh-CN": "未发现严重问题", en: "No serious problems found" }
}

export function verdictText(verdict: Verdict, locale: Locale): string {
  return VERDICTS[verdict][locale]
}
