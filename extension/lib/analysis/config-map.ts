/**
 * What a merchant config declares, in the terms the analysis needs: which purpose each vendor and cookie serves,
 * and which kinds of personal information a purpose or separate item covers.
 */
import type { Config, Purpose, SeparateItem } from "@zhiqing/sdk/schema"
import type { PiKind } from "../report"

/** Words in a free-text data category (or an item's id and title) that name each kind. */
const KIND_WORDS: ReadonlyArray<readonly [PiKind, RegExp]> = [
  ["phone", /phone|mobile|tel|手机|电话|联系方式/i],
  ["id-card", /resident\s*id|id[-\s]?card|id number|identity|身份证|证件/i],
  ["bank-card", /bank|card number|payment card|银行卡|卡号/i],
  ["email", /e-?mail|邮箱|邮件/i],
  ["name", /name|姓名|收货人|收件人/i],
  ["address", /address|地址/i],
  ["location", /location|geo|whereabouts|位置|定位|行踪/i]
]

/** The kinds of personal information a list of texts (data categories, an id, a title) mentions. */
export function kindsIn(texts: readonly (string | undefined)[]): Set<PiKind> {
  const kinds = new Set<PiKind>()
  for (const text of texts) {
    if (!text) continue
    for (const [kind, pattern] of KIND_WORDS) if (pattern.test(text)) kinds.add(kind)
  }
  return kinds
}

function wildcard(pattern: string): RegExp {
  return new RegExp(`^${pattern.split("*").map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&")).join(".*")}$`)
}

/** A separate item's texts, in every locale, for {@link kindsIn}. */
function itemTexts(item: SeparateItem): string[] {
  return [item.id, item.title["zh-CN"], item.title.en, ...(item.dataCategories ?? []), ...(item.recipient?.dataCategories ?? [])].filter(
    (text): text is string => Boolean(text)
  )
}

export class ConfigMap {
  private readonly vendorPurpose = new Map<string, Purpose>()
  private readonly cookiePatterns: Array<{ pattern: RegExp; purpose: Purpose }> = []

  constructor(readonly config: Config | undefined) {
    for (const purpose of config?.purposes ?? []) {
      for (const vendor of purpose.vendors ?? []) if (!this.vendorPurpose.has(vendor)) this.vendorPurpose.set(vendor, purpose)
      for (const cookie of purpose.cookies ?? []) this.cookiePatterns.push({ pattern: wildcard(cookie), purpose })
    }
  }

  /** The purpose whose `vendors` list names this vendor id. */
  purposeOfVendor(vendorId: string | undefined): Purpose | undefined {
    return vendorId ? this.vendorPurpose.get(vendorId) : undefined
  }

  /** The purpose whose `cookies` patterns match this cookie name. */
  purposeOfCookie(name: string): Purpose | undefined {
    return this.cookiePatterns.find((entry) => entry.pattern.test(name))?.purpose
  }

  /** Whether any purpose declares the vendor. */
  declares(vendorId: string): boolean {
    return this.vendorPurpose.has(vendorId)
  }

  /** The kinds of personal information a purpose says it processes. */
  purposeKinds(purpose: Purpose): Set<PiKind> {
    return kindsIn(purpose.dataCategories ?? [])
  }

  /** The kinds of personal information a separate item covers, from its id, title and categories. */
  itemKinds(item: SeparateItem): Set<PiKind> {
    return kindsIn(itemTexts(item))
  }
}
