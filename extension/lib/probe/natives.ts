/**
 * The platform functions the probe itself relies on, taken before any page script runs (the probe runs at
 * document_start), so a page that later replaces them can neither break nor spy on the probe.
 */
export const natives = {
  addEventListener: EventTarget.prototype.addEventListener,
  removeEventListener: EventTarget.prototype.removeEventListener,
  dispatchEvent: EventTarget.prototype.dispatchEvent,
  CustomEvent: globalThis.CustomEvent,
  Error: globalThis.Error,
  stringify: JSON.stringify,
  parse: JSON.parse,
  getItem: globalThis.Storage?.prototype.getItem,
  now: Date.now,
  parseDate: Date.parse,
  setTimeout: globalThis.setTimeout.bind(globalThis),
  functionToString: Function.prototype.toString
}

/** `target.addEventListener(type, listener, options)` with the untouched platform function. */
export function listen(target: EventTarget, type: string, listener: (event: Event) => void, options?: AddEventListenerOptions | boolean): void {
  Reflect.apply(natives.addEventListener, target, [type, listener, options])
}

export function unlisten(target: EventTarget, type: string, listener: (event: Event) => void, options?: EventListenerOptions | boolean): void {
  Reflect.apply(natives.removeEventListener, target, [type, listener, options])
}

/** Dispatch a CustomEvent whose detail is a string (strings cross from the page's world to the extension's). */
export function announce(target: EventTarget, type: string, detail: string): void {
  Reflect.apply(natives.dispatchEvent, target, [new natives.CustomEvent(type, { detail })])
}
