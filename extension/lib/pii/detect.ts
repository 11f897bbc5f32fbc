/**
 * The personal-information detectors. Each is a linear scan (bounded regular expressions or a character walk), so a
 * megabyte of tracker payload takes milliseconds and no input can make a pattern backtrack without end.
 */
import type { PiFound, PiKind } from "../report"
import { luhnValid, residentIdValid } from "./checksums"
import { kindForKey, looksLikeAddress, looksLikeCoordinate, looksLikeName } from "./key-hints"
import { maskPi } from "./mask"

/** Where a text came from, which sharpens what it may contain. */
export interface PiContext {
  /** Reported as `PiFound.where`; "text" when not given. */
  where?: string
  /** The key the text was the value of (query parameter, form field, JSON property). */
  key?: string
  /** The key of the object holding `key`, e.g. "receiver" for `$.receiver.name`. */
  parentKey?: string
  /** How the text was encoded where it was found. */
  encoding?: PiFound["encoding"]
  /** "Now" for checking that a birth date lies in the past; defaults to the clock. */
  now?: number
}

/** One detection with its position in the text and its raw value; stays inside the analysis, never in a report. */
export interface PiMatch {
  kind: PiKind
  start: number
  end: number
  value: string
}

const DIGIT_RUN = /\d{11,19}[Xx]?/g
const SPACED_PHONE = /1[3-9]\d[- ]\d{4}[- ]\d{4}/g
const COORDINATE_PAIR = /-?\d{1,3}\.\d{4,15}\s?,\s?-?\d{1,3}\.\d{4,15}/g
const CHINESE_ADDRESS = /[\u4e00-\u9fff]{2,8}(?:省|市|自治区)[\u4e00-\u9fff0-9]{1,24}?(?:路|街|道|巷|弄|村)[0-9]{1,5}号/g
const FILE_EXTENSIONS = new Set(["png", "jpg", "jpeg", "gif", "webp", "svg", "js", "css", "ico", "avif", "mp4"])

function isWordChar(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122)
}

function isHexChar(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 70) || (code >= 97 && code <= 102)
}

/** The character before `start` ends a token: not a letter or digit, or the last of a `%XX` escape. */
function boundedBefore(text: string, start: number): boolean {
  if (start === 0 || !isWordChar(text.charCodeAt(start - 1))) return true
  return start >= 3 && text.charCodeAt(start - 3) === 37 && isHexChar(text.charCodeAt(start - 2)) && isHexChar(text.charCodeAt(start - 1))
}

function boundedAfter(text: string, end: number): boolean {
  return end >= text.length || !isWordChar(text.charCodeAt(end))
}

function isMobile(digits: string): boolean {
  return digits.length === 11 && digits.charCodeAt(0) === 49 && digits.charCodeAt(1) >= 51
}

/** Issuer prefixes of the card schemes used in China (UnionPay 62, Visa, Mastercard, JCB, Amex, Discover). */
function plausibleCard(digits: string): boolean {
  if (digits.length < 15 || digits.length > 19) return false
  if (digits.startsWith("62")) return true
  if (digits.length === 15) return /^3[47]/.test(digits)
  return /^(?:4|5[1-5]|2[2-7]|35|6011|65)/.test(digits) && (digits.length === 16 || digits[0] === "4")
}

function classifyDigits(run: string, cardHint: boolean, now: number): PiKind | undefined {
  if (isMobile(run)) return "phone"
  if (run.length === 13 && run.startsWith("86") && isMobile(run.slice(2))) return "phone"
  if (run.length === 18 && residentIdValid(run, now)) return "id-card"
  if (!/^\d+$/.test(run)) return undefined
  if (cardHint) return run.length >= 12 ? "bank-card" : undefined
  return plausibleCard(run) && luhnValid(run) ? "bank-card" : undefined
}

function scanDigits(text: string, cardHint: boolean, now: number, out: PiMatch[]): void {
  DIGIT_RUN.lastIndex = 0
  for (let match = DIGIT_RUN.exec(text); match; match = DIGIT_RUN.exec(text)) {
    // A run that opens inside a `%XX` escape (as in `%2213812345678`) starts after the escape.
    const skip = text.charCodeAt(match.index - 1) === 37 ? 2 : text.charCodeAt(match.index - 2) === 37 && isHexChar(text.charCodeAt(match.index - 1)) ? 1 : 0
    const start = match.index + skip
    const end = match.index + match[0].length
    if (!boundedBefore(text, start) || !boundedAfter(text, end)) continue
    const run = match[0].slice(skip)
    const kind = classifyDigits(run, cardHint, now)
    if (kind) out.push({ kind, start, end, value: run })
  }
  SPACED_PHONE.lastIndex = 0
  for (let match = SPACED_PHONE.exec(text); match; match = SPACED_PHONE.exec(text)) {
    const end = match.index + match[0].length
    if (boundedBefore(text, match.index) && boundedAfter(text, end)) out.push({ kind: "phone", start: match.index, end, value: match[0] })
  }
}

function isLocalChar(code: number): boolean {
  return isWordChar(code) || code === 46 || code === 95 || code === 37 || code === 43 || code === 45
}

function isDomainChar(code: number): boolean {
  return isWordChar(code) || code === 46 || code === 45
}

/** Emails by walking out from each "@": at most 64 characters left and 253 right, so the scan stays linear. */
function scanEmails(text: string, out: PiMatch[]): void {
  for (let at = text.indexOf("@"); at !== -1; at = text.indexOf("@", at + 1)) {
    let start = at
    while (start > 0 && at - start < 64 && isLocalChar(text.charCodeAt(start - 1))) start--
    let end = at + 1
    while (end < text.length && end - at <= 253 && isDomainChar(text.charCodeAt(end))) end++
    while (end > at + 1 && (text[end - 1] === "." || text[end - 1] === "-")) end--
    while (start < at && text[start] === ".") start++
    if (start === at) continue
    const domain = text.slice(at + 1, end)
    const dot = domain.lastIndexOf(".")
    if (dot <= 0 || domain.includes("..")) continue
    const tld = domain.slice(dot + 1)
    if (!/^[a-z]{2,24}$/i.test(tld) || FILE_EXTENSIONS.has(tld.toLowerCase())) continue
    out.push({ kind: "email", start, end, value: text.slice(start, end) })
  }
}

function scanPattern(text: string, pattern: RegExp, kind: PiKind, accept: (value: string, start: number, end: number) => boolean, out: PiMatch[]): void {
  pattern.lastIndex = 0
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    const end = match.index + match[0].length
    if (accept(match[0], match.index, end)) out.push({ kind, start: match.index, end, value: match[0] })
  }
}

function coordinatePairInRange(value: string, start: number, end: number, text: string): boolean {
  const [lat, lng] = value.split(",").map((part) => Math.abs(Number(part)))
  const before = start > 0 ? text.charCodeAt(start - 1) : 32
  const after = end < text.length ? text.charCodeAt(end) : 32
  const digitOrDot = (code: number): boolean => (code >= 48 && code <= 57) || code === 46
  return lat! <= 90 && lng! <= 180 && !digitOrDot(before) && !digitOrDot(after)
}

/** By the key the whole value travels under: names, addresses and coordinates that free text cannot reveal. */
function scanByKey(text: string, context: PiContext, out: PiMatch[]): void {
  const kind = kindForKey(context.key, context.parentKey)
  const trimmed = text.trim()
  const start = text.indexOf(trimmed)
  const fits =
    (kind === "name" && looksLikeName(trimmed)) ||
    (kind === "address" && looksLikeAddress(trimmed)) ||
    (kind === "location" && looksLikeCoordinate(trimmed))
  if (kind && fits && !out.some((match) => match.kind === kind)) out.push({ kind, start, end: start + trimmed.length, value: trimmed })
}

/**
 * Every piece of personal information in `text`, with positions and raw values. Use {@link detectPi} for anything
 * that leaves the analysis.
 */
export function findPi(text: string, context: PiContext = {}): PiMatch[] {
  const out: PiMatch[] = []
  if (!text) return out
  const now = context.now ?? Date.now()
  scanDigits(text, kindForKey(context.key, context.parentKey) === "bank-card", now, out)
  if (text.includes("@")) scanEmails(text, out)
  if (text.includes(",")) scanPattern(text, COORDINATE_PAIR, "location", (value, start, end) => coordinatePairInRange(value, start, end, text), out)
  if (text.includes("号")) scanPattern(text, CHINESE_ADDRESS, "address", () => true, out)
  if (context.key) scanByKey(text, context, out)
  return out.sort((a, b) => a.start - b.start)
}

/**
 * Personal information in `text`, masked: mainland mobile numbers, resident ID numbers (date and GB 11643 checksum
 * checked), bank cards (Luhn), emails, coordinates, Chinese addresses, and names or addresses by their key.
 */
export function detectPi(text: string, context: PiContext = {}): PiFound[] {
  const where = context.where ?? "text"
  return findPi(text, context).map((match) => ({ kind: match.kind, where, masked: maskPi(match.kind, match.value), encoding: context.encoding ?? "plain" }))
}
