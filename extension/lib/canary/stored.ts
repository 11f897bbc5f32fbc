/**
 * Canary values kept on the device: cookies, localStorage, sessionStorage and IndexedDB read as they are when the
 * trace is asked for, and searched for the values (raw, url-encoded, base64, hashed, inside JSON). A tracker that stores an
 * identifier made from the shopper's phone number is found here even if it never sends it.
 */
import { decodePayloadDeep } from "../payload/gzip"
import { knownValueMatcher } from "../pii/known-values"
import type { CanaryForm } from "./trace"
import type { CanaryValue } from "./generate"

/** One frame's Web Storage or IndexedDB, as {@link readStorageInPage} and {@link readIndexedDbInPage} return them. */
export interface StorageSnapshot {
  origin: string
  area: "localStorage" | "sessionStorage" | "indexedDB"
  /** For IndexedDB, the key is `database/store/record key` and the value the record as JSON. */
  entries: Array<[key: string, value: string]>
}

/** A cookie as the cookie store lists it. */
export interface StoredCookie {
  name: string
  domain: string
  value: string
}

/** Where a canary value was found stored. */
export interface StoredHit {
  place: "cookie" | StorageSnapshot["area"]
  /** The cookie's domain, or the storage's origin. */
  site: string
  /** The cookie's name or the storage key. */
  name: string
  forms: CanaryForm[]
}

/**
 * Runs inside each frame of the page (chrome.scripting serialises it: it uses nothing from outside its body): the
 * frame's localStorage and sessionStorage, at most 500 entries each and 64 KB a value. Storage that is blocked
 * (sandboxed frames, settings) is left out.
 */
export function readStorageInPage(): StorageSnapshot[] {
  const snapshots: StorageSnapshot[] = []
  const areas: Array<"localStorage" | "sessionStorage"> = ["localStorage", "sessionStorage"]
  for (const area of areas) {
    try {
      const storage = window[area]
      const entries: Array<[string, string]> = []
      for (let index = 0; index < storage.length && index < 500; index++) {
        const key = storage.key(index)
        if (key !== null) entries.push([key, (storage.getItem(key) ?? "").slice(0, 65_536)])
      }
      snapshots.push({ origin: location.origin, area, entries })
    } catch {
      // Blocked storage holds nothing to find.
    }
  }
  return snapshots
}

/**
 * Runs inside each frame of the page, like {@link readStorageInPage}: the records of the frame's IndexedDB
 * databases, at most 20 databases, 20 stores each, 200 records a store and 64 KB a record as JSON. Each database is
 * opened at its current version and closed at once, so the page's own upgrades are not held up for long.
 */
export async function readIndexedDbInPage(): Promise<StorageSnapshot[]> {
  const request = <T>(asked: IDBRequest<T>): Promise<T> =>
    new Promise((resolve, reject) => {
      asked.onsuccess = () => resolve(asked.result)
      asked.onerror = () => reject(asked.error)
    })
  const asText = (value: unknown): string => {
    try {
      return JSON.stringify(value) ?? String(value)
    } catch {
      // Cyclic records and BigInts have no JSON form.
      return String(value)
    }
  }
  const entries: Array<[string, string]> = []
  const readDatabase = async (name: string): Promise<void> => {
    const opening = indexedDB.open(name)
    // A database listed a moment ago and deleted since must not be created again by reading it.
    opening.onupgradeneeded = () => opening.transaction?.abort()
    const database = await request(opening)
    try {
      const stores = [...database.objectStoreNames].slice(0, 20)
      if (!stores.length) return
      const transaction = database.transaction(stores, "readonly")
      for (const store of stores) {
        const source = transaction.objectStore(store)
        const [keys, values] = await Promise.all([request(source.getAllKeys(null, 200)), request(source.getAll(null, 200))])
        values.forEach((value, index) => {
          const key = keys[index]
          entries.push([`${name}/${store}/${typeof key === "string" ? key : asText(key)}`, asText(value).slice(0, 65_536)])
        })
      }
    } finally {
      database.close()
    }
  }
  // IndexedDB blocked (sandboxed frames, settings), or one database that cannot be read, holds nothing to find.
  const databases = await indexedDB.databases().catch(() => [])
  for (const { name } of databases.slice(0, 20)) if (name) await readDatabase(name).catch(() => undefined)
  return entries.length ? [{ origin: location.origin, area: "indexedDB", entries }] : []
}

/** For each canary, in order, every stored cookie or storage entry that holds it. */
export async function traceStored(canaries: readonly CanaryValue[], cookies: readonly StoredCookie[], snapshots: readonly StorageSnapshot[]): Promise<StoredHit[][]> {
  const places: Array<{ place: StoredHit["place"]; site: string; name: string; value: string }> = [
    ...cookies.map((cookie) => ({ place: "cookie" as const, site: cookie.domain, name: cookie.name, value: cookie.value })),
    ...snapshots.flatMap((snapshot) => snapshot.entries.map(([key, value]) => ({ place: snapshot.area, site: snapshot.origin, name: key, value })))
  ]
  const decoded = await Promise.all(places.map(async (place) => ({ ...place, parts: await decodePayloadDeep(place.value, place.place) })))
  const result: StoredHit[][] = []
  for (const canary of canaries) {
    const matcher = await knownValueMatcher([canary])
    const hits = new Map<string, StoredHit>()
    for (const place of decoded) {
      for (const part of place.parts) {
        for (const copy of matcher.find(part.text)) {
          const key = `${place.place}|${place.site}|${place.name}`
          const hit = hits.get(key) ?? { place: place.place, site: place.site, name: place.name, forms: [] }
          const form = copy.encoding === "plain" ? part.encoding : copy.encoding
          if (!hit.forms.includes(form)) hit.forms.push(form)
          hits.set(key, hit)
        }
      }
    }
    result.push([...hits.values()])
  }
  return result
}
