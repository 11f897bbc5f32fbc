/**
 * The notification a merchant sends to the people a breach concerns, with every item PIPL Article 57 requires.
 * The bracketed parts are for the merchant to fill in.
 */
import type { Locale } from "../src/schema"

const NOTICES: Record<Locale, string> = {
  "zh-CN": `个人信息安全事件告知书

尊敬的用户：
我们遗憾地通知您，我们发现了一起可能涉及您个人信息的安全事件。根据《中华人民共和国个人信息保护法》第五十七条，现将有关情况告知如下：
一、发生或者可能发生泄露、篡改、丢失的个人信息种类：［个人信息种类］
二、事件原因：［原因］
三、可能造成的危害：［可能造成的危害］
四、我们已采取的补救措施：［补救措施］
五、您可以采取的减轻危害的措施：［例如修改密码、警惕冒充我们的电话或者短信］
六、联系方式：［个人信息保护负责人姓名、电话、电子邮箱］
我们对此深表歉意，并将持续向您通报进展。`,
  en: `Notice of a personal information security incident

Dear customer,
We regret to tell you that we have found a security incident that may involve your personal information. As Article 57 of the Personal Information Protection Law requires, here is what you need to know:
1. Categories of personal information leaked, altered or lost, or possibly so: [categories]
2. Cause of the incident: [cause]
3. Harm it may cause: [possible harm]
4. Remedies we have taken: [remedies]
5. What you can do to reduce the harm: [e.g. change your password, beware of calls or messages pretending to be us]
6. How to reach us: [name, phone and email of the person responsible for personal information protection]
We are sorry, and we will keep you informed.`
}

export function breachNotice(locale: Locale): string {
  return NOTICES[locale]
}
