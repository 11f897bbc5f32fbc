/**
 * The configurator's service worker on a web host (an extension page reads its files from disk and needs none):
 * every request for a file of its folder goes to the network first, so a new build shows at once, and falls back to the copy
 * kept from the last answer, so the configurator and its preview frames keep working with the network gone.
 */

/** The files the build wrote, listed by build.mjs. */
declare const SETUP_FILES: string[]

interface ExtendableEvent {
  waitUntil(work: Promise<unknown>): void
}
interface FetchEvent extends ExtendableEvent {
  request: Request
  respondWith(response: Promise<Response>): void
}
interface WorkerScope {
  location: Location
  skipWaiting(): Promise<void>
  clients: { claim(): Promise<void> }
  addEventListener(type: "install" | "activate", listener: (event: ExtendableEvent) => void): void
  addEventListener(type: "fetch", listener: (event: FetchEvent) => void): void
}

const worker = self as unknown as WorkerScope
const CACHE = "zhiqing-setup"

worker.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(["./", ...SETUP_FILES]))
      .then(() => worker.skipWaiting())
  )
})

worker.addEventListener("activate", (event) => event.waitUntil(worker.clients.claim()))

/** The folder this worker was served from: on the demo store the shop shares the origin, and its requests pass by. */
const folder = new URL("./", worker.location.href)

worker.addEventListener("fetch", (event) => {
  const request = event.request
  const url = new URL(request.url)
  if (request.method !== "GET" || url.origin !== folder.origin || !url.pathname.startsWith(folder.pathname)) return
  event.respondWith(
    fetch(request).then(
      (response) => {
        if (response.ok) {
          const copy = response.clone()
          event.waitUntil(caches.open(CACHE).then((cache) => cache.put(request, copy)))
        }
        return response
      },
      // The preview frames differ only in their query (?lang=…): one kept copy serves both.
      () => caches.match(request, { ignoreSearch: true }).then((kept) => kept ?? Response.error())
    )
  )
})
