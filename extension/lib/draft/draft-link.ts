/**
 * The link that opens the configurator with a draft: `setup/index.html#draft=` and the draft as base64url of its
 * UTF-8 JSON (the configurator reads the same). In the fragment, the draft never leaves the browser.
 */
import type { Draft } from "./build-draft"

/** base64url without padding, of any text (Chinese included). */
export function base64url(text: string): string {
  const bytes = new TextEncoder().encode(text)
  let binary = ""
  // btoa takes a "binary string"; build it in slices, as a spread of a large array overflows the stack.
  for (let start = 0; start < bytes.length; start += 0x8000) binary += String.fromCharCode(...bytes.subarray(start, start + 0x8000))
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "")
}

/** The configurator's page is `setup/index.html` in the built extension. */
export const CONFIGURATOR_PATH = "setup/index.html"

/** The configurator's URL (chrome.runtime.getURL of {@link CONFIGURATOR_PATH}) opened on `draft`. */
export function draftLink(configuratorUrl: string, draft: Draft): string {
  return `${configuratorUrl}#draft=${base64url(JSON.stringify(draft))}`
}
