/**
 * Scripts that listen to what the shopper types: key and input listeners on form fields, and key listeners on
 * the whole document or window (which hear every field). Session recorders and key loggers work this way.
 */
import type { ListenerEvent } from "../events"
import type { ProbeContext } from "./context"
import { isFormField } from "./fields"
import { selectorOf } from "./selector"
import { wrapMethod } from "./wrap"

/** Events that carry what is typed. */
const TYPING_EVENTS = new Set(["keydown", "keyup", "keypress", "input", "beforeinput", "change", "paste", "compositionend"])
/** Of those, the ones that report typing when heard on the whole page. */
const PAGE_WIDE_EVENTS = new Set(["keydown", "keyup", "keypress", "input", "beforeinput"])

function targetSelector(target: unknown, type: string): string | undefined {
  if (isFormField(target)) return selectorOf(target)
  if (!PAGE_WIDE_EVENTS.has(type)) return undefined
  if (target === globalThis) return "window"
  if (typeof Document !== "undefined" && target instanceof Document) return "document"
  return undefined
}

export function watchListeners(context: ProbeContext): void {
  wrapMethod(globalThis.EventTarget?.prototype, "addEventListener", (self, [type]) => {
    // addEventListener is hot: most calls end at this first check.
    if (typeof type !== "string" || !TYPING_EVENTS.has(type)) return
    const selector = targetSelector(self, type)
    if (!selector) return
    const script = context.script()
    if (!context.first(`listener\u0000${selector}\u0000${type}\u0000${script ?? ""}`)) return
    const event: ListenerEvent = { type: "listener", time: context.now(), event: type, selector }
    if (script) event.script = script
    context.emit(event)
  })
}
