/** The Report as the JSON file the DevTools panel's Export saves: the contract itself, unchanged, readable. */
import type { Report } from "../report"

/** `report` as pretty-printed JSON; `JSON.parse` of it equals the report. */
export function reportToJson(report: Report): string {
  return `${JSON.stringify(report, null, 2)}\n`
}
