/**
 * The consent scan's judgement: the same page loaded three times in fresh state — the dialog ignored, everything
 * declined, everything accepted — summarised side by side, with what the law forbids highlighted: non-essential
 * collection while the shopper has not chosen (APPM-3-1) or after they declined (PIPL-14-1), personal information
 * sent abroad without a choice (PIPL-39), a Decline that is missing or does nothing (NDSR-22-1), and a dialog that
 * asks again after a refusal (NDSR-22-5). Pure functions over Reports; driving the browser is the background's job.
 */
import type { ConsentState, Locale } from "@zhiqing/sdk/schema"
import { NON_ESSENTIAL_CATEGORIES } from "../analysis/page-facts"
import { registrableDomain } from "../domains"
import type { PiKind, Report, ReportRequest, Severity, TrackerCategory } from "../report"
import { kindList } from "../analysis/findings/words"
import { vendorById } from "../vendors/match"

/** What the scan does with the dialog in one run. */
export type ScanChoice = "ignore" | "decline" | "accept"

/** The runs in the order the scan makes them. */
export const SCAN_CHOICES: readonly ScanChoice[] = ["ignore", "decline", "accept"]

/**
 * How a run went: as asked; no Zhiqing dialog appeared (then only "ignore" means anything); the dialog had no
 * control for the choice; the control was pressed but no decision was recorded; or the browser failed.
 */
export type RunOutcome = "done" | "no-dialog" | "no-control" | "no-decision" | "failed"

/** One run as the background made it. */
export interface ScanRun {
  choice: ScanChoice
  outcome: RunOutcome
  /** Why the run failed, for the reader. */
  error?: string
  /** The Report of each load: the first one, and for "decline" also a revisit after the refusal. */
  reports: Report[]
}

/** A tracker seen in a run. */
export interface TrackerSeen {
  id: string
  company: string
  category: TrackerCategory
  country: string
  purpose?: string
  /** Needs consent: analytics, advertising, session recording, social, tag managers. */
  nonEssential: boolean
  /** Contacted after the run's choice was made (always false for "ignore"). */
  afterChoice: boolean
  requests: number
  piKinds: PiKind[]
  crossBorder: boolean
  /** What the law forbids in this run: non-essential before any choice, or after a refusal. */
  breach: boolean
}

/** A cookie set in a run. */
export interface CookieSeen {
  name: string
  domain: string
  thirdParty: boolean
  tracker?: string
  breach: boolean
}

/** One column of the side-by-side view. */
export interface RunSummary {
  choice: ScanChoice
  outcome: RunOutcome
  error?: string
  /** Third-party recipients, by company when known, else by site. */
  thirdParties: string[]
  trackers: TrackerSeen[]
  cookies: CookieSeen[]
  /** Kinds of personal information sent to third parties. */
  piKinds: PiKind[]
  /** Recipients outside mainland China. */
  crossBorder: string[]
  /** The Zhiqing dialog appeared on the first load. */
  dialogShown: boolean
  /** "decline" only: the dialog appeared again on the revisit after the refusal. */
  dialogOnRevisit?: boolean
  /** The decision in force at the end of the run. */
  consent: ConsentState | null
}

/** A law-breaking difference the scan found. */
export interface ScanIssue {
  /** A requirement id from pipl-requirements.md. */
  rule: string
  severity: Severity
  choice: ScanChoice
  message: Record<Locale, string>
  /** Request URLs and cookie names (personal information masked), never empty. */
  evidence: string[]
}

/** The whole scan, as the panel shows it. */
export interface ScanResult {
  url: string
  /** When the scan finished (ISO-8601). */
  finishedAt: string
  /** The page showed a Zhiqing dialog: without one only the "ignore" run is meaningful. */
  zhiqing: boolean
  runs: RunSummary[]
  issues: ScanIssue[]
}

/** Evidence lines kept per issue; the full lists are in each run's Report. */
const EVIDENCE_LIMIT = 8

/** When the run's choice took effect on this load: the first decision, or the start of a load that found it stored. */
function choiceTime(report: Report, revisit: boolean): number {
  if (revisit) return Number.NEGATIVE_INFINITY
  const decision = report.consentLog?.find((entry) => entry.phase === "decision" && entry.state)
  return decision ? decision.time : Number.POSITIVE_INFINITY
}

function recipientOf(request: ReportRequest): string {
  return request.tracker?.company ?? registrableDomain(request.host)
}

function categoryOfCookie(trackerId: string | undefined): TrackerCategory | undefined {
  return trackerId ? vendorById(trackerId)?.category : undefined
}

interface RunFacts {
  summary: RunSummary
  /** Evidence per tracker id (or cookie-only vendor), for the issues. */
  evidence: Map<string, string[]>
  /** Cross-border requests carrying personal information while no choice allowed them. */
  abroadWithPi: ReportRequest[]
}

function summarise(run: ScanRun): RunFacts {
  const judged = run.choice !== "accept"
  const thirdParties = new Set<string>()
  const crossBorder = new Set<string>()
  const piKinds = new Set<PiKind>()
  const trackers = new Map<string, TrackerSeen>()
  const cookies = new Map<string, CookieSeen>()
  const evidence = new Map<string, string[]>()
  const abroadWithPi: ReportRequest[] = []
  const note = (key: string, line: string): void => {
    const lines = evidence.get(key) ?? []
    if (!lines.includes(line)) lines.push(line)
    evidence.set(key, lines)
  }
  run.reports.forEach((report, index) => {
    const revisit = index > 0
    const chosenAt = run.choice === "ignore" ? Number.POSITIVE_INFINITY : choiceTime(report, revisit)
    for (const request of report.requests) {
      const thirdParty = request.thirdParty || request.tracker !== undefined
      if (!thirdParty) continue
      thirdParties.add(recipientOf(request))
      if (request.crossBorder) crossBorder.add(recipientOf(request))
      for (const pi of request.pii) piKinds.add(pi.kind)
      const after = request.time >= chosenAt
      // Before the click, the decline and accept runs repeat the ignore run; only what followed the choice is theirs.
      const counts = run.choice === "ignore" || after
      if (judged && counts && request.crossBorder && request.pii.length) abroadWithPi.push(request)
      if (!request.tracker) continue
      const nonEssential = NON_ESSENTIAL_CATEGORIES.has(request.tracker.category)
      const seen = trackers.get(request.tracker.id) ?? {
        id: request.tracker.id,
        company: request.tracker.company,
        category: request.tracker.category,
        country: request.tracker.country,
        nonEssential,
        afterChoice: false,
        requests: 0,
        piKinds: [],
        crossBorder: false,
        breach: false
      }
      seen.requests++
      if (request.purpose) seen.purpose = request.purpose
      seen.afterChoice ||= run.choice !== "ignore" && after
      seen.crossBorder ||= request.crossBorder
      for (const pi of request.pii) if (!seen.piKinds.includes(pi.kind)) seen.piKinds.push(pi.kind)
      if (judged && nonEssential && counts) {
        seen.breach = true
        note(seen.id, `${request.method} ${request.url}`)
      }
      trackers.set(seen.id, seen)
    }
    for (const cookie of report.cookies) {
      const key = `${cookie.name}|${cookie.domain}`
      const category = categoryOfCookie(cookie.tracker)
      const counts = run.choice === "ignore" || (cookie.time ?? Number.NEGATIVE_INFINITY) >= chosenAt
      const breach = judged && counts && category !== undefined && NON_ESSENTIAL_CATEGORIES.has(category)
      const seen = cookies.get(key) ?? { name: cookie.name, domain: cookie.domain, thirdParty: cookie.thirdParty, breach: false }
      if (cookie.tracker) seen.tracker = cookie.tracker
      seen.breach ||= breach
      cookies.set(key, seen)
      if (breach && cookie.tracker) note(cookie.tracker, `cookie ${cookie.name} (${cookie.domain})`)
    }
  })
  const first = run.reports[0]
  const revisit = run.reports[1]
  const dialogIn = (report: Report | undefined) => report?.consentLog?.some((entry) => entry.phase === "dialog-shown") ?? false
  const summary: RunSummary = {
    choice: run.choice,
    outcome: run.outcome,
    thirdParties: [...thirdParties].sort(),
    trackers: [...trackers.values()].sort((a, b) => Number(b.breach) - Number(a.breach) || a.company.localeCompare(b.company)),
    cookies: [...cookies.values()].sort((a, b) => Number(b.breach) - Number(a.breach) || a.name.localeCompare(b.name)),
    piKinds: [...piKinds],
    crossBorder: [...crossBorder].sort(),
    dialogShown: dialogIn(first),
    consent: run.reports.at(-1)?.consent ?? null
  }
  if (run.error) summary.error = run.error
  if (revisit) summary.dialogOnRevisit = dialogIn(revisit)
  return { summary, evidence, abroadWithPi }
}

function trackerIssues(facts: RunFacts, accepted: RunFacts | undefined): ScanIssue[] {
  const { summary, evidence } = facts
  const cookieOnly = [...evidence.keys()].filter((id) => !summary.trackers.some((tracker) => tracker.id === id))
  const subjects = [
    ...summary.trackers.filter((tracker) => tracker.breach),
    ...cookieOnly.map((id) => ({ id, company: vendorById(id)?.company ?? id, piKinds: [] as PiKind[] }))
  ]
  return subjects.map((tracker): ScanIssue => {
    const lines = evidence.get(tracker.id) ?? []
    const sent = kindList(tracker.piKinds)
    const carried = tracker.piKinds.length ? { "zh-CN": `，并发送了${sent["zh-CN"]}`, en: `, and sent the ${sent.en}` } : { "zh-CN": "", en: "" }
    if (summary.choice === "ignore") {
      return {
        rule: "APPM-3-1",
        severity: "high",
        choice: "ignore",
        message: {
          "zh-CN": `顾客未理会弹窗、没有作出任何选择，页面仍运行了非必要服务「${tracker.company}」${carried["zh-CN"]}。不作选择不等于同意。`,
          en: `The shopper ignored the dialog and chose nothing, yet the page ran the non-essential service ${tracker.company}${carried.en}. Silence is not consent.`
        },
        evidence: lines.slice(0, EVIDENCE_LIMIT)
      }
    }
    const alsoAccepted = accepted?.summary.trackers.some((other) => other.id === tracker.id) ?? false
    const same = alsoAccepted
      ? { "zh-CN": "；它在顾客同意时同样运行，拒绝没有带来任何区别", en: "; it runs just as it does after Agree, so declining made no difference" }
      : { "zh-CN": "", en: "" }
    return {
      rule: "PIPL-14-1",
      severity: "high",
      choice: "decline",
      message: {
        "zh-CN": `顾客点击“不同意”后，页面仍运行了非必要服务「${tracker.company}」${carried["zh-CN"]}${same["zh-CN"]}。`,
        en: `After the shopper pressed Decline, the page still ran the non-essential service ${tracker.company}${carried.en}${same.en}.`
      },
      evidence: lines.slice(0, EVIDENCE_LIMIT)
    }
  })
}

function abroadIssues(facts: RunFacts): ScanIssue[] {
  if (!facts.abroadWithPi.length) return []
  const recipients = [...new Set(facts.abroadWithPi.map(recipientOf))].join(", ")
  const sent = kindList(facts.abroadWithPi.flatMap((request) => request.pii.map((pi) => pi.kind)))
  const when = facts.summary.choice === "ignore" ? { "zh-CN": "顾客未作任何选择时", en: "With no choice made" } : { "zh-CN": "顾客拒绝后", en: "After the shopper declined" }
  return [
    {
      rule: "PIPL-39",
      severity: "high",
      choice: facts.summary.choice,
      message: {
        "zh-CN": `${when["zh-CN"]}，页面把${sent["zh-CN"]}发送到境外接收方（${recipients}），未经单独同意。`,
        en: `${when.en}, the page sent the ${sent.en} to a recipient outside mainland China (${recipients}) without separate consent.`
      },
      evidence: facts.abroadWithPi.slice(0, EVIDENCE_LIMIT).map((request) => `${request.method} ${request.url}`)
    }
  ]
}

function declineIssues(facts: RunFacts, url: string): ScanIssue[] {
  const { summary } = facts
  const issues: ScanIssue[] = []
  if (summary.outcome === "no-control") {
    issues.push({
      rule: "NDSR-22-1",
      severity: "high",
      choice: "decline",
      message: {
        "zh-CN": "弹窗第一层没有可以直接点击的“不同意”按钮：拒绝应与同意同样容易。",
        en: "The dialog's first layer has no Decline control to press: declining must be as easy as agreeing."
      },
      evidence: [`${url} — first layer without a Decline / 不同意 button`]
    })
  }
  if (summary.outcome === "no-decision") {
    issues.push({
      rule: "NDSR-22-1",
      severity: "high",
      choice: "decline",
      message: { "zh-CN": "点击“不同意”后页面没有记录任何选择。", en: "Pressing Decline recorded no decision on the page." },
      evidence: [`${url} — Decline pressed, no zhiqing:change followed`]
    })
  }
  if (summary.dialogOnRevisit) {
    issues.push({
      rule: "NDSR-22-5",
      severity: "medium",
      choice: "decline",
      message: { "zh-CN": "顾客拒绝后再次打开页面，弹窗又出现了：拒绝后不应反复询问。", en: "After the shopper declined, the dialog came back on the next visit: a refusal must not be asked again." },
      evidence: [`${url} — dialog shown again on the revisit after Decline`]
    })
  }
  return issues
}

/** Summarise the runs side by side and list the law-breaking differences, most severe first. */
export function compareRuns(url: string, runs: readonly ScanRun[], finishedAt: number = Date.now()): ScanResult {
  const facts = new Map(runs.map((run) => [run.choice, summarise(run)] as const))
  const accepted = facts.get("accept")
  const issues: ScanIssue[] = []
  for (const choice of ["ignore", "decline"] as const) {
    const run = facts.get(choice)
    if (!run || run.summary.outcome === "failed" || (choice === "decline" && run.summary.outcome === "no-dialog")) continue
    issues.push(...trackerIssues(run, accepted), ...abroadIssues(run))
    if (choice === "decline") issues.push(...declineIssues(run, url))
  }
  const rank: Record<Severity, number> = { high: 0, medium: 1, low: 2 }
  return {
    url,
    finishedAt: new Date(finishedAt).toISOString(),
    zhiqing: [...facts.values()].some(({ summary }) => summary.dialogShown || (summary.choice !== "ignore" && (summary.outcome === "done" || summary.outcome === "no-decision"))),
    runs: SCAN_CHOICES.flatMap((choice) => {
      const run = facts.get(choice)
      return run ? [run.summary] : []
    }),
    issues: issues.sort((a, b) => rank[a.severity] - rank[b.severity])
  }
}
