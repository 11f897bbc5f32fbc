/** What every page renderer knows about the request it answers. */
import type { Config } from "@zhiqing/sdk/schema"
import type { CartLine } from "../cart"
import type { Locale } from "../locale"

export interface PageContext {
  locale: Locale
  /** The demo's leaky wiring is on (see tracker-tags.ts). */
  leaky: boolean
  /** The request's path and query, for the language switch. */
  url: URL
  cart: CartLine[]
  config: Config
  /** The config file's integrity hash, which the script tag pins it with. */
  configIntegrity: string
  /** A URL on a vendor host as pages must reference it (real hostname or `.localhost`). */
  vendorUrl(vendorHost: string, pathAndQuery: string): string
  /** Pick the text of the page's language. */
  t(zh: string, en: string): string
}

/** Build the `t` picker for a locale. */
export function translator(locale: Locale): (zh: string, en: string) => string {
  return (zh, en) => (locale === "en" ? en : zh)
}
