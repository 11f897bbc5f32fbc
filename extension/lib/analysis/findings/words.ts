/** The words findings are written with, in both languages. */
import type { Purpose } from "@zhiqing/sdk/schema"
import type { PiKind } from "../../report"
import { PI_KIND_NAMES, type Bilingual } from "../../words"
import type { Vendor } from "../../vendors/catalog"
import { basisConfidence, type Destination } from "../../vendors/country"
import { COUNTRY_NAMES } from "../../vendors/iso-countries"

/** "手机号码、身份证号码" / "mobile number, resident ID number". */
export function kindList(kinds: Iterable<PiKind>): Bilingual {
  const list = [...new Set(kinds)]
  return { "zh-CN": list.map((kind) => PI_KIND_NAMES[kind]["zh-CN"]).join("、"), en: list.map((kind) => PI_KIND_NAMES[kind].en).join(", ") }
}

export function countryName(country: string | undefined): Bilingual {
  if (!country) return { "zh-CN": "境外", en: "abroad" }
  return COUNTRY_NAMES[country] ?? { "zh-CN": country, en: country }
}

/** A purpose's title in each language, falling back to its id. */
export function purposeName(purpose: Purpose | undefined): Bilingual {
  if (!purpose) return { "zh-CN": "未声明的目的", en: "an undeclared purpose" }
  return { "zh-CN": purpose.title["zh-CN"] ?? purpose.title.en ?? purpose.id, en: purpose.title.en ?? purpose.title["zh-CN"] ?? purpose.id }
}

/**
 * The company behind a vendor as each reader best finds it: in Chinese its Chinese name, with the English one beside it
 * for companies abroad (their registered name); in English the English name (with the Chinese for companies in China).
 */
export function companyName(vendor: Vendor): Bilingual {
  return { "zh-CN": vendor.country === "CN" ? vendor.companyZh : `${vendor.companyZh}，${vendor.company}`, en: vendor.company }
}

/** The service as a reader knows it: the catalog name (Chinese where it has one), or the host it was seen on. */
export function serviceName(vendor: Vendor | undefined, host: string): Bilingual {
  return vendor ? { "zh-CN": vendor.nameZh ?? vendor.name, en: vendor.name } : { "zh-CN": host, en: host }
}

/** What a destination rests on and how sure it is, as a finding says it. */
export function destinationBasis({ basis, detail }: Destination): Bilingual {
  switch (basis) {
    case "catalog":
      return { "zh-CN": "已知：依据知情供应商目录", en: "known from Zhiqing's vendor catalog" }
    case "cloud-region":
      return { "zh-CN": `已知：主机名指明云区域 ${detail}`, en: `known from the cloud region ${detail} in the host name` }
    case "parent-domain":
      return { "zh-CN": `可能：其上级域名 ${detail} 属于供应商目录中的公司`, en: `likely: its parent domain ${detail} belongs to a company in the vendor catalog` }
    case "tld":
      return { "zh-CN": `可能：依据国家或地区顶级域名 ${detail} 推断`, en: `likely, judged by the country-code domain ${detail}` }
    case "unknown":
      return { "zh-CN": "所在地未知", en: "location unknown" }
  }
}

/** The sentence a judgement short of "known" adds: the merchant should confirm it. */
export function confirmLocation(destination: Destination): Bilingual {
  return basisConfidence(destination.basis) === "known"
    ? { "zh-CN": "", en: "" }
    : { "zh-CN": "请核实该接收方实际存放数据的地点。", en: " Confirm where this recipient keeps the data." }
}
