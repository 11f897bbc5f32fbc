/**
 * Canary values kept on the device: cookies, localStorage and sessionStorage read as they are when the trace is
 * asked for, and searched for the values (raw, url-encoded, base64, hashed, inside JSON). A tracker that stores an
 * identifier made from the shopper's phone number is found here even if it never sends it.
 */
import { decodePayloadDeep } from "../payload/gzip"
import { knownValueMatcher } from "../pii/known-values"
import type { CanaryForm } from "./trace"
import type { CanaryValue } from "./generate"

/** One frame's Web Storage, as {@link readStorageInPage} returns it. */
export interface StorageSnapshot {
  origin: string
  area: "localStorage" | "sessionStorage"
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
  place: "cookie" | "localStorage" | "sessionStorage"
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
