/**
 * What the draft needs from the page itself, read once when a draft is asked for (never on the page's hot path):
 * its script and iframe elements, its site name, its privacy-policy link and a contact address.
 */

/** A script or iframe element as the page's document holds it. */
export interface PageElement {
  tag: "script" | "iframe"
  /** Attributes in document order; a nonce is given as the element's nonce, which the DOM hides from attributes. */
  attributes: Array<[name: string, value: string]>
  /** Inline text, cut at {@link INLINE_TEXT_LIMIT} characters. */
  text: string
  /** The text was longer than the limit. */
  cut: boolean
}

export interface PageSnapshot {
  /** `og:site_name`, else `application-name`. */
  siteName?: string
  /** The document's title. */
  title: string
  /** The href of the first link that names the privacy policy, as written in the page. */
  policyHref?: string
  /** The first `mailto:` address on the page. */
  contactEmail?: string
  elements: PageElement[]
}

/** Inline code longer than this is quoted only up to it: the edit then changes the tag, which is all it needs. */
export const INLINE_TEXT_LIMIT = 1000

/** At most this many elements are read: a page with more gets the first ones. */
export const ELEMENT_LIMIT = 500

/**
 * Runs in the page (chrome.scripting.executeScript serialises it): it must use nothing from outside its own body,
 * hence the limits passed in.
 */
export function readPageSnapshot(textLimit: number, elementLimit: number): PageSnapshot {
  const meta = (selector: string): string | undefined => document.querySelector<HTMLMetaElement>(selector)?.content.trim() || undefined
  const policyLink = Array.from(document.querySelectorAll<HTMLAnchorElement>("a[href]")).find(
    (link) => /隐私政策|隐私声明|隐私权政策|隐私保护政策|privacy\s*(policy|notice|statement)/i.test(link.textContent ?? "") || /privacy[-_]?(policy|notice)?(\.html?)?(\?|#|$)/i.test(link.pathname)
  )
  const mail = document.querySelector<HTMLAnchorElement>('a[href^="mailto:" i]')
  const address = mail?.href.slice("mailto:".length).split("?")[0] ?? ""
  let contactEmail: string | undefined
  try {
    contactEmail = decodeURIComponent(address) || undefined
  } catch {
    // A malformed escape ("%E0%A4") is the page's typo: the address is left for the merchant to write.
  }
  const elements = Array.from(document.querySelectorAll<HTMLScriptElement | HTMLIFrameElement>("script, iframe"))
    .slice(0, elementLimit)
    .map((element) => {
      const full = element instanceof HTMLScriptElement ? element.text : (element.textContent ?? "")
      let end = Math.min(full.length, textLimit)
      // Never split a surrogate pair: the quote must stay a prefix of the page's own text.
      if (end < full.length && /[\ud800-\udbff]/.test(full.charAt(end - 1))) end -= 1
      return {
        tag: element.localName === "iframe" ? ("iframe" as const) : ("script" as const),
        attributes: Array.from(element.attributes).map((attribute): [string, string] => [attribute.name, attribute.name === "nonce" ? (element.nonce ?? "") : attribute.value]),
        text: full.slice(0, end),
        cut: end < full.length
      }
    })
  return {
    siteName: meta('meta[property="og:site_name"]') ?? meta('meta[name="application-name"]'),
    title: document.title.trim(),
    policyHref: policyLink?.getAttribute("href") ?? undefined,
    contactEmail,
    elements
  }
}
