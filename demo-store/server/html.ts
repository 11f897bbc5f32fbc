/**
 * HTML building with escaping by default: every value interpolated into {@link html} is escaped unless it is
 * already {@link SafeHtml} (the output of another `html` call). Merchant texts, product names and shopper input
 * all reach pages this way, so none of them can inject markup.
 */

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;", "`": "&#96;" }

/** Escape text for an HTML text node or a quoted attribute value. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"'`]/g, (character) => ESCAPES[character] ?? character)
}

/** Markup that is already safe to insert: built by {@link html} or deliberately by {@link trustedHtml}. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value
  }
}

/** Values an `html` template accepts; arrays are joined, `null`/`undefined`/`false` render nothing. */
export type HtmlValue = string | number | SafeHtml | null | undefined | false | readonly HtmlValue[]

function render(value: HtmlValue): string {
  if (value === null || value === undefined || value === false) return ""
  if (value instanceof SafeHtml) return value.value
  if (Array.isArray(value)) return value.map(render).join("")
  return escapeHtml(String(value))
}

/** Tagged template producing {@link SafeHtml}; interpolations are escaped. */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0] ?? ""
  values.forEach((value, index) => {
    out += render(value) + (strings[index + 1] ?? "")
  })
  return new SafeHtml(out)
}

/** Mark a string the server wrote itself (never input) as markup. */
export function trustedHtml(markup: string): SafeHtml {
  return new SafeHtml(markup)
}

/**
 * Serialise data for a `<script type="application/json">` block: JSON cannot break out of the element because
 * `<`, `>` and `&` are written as Unicode escapes.
 */
export function jsonForScript(data: unknown): SafeHtml {
  return new SafeHtml(JSON.stringify(data).replace(/[<>&\u2028\u2029]/g, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, "0")}`))
}
