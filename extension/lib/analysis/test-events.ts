/** Events of a demo-store-like checkout page, shared by the analysis tests. */
import type { Config, ConsentState } from "@zhiqing/sdk/schema"
import type { CollectionEvent, ConsentEvent, RequestEvent } from "../events"

export const PAGE = "https://www.zhixuan.com.cn/checkout"
export const T0 = Date.UTC(2026, 10, 25, 8, 0, 0)

/** What the shopper types at checkout: real-looking personal information the report must never show. */
export const SHOPPER = {
  name: "王小明",
  mobile: "13912345678",
  idNumber: "31011519900307123" + "9",
  address: "浙江省杭州市西湖区文三路90号",
  email: "wang.xiaoming@example.cn",
  card: "6222021234567890128"
} as const

export const CONFIG: Config = {
  handler: { name: { "zh-CN": "知选跨境", en: "ZhiXuan Global" }, contact: "privacy@zhixuan.example" },
  policy: { version: "2026-11", url: { "zh-CN": "/privacy", en: "/privacy?lang=en" } },
  locales: ["zh-CN", "en"],
  purposes: [
    { id: "necessary", required: true, title: { "zh-CN": "必要功能", en: "Strictly necessary" }, description: { "zh-CN": "必要", en: "Needed" }, vendors: ["alicdn"], dataCategories: ["account", "order"] },
    {
      id: "analytics",
      title: { "zh-CN": "统计分析", en: "Analytics" },
      description: { "zh-CN": "统计", en: "Counting" },
      vendors: ["baidu-tongji", "sensors-data", "google-analytics", "hotjar"],
      cookies: ["Hm_lvt_*", "Hm_lpvt_*", "HMACCOUNT", "sensorsdata2015jssdkcross", "_ga", "_ga_*"]
    },
    { id: "marketing", title: { "zh-CN": "营销推广", en: "Marketing" }, description: { "zh-CN": "营销", en: "Ads" }, vendors: ["ocean-engine"], cookies: ["_ttp"] }
  ],
  separate: [
    {
      id: "sensitive-id-card",
      kind: "sensitive",
      title: { "zh-CN": "身份证号码（个人敏感信息）", en: "Resident ID number (sensitive personal information)" },
      description: { "zh-CN": "清关", en: "Customs" },
      necessity: { "zh-CN": "海关要求", en: "Customs require it" },
      impact: { "zh-CN": "无法清关", en: "No clearance" },
      dataCategories: ["resident ID number"]
    },
    {
      id: "crossborder-hk-warehouse",
      kind: "cross-border",
      title: { "zh-CN": "向香港仓库提供订单信息", en: "Order details to our Hong Kong warehouse" },
      description: { "zh-CN": "发货", en: "Shipping" },
      recipient: {
        name: { "zh-CN": "示例国际物流（香港）有限公司", en: "Example Global Logistics (HK) Ltd." },
        contact: "dpo@example-global.hk",
        country: "HK",
        purpose: { "zh-CN": "发货", en: "Shipping" },
        method: { "zh-CN": "加密传输", en: "Encrypted transfer" },
        dataCategories: ["name", "phone", "address"]
      }
    }
  ]
}

/** A consent state deciding the given purposes and items. */
export function state(purposes: Record<string, boolean>, separate: Record<string, boolean> = {}, decidedAt = T0): ConsentState {
  return {
    schema: 1,
    id: "3f1c2b4a-1d2e-4f5a-8b6c-7d8e9f0a1b2c",
    subject: "sub_4f8a2c9e1b7d",
    policyVersion: "2026-11",
    locale: "zh-CN",
    decidedAt: new Date(decidedAt).toISOString(),
    purposes: { necessary: true, ...purposes },
    separate,
    noticeHash: "a".repeat(64)
  }
}

export function consent(time: number, phase: ConsentEvent["phase"], consentState: ConsentState | null): ConsentEvent {
  return { type: "consent", time, phase, state: consentState }
}

export function request(time: number, url: string, extra: Partial<RequestEvent> = {}): RequestEvent {
  return { type: "request", time, url, method: "GET", channel: "webRequest", ...extra }
}

/** The shopper's checkout form, as the probe reports it once they typed. */
export function checkoutFields(time: number): CollectionEvent[] {
  return [
    { type: "field", time, selector: "input#name", name: "name", label: "收货人姓名", value: SHOPPER.name },
    { type: "field", time, selector: "input#mobile", name: "mobile", inputType: "tel", label: "手机号", value: SHOPPER.mobile },
    { type: "field", time, selector: "input#idNumber", name: "idNumber", label: "身份证号码", value: SHOPPER.idNumber },
    { type: "field", time, selector: "textarea#address", name: "address", label: "收货地址", value: SHOPPER.address },
    { type: "field", time, selector: "input#email", name: "email", inputType: "email", label: "邮箱", value: SHOPPER.email }
  ]
}
