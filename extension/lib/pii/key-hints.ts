/**
 * What a payload key says about its value. Names and addresses cannot be told from free text alone, so they are
 * recognised by the field they travel in (`receiver_name`, `收货地址`); coordinates and card numbers by their key too.
 */
import type { PiKind } from "../report"

function normalise(key: string): string {
  return key.toLowerCase().replace(/[^a-z0-9\u4e00-\u9fff]/g, "")
}

const PERSON_PREFIX = "(?:receiver|consignee|contact|customer|buyer|real|true|full|first|last|given|family|sur|middle|holder|cardholder|recipient|shipping|billing|member)?"
const NAME_KEY = new RegExp(`^(?:${PERSON_PREFIX}name|姓名|真实姓名|收货人|收件人|联系人|持卡人|收货人姓名|名字)$`)
/** A bare `name` names a person only inside a person-like object, e.g. `{ receiver: { name } }`. */
const PERSON_PARENT = /^(?:user|customer|receiver|consignee|buyer|contact|member|profile|recipient|shipping|billing|address|person|收货人|联系人|用户)/
const ADDRESS_KEY = /(?:address|addr|street|地址|住址)/
const NOT_ADDRESS_KEY = /(?:ip|mac|mail|web|url|wallet|server|remote|host|bluetooth|bt|ble)(?:address|addr)/
const LOCATION_KEY = /^(?:lat|lng|lon|long|latitude|longitude|纬度|经度|geo|coords?|coordinates?|gps|location|position|经纬度)$/
const CARD_KEY = /(?:bankcard|cardno|cardnum|cardnumber|bankaccount|acctno|accountno|银行卡|卡号)/

/** The kind of personal information a value under `key` (inside `parentKey`) would be, or undefined. */
export function kindForKey(key: string | undefined, parentKey?: string): PiKind | undefined {
  if (!key) return undefined
  const name = normalise(key)
  if (name === "name") return parentKey && PERSON_PARENT.test(normalise(parentKey)) ? "name" : undefined
  if (NAME_KEY.test(name)) return "name"
  if (ADDRESS_KEY.test(name) && !NOT_ADDRESS_KEY.test(name)) return "address"
  if (LOCATION_KEY.test(name)) return "location"
  if (CARD_KEY.test(name)) return "bank-card"
  return undefined
}

const CJK_NAME = /^[\u4e00-\u9fff]{1,5}(?:[·•][\u4e00-\u9fff]{1,8})?$/
const LATIN_NAME = /^[A-Z][a-zA-Z'-]{0,30}(?: [A-Z][a-zA-Z'-]{0,30}){0,3}$/

/** Whether `value` can be a person's name (a Chinese name of up to five characters, or capitalised words). */
export function looksLikeName(value: string): boolean {
  const text = value.trim()
  return text.length >= 2 && (CJK_NAME.test(text) || LATIN_NAME.test(text))
}

/** Whether `value` can be a postal address: a few characters with letters or Chinese, not a URL, number or IP. */
export function looksLikeAddress(value: string): boolean {
  const text = value.trim()
  if (text.length < 5 || text.length > 300) return false
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text) || /^[\d.:\s-]+$/.test(text) || /^[0-9a-f:]+$/i.test(text)) return false
  return /[\u4e00-\u9fff]/.test(text) || (/\d/.test(text) && /[a-z]{3,}/i.test(text))
}

/** Whether `value` is one coordinate or a coordinate pair with enough decimals to place a person. */
export function looksLikeCoordinate(value: string): boolean {
  const parts = value.trim().split(/\s*,\s*/)
  if (parts.length > 2) return false
  return parts.every((part) => /^-?\d{1,3}\.\d{3,15}$/.test(part) && Math.abs(Number(part)) <= 180)
}
