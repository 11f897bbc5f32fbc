/**
 * When the Zhiqing dialog appears, so the consent axis can tell "before the dialog" from "dialog shown" (the SDK
 * fires no event for it). Runs in the extension's isolated world, like the field inventory: the page cannot hide
 * the moment from it. The SDK renders into `#zhiqing-root`, inside an open shadow root unless the merchant turns
 * that off; a dialog counts as shown while an element with `role="dialog"` there is visible.
 */

/** The element the SDK renders its dialogs into (design.md: open Shadow DOM, or plain DOM when turned off). */
export const ZHIQING_ROOT_ID = "zhiqing-root"

function visible(element: Element): boolean {
  if (element.closest("[hidden]")) return false
  const check = (element as Element & { checkVisibility?: () => boolean }).checkVisibility
  return typeof check !== "function" || check.call(element)
}

/** Whether a dialog of the SDK is on screen in `document` now. */
export function zhiqingDialogVisible(document: Document): boolean {
  const root = document.getElementById(ZHIQING_ROOT_ID)
  if (!root) return false
  const scope: ParentNode = root.shadowRoot ?? root
  return Array.from(scope.querySelectorAll("[role=dialog]")).some(visible)
}

/**
 * Call `shown(time)` each time an SDK dialog comes on screen after none was (first appearance, a reopened
 * preference centre, a just-in-time request). Returns the function that stops watching.
 */
export function watchConsentDialog(document: Document, shown: (time: number) => void, now: () => number = Date.now): () => void {
  let showing = false
  let watchedRoot: HTMLElement | null = null
  let watchedScope: ParentNode | undefined
  let pending = false
  const schedule = (): void => {
    if (pending) return
    pending = true
    queueMicrotask(check)
  }
  // Attribute changes are watched inside the SDK's root only: a page restyling its own elements costs nothing here.
  const inner = new MutationObserver(schedule)
  const check = (): void => {
    pending = false
    const root = document.getElementById(ZHIQING_ROOT_ID)
    watchedRoot = root
    const scope = root?.shadowRoot ?? root ?? undefined
    if (scope && scope !== watchedScope) {
      // Mutations inside a shadow root never reach an observer of the document.
      watchedScope = scope
      inner.disconnect()
      inner.observe(scope, { childList: true, subtree: true, attributes: true, attributeFilter: ["class", "hidden", "style"] })
    }
    const visibleNow = zhiqingDialogVisible(document)
    if (visibleNow && !showing) shown(now())
    showing = visibleNow
  }
  // The document is watched for nodes coming and going only, which is how the SDK's root arrives or leaves; the
  // page's other nodes change nothing in it, so they cost one lookup by id, not a visibility check (a style recalc).
  const outer = new MutationObserver(() => {
    if (document.getElementById(ZHIQING_ROOT_ID) !== watchedRoot) schedule()
  })
  outer.observe(document, { childList: true, subtree: true })
  check()
  return () => {
    outer.disconnect()
    inner.disconnect()
  }
}
