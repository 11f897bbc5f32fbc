/**
 * The purposes Zhiqing proposes to a merchant, with text written for PIPL in both languages: the configurator's
 * presets and the inspector's draft both start from these, so a merchant reads the same words whichever way they
 * begin. The merchant edits every word.
 */
import type { Bilingual } from "./words"

/** Each purpose's title and description, in the order a config lists them. */
export const PURPOSE_TEXTS = {
  necessary: {
    title: { "zh-CN": "必要功能", en: "Strictly necessary" },
    description: {
      "zh-CN": "登录、购物车和下单所必需的信息。没有这些信息我们无法提供服务，因此无法关闭。",
      en: "Information needed for sign-in, the cart and placing orders. We cannot provide the service without it, so it cannot be switched off."
    }
  },
  analytics: {
    title: { "zh-CN": "统计分析", en: "Analytics" },
    description: {
      "zh-CN": "统计访问量和页面使用情况，并监测页面性能和错误，帮助我们改进商城。不同意不影响您购物。",
      en: "Counting visits and how pages are used, and watching page speed and errors, so we can improve the shop. Saying no does not affect your shopping."
    }
  },
  personalization: {
    title: { "zh-CN": "个性化推荐", en: "Personalized recommendations" },
    description: {
      "zh-CN": "根据您的浏览和购买记录推荐商品。关闭后，您看到的是不针对您个人特征的推荐，您也可以随时关闭。",
      en: "Recommending products from your browsing and purchases. When it is off you see recommendations not based on your personal characteristics, and you can switch it off at any time."
    }
  },
  "session-recording": {
    title: { "zh-CN": "会话录制", en: "Session recording" },
    description: {
      "zh-CN": "记录您在页面上的点击、滚动和输入，用于发现使用中的问题。",
      en: "Recording clicks, scrolling and input on our pages to find what gets in your way."
    }
  },
  marketing: {
    title: { "zh-CN": "营销推广", en: "Marketing" },
    description: {
      "zh-CN": "向广告合作方报告访问和转化情况，以投放广告、衡量广告效果并向您展示相关广告。",
      en: "Reporting visits and conversions to advertising partners to place ads, measure campaigns and show you relevant ads."
    }
  },
  social: {
    title: { "zh-CN": "社交媒体", en: "Social media" },
    description: {
      "zh-CN": "社交媒体的分享按钮和内容；这些平台可能据此识别您。",
      en: "Social media buttons and content, through which those platforms may recognise you."
    }
  }
} satisfies Record<string, { title: Bilingual; description: Bilingual }>

export type ProposedPurpose = keyof typeof PURPOSE_TEXTS
