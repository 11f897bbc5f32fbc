/** Short, stable CSS selectors and human labels for form fields, as a reviewer would write them. */

const MAX_LABEL = 80

function cssEscape(text: string): string {
  return typeof CSS !== "undefined" && CSS.escape ? CSS.escape(text) : text.replace(/[^\w-]/g, (char) => `\\${char}`)
}

/** `#id`, else `tag[name="…"]`, else a path of `tag:nth-of-type(n)` from the nearest ancestor with an id. */
export function selectorOf(element: Element): string {
  if (element.id) return `#${cssEscape(element.id)}`
  const tag = element.tagName.toLowerCase()
  const name = element.getAttribute("name")
  if (name) return `${tag}[name="${name.replace(/["\\]/g, "\\$&")}"]`
  const steps: string[] = []
  let current: Element | null = element
  while (current && current.tagName !== "HTML" && steps.length < 6) {
    if (current.id) {
      steps.unshift(`#${cssEscape(current.id)}`)
      break
    }
    const own: Element = current
    const sameTag = own.parentElement ? Array.from(own.parentElement.children).filter((sibling) => sibling.tagName === own.tagName) : [own]
    const step = own.tagName.toLowerCase()
    steps.unshift(sameTag.length > 1 ? `${step}:nth-of-type(${sameTag.indexOf(own) + 1})` : step)
    current = own.parentElement
  }
  return steps.join(" > ")
}

function clean(text: string | null | undefined): string | undefined {
  const trimmed = text?.replace(/\s+/g, " ").trim()
  return trimmed ? trimmed.slice(0, MAX_LABEL) : undefined
}

/** What the page calls the field: its <label>, aria-label(ledby), placeholder or title. */
export function labelOf(element: Element): string | undefined {
  const document = element.ownerDocument
  const byFor = element.id ? document.querySelector(`label[for="${cssEscape(element.id)}"]`) : null
  const labelledBy = element
    .getAttribute("aria-labelledby")
    ?.split(/\s+/)
    .map((id) => document.getElementById(id)?.textContent ?? "")
    .join(" ")
  return (
    clean(byFor?.textContent) ??
    clean(element.closest("label")?.textContent) ??
    clean(element.getAttribute("aria-label")) ??
    clean(labelledBy) ??
    clean(element.getAttribute("placeholder")) ??
    clean(element.getAttribute("title"))
  )
}
