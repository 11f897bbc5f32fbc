/**
 * Each request of the page, judged: who received it, whether it left mainland China, where consent stood, which
 * purpose it serves and what personal information it carried (in the URL or the body, however wrapped).
 */
import type { Purpose } from "@zhiqing/sdk/schema"
import { hostOf, isThirdParty } from "../domains"
import type { RequestEvent } from "../events"
import { decodeUrl, type PayloadPart } from "../payload/decode"
import { decodePayloadDeep, expandGzip } from "../payload/gzip"
import { detectPi } from "../pii/detect"
import type { PiFound, ReportRequest } from "../report"
import type { Vendor } from "../vendors/catalog"
import { destinationOf, outsideMainland, type Destination } from "../vendors/country"
import { trackerInfo, vendorForUrl } from "../vendors/match"
import type { AnalysisContext } from "./context"
import { maskText, maskUrlWith } from "./mask-url"

/** A request with what the findings need beyond the report's view of it. */
export interface AnalysedRequest {
  report: ReportRequest
  vendor?: Vendor
  purpose?: Purpose
  /** Where the data went, when known, what says so, and the region, parent domain or TLD that rests on. */
  destination: Destination
  /** The server's IP address, when the browser reported it. */
  ip?: string
}

/** Every text a request carries, in its URL and body, unwrapped from url-encoding, base64, JSON and gzip. */
export async function payloadParts(event: RequestEvent): Promise<PayloadPart[]> {
  return [...(await expandGzip(decodeUrl(event.url))), ...(event.body ? await decodePayloadDeep(event.body, event.bodyEncoding ? `body:${event.bodyEncoding}` : "body") : [])]
}

async function piiOf(event: RequestEvent, context: AnalysisContext): Promise<PiFound[]> {
  const parts = await payloadParts(event)
  const found = new Map<string, PiFound>()
  const add = (pi: PiFound): void => {
    const key = `${pi.kind}|${pi.where}|${pi.masked}`
    if (!found.has(key) || found.get(key)!.encoding === "plain") found.set(key, pi)
  }
  for (const part of parts) {
    const detected = detectPi(part.text, { key: part.key, parentKey: part.parentKey, encoding: part.encoding })
    const copies = context.known.find(part.text)
    if (!detected.length && !copies.length) continue
    // A key on the way can be data too (a form "key" that is really a payload), so the place is masked as well.
    const where = maskText(part.where, context.known)
    for (const pi of detected) add({ ...pi, where })
    for (const copy of copies) add({ kind: copy.kind, where, masked: copy.masked, encoding: copy.encoding === "plain" ? part.encoding : copy.encoding })
  }
  return [...found.values()]
}

/** Whether the request was sent before the shopper decided on its purpose (or on anything, without a purpose). */
function sentBeforeConsent(time: number, purpose: Purpose | undefined, context: AnalysisContext): boolean {
  if (purpose) return context.timeline.purposeStatus(purpose.id, time) === "undecided"
  return context.timeline.stateAt(time) === null
}

/** Analyse one (merged) request. */
export async function analyseRequest(event: RequestEvent, context: AnalysisContext): Promise<AnalysedRequest> {
  const host = hostOf(event.url)
  const match = vendorForUrl(event.url)
  const vendor = match?.vendor
  // A vendor endpoint on the shop's own host (a proxy, a self-hosted collector) sends data to the shop's server.
  const destination = destinationOf(host, match?.by === "host" ? vendor : undefined)
  const purpose = context.configMap.purposeOfVendor(vendor?.id)
  const report: ReportRequest = {
    url: maskUrlWith(event.url, context.known),
    host,
    method: event.method.toUpperCase(),
    time: event.time,
    thirdParty: host ? isThirdParty(host, context.pageHost) : true,
    crossBorder: outsideMainland(destination.country),
    crossBorderBasis: destination.basis,
    beforeConsent: sentBeforeConsent(event.time, purpose, context),
    pii: await piiOf(event, context)
  }
  if (vendor) report.tracker = trackerInfo(vendor)
  if (destination.country) report.destinationCountry = destination.country
  if (purpose) report.purpose = purpose.id
  if (event.script) report.initiator = maskUrlWith(event.script, context.known)
  return { report, vendor, purpose, destination, ip: event.ip }
}
