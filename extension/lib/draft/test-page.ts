/** A page like the leaky demo store's, as the inspector sees it: its report and its script elements. */
import type { Report, ReportRequest } from "../report"
import type { PageElement, PageSnapshot } from "./page-snapshot"

const BAIDU = { id: "baidu-tongji", company: "Beijing Baidu Netcom Science and Technology Co., Ltd.", category: "analytics", country: "CN" } as const
const META = { id: "meta-pixel", company: "Meta Platforms, Inc.", category: "advertising", country: "US" } as const

const request = (fields: Partial<ReportRequest> & Pick<ReportRequest, "url" | "host">): ReportRequest => ({
  method: "GET",
  time: 0,
  thirdParty: true,
  crossBorder: false,
  beforeConsent: true,
  pii: [],
  ...fields
})

export function leakyReport(): Report {
  return {
    url: "https://shop.example.cn/?leaky=1",
    consent: null,
    requests: [
      request({ url: "https://shop.example.cn/?leaky=1", host: "shop.example.cn", thirdParty: false }),
      request({ url: "https://hm.baidu.com/hm.gif?si=6a2f", host: "hm.baidu.com", tracker: { ...BAIDU }, purpose: "analytics" }),
      request({
        url: "https://www.facebook.com/tr?id=918&ev=Purchase",
        host: "www.facebook.com",
        tracker: { ...META },
        crossBorder: true,
        beforeConsent: false,
        pii: [
          { kind: "phone", where: "query:cd[phone]", masked: "138****5678" },
          { kind: "id-card", where: "query:idno", masked: "11**************2X" }
        ]
      }),
      request({ url: "https://collect.example.jp/c?tel=138", host: "collect.example.jp", crossBorder: true, pii: [{ kind: "phone", where: "query:tel", masked: "138****5678" }] })
    ],
    cookies: [{ name: "Hm_lvt_6a2f", domain: "shop.example.cn", thirdParty: false, setBy: "script", tracker: "baidu-tongji" }],
    fields: [
      { selector: "#id-number", kind: "id-card", sensitive: true, label: "身份证号码" },
      { selector: "#phone", kind: "phone", sensitive: false, label: "手机号码" },
      { selector: "#face", kind: "other", sensitive: true, label: "人脸照片" }
    ],
    findings: [],
    generatedAt: "2026-12-04T08:00:00.000Z"
  }
}

export const script = (attributes: Array<[string, string]>, text = "", cut = false): PageElement => ({ tag: "script", attributes, text, cut })

export const LEAKY_ELEMENTS: PageElement[] = [
  script([["src", "/zhiqing.js"], ["data-config", "/zhiqing.config.json"], ["async", ""]]),
  script([], "var _hmt = _hmt || [];"),
  script([["async", ""], ["src", "https://hm.baidu.com/hm.js?6a2f"]]),
  script([["type", "text/plain"], ["data-zhiqing", "analytics"]], 'window.sensorsDataAnalytic201505 = "sensors";'),
  script([["type", "text/plain"], ["data-zhiqing", "analytics"], ["src", "https://static.sensorsdata.cn/sdk/1.26.18/sensorsdata.min.js"]]),
  script([["type", "text/plain"], ["data-zhiqing", "analytics"], ["src", "https://static.hotjar.com/c/hotjar-1.js?sv=6"]]),
  script([["type", "text/plain"], ["data-zhiqing", "marketing"]], 'window.fbq = window.fbq || function () {}; fbq("init", "918");'),
  script([["type", "application/json"], ["id", "zx-page"]], '{"page":"home"}'),
  script([["src", "/static/shop.js"], ["defer", ""]])
]

export function leakyPage(): PageSnapshot {
  return { title: "首页 - 知选跨境", policyHref: "/privacy", elements: LEAKY_ELEMENTS }
}
