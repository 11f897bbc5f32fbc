/**
 * Where each canary value went: every request (fetch, XHR, beacon, pixel, form post, WebSocket message) whose URL
 * or body carries it as typed, url-encoded, base64-encoded, or hashed with MD5 or SHA-256 after the normalisations
 * ad platforms apply — with the recipient, its country and where consent stood at that moment.
 */
import { ConsentTimeline, type PurposeStatus } from "../analysis/consent-timeline"
import { ConfigMap } from "../analysis/config-map"
import type { AnalysisContext } from "../analysis/context"
import { maskText, maskUrlWith } from "../analysis/mask-url"
import { mergeRequests } from "../analysis/merge-requests"
import { payloadParts } from "../analysis/requests"
import { hostOf, isThirdParty } from "../domains"
import { ofType, type CollectionEvent, type RequestChannel, type RequestEvent } from "../events"
import type { PayloadPart } from "../payload/decode"
import { knownValueMatcher, type KnownValueMatcher } from "../pii/known-values"
import { maskPi } from "../pii/mask"
import type { PiFound, TrackerInfo } from "../report"
import { destinationOf, outsideMainland } from "../vendors/country"
import { trackerInfo, vendorForUrl } from "../vendors/match"
import type { CanaryValue } from "./generate"
import type { StoredHit } from "./stored"

/** How a copy of the value travelled. */
export type CanaryForm = NonNullable<PiFound["encoding"]>

/** One request that carried a canary value. */
export interface CanaryHit {
  time: number
  /** The request URL with every canary value (and other personal information) masked. */
  url: string
  host: string
  method: string
  channel: RequestChannel
  thirdParty: boolean
  tracker?: TrackerInfo
  /** ISO country of the recipient, when known. */
  country?: string
  crossBorder: boolean
  /** Each form the value took in this request (raw, url-encoded, base64, md5, sha256). */
  forms: CanaryForm[]
  /** Where in the request, e.g. "query:ud[ph]", "body:form:data→base64→json:$.properties.id_card". */
  where: string[]
  /** A decision was in force when it was sent. */
  decided: boolean
  /** Where the recipient's purpose stood then, when the page's config names the recipient. */
  purpose?: { id: string; status: PurposeStatus }
}

/** Everything one canary value reached. */
export interface CanaryTrace {
  kind: CanaryValue["kind"]
  /** The generated value: fake, made for this run, so it is shown to the developer in full. */
  value: string
  masked: string
  hits: CanaryHit[]
  /** Cookies and Web Storage entries holding it when last looked at (filled in by the canary run). */
  stored: StoredHit[]
}

/** What {@link traceCanaries} reads: the tab's events and the values put into its forms. */
export interface CanaryTraceInput {
  url: string
  events: readonly CollectionEvent[]
  canaries: readonly CanaryValue[]
  /**
   * Consent and config events of the pages the tab showed before, in any order: a decision holds across a site's
   * pages, and a request sent while the next page is loading lands in that page's log before its SDK reports.
   */
  before?: readonly CollectionEvent[]
}

/** `context.known` matches every canary, so a hit's URL is masked of all of them. */
function hitOf(request: RequestEvent, parts: readonly PayloadPart[], matcher: KnownValueMatcher, context: AnalysisContext): CanaryHit | undefined {
  const forms = new Set<CanaryForm>()
  const where = new Set<string>()
  for (const part of parts) {
    for (const copy of matcher.find(part.text)) {
      forms.add(copy.encoding === "plain" ? part.encoding : copy.encoding)
      where.add(maskText(part.where, context.known))
    }
  }
  if (!forms.size) return undefined
  const host = hostOf(request.url)
  const match = vendorForUrl(request.url)
  const destination = destinationOf(host, match?.by === "host" ? match.vendor : undefined)
  const purpose = context.configMap.purposeOfVendor(match?.vendor.id)
  const hit: CanaryHit = {
    time: request.time,
    url: maskUrlWith(request.url, context.known),
    host,
    method: request.method.toUpperCase(),
    channel: request.channel,
    thirdParty: host ? isThirdParty(host, context.pageHost) : true,
    crossBorder: outsideMainland(destination.country),
    forms: [...forms],
    where: [...where],
    decided: context.timeline.stateAt(request.time) !== null
  }
  if (match) hit.tracker = trackerInfo(match.vendor)
  if (destination.country) hit.country = destination.country
  if (purpose) hit.purpose = { id: purpose.id, status: context.timeline.purposeStatus(purpose.id, request.time) }
  return hit
}

/** Trace every canary through the page's requests; hits in time order. */
export async function traceCanaries({ url, events, canaries, before = [] }: CanaryTraceInput): Promise<CanaryTrace[]> {
  const sorted = [...before.filter((event) => event.type === "consent" || event.type === "config"), ...events].sort((a, b) => a.time - b.time)
  const timeline = ConsentTimeline.ofPage(sorted)
  const context: AnalysisContext = { pageHost: hostOf(url), timeline, configMap: new ConfigMap(timeline.config), known: await knownValueMatcher(canaries) }
  const matchers = await Promise.all(canaries.map((canary) => knownValueMatcher([canary])))
  const hits: CanaryHit[][] = canaries.map(() => [])
  for (const request of mergeRequests(ofType(sorted, "request"))) {
    // Decoding a body (base64, JSON, gzip) is the costly part: once per request, whatever the number of canaries.
    const parts = await payloadParts(request)
    matchers.forEach((matcher, index) => {
      const hit = hitOf(request, parts, matcher, context)
      if (hit) hits[index]!.push(hit)
    })
  }
  return canaries.map((canary, index) => ({ kind: canary.kind, value: canary.value, masked: maskPi(canary.kind, canary.value), hits: hits[index]!, stored: [] }))
}
