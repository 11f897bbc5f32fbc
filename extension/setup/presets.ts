/**
 * What a merchant starts from: the four kinds of purpose with text written for PIPL, and one template per kind of
 * separate-consent item holding exactly the fields that kind requires. The merchant edits every word.
 */
import type { Purpose, SeparateKind } from "@zhiqing/sdk/schema"
import type { JsonObject } from "./paths"

export const PURPOSE_PRESETS: Record<"necessary" | "analytics" | "personalization" | "marketing", Purpose> = {
  necessary: {
    id: "necessary",
    required: true,
    title: { "zh-CN": "必要功能", en: "Strictly necessary" },
    description: {
      "zh-CN": "登录、购物车和下单所必需的信息。没有这些信息我们无法提供服务，因此无法关闭。",
      en: "Information needed for sign-in, the cart and placing orders. We cannot provide the service without it, so it cannot be switched off."
    },
    dataCategories: ["account", "order"]
  },
  analytics: {
    id: "analytics",
    title: { "zh-CN": "统计分析", en: "Analytics" },
    description: {
      "zh-CN": "统计访问量和页面使用情况，帮助我们改进商城。不同意不影响您购物。",
      en: "Counting visits and how pages are used so we can improve the shop. Saying no does not affect your shopping."
    },
    retention: { "zh-CN": "13个月", en: "13 months" }
  },
  personalization: {
    id: "personalization",
    title: { "zh-CN": "个性化推荐", en: "Personalized recommendations" },
    description: {
      "zh-CN": "根据您的浏览和购买记录推荐商品。关闭后，您看到的是不针对您个人特征的推荐，您也可以随时关闭。",
      en: "Recommending products from your browsing and purchases. When it is off you see recommendations not based on your personal characteristics, and you can switch it off at any time."
    }
  },
  marketing: {
    id: "marketing",
    title: { "zh-CN": "营销推广", en: "Marketing" },
    description: {
      "zh-CN": "向广告合作方报告转化情况，以衡量广告效果并向您展示相关广告。",
      en: "Reporting conversions to advertising partners to measure campaigns and show you relevant ads."
    }
  }
}

export type PresetId = keyof typeof PURPOSE_PRESETS
export const PRESET_IDS = Object.keys(PURPOSE_PRESETS) as PresetId[]

/** A purpose of the merchant's own, to be named and described. */
export const CUSTOM_PURPOSE: JsonObject = { id: "", title: {}, description: {} }

const RECIPIENT = { name: {}, purpose: {}, method: {}, dataCategories: [] }

export const SEPARATE_TEMPLATES: Record<SeparateKind, JsonObject> = {
  sensitive: { id: "sensitive-", kind: "sensitive", title: {}, description: {}, necessity: {}, impact: {}, dataCategories: [] },
  "third-party": { id: "share-", kind: "third-party", title: {}, description: {}, recipient: { ...RECIPIENT } },
  "cross-border": { id: "crossborder-", kind: "cross-border", title: {}, description: {}, recipient: { ...RECIPIENT, rights: {} } },
  "public-disclosure": { id: "public-", kind: "public-disclosure", title: {}, description: {} }
}

/** The config a merchant starts from: both languages and the necessary purpose; the dialog options at their defaults. */
export function startingConfig(): JsonObject {
  return { handler: {}, policy: {}, locales: ["zh-CN", "en"], purposes: [structuredClone(PURPOSE_PRESETS.necessary)] }
}
