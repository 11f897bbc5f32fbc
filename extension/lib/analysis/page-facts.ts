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

/** Categories of service a shop can run without them; CDNs, payment and customer service may be needed. */
export const NON_ESSENTIAL_CATEGORIES: ReadonlySet<TrackerCategory> = new Set(["analytics", "advertising", "session-recording", "social", "tag-manager"])

/** Whether activity of this vendor (serving this purpose) needs consent: the config's purpose decides, else the category. */
export function nonEssential(vendor: Vendor | undefined, purpose: Purpose | undefined): boolean {
  if (purpose) return !purpose.required
  return vendor !== undefined && NON_ESSENTIAL_CATEGORIES.has(vendor.category)
}
