import { describe, expect, it } from "vitest"
import type { Config } from "@zhiqing/sdk/schema"
import { integrityOf, loadStoreConfig } from "../assets"
import { translator, type PageContext } from "./context"
import { privacyPolicy } from "./privacy"

function context(config: Config, locale: "zh-CN" | "en"): PageContext {
  return { locale, leaky: false, url: new URL("http://localhost/privacy"), cart: [], config, configIntegrity: integrityOf(JSON.stringify(config)), vendorUrl: (host, path) => `http://${host}${path}`, t: translator(locale) }
}

const attack = `<img src=x onerror="alert(1)">`

function hostileConfig(): Config {
  const { config } = loadStoreConfig()
  const text = { "zh-CN": attack, en: attack }
  return {
    ...config,
    handler: { name: text, contact: attack, address: text, dpo: attack },
    policy: { ...config.policy, version: attack, changes: text },
    purposes: config.purposes.map((purpose) => ({ ...purpose, title: text, description: text, retention: text, methods: text, dataCategories: [attack], cookies: [attack], vendors: [attack] })),
    separate: (config.separate ?? []).map((item) => ({
      ...item,
      title: text,
      description: text,
      necessity: text,
      impact: text,
      assessment: attack,
      retention: text,
      dataCategories: [attack],
      ...(item.recipient ? { recipient: { ...item.recipient, name: text, contact: attack, purpose: text, method: text, rights: text, retention: text, dataCategories: [attack] } } : {})
    }))
  }
}

describe("privacy policy page", () => {
  it("escapes every merchant string it shows", () => {
    for (const locale of ["zh-CN", "en"] as const) {
      const page = privacyPolicy(hostileConfig(), context(hostileConfig(), locale)).value
      expect(page).not.toContain("<img")
      expect(page.split("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;").length).toBeGreaterThan(30)
    }
  })

  it("PIPL-17-1: names the handler, contact, every purpose with its categories and retention", () => {
    const { config } = loadStoreConfig()
    const page = privacyPolicy(config, context(config, "zh-CN")).value
    expect(page).toContain("示例商城有限公司")
    expect(page).toContain("privacy@example.cn")
    for (const purpose of config.purposes) expect(page).toContain(purpose.title["zh-CN"])
    expect(page).toContain("订单完成后3年")
    expect(page).toContain("13个月")
    expect(page).toContain("不满 14 周岁")
  })

  it("PIPL-23-1 and PIPL-39: lists every recipient field of every separate item, in English too", () => {
    const { config } = loadStoreConfig()
    const page = privacyPolicy(config, context(config, "en")).value
    for (const item of config.separate ?? []) {
      expect(page).toContain(`id="separate-${item.id}"`)
      const recipient = item.recipient
      if (!recipient) continue
      for (const text of [recipient.name.en, recipient.contact, recipient.purpose.en, recipient.method.en, recipient.rights?.en]) {
        if (text) expect(page).toContain(text.replaceAll("'", "&#39;"))
      }
    }
    expect(page).toContain("Hong Kong SAR")
    expect(page).toContain("Google Analytics (United States)")
  })
})
