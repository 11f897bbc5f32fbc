/**
 * The privacy policy, generated from the same config the SDK shows in its dialogs, so the full policy and the
 * dialogs can never disagree (PIPL-17-1, NDSR-21-1, NDSR-21-2, PIPL-23-1, PIPL-39). Every merchant string is escaped.
 */
import type { Config, Purpose, Recipient, SeparateItem } from "@zhiqing/sdk/schema"
import { html, type SafeHtml } from "../html"
import { pickText, type Bilingual, type Locale } from "../locale"
import { vendorById } from "../vendors"
import type { PageContext } from "./context"
import { layout } from "./layout"

const CATEGORY_LABELS: Record<string, Bilingual> = {
  account: { "zh-CN": "账户信息", en: "account details" },
  order: { "zh-CN": "订单信息", en: "order details" },
  name: { "zh-CN": "姓名", en: "name" },
  phone: { "zh-CN": "手机号码", en: "phone number" },
  address: { "zh-CN": "地址", en: "address" },
  "resident ID number": { "zh-CN": "身份证号码", en: "resident ID number" },
  "device information": { "zh-CN": "设备信息", en: "device information" },
  "browsing activity": { "zh-CN": "浏览行为", en: "browsing activity" },
  "browsing history": { "zh-CN": "浏览记录", en: "browsing history" },
  "cart contents": { "zh-CN": "购物车内容", en: "cart contents" },
  "conversion events": { "zh-CN": "转化事件", en: "conversion events" }
}

const KIND_LABELS: Record<SeparateItem["kind"], Bilingual> = {
  sensitive: { "zh-CN": "敏感个人信息", en: "Sensitive personal information" },
  "third-party": { "zh-CN": "向第三方提供", en: "Providing to a third party" },
  "cross-border": { "zh-CN": "向境外提供", en: "Providing outside mainland China" },
  "public-disclosure": { "zh-CN": "公开", en: "Public disclosure" }
}

const COUNTRY_NAMES: Record<string, Bilingual> = {
  CN: { "zh-CN": "中国大陆", en: "mainland China" },
  HK: { "zh-CN": "中国香港", en: "Hong Kong SAR" },
  US: { "zh-CN": "美国", en: "United States" },
  MT: { "zh-CN": "马耳他", en: "Malta" }
}

/** A data category in the reader's language; categories the table does not know are shown as written. */
export function categoryLabel(category: string, locale: Locale): string {
  return CATEGORY_LABELS[category]?.[locale] ?? category
}

function countryName(code: string, locale: Locale): string {
  return COUNTRY_NAMES[code]?.[locale] ?? code
}

function categories(list: readonly string[] | undefined, ctx: PageContext): string {
  return (list ?? []).map((category) => categoryLabel(category, ctx.locale)).join(ctx.t("、", ", "))
}

function row(label: string, value: string | SafeHtml): SafeHtml {
  return html`<tr><th scope="row">${label}</th><td>${value}</td></tr>`
}

function purposeSection(purpose: Purpose, ctx: PageContext): SafeHtml {
  const { t } = ctx
  const vendors = (purpose.vendors ?? []).map((id) => {
    const vendor = vendorById(id)
    return vendor ? `${vendor.name[ctx.locale]}${t("（", " (")}${countryName(vendor.country, ctx.locale)}${t("）", ")")}` : id
  })
  return html`<section class="policy-item" id="purpose-${purpose.id}">
  <h3>${pickText(purpose.title, ctx.locale)} ${purpose.required ? html`<span class="tag">${t("必要", "Required")}</span>` : html`<span class="tag">${t("需您同意，默认关闭", "Needs your consent; off by default")}</span>`}</h3>
  <p>${pickText(purpose.description, ctx.locale)}</p>
  <table class="policy-table"><tbody>
    ${purpose.dataCategories?.length ? row(t("个人信息种类", "Categories of personal information"), categories(purpose.dataCategories, ctx)) : ""}
    ${purpose.methods ? row(t("处理方式", "Methods"), pickText(purpose.methods, ctx.locale)) : ""}
    ${row(t("保存期限", "Retention"), purpose.retention ? pickText(purpose.retention, ctx.locale) : t("实现该目的所必需的最短时间", "The shortest time needed for this purpose"))}
    ${vendors.length ? row(t("第三方 SDK / 脚本", "Third-party SDKs and scripts"), vendors.join(t("；", "; "))) : ""}
    ${purpose.cookies?.length ? row(t("Cookie", "Cookies"), purpose.cookies.join(", ")) : ""}
  </tbody></table>
</section>`
}

function recipientRows(recipient: Recipient, ctx: PageContext): SafeHtml {
  const { t } = ctx
  return html`${row(t("接收方名称", "Recipient"), pickText(recipient.name, ctx.locale))}
    ${row(t("联系方式", "Contact"), recipient.contact)}
    ${recipient.country ? row(t("所在国家或地区", "Country or region"), countryName(recipient.country, ctx.locale)) : ""}
    ${row(t("处理目的", "Purpose"), pickText(recipient.purpose, ctx.locale))}
    ${row(t("处理方式", "Method"), pickText(recipient.method, ctx.locale))}
    ${row(t("个人信息种类", "Categories of personal information"), categories(recipient.dataCategories, ctx))}
    ${recipient.retention ? row(t("保存期限", "Retention"), pickText(recipient.retention, ctx.locale)) : ""}
    ${recipient.rights ? row(t("向接收方行使权利的方式", "Exercising your rights with the recipient"), pickText(recipient.rights, ctx.locale)) : ""}`
}

function separateSection(item: SeparateItem, ctx: PageContext): SafeHtml {
  const { t } = ctx
  return html`<section class="policy-item" id="separate-${item.id}">
  <h3>${pickText(item.title, ctx.locale)} <span class="tag">${KIND_LABELS[item.kind][ctx.locale]}</span></h3>
  <p>${pickText(item.description, ctx.locale)}</p>
  <table class="policy-table"><tbody>
    ${item.dataCategories?.length ? row(t("个人信息种类", "Categories of personal information"), categories(item.dataCategories, ctx)) : ""}
    ${item.necessity ? row(t("必要性", "Why it is necessary"), pickText(item.necessity, ctx.locale)) : ""}
    ${item.impact ? row(t("对您的影响", "Impact on you"), pickText(item.impact, ctx.locale)) : ""}
    ${item.recipient ? recipientRows(item.recipient, ctx) : ""}
    ${item.retention ? row(t("保存期限", "Retention"), pickText(item.retention, ctx.locale)) : ""}
    ${item.assessment ? row(t("个人信息保护影响评估", "Impact assessment"), item.assessment) : ""}
  </tbody></table>
</section>`
}

/** The policy's body; separated from the page frame so tests can render it from any config. */
export function privacyPolicy(config: Config, ctx: PageContext): SafeHtml {
  const { t } = ctx
  const handler = config.handler
  return html`<article class="policy">
<h1>${t("隐私政策（个人信息处理规则）", "Privacy policy (personal information processing rules)")}</h1>
<p class="meta">${t("版本", "Version")} ${config.policy.version}</p>
${config.policy.changes ? html`<p class="notice">${t("本次更新：", "What changed: ")}${pickText(config.policy.changes, ctx.locale)}</p>` : ""}
<section id="handler">
  <h2>${t("一、个人信息处理者", "1. Who handles your personal information")}</h2>
  <table class="policy-table"><tbody>
    ${row(t("名称", "Name"), pickText(handler.name, ctx.locale))}
    ${row(t("联系方式", "Contact"), handler.contact)}
    ${handler.address ? row(t("地址", "Address"), pickText(handler.address, ctx.locale)) : ""}
    ${handler.dpo ? row(t("个人信息保护负责人", "Person responsible for personal information protection"), handler.dpo) : ""}
  </tbody></table>
</section>
<section id="purposes">
  <h2>${t("二、我们为哪些目的处理您的个人信息", "2. Why we process your personal information")}</h2>
  <p>${t("除必要功能外，以下每项目的都需要您的同意，默认关闭；您可以随时通过页面底部的“隐私设置”开启或关闭。", "Apart from what is strictly necessary, each purpose below needs your consent and is off by default; switch any of them on or off at any time from “Privacy settings” at the foot of every page.")}</p>
  ${config.purposes.map((purpose) => purposeSection(purpose, ctx))}
</section>
${config.separate?.length
  ? html`<section id="separate">
  <h2>${t("三、需要您单独同意的事项", "3. What needs your separate consent")}</h2>
  <p>${t("以下事项在需要时单独征求您的同意，不与其他同意捆绑，您可以拒绝。", "We ask for each of these on its own when it is needed, never bundled with anything else, and you may refuse.")}</p>
  ${config.separate.map((item) => separateSection(item, ctx))}
</section>`
  : ""}
${config.minors
  ? html`<section id="minors">
  <h2>${t("四、未成年人", "4. Minors")}</h2>
  <p>${t(
    `不满 ${config.minors.minAge} 周岁的未成年人，应由父母或其他监护人同意后方可使用本商城。我们按照专门的个人信息处理规则处理其个人信息。`,
    `Children under ${config.minors.minAge} may use the shop only with the consent of a parent or other guardian; we process their personal information under dedicated rules.`
  )}</p>
</section>`
  : ""}
<section id="rights">
  <h2>${t("五、您的权利", "5. Your rights")}</h2>
  <p>${t(
    "您有权查阅、复制、转移、更正、补充、删除您的个人信息，限制或拒绝处理，撤回同意，要求我们解释个人信息处理规则，以及注销账号。撤回同意不影响撤回前基于同意已进行的个人信息处理活动。",
    "You have the right to access, copy, transfer, correct, supplement and delete your personal information, to restrict or refuse processing, to withdraw consent, to have our rules explained and to close your account. Withdrawing consent does not affect processing carried out on the basis of consent before the withdrawal."
  )}</p>
  <p>${t("行使权利：在“我的账户 › 我的隐私选择”中提交申请，或发送邮件至 ", "To exercise them, send a request from “My account › My privacy choices”, or write to ")}<a href="mailto:${handler.contact}">${handler.contact}</a>${t("。我们将在 15 个工作日内答复；拒绝时会说明理由。", ". We answer within 15 working days and give reasons if we refuse.")}</p>
</section>
</article>`
}

export function privacyPage(ctx: PageContext): SafeHtml {
  return layout(ctx, { title: ctx.t("隐私政策", "Privacy policy"), page: "privacy", body: privacyPolicy(ctx.config, ctx) })
}
