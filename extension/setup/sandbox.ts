/**
 * The preview runs the real SDK on the configurator's own origin, which on the demo store is the shop's. Before the
 * SDK loads, the preview page gives it a cookie jar, localStorage and receipt store of its own in memory and no
 * BroadcastChannel, so what the merchant clicks in the preview never becomes the shop's consent record, never
 * reaches other tabs and starts afresh on every reload (the dialog shows each time).
 */

/** A Storage kept in memory. */
export function memoryStorage(): Storage {
  const items = new Map<string, string>()
  return {
    get length() {
      return items.size
    },
    key: (index: number) => [...items.keys()][index] ?? null,
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, String(value)),
    removeItem: (key: string) => void items.delete(key),
    clear: () => items.clear()
  }
}

/** A `document.cookie` kept in memory: `name=value` pairs; Max-Age=0 or a past Expires deletes. */
export function memoryCookies(now: () => number = Date.now): { get(): string; set(line: string): void } {
  const jar = new Map<string, string>()
  return {
    get: () => [...jar].map(([name, value]) => `${name}=${value}`).join("; "),
    set(line) {
      const [pair = "", ...attributes] = line.split(";")
      const eq = pair.indexOf("=")
      if (eq <= 0) return
      const name = pair.slice(0, eq).trim()
      const expired = attributes.some((attribute) => {
        const [key = "", value = ""] = attribute.split("=").map((part) => part.trim())
        if (key.toLowerCase() === "max-age") return Number(value) <= 0
        if (key.toLowerCase() === "expires") return Date.parse(value) <= now()
        return false
      })
      if (expired) jar.delete(name)
      else jar.set(name, pair.slice(eq + 1).trim())
    }
  }
}

/** Give `win` storage of its own in memory; call before the SDK's script is added. */
export function isolateStorage(win: Window): void {
  const cookies = memoryCookies()
  Object.defineProperty(win, "localStorage", { value: memoryStorage(), configurable: true })
  Object.defineProperty(win, "BroadcastChannel", { value: undefined, configurable: true })
  Object.defineProperty(win, "indexedDB", { value: undefined, configurable: true })
  Object.defineProperty(win.document, "cookie", { get: cookies.get, set: cookies.set, configurable: true })
}
