/**
 * ISO 3166-1 alpha-2: the 249 officially assigned codes, the catalog's and the Report's way of naming a country or
 * region, and names in both languages for the places findings speak of most.
 */
import type { Locale } from "@zhiqing/sdk/schema"

const CODES =
  "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ " +
  "CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR " +
  "GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP " +
  "KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT " +
  "MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW " +
  "SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG " +
  "UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW"

export const ISO_COUNTRY_CODES: ReadonlySet<string> = new Set(CODES.split(" "))

/** Whether `code` is an assigned ISO 3166-1 alpha-2 code (upper case, as the catalog writes them). */
export function isCountryCode(code: string): boolean {
  return ISO_COUNTRY_CODES.has(code)
}

/** Names of the countries and regions the catalog's companies are based in, and of the common ccTLDs. */
export const COUNTRY_NAMES: Readonly<Record<string, Record<Locale, string>>> = {
  CN: { "zh-CN": "中国大陆", en: "mainland China" },
  HK: { "zh-CN": "中国香港", en: "Hong Kong SAR" },
  MO: { "zh-CN": "中国澳门", en: "Macao SAR" },
  TW: { "zh-CN": "中国台湾", en: "Taiwan" },
  US: { "zh-CN": "美国", en: "the United States" },
  CA: { "zh-CN": "加拿大", en: "Canada" },
  BR: { "zh-CN": "巴西", en: "Brazil" },
  MX: { "zh-CN": "墨西哥", en: "Mexico" },
  GB: { "zh-CN": "英国", en: "the United Kingdom" },
  IE: { "zh-CN": "爱尔兰", en: "Ireland" },
  FR: { "zh-CN": "法国", en: "France" },
  DE: { "zh-CN": "德国", en: "Germany" },
  NL: { "zh-CN": "荷兰", en: "the Netherlands" },
  BE: { "zh-CN": "比利时", en: "Belgium" },
  LU: { "zh-CN": "卢森堡", en: "Luxembourg" },
  CH: { "zh-CN": "瑞士", en: "Switzerland" },
  AT: { "zh-CN": "奥地利", en: "Austria" },
  IT: { "zh-CN": "意大利", en: "Italy" },
  ES: { "zh-CN": "西班牙", en: "Spain" },
  PT: { "zh-CN": "葡萄牙", en: "Portugal" },
  SE: { "zh-CN": "瑞典", en: "Sweden" },
  NO: { "zh-CN": "挪威", en: "Norway" },
  DK: { "zh-CN": "丹麦", en: "Denmark" },
  FI: { "zh-CN": "芬兰", en: "Finland" },
  PL: { "zh-CN": "波兰", en: "Poland" },
  CZ: { "zh-CN": "捷克", en: "Czechia" },
  LT: { "zh-CN": "立陶宛", en: "Lithuania" },
  EE: { "zh-CN": "爱沙尼亚", en: "Estonia" },
  MT: { "zh-CN": "马耳他", en: "Malta" },
  CY: { "zh-CN": "塞浦路斯", en: "Cyprus" },
  RU: { "zh-CN": "俄罗斯", en: "Russia" },
  UA: { "zh-CN": "乌克兰", en: "Ukraine" },
  TR: { "zh-CN": "土耳其", en: "Türkiye" },
  IL: { "zh-CN": "以色列", en: "Israel" },
  AE: { "zh-CN": "阿联酋", en: "the United Arab Emirates" },
  SA: { "zh-CN": "沙特阿拉伯", en: "Saudi Arabia" },
  IN: { "zh-CN": "印度", en: "India" },
  JP: { "zh-CN": "日本", en: "Japan" },
  KR: { "zh-CN": "韩国", en: "South Korea" },
  SG: { "zh-CN": "新加坡", en: "Singapore" },
  MY: { "zh-CN": "马来西亚", en: "Malaysia" },
  TH: { "zh-CN": "泰国", en: "Thailand" },
  VN: { "zh-CN": "越南", en: "Vietnam" },
  ID: { "zh-CN": "印度尼西亚", en: "Indonesia" },
  PH: { "zh-CN": "菲律宾", en: "the Philippines" },
  AU: { "zh-CN": "澳大利亚", en: "Australia" },
  NZ: { "zh-CN": "新西兰", en: "New Zealand" },
  ZA: { "zh-CN": "南非", en: "South Africa" }
}
