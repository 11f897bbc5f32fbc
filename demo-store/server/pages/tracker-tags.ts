/**
 * The tracker tags in every page's head, as a storefront would paste its vendors' snippets.
 *
 * Correct wiring: every non-essential tag is `type="text/plain"` with `data-zhiqing="<purpose>"`, so it runs only
 * once the shopper allows that purpose, and the session recorder masks form input.
 *
 * Leaky wiring (`?leaky=1`), for the inspector to catch: Baidu Tongji loads ungated and fires before consent
 * (APPM-3-1); the session recorder records input values unmasked; a Meta pixel the config does not declare sends
 * data to an overseas recipient (NDSR-21-2, PIPL-39). The checkout adds its own leaks (see public/shop.ts).
 */
import { html, jsonForScript, trustedHtml, type SafeHtml } from "../html"
import { TRACKER_IDS } from "../vendors"
import type { PageContext } from "./context"

/** An inline snippet: gated when a purpose is given, otherwise it runs at once. */
function inline(purpose: string | null, code: string): SafeHtml {
  const body = trustedHtml(code.replace(/<\//g, "<\\/"))
  return purpose ? html`<script type="text/plain" data-zhiqing="${purpose}">${body}</script>` : html`<script>${body}</script>`
}

function external(purpose: string | null, src: string): SafeHtml {
  return purpose ? html`<script type="text/plain" data-zhiqing="${purpose}" src="${src}"></script>` : html`<script async src="${src}"></script>`
}

/** The `<script>` tags for every tracker the page carries. */
export function trackerTags(ctx: PageContext): SafeHtml {
  const ids = TRACKER_IDS
  const sensorsServer = ctx.vendorUrl(`${ids.sensorsProject}.datasink.sensorsdata.cn`, `/sa?project=${ids.sensorsProject}`)
  const baiduGate = ctx.leaky ? null : "analytics"
  const hotjarSettings = { hjid: Number(ids.hotjarSiteId), hjsv: 6, maskInputs: !ctx.leaky }
  const tags: SafeHtml[] = [
    inline(baiduGate, "var _hmt = _hmt || [];"),
    external(baiduGate, ctx.vendorUrl("hm.baidu.com", `/hm.js?${ids.baiduSiteId}`)),
    inline(
      "analytics",
      `window.sensorsDataAnalytic201505 = "sensors"; window.sensors = window.sensors || { _q: [], para: { server_url: ${jsonForScript(sensorsServer).value}, send_type: "ajax" } };` +
        ` ["track", "login", "setProfile", "quick"].forEach(function (name) { window.sensors[name] = window.sensors[name] || function () { window.sensors._q.push([name, arguments]) } });`
    ),
    external("analytics", ctx.vendorUrl("static.sensorsdata.cn", "/sdk/1.26.18/sensorsdata.min.js")),
    inline("analytics", `window.dataLayer = window.dataLayer || []; function gtag() { dataLayer.push(arguments) } gtag("js", new Date()); gtag("config", "${ids.gaMeasurementId}");`),
    external("analytics", ctx.vendorUrl("www.googletagmanager.com", `/gtag/js?id=${ids.gaMeasurementId}`)),
    inline(
      "analytics",
      `window.hj = window.hj || function () { (hj.q = hj.q || []).push(arguments) }; window._hjSettings = ${jsonForScript(hotjarSettings).value};`
    ),
    external("analytics", ctx.vendorUrl("static.hotjar.com", `/c/hotjar-${ids.hotjarSiteId}.js?sv=6`)),
    inline("marketing", `window._oeq = window._oeq || []; _oeq.push(["init", "${ids.oceanEngineAdvertiserId}"]); _oeq.push(["track", "page_view"]);`),
    external("marketing", ctx.vendorUrl("analytics.oceanengine.com", `/api/v2/js/conversion.js?advertiser_id=${ids.oceanEngineAdvertiserId}`))
  ]
  if (ctx.leaky) {
    tags.push(
      inline(
        "marketing",
        `window.fbq = window.fbq || function () { (fbq.queue = fbq.queue || []).push(arguments) }; fbq("init", "${ids.metaPixelId}"); fbq("track", "PageView");`
      ),
      external("marketing", ctx.vendorUrl("connect.facebook.net", "/en_US/fbevents.js"))
    )
  }
  return html`${tags.map((tag) => html`${tag}\n`)}`
}
