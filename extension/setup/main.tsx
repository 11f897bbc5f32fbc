/** The configurator page's entry (index.html). */
import { render } from "preact"
import { preferredLocale } from "../lib/words"
import { App } from "./app"

const root = document.getElementById("app")
if (root) {
  render(
    <App
      storage={localStorage}
      hash={location.hash}
      browserLocale={preferredLocale(navigator.languages)}
      clearHash={() => history.replaceState(null, "", location.pathname + location.search)}
    />,
    root
  )
}

// On a web host the service worker keeps the files for offline use; an extension page is read from disk already.
if (location.protocol.startsWith("http") && "serviceWorker" in navigator) {
  navigator.serviceWorker.register("sw.js").catch((error: unknown) => console.warn("[zhiqing setup] working offline is not available here:", error))
}
