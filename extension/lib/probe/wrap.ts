/**
 * Wrapping platform functions without changing what they do: the original runs with the same `this` and
 * arguments, its result is returned and its exceptions propagate untouched. The observer runs first, inside
 * try/catch, so a fault in the probe never reaches the page. Wrappers print as the original does.
 */
import { natives } from "./natives"

/** Called before the original; may return a callback that sees the original's result. */
export type Observer = (self: unknown, args: unknown[]) => ((result: unknown) => void) | void

const originals = new WeakMap<object, object>()
let toStringDisguised = false

/** `Function.prototype.toString` answers for a wrapper as it would for the function it wraps. */
function disguiseToString(): void {
  if (toStringDisguised) return
  toStringDisguised = true
  const original = natives.functionToString
  const replacement = {
    toString(this: unknown): string {
      return Reflect.apply(original, (typeof this === "function" && originals.get(this)) || this, []) as string
    }
  }.toString
  originals.set(replacement, original)
  Object.defineProperty(Function.prototype, "toString", { value: replacement, writable: true, configurable: true, enumerable: false })
}

function disguise(wrapper: object, original: { name: string; length: number }): void {
  disguiseToString()
  originals.set(wrapper, original)
  Object.defineProperty(wrapper, "name", { value: original.name, configurable: true })
  Object.defineProperty(wrapper, "length", { value: original.length, configurable: true })
}

/** Run probe code; whatever goes wrong in it, the page must never notice. */
function attempt<T>(run: () => T): T | undefined {
  try {
    return run()
  } catch {
    return undefined
  }
}

const safely = (run: () => void): void => void attempt(run)

/** Wrap method `name` of `owner` (a prototype or object); does nothing when it is missing or not configurable. */
export function wrapMethod(owner: object | undefined, name: string, observe: Observer): void {
  safely(() => {
    if (!owner) return
    const descriptor = Object.getOwnPropertyDescriptor(owner, name)
    const original: unknown = descriptor?.value
    if (!descriptor?.configurable || typeof original !== "function") return
    // A method (not `function`) is not constructible and has no prototype, like the platform's own methods.
    const wrapper = {
      [name](this: unknown, ...args: unknown[]): unknown {
        const after = attempt(() => observe(this, args))
        const result: unknown = Reflect.apply(original as (...values: unknown[]) => unknown, this, args)
        if (after) safely(() => after(result))
        return result
      }
    }[name]!
    disguise(wrapper, original as { name: string; length: number })
    Object.defineProperty(owner, name, { ...descriptor, value: wrapper })
  })
}

/** Wrap the setter of accessor `name` of `owner`; `observe` sees the object and the value being set. */
export function wrapSetter(owner: object | undefined, name: string, observe: (self: unknown, value: unknown) => void): void {
  safely(() => {
    if (!owner) return
    const descriptor = Object.getOwnPropertyDescriptor(owner, name)
    const setter = descriptor?.set
    if (!descriptor?.configurable || !setter) return
    const wrapper = Object.getOwnPropertyDescriptor(
      {
        set [name](value: unknown) {
          safely(() => observe(this, value))
          Reflect.apply(setter, this, [value])
        }
      },
      name
    )!.set!
    disguise(wrapper, setter)
    Object.defineProperty(owner, name, { ...descriptor, set: wrapper })
  })
}
