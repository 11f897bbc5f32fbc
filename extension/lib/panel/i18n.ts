/** The DevTools panel's words in Chinese and English, and which one a browser gets first. */
import type { Locale } from "@zhiqing/sdk/schema"
import type { PiFound } from "../report"
import { DESTINATION_WORDS, DRAFT_WORDS } from "../words"
import type { ConsentPhase, Verdict } from "./timeline"

export { crossBorderLine, piKindName, preferredLocale, trackerCategoryName } from "../words"

const UI = {
  title: { "zh-CN": "知情检查器", en: "Zhiqing Inspector" },
  switchLanguage: { "zh-CN": "English", en: "中文" },
  switchLanguageLabel: { "zh-CN": "Switch to English", en: "切换为中文" },
  loading: { "zh-CN": "正在读取报告…", en: "Reading the report…" },
  noTab: { "zh-CN": "不知道要检查哪个标签页：请在开发者工具中打开本面板。", en: "No tab to inspect: open this panel in DevTools." },
  failed: { "zh-CN": "无法读取报告：", en: "Could not read the report: " },
  exportJson: { "zh-CN": "导出 JSON", en: "Export JSON" },
  exportHar: { "zh-CN": "导出 HAR 证据", en: "Export HAR evidence" },
  exportHtml: { "zh-CN": "导出 HTML 报告", en: "Export HTML report" },
  events: { "zh-CN": "事件", en: "events" },
  findings: { "zh-CN": "发现", en: "findings" },
  shown: { "zh-CN": "显示", en: "shown" },
  filters: { "zh-CN": "筛选", en: "Filters" },
  vendor: { "zh-CN": "服务商", en: "Vendor" },
  purpose: { "zh-CN": "目的", en: "Purpose" },
  piKind: { "zh-CN": "个人信息", en: "PI kind" },
  country: { "zh-CN": "国家/地区", en: "Country" },
  verdict: { "zh-CN": "结论", en: "Verdict" },
  search: { "zh-CN": "搜索", en: "Search" },
  searchPlaceholder: { "zh-CN": "网址、主机或 Cookie 名", en: "URL, host or cookie name" },
  all: { "zh-CN": "全部", en: "All" },
  anyFinding: { "zh-CN": "任何发现", en: "Any finding" },
  none: { "zh-CN": "无", en: "none" },
  clearFilters: { "zh-CN": "清除筛选", en: "Clear filters" },
  timeline: { "zh-CN": "时间线", en: "Timeline" },
  noEvents: { "zh-CN": "没有符合条件的事件。", en: "No events match." },
  beforeConsent: { "zh-CN": "同意前", en: "before consent" },
  crossBorder: { "zh-CN": "境外", en: "abroad" },
  detail: { "zh-CN": "详情", en: "Detail" },
  selectRow: { "zh-CN": "在时间线中选择一个事件查看详情。", en: "Select an event in the timeline to see its detail." },
  request: { "zh-CN": "请求", en: "Request" },
  cookie: { "zh-CN": "Cookie", en: "Cookie" },
  time: { "zh-CN": "时间", en: "Time" },
  method: { "zh-CN": "方法", en: "Method" },
  host: { "zh-CN": "主机", en: "Host" },
  thirdParty: { "zh-CN": "第三方", en: "Third party" },
  firstParty: { "zh-CN": "第一方", en: "First party" },
  script: { "zh-CN": "发起脚本", en: "Script" },
  tracker: { "zh-CN": "追踪器", en: "Tracker" },
  domain: { "zh-CN": "域", en: "Domain" },
  setBy: { "zh-CN": "写入方式", en: "Set by" },
  payload: { "zh-CN": "解码后的数据（个人信息已掩码）", en: "Decoded payload (personal information masked)" },
  parameters: { "zh-CN": "网址参数", en: "URL parameters" },
  noPi: { "zh-CN": "未发现个人信息。", en: "No personal information found." },
  where: { "zh-CN": "位置", en: "Where" },
  value: { "zh-CN": "值", en: "Value" },
  encoding: { "zh-CN": "编码", en: "Encoding" },
  consentThen: { "zh-CN": "当时的同意状态", en: "Consent at that moment" },
  noDecision: { "zh-CN": "尚未作出选择", en: "No decision yet" },
  granted: { "zh-CN": "同意", en: "granted" },
  notGranted: { "zh-CN": "未同意", en: "not granted" },
  why: { "zh-CN": "为什么", en: "Why" },
  ...DESTINATION_WORDS,
  scanStart: { "zh-CN": "同意扫描", en: "Consent scan" },
  draftConfig: DRAFT_WORDS.button,
  draftHint: DRAFT_WORDS.hint,
  draftFailed: DRAFT_WORDS.failed,
  scanTitle: { "zh-CN": "同意扫描：不理会、全部拒绝、全部同意", en: "Consent scan: ignore, decline, accept" },
  scanRunning: {
    "zh-CN": "正在扫描：页面将在全新状态下加载三次（约 25 秒）。此网站的 Cookie 和存储会被删除。",
    en: "Scanning: the page loads three times in fresh state (about 25 s). This site's cookies and storage are deleted."
  },
  scanFailed: { "zh-CN": "扫描失败：", en: "The scan failed: " },
  scanNoZhiqing: {
    "zh-CN": "页面上没有知情同意弹窗：只有“不理会”一轮有意义，拒绝和同意无法进行。",
    en: "No Zhiqing dialog on this page: only the ignore run is meaningful; decline and accept could not be made."
  },
  scanClean: { "zh-CN": "三轮之间没有发现违法的差异。", en: "No law-breaking difference between the runs." },
  scanIssues: { "zh-CN": "违法差异", en: "Law-breaking differences" },
  scanLeftAs: { "zh-CN": "标签页保留在“全部同意”一轮结束时的状态。", en: "The tab is left as the accept run left it." },
  evidence: { "zh-CN": "证据", en: "Evidence" },
  thirdParties: { "zh-CN": "第三方", en: "Third parties" },
  trackers: { "zh-CN": "追踪器", en: "Trackers" },
  cookies: { "zh-CN": "Cookie", en: "Cookies" },
  piLeaving: { "zh-CN": "发往第三方的个人信息", en: "PI leaving the page" },
  abroad: { "zh-CN": "境外接收方", en: "Recipients abroad" },
  dialog: { "zh-CN": "弹窗", en: "Dialog" },
  dialogShown: { "zh-CN": "已显示", en: "shown" },
  dialogNotShown: { "zh-CN": "未显示", en: "not shown" },
  dialogAgain: { "zh-CN": "再次访问时又出现", en: "shown again on the revisit" },
  canaryFill: { "zh-CN": "用测试数据填写表单", en: "Fill forms with canary data" },
  canaryTitle: { "zh-CN": "金丝雀测试：生成的假数据去了哪里", en: "Canary mode: where the generated fake data went" },
  canaryFilled: { "zh-CN": "已填写字段：", en: "Fields filled: " },
  canarySkipped: { "zh-CN": "，未开放的字段：", en: ", fields not open yet: " },
  canaryHint: {
    "zh-CN": "这些值是为本次测试生成的假数据。像顾客一样继续操作（例如提交订单），下表会随之更新。",
    en: "These values are fake, generated for this run. Go on as a shopper would (submit the order, say); the table follows."
  },
  storedOnDevice: { "zh-CN": "保存在设备上：", en: "Kept on the device: " },
  canaryNowhere: { "zh-CN": "尚未发现此值被发送。", en: "Not sent anywhere yet." },
  canaryFailed: { "zh-CN": "金丝雀测试失败：", en: "Canary mode failed: " },
  destination: { "zh-CN": "接收方", en: "Destination" },
  form: { "zh-CN": "形式", en: "Form" },
  consentState: { "zh-CN": "同意状态", en: "Consent" },
  beforeDecision: { "zh-CN": "尚未选择", en: "no decision yet" },
  afterDecision: { "zh-CN": "已作出选择", en: "after the decision" },
  notRun: { "zh-CN": "未进行", en: "not run" }
} satisfies Record<string, Record<Locale, string>>

/** A key of the panel's word list. */
export type UiWord = keyof typeof UI

/** The panel's word for `key` in `locale`. */
export function word(key: UiWord, locale: Locale): string {
  return UI[key][locale]
}

const PHASES: Record<ConsentPhase, Record<Locale, string>> = {
  "before-dialog": { "zh-CN": "弹窗出现前", en: "Before the dialog" },
  "dialog-shown": { "zh-CN": "弹窗已显示，尚未选择", en: "Dialog shown, no decision yet" },
  decided: { "zh-CN": "顾客作出选择后", en: "After the decision" },
  withdrawn: { "zh-CN": "撤回同意后", en: "After a withdrawal" }
}

/** The name of a stretch of the consent axis. */
export function phaseName(phase: ConsentPhase, locale: Locale): string {
  return PHASES[phase][locale]
}

const VERDICTS: Record<Verdict, Record<Locale, string>> = {
  high: { "zh-CN": "高风险", en: "High" },
  medium: { "zh-CN": "中风险", en: "Medium" },
  low: { "zh-CN": "低风险", en: "Low" },
  ok: { "zh-CN": "无问题", en: "No finding" }
}

const RUN_NAMES: Record<"ignore" | "decline" | "accept", Record<Locale, string>> = {
  ignore: { "zh-CN": "不理会弹窗", en: "Dialog ignored" },
  decline: { "zh-CN": "全部拒绝", en: "Declined" },
  accept: { "zh-CN": "全部同意", en: "Accepted" }
}

/** The name of a consent-scan run. */
export function runName(choice: keyof typeof RUN_NAMES, locale: Locale): string {
  return RUN_NAMES[choice][locale]
}

const OUTCOMES: Record<"done" | "no-dialog" | "no-control" | "no-decision" | "failed", Record<Locale, string>> = {
  done: { "zh-CN": "已完成", en: "done" },
  "no-dialog": { "zh-CN": "没有弹窗", en: "no dialog" },
  "no-control": { "zh-CN": "找不到按钮", en: "no such button" },
  "no-decision": { "zh-CN": "点击后未记录选择", en: "pressed, nothing recorded" },
  failed: { "zh-CN": "失败", en: "failed" }
}

/** How a consent-scan run went, in words. */
export function outcomeName(outcome: keyof typeof OUTCOMES, locale: Locale): string {
  return OUTCOMES[outcome][locale]
}

const FORMS: Record<NonNullable<PiFound["encoding"]>, Record<Locale, string>> = {
  plain: { "zh-CN": "原文", en: "raw" },
  url: { "zh-CN": "URL 编码", en: "URL-encoded" },
  base64: { "zh-CN": "Base64", en: "base64" },
  hex: { "zh-CN": "十六进制", en: "hex" },
  md5: { "zh-CN": "MD5 哈希", en: "MD5 hash" },
  sha256: { "zh-CN": "SHA-256 哈希", en: "SHA-256 hash" }
}

/** How a canary value travelled, in words. */
export function formName(form: keyof typeof FORMS, locale: Locale): string {
  return FORMS[form][locale]
}

/** A verdict as the panel names it. */
export function verdictName(verdict: Verdict, locale: Locale): string {
  return VERDICTS[verdict][locale]
}

