/**
 * The page's script and iframe elements: which vendor each loads, and the edit that gates it behind a purpose
 * (`<script type="text/plain" data-zhiqing="…">`, `<iframe data-zhiqing="…" data-src="…">`, as the SDK releases them).
 */
import { VENDORS, vendorForUrl, type Vendor } from "../vendors"
import type { PageElement } from "./page-snapshot"

const attribute = (element: PageElement, name: string): string | undefined => element.attributes.find(([key]) => key === name)?.[1]

/** A script's `type` that the browser runs as classic script; `module` runs too, as a module. */
const CLASSIC_SCRIPT_TYPE = /^(?:|(?:text|application)\/(?:x-)?(?:java|ecma)script|text\/jscript|text\/livescript)$/i

function scriptType(element: PageElement): string {
  return (attribute(element, "type") ?? "").trim()
}

/** An element that runs code or loads a page now: a script of a code type, an iframe with a `src`. */
export function runsNow(element: PageElement): boolean {
  if (element.tag === "iframe") return attribute(element, "src") !== undefined
  const type = scriptType(element)
  return CLASSIC_SCRIPT_TYPE.test(type) || type.toLowerCase() === "module"
}

/** The purpose an element is already gated for, as the SDK reads it. */
export function gatedPurpose(element: PageElement): string | undefined {
  const purpose = attribute(element, "data-zhiqing")
  if (!purpose) return undefined
  if (element.tag === "iframe") return attribute(element, "data-src") !== undefined ? purpose : undefined
  return scriptType(element).toLowerCase() === "text/plain" ? purpose : undefined
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")

/** Each catalog global and its vendor; a global two vendors share is the first one's, as `vendorForGlobal` has it. */
const GLOBAL_VENDORS = new Map(VENDORS.flatMap((vendor) => (vendor.globals ?? []).map((name) => [name, vendor] as const)).reverse())

/**
 * A global defined in inline code: `window.x`, `var x`, `function x`, `x = …` (not `x == …`). One pattern for every
 * catalog global, so each script's text is read once.
 */
const GLOBAL_DEFINITION = (() => {
  const names = [...GLOBAL_VENDORS.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp).join("|")
  return new RegExp(`(?:\\bwindow\\s*\\.\\s*|\\bself\\s*\\.\\s*|\\b(?:var|let|const|function)\\s+)(${names})(?![\\w$])|(?<![\\w$.])(${names})\\s*=(?!=)`)
})()

/** URLs written in code, absolute or protocol-relative. */
const URL_IN_CODE = /(?:https?:)?\/\/[a-z0-9.-]+\.[a-z]{2,}(?::\d+)?(?:\/[^\s"'`<>\\)]*)?/gi

function vendorOfUrl(url: string, pageUrl: string): Vendor | undefined {
  try {
    return vendorForUrl(new URL(url, pageUrl))?.vendor
  } catch {
    return undefined
  }
}

/** The vendor an element belongs to: by its `src` (or gated `data-src`); inline code by the globals it defines, else the URLs it names. */
export function vendorOfElement(element: PageElement, pageUrl: string): Vendor | undefined {
  const src = attribute(element, "src") ?? attribute(element, "data-src")
  if (src !== undefined) return vendorOfUrl(src, pageUrl)
  if (element.tag !== "script" || !element.text.trim()) return undefined
  const global = GLOBAL_DEFINITION.exec(element.text)
  if (global) return GLOBAL_VENDORS.get(global[1] ?? global[2] ?? "")
  const urls = new Set(Array.from(element.text.matchAll(URL_IN_CODE), ([url]) => url))
  for (const url of urls) {
    const vendor = vendorOfUrl(url, pageUrl)
    if (vendor) return vendor
  }
  return undefined
}

/** An attribute value as HTML serialisers write it: `&` and `"` escaped, in double quotes. */
function escapeAttribute(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/\u00a0/g, "&nbsp;")
}

/** A start tag as pages usually write it: attributes in document order, an empty one by its bare name (`async`). */
function startTag(tag: string, attributes: ReadonlyArray<readonly [string, string]>): string {
  return `<${tag}${attributes.map(([name, value]) => (value === "" ? ` ${name}` : ` ${name}="${escapeAttribute(value)}"`)).join("")}>`
}

/** The tag with its text; a cut text is quoted without the end tag, so the quote is still the page's own prefix. */
function withText(element: PageElement, attributes: ReadonlyArray<readonly [string, string]>): string {
  const start = startTag(element.tag, attributes)
  return element.cut ? start + element.text : `${start}${element.text}</${element.tag}>`
}

/** The element's markup as the page has it now. */
export function markupOf(element: PageElement): string {
  return withText(element, element.attributes)
}

/** The element's markup gated behind `purpose`: it runs, or loads, once the shopper allows that purpose. */
export function gatedMarkupOf(element: PageElement, purpose: string): string {
  if (element.tag === "iframe") {
    const rest = element.attributes.map(([name, value]): [string, string] => [name === "src" ? "data-src" : name, value])
    return withText(element, [["data-zhiqing", purpose], ...rest])
  }
  const type = scriptType(element)
  const rest = element.attributes.filter(([name]) => name !== "type")
  // The SDK gives a released script its `data-type` back: a module must stay a module.
  const keepType: Array<[string, string]> = CLASSIC_SCRIPT_TYPE.test(type) ? [] : [["data-type", type]]
  return withText(element, [["type", "text/plain"], ["data-zhiqing", purpose], ...keepType, ...rest])
}
