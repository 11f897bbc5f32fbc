/** The cookies the page set, whose they are and which purpose they serve. */
import type { Purpose } from "@zhiqing/sdk/schema"
import { isThirdParty } from "../domains"
import type { CookieEvent } from "../events"
import type { ReportCookie } from "../report"
import type { Vendor } from "../vendors/catalog"
import { vendorById, vendorForCookie, vendorForUrl } from "../vendors/match"
import type { AnalysisContext } from "./context"

/** A cookie being set, with its vendor and purpose for the findings. */
export interface AnalysedCookie {
  event: CookieEvent
  vendor?: Vendor
  purpose?: Purpose
}

/**
 * Whose cookie: the script that set it says most (the same name can belong to several vendors); else the vendor
 * of the purpose whose config declares the name, when that purpose names one vendor; else the catalog's patterns.
 */
function cookieVendor(event: CookieEvent, purpose: Purpose | undefined): Vendor | undefined {
  const byScript = event.script ? vendorForUrl(event.script)?.vendor : undefined
  if (byScript && byScript.category !== "cdn") return byScript
  const declared = purpose?.vendors?.length === 1 ? vendorById(purpose.vendors[0]!) : undefined
  return declared ?? vendorForCookie(event.name)
}

/** Every cookie write, analysed, in time order (removals left out). */
export function analyseCookies(events: readonly CookieEvent[], context: AnalysisContext): AnalysedCookie[] {
  return events
    .filter((event) => !event.removed)
    .map((event) => {
      const declaredPurpose = context.configMap.purposeOfCookie(event.name)
      const vendor = cookieVendor(event, declaredPurpose)
      return { event, vendor, purpose: declaredPurpose ?? context.configMap.purposeOfVendor(vendor?.id) }
    })
}

/** The report's cookie list: each name and domain once, as first set. */
export function reportCookies(cookies: readonly AnalysedCookie[], context: AnalysisContext): ReportCookie[] {
  const seen = new Map<string, ReportCookie>()
  for (const { event, vendor } of cookies) {
    const domain = event.domain.replace(/^\./, "")
    const key = `${event.name}@${domain}`
    if (seen.has(key)) continue
    const cookie: ReportCookie = { name: event.name, domain: event.domain, thirdParty: isThirdParty(domain, context.pageHost), setBy: event.setBy, time: event.time }
    if (vendor) cookie.tracker = vendor.id
    seen.set(key, cookie)
  }
  return [...seen.values()]
}
