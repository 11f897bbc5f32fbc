/**
 * The notification a merchant sends to the people a breach concerns, in both dialog languages, with every item
 * PIPL Article 57 requires: the categories of information, the cause, the possible harm, the remedies taken, what
 * the person can do, and how to reach the merchant. What the merchant has not supplied stays a bracketed
 * placeholder, so an unfinished notice is obvious at a glance.
 */
import type { Locale } from "../src/schema"

/** What the merchant knows about the incident; every field is optional and becomes a placeholder when absent. */
export interface BreachNoticeFacts {
  /** Who is responsible (the PI handler). */
  handler?: string
  /** The purpose or separate-consent item (recipient) whose data is concerned. */
  concerning?: string
  /** The time window of the incident, as given to the breach query. */
  from?: Date
  to?: Date
  categories?: string
  cause?: string
  harm?: string
  remedies?: string
  /** What the person can do to reduce the harm. */
  actions?: string
  /** Name, phone and email of the person responsible for personal information protection. */
  contact?: string
}

type Field = Exclude<keyof BreachNoticeFacts, "from" | "to">

const PLACEHOLDERS: Record<Locale, Record<Field, string>> = {
  "zh-CN": {
    handler: "［个人信息处理者名称］",
    concerning: "［涉及的处理目的或接收方］",
    categories: "［个人信息种类，例如姓名、手机号码、收货地址］",
    cause: "［事件原因］",
    harm: "［可能造成的危害］",
    remedies: "［已采取的补救措施］",
    actions: "［例如修改密码，警惕冒充我们的电话或者短信］",
    contact: "［个人信息保护负责人姓名、电话、电子邮箱］"
  },
  en: {
    handler: "[name of the personal information handler]",
    concerning: "[purpose or recipient concerned]",
    categories: "[categories of personal information, e.g. name, mobile number, delivery address]",
    cause: "[cause of the incident]",
    harm: "[harm it may cause]",
    remedies: "[remedies taken]",
    actions: "[e.g. change your password; beware of calls or messages pretending to be us]",
    contact: "[name, phone and email of the person responsible for personal information protection]"
  }
}

function day(date: Date | undefined, locale: Locale): string {
  if (!date) return locale === "zh-CN" ? "［日期］" : "[date]"
  return date.toISOString().slice(0, 16).replace("T", " ") + " UTC"
}

/** The Article 57 notice in one language, with the given facts filled in and placeholders for the rest. */
export function breachNotice(locale: Locale, facts: BreachNoticeFacts = {}): string {
  const fill = (field: Field) => facts[field]?.trim() || PLACEHOLDERS[locale][field]
  const from = day(facts.from, locale)
  const to = day(facts.to, locale)
  if (locale === "zh-CN") {
    return `个人信息安全事件告知书

尊敬的用户：
${fill("handler")}发现了一起可能涉及您个人信息的安全事件，涉及您同意的“${fill("concerning")}”，时间为 ${from} 至 ${to}。根据《中华人民共和国个人信息保护法》第五十七条，现将有关情况告知如下：
一、发生或者可能发生泄露、篡改、丢失的个人信息种类：${fill("categories")}
二、事件原因：${fill("cause")}
三、可能造成的危害：${fill("harm")}
四、我们已采取的补救措施：${fill("remedies")}
五、您可以采取的减轻危害的措施：${fill("actions")}
六、联系方式：${fill("contact")}
我们对此深表歉意，并将持续向您通报进展。`
  }
  return `Notice of a personal information security incident

Dear customer,
${fill("handler")} has found a security incident that may involve your personal information, concerning "${fill("concerning")}", which you agreed to, between ${from} and ${to}. As Article 57 of the Personal Information Protection Law requires, here is what you need to know:
1. Categories of personal information leaked, altered or lost, or possibly so: ${fill("categories")}
2. Cause of the incident: ${fill("cause")}
3. Harm it may cause: ${fill("harm")}
4. Remedies we have taken: ${fill("remedies")}
5. What you can do to reduce the harm: ${fill("actions")}
6. How to reach us: ${fill("contact")}
We are sorry, and we will keep you informed.`
}
