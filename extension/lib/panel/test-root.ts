/** The element the panel's tests render into. */
import { render } from "preact"
import { afterEach, beforeEach } from "vitest"

/**
 * A fresh element in the document for each test of the calling file, unmounted and removed after it, so no test
 * sees another's panel. Call at the top of a test file; the answer gives the current test's element.
 */
export function panelTestRoot(): () => HTMLElement {
  let root: HTMLElement | undefined
  beforeEach(() => {
    root = document.createElement("div")
    document.body.append(root)
  })
  afterEach(() => {
    if (!root) return
    render(null, root)
    root.remove()
    root = undefined
  })
  return () => {
    if (!root) throw new Error("the panel's test root exists only while a test runs")
    return root
  }
}
