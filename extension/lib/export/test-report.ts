/** A Report like the leaky demo store's, shared by the export and panel tests. */
import { isoTime } from "../analysis/evidence"
import type { Finding, Report, ReportCookie, ReportRequest } from "../report"

export const T0 = Date.UTC(2026, 10, 25, 8, 0, 0)

/** Personal data a careless upstream could leave raw in a URL; no export may show it. */
export const RAW = { phone: "13812345678", idNumber: "11010519491231002X" } as const

export const BAIDU = { id: "baidu-tongji", company: "Beijing Baidu Netcom Science and Technology Co., Ltd.", category: "analytics", country: "CN" } as const
export const META = { id: "meta-pixel", company: "Meta Platforms, Inc.", category: "advertising", country: "US" } as const

const evidence = (request: ReportRequest, tail: string): string => `${isoTime(request.time)} ${request.method} ${request.url} — ${tail}`

export function sampleRequests(): ReportRequest[] {
  return [
    { url: "https://shop.example.cn/", host: "shop.example.cn", method: "GET", time: T0, thirdParty: false, crossBorder: false, beforeConsent: true, pii: [] },
    {
      url: "https://hm.baidu.com/hm.gif?si=6a2f&rnd=1",
      host: "hm.baidu.com",
      method: "GET",
      time: T0 + 200,
      thirdParty: true,
      tracker: { ...BAIDU },
      crossBorder: false,
      beforeConsent: true,
      purpose: "analytics",
      initiator: "https://hm.baidu.com/hm.js?6a2f",
      pii: []
    },
    {
      url: `https://www.facebook.com/tr?id=918&ev=Purchase&cd%5Bphone%5D=${RAW.phone}&idno=${RAW.idNumber}`,
      host: "www.facebook.com",
      method: "GET",
      time: T0 + 30_000,
      thirdParty: true,
      tracker: { ...META },
      crossBorder: true,
      beforeConsent: false,
      purpose: "marketing",
      pii: [
        { kind: "phone", where: "query:cd[phone]", masked: "138****5678", encoding: "plain" },
        { kind: "id-card", where: "query:idno", masked: "11**************2X", encoding: "plain" }
      ]
    }
  ]
}

export function sampleCookies(): ReportCookie[] {
  return [{ name: "Hm_lvt_6a2f", domain: "shop.example.cn", thirdParty: false, setBy: "script", time: T0 + 150, tracker: "baidu-tongji" }]
}

export function sampleReport(): Report {
  const requests = sampleRequests()
  const cookies = sampleCookies()
  const findings: Finding[] = [
    {
      rule: "APPM-3-1",
      severity: "high",
      message: { "zh-CN": "在顾客作出任何选择之前，页面就已运行「百度统计」。", en: "Before the shopper made any choice, the page already ran Baidu Tongji." },
      evidence: [evidence(requests[1]!, "consent: no decision yet"), `${isoTime(cookies[0]!.time!)} cookie Hm_lvt_6a2f set on shop.example.cn by script — consent: no decision yet`]
    },
    {
      rule: "PIPL-39",
      severity: "high",
      message: { "zh-CN": "页面将个人信息发送至位于美国的「Meta Pixel」。", en: "The page sent personal information to Meta Pixel in the United States." },
      evidence: [evidence(requests[2]!, `carries phone ${RAW.phone} at query:cd[phone]`)]
    },
    {
      rule: "PIPL-28",
      severity: "low",
      message: { "zh-CN": "本页面有收集敏感个人信息的表单字段（身份证号码）。", en: "This page has form fields that collect sensitive personal information (resident ID number)." },
      evidence: ['field #id-number ("身份证号码") asks for id-card']
    }
  ]
  return {
    url: "https://shop.example.cn/",
    consent: {
      schema: 1,
      id: "0f8fad5b-d9cb-469f-a165-70867728950e",
      subject: "subject-0001",
      policyVersion: "2026-11",
      locale: "zh-CN",
      decidedAt: isoTime(T0 + 5000),
      purposes: { necessary: true, analytics: true, marketing: false },
      separate: { "crossborder-hk-warehouse": false },
      noticeHash: "a".repeat(64)
    },
    requests,
    cookies,
    fields: [{ selector: "#id-number", kind: "id-card", sensitive: true, label: "身份证号码" }],
    findings,
    generatedAt: isoTime(T0 + 60_000)
  }
}
