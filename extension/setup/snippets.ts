/**
 * Each chosen vendor's tag as a shop would paste it, and the same tag rewritten so the SDK holds it back until the
 * shopper allows its purpose (`type="text/plain" data-zhiqing="…"`; iframes load from `data-src`).
 */
import type { Vendor } from "../lib/vendors"

/** A vendor as merchants know it: its English name, and its Chinese one where it has one. */
export function vendorLabel(vendor: Vendor): string {
  return vendor.nameZh ? `${vendor.name} · ${vendor.nameZh}` : vendor.name
}

/**
 * The tag each widely used vendor documents for a page, as the merchant would paste it; `…` marks the merchant's own
 * account or site id.
 */
const KNOWN_TAGS: Record<string, string> = {
  "baidu-tongji": '<script src="https://hm.baidu.com/hm.js?…" async></script>',
  "cnzz-umeng": '<script src="https://s9.cnzz.com/z_stat.php?id=…&web_id=…" async></script>',
  "baidu-map": '<script src="https://api.map.baidu.com/api?v=3.0&ak=…"></script>',
  amap: '<script src="https://webapi.amap.com/maps?v=2.0&key=…"></script>',
  "tencent-map": '<script src="https://map.qq.com/api/gljs?v=1.exp&key=…"></script>',
  "wechat-jssdk": '<script src="https://res.wx.qq.com/open/js/jweixin-1.6.0.js"></script>',
  "sensors-data": '<script src="https://static.sensorsdata.cn/sdk/latest/sensorsdata.min.js" async></script>',
  "google-analytics": '<script src="https://www.googletagmanager.com/gtag/js?id=G-…" async></script>',
  "google-ads": '<script src="https://www.googleadservices.com/pagead/conversion_async.js" async></script>',
  youtube: '<iframe src="https://www.youtube-nocookie.com/embed/…" width="560" height="315" allowfullscreen></iframe>',
  "meta-pixel": '<script src="https://connect.facebook.net/en_US/fbevents.js" async></script>',
  "tiktok-pixel": '<script src="https://analytics.tiktok.com/i18n/pixel/events.js?sdkid=…" async></script>',
  "microsoft-clarity": '<script src="https://www.clarity.ms/tag/…" async></script>',
  hotjar: '<script src="https://static.hotjar.com/c/hotjar-….js?sv=6" async></script>'
}

/**
 * A standard tag for a catalog vendor: the one it documents where we list it, else its script when the catalog knows
 * a script path, else a script from its first host with the path left for the merchant to fill in.
 */
export function standardSnippet(vendor: Vendor): string {
  const known = KNOWN_TAGS[vendor.id]
  if (known) return known
  const host = vendor.domains[0] ?? "example.com"
  const script = (vendor.paths ?? []).find((path) => /^\/[^?]*\.js$/.test(path))
  return `<script src="https://${host}${script ?? "/…"}" async></script>`
}

const ATTRIBUTE = (name: string) => new RegExp(`\\s${name}\\s*=\\s*("[^"]*"|'[^']*'|[^\\s>]+)`, "i")

/** `html` with every `<script>` and `<iframe>` gated on `purpose`; other markup is left as it is. */
export function gateSnippet(html: string, purpose: string): string {
  const mark = ` data-zhiqing="${purpose.replace(/["&<>]/g, "")}"`
  return html.replace(/<(script|iframe)\b([^>]*)>/gi, (_tag, name: string, attributes: string) => {
    let rest = attributes.replace(ATTRIBUTE("data-zhiqing"), "")
    if (name.toLowerCase() === "script") {
      rest = rest.replace(ATTRIBUTE("type"), "")
      return `<${name} type="text/plain"${mark}${rest}>`
    }
    const src = ATTRIBUTE("src").exec(rest)
    if (src) rest = rest.replace(ATTRIBUTE("src"), ` data-src=${src[1]}`)
    return `<${name}${mark}${rest}>`
  })
}
