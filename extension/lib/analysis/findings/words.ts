/** The words findings are written with, in both languages. */
import type { Locale, Purpose } from "@zhiqing/sdk/schema"
import type { PiKind } from "../../report"
import { PI_KIND_NAMES } from "../../words"
import type { Vendor } from "../../vendors/catalog"

type Words = Record<Locale, string>

const COUNTRY_NAMES: Record<string, Words> = {
  CN: { "zh-CN": "中国大陆", en: "mainland China" },
  HK: { "zh-CN": "中国香港", en: "Hong Kong SAR" },
  MO: { "zh-CN": "中国澳门", en: "Macao SAR" },
  TW: { "zh-CN": "中国台湾", en: "Taiwan" },
  US: { "zh-CN": "美国", en: "the United States" },
  MT: { "zh-CN": "马耳他", en: "Malta" },
  SG: { "zh-CN": "新加坡", en: "Singapore" },
  JP: { "zh-CN": "日本", en: "Japan" },
  KR: { "zh-CN": "韩国", en: "South Korea" },
  GB: { "zh-CN": "英国", en: "the United Kingdom" },
  IE: { "zh-CN": "爱尔兰", en: "Ireland" },
  FR: { "zh-CN": "法国", en: "France" },
  DE: { "zh-CN": "德国", en: "Germany" },
  RU: { "zh-CN": "俄罗斯", en: "Russia" }
}

/** "手机号码、身份证号码" / "mobile number, resident ID number". */
export function kindList(kinds: Iterable<PiKind>): Words {
  const list = [...new Set(kinds)]
  return { "zh-CN": list.map((kind) => PI_KIND_NAMES[kind]["zh-CN"]).join("、"), en: list.map((kind) => PI_KIND_NAMES[kind].en).join(", ") }
}

export function countryName(country: string | undefined): Words {
  if (!country) return { "zh-CN": "境外", en: "abroad" }
  return COUNTRY_NAMES[country] ?? { "zh-CN": country, en: country }
}

/** A purpose's title in each language, falling back to its id. */
export function purposeName(purpose: Purpose | undefined): Words {
  if (!purpose) return { "zh-CN": "未声明的目的", en: "an undeclared purpose" }
  return { "zh-CN": purpose.title["zh-CN"] ?? purpose.title.en ?? purpose.id, en: purpose.title.en ?? purpose.title["zh-CN"] ?? purpose.id }
}

/** The service as a reader knows it: the catalog name (Chinese where it has one), or the host it was seen on. */
export function serviceName(vendor: Vendor | undefined, host: string): Words {
  return vendor ? { "zh-CN": vendor.nameZh ?? vendor.name, en: vendor.name } : { "zh-CN": host, en: host }
}
