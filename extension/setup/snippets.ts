/**
 * Each chosen vendor's tag as a shop would paste it, and the same tag rewritten so the SDK holds it back until the
 * shopper allows its purpose (`type="text/plain" data-zhiqing="…"`; iframes load from `data-src`).
 */
import type { Vendor } from "../lib/vendors"

/**
 * A standard tag for a catalog vendor: its script when the catalog knows a script path, else a script from its
 * first host with the path left for the merchant to fill in.
 */
export function standardSnippet(vendor: Vendor): string {
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
