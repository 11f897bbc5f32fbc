/**
 * Canary values: fake personal information that looks real to a tracker's validation and to our own detectors —
 * a resident ID with a valid GB 11643 check character and birth date, a mainland mobile number, a Luhn-valid
 * UnionPay card, an email, a Chinese name, an address — fresh on every run, so each copy found in traffic can only
 * have come from the form it was typed into.
 */
import { luhnCheckDigit, residentIdCheckChar } from "../pii/checksums"
import type { PiKind } from "../report"

/** The kinds a canary run fills in; location is never typed into a form. */
export type CanaryKind = Exclude<PiKind, "location">

/** One generated value. */
export interface CanaryValue {
  kind: CanaryKind
  value: string
}

/** A number in [0, 1), as Math.random gives; tests pass a seeded one. */
export type RandomSource = () => number

/** Random numbers from the platform's cryptographic generator. */
export function cryptoRandom(): number {
  return crypto.getRandomValues(new Uint32Array(1))[0]! / 2 ** 32
}

function pick<T>(items: readonly T[], random: RandomSource): T {
  return items[Math.floor(random() * items.length)]!
}

function digits(count: number, random: RandomSource): string {
  let text = ""
  for (let index = 0; index < count; index++) text += String(Math.floor(random() * 10))
  return text
}

/** County-level area codes (GB/T 2260) of real districts, so the number passes a validator that checks them. */
const AREA_CODES = ["110105", "110108", "310115", "310104", "440305", "440106", "330106", "320102", "510107", "420106", "610113", "370202"] as const

const DAY_MS = 86_400_000

/** An 18-character resident ID: a real district, a birth date 18 to 65 years before `now`, and its check character. */
export function residentId(random: RandomSource = cryptoRandom, now: number = Date.now()): string {
  const youngest = now - 18 * 365.25 * DAY_MS
  const oldest = now - 65 * 365.25 * DAY_MS
  const birth = new Date(oldest + Math.floor(random() * ((youngest - oldest) / DAY_MS)) * DAY_MS)
  const date = `${birth.getUTCFullYear()}${String(birth.getUTCMonth() + 1).padStart(2, "0")}${String(birth.getUTCDate()).padStart(2, "0")}`
  const first17 = `${pick(AREA_CODES, random)}${date}${digits(3, random)}`
  return first17 + residentIdCheckChar(first17)
}

/** Prefixes the three mainland carriers issue to mobile numbers. */
const MOBILE_PREFIXES = ["134", "135", "136", "137", "138", "139", "150", "151", "152", "157", "158", "159", "182", "187", "188", "130", "131", "132", "155", "156", "185", "186", "133", "153", "180", "181", "189", "177", "199"] as const

/** An 11-digit mainland mobile number. */
export function mobileNumber(random: RandomSource = cryptoRandom): string {
  return pick(MOBILE_PREFIXES, random) + digits(8, random)
}

/** UnionPay debit card BINs of large banks (ICBC, ABC, CCB, BOC, CMB). */
const CARD_BINS = ["622202", "622848", "621700", "621661", "622588"] as const

/** A 19-digit UnionPay card number with a valid Luhn check digit. */
export function bankCard(random: RandomSource = cryptoRandom): string {
  const partial = pick(CARD_BINS, random) + digits(12, random)
  return partial + luhnCheckDigit(partial)
}

const PINYIN = ["li", "wang", "zhang", "liu", "chen", "yang", "zhao", "huang", "zhou", "wu"] as const

/** An email address on the reserved example.com domain, so nothing can ever be delivered to a real mailbox. */
export function emailAddress(random: RandomSource = cryptoRandom): string {
  return `${pick(PINYIN, random)}.${pick(PINYIN, random)}${digits(6, random)}@example.com`
}

const SURNAMES = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高", "林", "何", "郭", "马", "罗"] as const
const GIVEN = ["伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀", "霞", "平", "刚", "桂", "英", "华", "玉", "萍", "红", "宇", "浩", "晨", "欣", "怡", "睿", "泽", "梓", "瑶"] as const

/** A three-character Chinese name: a common surname and two given-name characters. */
export function chineseName(random: RandomSource = cryptoRandom): string {
  return pick(SURNAMES, random) + pick(GIVEN, random) + pick(GIVEN, random)
}

const PLACES = [
  ["浙江省", "杭州市", "西湖区"],
  ["广东省", "深圳市", "南山区"],
  ["江苏省", "南京市", "鼓楼区"],
  ["四川省", "成都市", "武侯区"],
  ["湖北省", "武汉市", "洪山区"],
  ["山东省", "青岛市", "市南区"]
] as const
const ROADS = ["文三路", "科技园路", "中山路", "人民路", "解放路", "建设路", "长江路", "学院路"] as const

/** A street address down to the flat, in the order Chinese addresses are written. */
export function streetAddress(random: RandomSource = cryptoRandom): string {
  const [province, city, district] = pick(PLACES, random)
  const number = 1 + Math.floor(random() * 400)
  const flat = `${1 + Math.floor(random() * 30)}0${1 + Math.floor(random() * 6)}`
  return `${province}${city}${district}${pick(ROADS, random)}${number}号${flat}室`
}

/** One fresh value of every kind a form asks for. */
export function generateCanaries(random: RandomSource = cryptoRandom, now: number = Date.now()): CanaryValue[] {
  return [
    { kind: "name", value: chineseName(random) },
    { kind: "phone", value: mobileNumber(random) },
    { kind: "id-card", value: residentId(random, now) },
    { kind: "bank-card", value: bankCard(random) },
    { kind: "email", value: emailAddress(random) },
    { kind: "address", value: streetAddress(random) }
  ]
}
