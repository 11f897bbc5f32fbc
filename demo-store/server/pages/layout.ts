/** The frame of every shop page: head with the SDK and tracker tags, header, footer, language switch. */
import { cartCount } from "../cart"
import { CATEGORY_NAMES, type Category } from "../catalog"
import { html, jsonForScript, type SafeHtml } from "../html"
import { pickText, type Bilingual } from "../locale"
import type { PageContext } from "./context"
import { trackerTags } from "./tracker-tags"

export interface PageOptions {
  title: string
  /** Which page this is, for the browser script (recommendations, checkout, account). */
  page: "home" | "product" | "search" | "cart" | "checkout" | "order" | "account" | "privacy" | "not-found"
  body: SafeHtml
  /** Extra data for the browser script. */
  data?: Record<string, unknown>
}

/** The same path and query with `lang` set: the language switch keeps the shopper where they are. */
export function withLang(url: URL, lang: string): string {
  const params = new URLSearchParams(url.search)
  params.set("lang", lang)
  params.delete("leaky")
  return `${url.pathname}?${params.toString()}`
}

export function layout(ctx: PageContext, options: PageOptions): SafeHtml {
  const { t } = ctx
  const count = cartCount(ctx.cart)
  const categories = Object.entries(CATEGORY_NAMES) as Array<[Category, Bilingual]>
  const pageData = { locale: ctx.locale, page: options.page, leaky: ctx.leaky, ...options.data }
  const otherLang = ctx.locale === "en" ? { code: "zh-CN", label: "中文" } : { code: "en", label: "English" }
  return html`<!doctype html>
<html lang="${ctx.locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${options.title} - ${t("知选跨境", "ZhiXuan Global")}</title>
<link rel="stylesheet" href="/static/shop.css">
<link rel="icon" href="data:,">
<script src="/zhiqing.js" data-config="/zhiqing.config.json" data-config-integrity="${ctx.configIntegrity}" async></script>
${trackerTags(ctx)}
</head>
<body>
${ctx.leaky
  ? html`<div class="leaky-banner" role="note">${t("演示：泄漏模式已开启。本页故意错误地接入了部分追踪器，供知情检查器发现。", "Demo: leaky mode is on. Some trackers on this page are wired wrongly on purpose, for the Zhiqing Inspector to catch.")} <a href="?leaky=0">${t("关闭", "Turn off")}</a></div>`
  : ""}
<header class="site-header">
  <div class="wrap header-row">
    <a class="logo" href="/"><span class="logo-mark" aria-hidden="true">知</span><span class="logo-text">知选跨境<small>ZhiXuan Global</small></span></a>
    <form class="search" action="/search" method="get" role="search">
      <label class="visually-hidden" for="q">${t("搜索商品", "Search products")}</label>
      <input id="q" name="q" type="search" placeholder="${t("搜索奶粉、蜂蜜、茶…", "Search formula, honey, tea…")}" value="${ctx.url.pathname === "/search" ? (ctx.url.searchParams.get("q") ?? "") : ""}">
      <button type="submit">${t("搜索", "Search")}</button>
    </form>
    <nav class="user-nav" aria-label="${t("账户", "Account")}">
      <a href="/account">${t("我的", "My account")}</a>
      <a href="/cart" class="cart-link">${t("购物车", "Cart")} <span class="badge" data-cart-count>${count}</span></a>
      <a href="${withLang(ctx.url, otherLang.code)}" hreflang="${otherLang.code}" lang="${otherLang.code}" class="lang-switch">${otherLang.label}</a>
    </nav>
  </div>
  <nav class="category-nav" aria-label="${t("商品分类", "Categories")}">
    <div class="wrap">
      <a href="/">${t("首页", "Home")}</a>
      ${categories.map(([id, name]) => html`<a href="/search?category=${id}">${name[ctx.locale]}</a>`)}
    </div>
  </nav>
</header>
<main class="wrap" id="main">
${options.body}
</main>
<footer class="site-footer">
  <div class="wrap footer-grid">
    <div>
      <strong>${t("知选跨境", "ZhiXuan Global")}</strong>
      <p>${t("正品保障 · 香港保税仓直发 · 7 天无理由退货", "Genuine goods · Shipped from our Hong Kong bonded warehouse · 7-day returns")}</p>
    </div>
    <nav aria-label="${t("隐私", "Privacy")}">
      <a href="/privacy">${t("隐私政策", "Privacy policy")}</a>
      <a href="/account" data-zhiqing-open>${t("隐私设置", "Privacy settings")}</a>
      <a href="/account">${t("我的隐私选择", "My privacy choices")}</a>
    </nav>
  </div>
  <p class="wrap icp">${t("演示站点 · 沪ICP备00000000号-0（虚构编号，仅供演示）", "Demo site · ICP licence 沪ICP备00000000号-0 (a made-up number, for demonstration only)")} · © 2026 ${pickText(ctx.config.handler.name, ctx.locale)}</p>
</footer>
<script type="application/json" id="zx-page">${jsonForScript(pageData)}</script>
<script src="/static/shop.js" defer></script>
</body>
</html>
`
}
