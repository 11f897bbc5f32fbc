/**
 * The Report's requests as a HAR 1.2 evidence file, for tools that read HAR (DevTools' Network panel, HAR viewers).
 * The inspector sees requests, not responses, so responses are HAR's "unknown" placeholders. Everything a person
 * could be recognised by is masked again here, whatever the Report says: a HAR file travels further than a panel.
 */
import { maskText, maskUrl } from "../analysis/mask-url"
import type { PiFound, Report, ReportRequest } from "../report"
import { findingsByEvidence, requestEvidenceKey } from "./evidence-key"

/** Who wrote the file, as HAR's `log.creator` says it. */
export const HAR_CREATOR = { name: "Zhiqing Inspector", version: "0.1.0" } as const

const PAGE_ID = "page_1"

interface HarNameValue {
  name: string
  value: string
}

/** What the inspector knows beyond HAR's fields, under HAR's prefix for custom fields. */
export interface HarZhiqingFacts {
  host: string
  thirdParty: boolean
  crossBorder: boolean
  beforeConsent: boolean
  purpose?: string
  initiator?: string
  tracker?: { id: string; company: string; category: string; country: string }
  pii: PiFound[]
  findings: string[]
}

/** One HAR entry: a request the page sent. */
export interface HarEntry {
  pageref: string
  startedDateTime: string
  time: number
  request: {
    method: string
    url: string
    httpVersion: string
    cookies: HarNameValue[]
    headers: HarNameValue[]
    queryString: HarNameValue[]
    headersSize: number
    bodySize: number
  }
  response: {
    status: number
    statusText: string
    httpVersion: string
    cookies: HarNameValue[]
    headers: HarNameValue[]
    content: { size: number; mimeType: string }
    redirectURL: string
    headersSize: number
    bodySize: number
  }
  cache: Record<string, never>
  timings: { send: number; wait: number; receive: number }
  comment: string
  _zhiqing: HarZhiqingFacts
}

/** A HAR 1.2 document. */
export interface Har {
  log: {
    version: "1.2"
    creator: { name: string; version: string }
    pages: Array<{ startedDateTime: string; id: string; title: string; pageTimings: Record<string, never>; comment: string }>
    entries: HarEntry[]
    comment: string
  }
}

function isoTime(time: number): string {
  const date = new Date(time)
  return Number.isNaN(date.getTime()) ? new Date(0).toISOString() : date.toISOString()
}

/** The masked URL's query as HAR pairs, decoded where it decodes. */
function queryOf(maskedUrl: string): HarNameValue[] {
  const queryAt = maskedUrl.indexOf("?")
  if (queryAt === -1) return []
  const hashAt = maskedUrl.indexOf("#", queryAt)
  const query = maskedUrl.slice(queryAt + 1, hashAt === -1 ? undefined : hashAt)
  const decode = (text: string): string => {
    try {
      return decodeURIComponent(text.replace(/\+/g, " "))
    } catch {
      return text
    }
  }
  return query
    .split("&")
    .filter((piece) => piece !== "")
    .map((piece) => {
      const equals = piece.indexOf("=")
      const name = equals === -1 ? piece : piece.slice(0, equals)
      // Decoding can reveal text the encoded form hid from the masker, so the decoded value is masked once more.
      return { name: maskText(decode(name)), value: equals === -1 ? "" : maskText(decode(piece.slice(equals + 1))) }
    })
}

function maskedPi(pi: PiFound): PiFound {
  return { ...pi, where: maskText(pi.where), masked: maskText(pi.masked) }
}

function comment(request: ReportRequest, rules: readonly string[]): string {
  const notes = [
    request.beforeConsent ? "before consent" : "",
    request.tracker ? `tracker ${request.tracker.company} (${request.tracker.category}, ${request.tracker.country})` : "",
    request.crossBorder ? "outside mainland China" : "",
    request.pii.length ? `PI: ${[...new Set(request.pii.map((pi) => pi.kind))].join(", ")}` : ""
  ].filter(Boolean)
  return [`findings: ${rules.length ? rules.join(", ") : "none"}`, ...notes].join("; ")
}

function entry(request: ReportRequest, rules: readonly string[]): HarEntry {
  const url = maskUrl(request.url)
  const facts: HarZhiqingFacts = {
    host: request.host,
    thirdParty: request.thirdParty,
    crossBorder: request.crossBorder,
    beforeConsent: request.beforeConsent,
    pii: request.pii.map(maskedPi),
    findings: [...rules]
  }
  if (request.purpose) facts.purpose = request.purpose
  if (request.initiator) facts.initiator = maskUrl(request.initiator)
  if (request.tracker) facts.tracker = { ...request.tracker }
  return {
    pageref: PAGE_ID,
    startedDateTime: isoTime(request.time),
    time: 0,
    request: { method: request.method, url, httpVersion: "unknown", cookies: [], headers: [], queryString: queryOf(url), headersSize: -1, bodySize: -1 },
    response: {
      status: 0,
      statusText: "",
      httpVersion: "unknown",
      cookies: [],
      headers: [],
      content: { size: 0, mimeType: "x-unknown" },
      redirectURL: "",
      headersSize: -1,
      bodySize: -1
    },
    cache: {},
    timings: { send: 0, wait: 0, receive: 0 },
    comment: comment(request, rules),
    _zhiqing: facts
  }
}

/**
 * The Report's requests as a HAR 1.2 document, oldest first, each entry's comment naming the finding rules whose
 * evidence cites it. URLs, initiators and PI renderings are masked again.
 */
export function reportToHar(report: Report): Har {
  const rulesOf = findingsByEvidence(report.findings)
  const requests = [...report.requests].sort((a, b) => a.time - b.time)
  const started = requests[0]?.time ?? Date.parse(report.generatedAt)
  return {
    log: {
      version: "1.2",
      creator: { ...HAR_CREATOR },
      pages: [
        {
          startedDateTime: isoTime(started),
          id: PAGE_ID,
          title: maskUrl(report.url),
          pageTimings: {},
          comment: report.consent ? `consent decided ${report.consent.decidedAt} (policy ${report.consent.policyVersion})` : "no consent decision"
        }
      ],
      entries: requests.map((request) => entry(request, [...new Set((rulesOf.get(requestEvidenceKey(request)) ?? []).map((finding) => finding.rule))])),
      comment: `Zhiqing Inspector evidence, generated ${report.generatedAt}; personal information masked.`
    }
  }
}
