/**
 * Linking findings to the requests and cookies they cite. An evidence line begins with the event's time and what it
 * was ("2024-11-25T02:00:00.000Z GET https://…", "… cookie Hm_lvt_x set on shop.cn …"), so the same words built from
 * a Report row identify the row.
 */
import { isoTime } from "../analysis/evidence"
import type { Finding, ReportCookie, ReportRequest } from "../report"

/** The key of a request as its evidence lines begin. */
export function requestEvidenceKey(request: Pick<ReportRequest, "time" | "method" | "url">): string {
  return `${isoTime(request.time)} ${request.method} ${request.url}`
}

/** The key of a cookie as its evidence lines begin; undefined for a cookie without a time, which no line cites. */
export function cookieEvidenceKey(cookie: Pick<ReportCookie, "time" | "name" | "domain">): string | undefined {
  return cookie.time === undefined ? undefined : `${isoTime(cookie.time)} cookie ${cookie.name} @${cookie.domain}`
}

/** The key an evidence line refers to, or undefined for a line about something else (a field, an API call). */
export function evidenceLineKey(line: string): string | undefined {
  const words = line.split(" ")
  const [time, what, subject] = words
  if (!time || !what || !subject) return undefined
  if (what === "cookie") return words[3] === "set" && words[4] === "on" && words[5] ? `${time} cookie ${subject} @${words[5]}` : undefined
  return /^[A-Z]+$/.test(what) ? `${time} ${what} ${subject}` : undefined
}

/** For each cited request or cookie key, the findings citing it, in the order the Report lists them. */
export function findingsByEvidence(findings: readonly Finding[]): Map<string, Finding[]> {
  const cited = new Map<string, Finding[]>()
  for (const finding of findings) {
    for (const line of finding.evidence) {
      const key = evidenceLineKey(line)
      if (key === undefined) continue
      const list = cited.get(key) ?? []
      if (!list.includes(finding)) list.push(finding)
      cited.set(key, list)
    }
  }
  return cited
}
