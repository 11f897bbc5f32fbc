/** The companies behind catalog entries, written once for the vendors that share them. */
import type { Vendor } from "../catalog"

export type Company = Pick<Vendor, "company" | "companyZh" | "country">

/**
 * A company in mainland China, by its registered names where the catalog has them, else by the names it trades
 * under; reports show the English name with the Chinese one in brackets.
 */
export function chinese(en: string, zh: string): Company {
  return { company: `${en} (${zh})`, companyZh: zh, country: "CN" }
}

/** A company based outside mainland China, with the name Chinese readers know it by. */
export function overseas(en: string, zh: string, country: string): Company {
  return { company: en, companyZh: zh, country }
}

export const BAIDU = chinese("Beijing Baidu Netcom Science and Technology Co., Ltd.", "北京百度网讯科技有限公司")
export const TENCENT = chinese("Shenzhen Tencent Computer Systems Co., Ltd.", "深圳市腾讯计算机系统有限公司")
export const TENCENT_CLOUD = chinese("Tencent Cloud Computing (Beijing) Co., Ltd.", "腾讯云计算（北京）有限责任公司")
export const ALIBABA = chinese("Alibaba (China) Co., Ltd.", "阿里巴巴（中国）有限公司")
export const ALIBABA_CLOUD = chinese("Alibaba Cloud Computing Co., Ltd.", "阿里云计算有限公司")
export const BYTEDANCE = chinese("Beijing ByteDance Technology Co., Ltd.", "北京字节跳动科技有限公司")
export const OCEAN_ENGINE = chinese("Beijing Juliang Engine Network Technology Co., Ltd.", "北京巨量引擎网络技术有限公司")
export const VOLCENGINE = chinese("Beijing Volcano Engine Technology Co., Ltd.", "北京火山引擎科技有限公司")
export const JD = chinese("Beijing Jingdong Century Trading Co., Ltd.", "北京京东世纪贸易有限公司")
export const NETEASE = chinese("NetEase (Hangzhou) Network Co., Ltd.", "网易（杭州）网络有限公司")
export const QIHOO = chinese("Beijing Qihoo Technology Co., Ltd.", "北京奇虎科技有限公司")
export const WEIBO = chinese("Weibo Corporation", "北京微梦创科网络技术有限公司")
export const BILIBILI = chinese("Shanghai Hode Information Technology Co., Ltd.", "上海幻电信息科技有限公司")

export const GOOGLE = overseas("Google LLC", "谷歌公司", "US")
export const MICROSOFT = overseas("Microsoft Corporation", "微软公司", "US")
export const META = overseas("Meta Platforms, Inc.", "Meta 平台公司", "US")
export const AMAZON = overseas("Amazon.com, Inc.", "亚马逊公司", "US")
export const ADOBE = overseas("Adobe Inc.", "奥多比公司", "US")
export const APPLE = overseas("Apple Inc.", "苹果公司", "US")
export const CLOUDFLARE = overseas("Cloudflare, Inc.", "Cloudflare 公司", "US")
export const SALESFORCE = overseas("Salesforce, Inc.", "赛富时公司", "US")
export const TIKTOK = overseas("TikTok Pte. Ltd.", "TikTok 私人有限公司", "SG")
export const LY = overseas("LY Corporation", "LY 株式会社（LINE 雅虎）", "JP")
export const KAKAO = overseas("Kakao Corp.", "Kakao 公司", "KR")
export const PAYPAL = overseas("PayPal, Inc.", "贝宝公司", "US")
export const X_CORP = overseas("X Corp.", "X 公司", "US")
