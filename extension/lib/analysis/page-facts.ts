/** Everything the findings judge about one page, analysed once. */
import type { Purpose } from "@zhiqing/sdk/schema"
import type { ApiEvent, ListenerEvent, StorageEvent } from "../events"
import type { ReportField, TrackerCategory } from "../report"
import type { Vendor } from "../vendors/catalog"
import type { AnalysisContext } from "./context"
import type { AnalysedCookie } from "./cookies"
import type { AnalysedRequest } from "./requests"

export interface AnalysedStorage {
  event: StorageEvent
  vendor?: Vendor
  purpose?: Purpose
}

export interface PageFacts {
  context: AnalysisContext
  requests: AnalysedRequest[]
  cookies: AnalysedCookie[]
  storage: AnalysedStorage[]
  apis: ApiEvent[]
  /** Key and input listeners the page's scripts added on form fields or the whole page. */
  listeners: ListenerEvent[]
  fields: ReportField[]
}

/**
 * Whether a service of each category needs consent when the config does not place it in a purpose. Services a shop
 * may need to sell at all (CDNs, payment, customer service, maps for delivery, CAPTCHA, signing in) do not; watching,
 * profiling and advertising do. Monitoring counts as watching: a merchant who holds it necessary says so in the
 * config by listing it under a required purpose.
 */
const NEEDS_CONSENT: Record<TrackerCategory, boolean> = {
  analytics: true,
  advertising: true,
  attribution: true,
  "session-recording": true,
  monitoring: true,
  cdp: true,
  social: true,
  "social-login": false,
  "tag-manager": true,
  cdn: false,
  payment: false,
  "customer-service": false,
  maps: false,
  captcha: false,
  other: false
}

/** Categories of service a shop can run without them. */
export const NON_ESSENTIAL_CATEGORIES: ReadonlySet<TrackerCategory> = new Set(
  (Object.keys(NEEDS_CONSENT) as TrackerCategory[]).filter((category) => NEEDS_CONSENT[category])
)

/** Whether activity of this vendor (serving this purpose) needs consent: the config's purpose decides, else the category. */
export function nonEssential(vendor: Vendor | undefined, purpose: Purpose | undefined): boolean {
  if (purpose) return !purpose.required
  return vendor !== undefined && NON_ESSENTIAL_CATEGORIES.has(vendor.category)
}
