/**
 * What a form field asks for, from its autocomplete token, input type, name and label, in Chinese or English, and
 * whether that is sensitive personal information under PIPL art. 28 (PIPL-28).
 */
import type { PiKind } from "../report"

/** The parts of a form field that say what it is for. */
export interface FieldDescription {
  selector?: string
  name?: string
  inputType?: string
  autocomplete?: string
  label?: string
}

export interface FieldKind {
  kind: PiKind | "other"
  sensitive: boolean
}

const AUTOCOMPLETE: Record<string, PiKind> = {
  tel: "phone",
  "tel-national": "phone",
  "tel-local": "phone",
  email: "email",
  name: "name",
  "given-name": "name",
  "family-name": "name",
  "additional-name": "name",
  "cc-name": "name",
  "street-address": "address",
  "address-line1": "address",
  "address-line2": "address",
  "address-line3": "address",
  "address-level1": "address",
  "address-level2": "address",
  "address-level3": "address",
  "address-level4": "address",
  "cc-number": "bank-card"
}

/** Checked in order: the more specific kinds first, so "身份证姓名" is not taken for a plain name. */
const BY_WORDS: ReadonlyArray<readonly [PiKind, RegExp]> = [
  ["id-card", /身份证|证件号|id[-_ ]?card|id[-_ ]?(?:number|no)\b|identity|resident[-_ ]?id|citizen[-_ ]?id/],
  ["bank-card", /银行卡|卡号|bank[-_ ]?card|card[-_ ]?(?:no|num|number)\b|cc[-_ ]?num/],
  ["phone", /手机|电话|mobile|phone|cellphone|(?:^|[^a-z])tel(?:[^a-z]|$)/],
  ["email", /邮箱|电子邮件|e-?mail/],
  ["location", /定位|位置|经纬度|location|latitude|longitude|(?:^|[^a-z])geo/],
  ["address", /地址|住址|address|street|(?:^|[^a-z])addr/],
  ["name", /姓名|收货人|收件人|联系人|名字|(?:^|[^a-z])(?:full|real|first|last|given|family|receiver|consignee|contact|recipient)?[-_ ]?name(?:[^a-z]|$)/]
]

/** Sensitive categories PIPL art. 28 names that have no PiKind of their own: biometrics, health, religion. */
const OTHER_SENSITIVE = /人脸|面部|指纹|虹膜|声纹|健康|病历|病史|宗教|信仰|face|fingerprint|biometric|health|medical|religio/

const SENSITIVE_KINDS: ReadonlySet<PiKind | "other"> = new Set(["id-card", "bank-card", "location"])

/** Classify a form field; a password or an unrecognised field is "other". */
export function fieldKind(field: FieldDescription): FieldKind {
  if (field.inputType === "password" || field.inputType === "hidden") return { kind: "other", sensitive: false }
  const tokens = (field.autocomplete ?? "").toLowerCase().split(/\s+/)
  // Own keys only: a page's autocomplete="constructor" must not read Object.prototype.
  const fromAutocomplete = tokens.map((token) => (Object.hasOwn(AUTOCOMPLETE, token) ? AUTOCOMPLETE[token] : undefined)).find(Boolean)
  const words = [field.name, field.label, field.selector].filter(Boolean).join(" ").toLowerCase()
  const fromWords = BY_WORDS.find(([, pattern]) => pattern.test(words))?.[0]
  const fromType = field.inputType === "tel" ? "phone" : field.inputType === "email" ? "email" : undefined
  // Words outrank a generic autocomplete token: a field labelled 身份证 with autocomplete="name" asks for an ID number.
  const kind = (fromWords === "id-card" || fromWords === "bank-card" ? fromWords : fromAutocomplete ?? fromType ?? fromWords) ?? "other"
  return { kind, sensitive: SENSITIVE_KINDS.has(kind) || (kind === "other" && OTHER_SENSITIVE.test(words)) }
}
