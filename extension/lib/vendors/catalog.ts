/**
 * Zhiqing's own catalog of third-party services that shops load: facts only (hosts, endpoint paths, script globals,
 * cookie names, the company behind each, its category and the country it is based in), compiled by the project and
 * licensed with it. Merchant configs name vendors by these ids in `purposes[].vendors`. The entries live in
 * `data/`, one file per market and kind of service; this file joins them.
 */
import type { TrackerCategory } from "../report"
import { CHINA_MARKETING } from "./data/china-marketing"
import { CHINA_SERVICES } from "./data/china-services"
import { GLOBAL_MARKETING } from "./data/global-marketing"
import { GLOBAL_SERVICES } from "./data/global-services"

/** Cloud providers whose hostnames name the region that receives the data (`cn-hangzhou`, `ap-southeast-1`). */
export type CloudRegions = "aliyun" | "tencent-cloud" | "aws"

export interface Vendor {
  /** Stable id, used in merchant configs and reports. */
  id: string
  /** The service's name as shops know it, in English. */
  name: string
  /** Its Chinese name, for services known by one. */
  nameZh?: string
  /** The company that runs it: an English name, with the Chinese name in brackets for companies in China. */
  company: string
  /**
   * The company's name in Chinese: for companies in China the registered name (else the trading name), for others
   * the name Chinese readers use.
   */
  companyZh: string
  category: TrackerCategory
  /** ISO 3166-1 alpha-2 country or region where the company is based. */
  country: string
  /**
   * The service operates in mainland China (a local entity or local infrastructure) although its company is based
   * elsewhere. Companies based in China are active there without saying so.
   */
  activeInChina?: true
  /** Hosts the service uses; each also matches its subdomains, on label boundaries. No host belongs to two vendors. */
  domains: readonly string[]
  /** Hosts that name a cloud region, whose country is then where the data goes, whatever the company's. */
  regions?: CloudRegions
  /**
   * Endpoints recognised on any host, including the shop's own (self-hosted collectors, proxies): "/hm.js" is a path,
   * "/sa?project" a path with a required query parameter, "facebook.com/tr" a path on one domain only.
   */
  paths?: readonly string[]
  /** Globals the service's script defines on `window`. */
  globals?: readonly string[]
  /** Cookie names it sets; `*` matches any run of characters. */
  cookies?: readonly string[]
  /** Where the facts are published: the vendor's own documentation or legal pages, named so anyone can check. */
  source: string
}

export const VENDORS: readonly Vendor[] = [...CHINA_MARKETING, ...CHINA_SERVICES, ...GLOBAL_MARKETING, ...GLOBAL_SERVICES]

/** Active in mainland China: based there, or operating there through a local entity or infrastructure. */
export function activeInChina(vendor: Vendor): boolean {
  return vendor.country === "CN" || vendor.activeInChina === true
}
