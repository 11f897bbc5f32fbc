/**
 * What each requirement the inspector checks asks for, and how a merchant fixes a finding against it, in both
 * languages. The ids are those of pipl-requirements.md that the analysis emits; any other id gets the generic advice.
 */
import type { Bilingual } from "../words"

/** How a report names a requirement and what it tells a merchant to do about a finding against it. */
export interface RequirementGuide {
  title: Bilingual
  /** Where the requirement comes from, e.g. "PIPL Art. 15, 47". */
  source: string
  fix: Bilingual
}

const GUIDES: Readonly<Record<string, RequirementGuide>> = {
  "APPM-3-1": {
    title: { "zh-CN": "征得同意前不得运行非必要的收集", en: "Nothing non-essential runs before consent" },
    source: "APPM §3(1)",
    fix: {
      "zh-CN":
        "把统计、广告、录屏等非必要脚本改为在顾客同意后才加载：用 <script type=\"text/plain\" data-zhiqing=\"目的\"> 标记脚本（iframe 用 data-src），由知情 SDK 在对应目的获准后再运行。检查页面模板、标签管理器和第三方插件中是否有绕过门控、直接写入的脚本或 Cookie。",
      en: "Load analytics, advertising and session-recording scripts only after the shopper agrees: mark them <script type=\"text/plain\" data-zhiqing=\"purpose\"> (iframes with data-src) so the Zhiqing SDK runs them once that purpose is allowed. Check page templates, the tag manager and third-party plugins for scripts or cookies that bypass the gate."
    }
  },
  "PIPL-15-2": {
    title: { "zh-CN": "拒绝或撤回同意后停止处理", en: "Stop processing after a refusal or withdrawal" },
    source: "PIPL Art. 15, 47",
    fix: {
      "zh-CN":
        "确保该服务的所有代码都通过同意门控加载，并在配置中为该目的声明 vendors 和 cookies，撤回时 SDK 会删除这些 Cookie 并触发 zhiqing:change。已运行的脚本无法卸载：监听 zhiqing:change 事件调用服务商提供的停用接口，或在配置中开启撤回后刷新页面。",
      en: "Load every piece of the service's code through the consent gate, and declare the purpose's vendors and cookies in the config so the SDK deletes those cookies on withdrawal and fires zhiqing:change. Code that already ran cannot be unloaded: listen for zhiqing:change and call the vendor's opt-out, or enable reloading after a withdrawal in the config."
    }
  },
  "APPM-3-3": {
    title: { "zh-CN": "收集不得超出已同意的范围", en: "Collection stays within what was agreed" },
    source: "APPM §3(3)",
    fix: {
      "zh-CN":
        "对照顾客同意的目的，核对发给该接收方的每个字段：删去目的未列明的个人信息（如在发送前移除手机号、地址），或在配置中为该目的补充说明这些信息种类并重新征得同意。从未征得同意的目的，应先加入配置并由顾客作出选择。",
      en: "Compare every field sent to this recipient with the purpose the shopper agreed to: drop personal information the purpose does not list (strip the phone number or address before sending), or add those categories to the purpose in the config and ask again. A purpose never asked about must be added to the config and chosen by the shopper first."
    }
  },
  "NDSR-21-2": {
    title: { "zh-CN": "列明收集的个人信息及接收方（含第三方 SDK）", en: "List the PI collected and its recipients, third-party SDKs included" },
    source: "NDSR Art. 21; APPM §2",
    fix: {
      "zh-CN":
        "在商家配置的相应目的下，把该服务加入 vendors，并在隐私政策的第三方清单中写明服务商名称、联系方式、目的和所收集的信息种类。如果页面并不需要该服务，应将其移除。",
      en: "Add the service to the vendors of the matching purpose in the merchant config, and name it in the privacy policy's list of third parties with its company, contact, purpose and the categories it receives. If the page does not need the service, remove it."
    }
  },
  "PIPL-39": {
    title: { "zh-CN": "向境外提供个人信息须告知并取得单独同意", en: "Transfers abroad need full notice and separate consent" },
    source: "PIPL Art. 38–39",
    fix: {
      "zh-CN":
        "如确需向境外提供，在配置中新增 kind 为 cross-border 的单独同意事项，写明境外接收方的名称、联系方式、目的、处理方式、个人信息种类和行使权利的方式，并在发送前用 Zhiqing.request() 单独征得同意；同时核对是否需要安全评估、标准合同或认证。不需要的，改用境内服务或在发送前去除个人信息。",
      en: "If the transfer is needed, add a separate item of kind cross-border to the config naming the overseas recipient, its contact, purpose, method, the categories of PI and how to exercise rights with it, and ask with Zhiqing.request() before sending; check whether a security assessment, standard contract or certification applies. Otherwise use a provider in mainland China or strip the personal information before sending."
    }
  },
  "PIPL-29": {
    title: { "zh-CN": "敏感个人信息须取得单独同意", en: "Sensitive PI needs separate consent" },
    source: "PIPL Art. 28–29",
    fix: {
      "zh-CN":
        "停止把身份证号、银行卡号或位置信息发送给与此无关的第三方。确有必要时，在配置中新增 kind 为 sensitive 的单独同意事项，说明必要性和对个人的影响，并在收集时用 Zhiqing.request() 单独征得同意。",
      en: "Stop sending resident ID numbers, bank card numbers or locations to third parties that do not need them. Where one truly does, add a separate item of kind sensitive to the config explaining the necessity and the impact on the person, and ask with Zhiqing.request() at the moment of collection."
    }
  },
  "APPM-2": {
    title: { "zh-CN": "使用设备权限前即时说明目的并征得同意", en: "Ask for device permissions at the moment, with the purpose shown" },
    source: "APPM §2",
    fix: {
      "zh-CN":
        "在调用定位、摄像头或麦克风之前，用 Zhiqing.request(事项 id) 弹出即时说明，讲清楚用途；只有顾客同意后才调用浏览器接口，拒绝时提供不依赖该权限的替代方式（例如手动选择地区）。",
      en: "Before calling geolocation, the camera or the microphone, show a just-in-time explanation with Zhiqing.request(itemId); call the browser API only after the shopper agrees, and offer a way that does not need the permission (such as choosing a region by hand) when they decline."
    }
  },
  "PIPL-28": {
    title: { "zh-CN": "敏感个人信息须有特定目的和充分必要性", en: "Sensitive PI needs a specific purpose and real necessity" },
    source: "PIPL Art. 28",
    fix: {
      "zh-CN":
        "逐一确认这些字段是否必要（例如跨境包裹清关才需要身份证号），不必要的删除或改为选填；保留的字段在配置中以 sensitive 单独同意事项说明必要性和影响，并在提交前单独征得同意，同时完成个人信息保护影响评估。",
      en: "Check that each field is necessary (a resident ID number is needed only for cross-border parcels' customs, for example); remove it or make it optional if not. For the fields you keep, describe the necessity and impact in a sensitive separate item in the config, ask separately before submission, and complete a personal information protection impact assessment."
    }
  },
  "PIPL-14-1": {
    title: { "zh-CN": "同意须知情、自愿、明确", en: "Consent is informed, voluntary and explicit" },
    source: "PIPL Art. 14; APPM §3(4)",
    fix: {
      "zh-CN":
        "在页面中加入知情 SDK（或其他同意管理工具），为每个非必要目的提供默认关闭的开关，并让追踪器只在顾客明确同意后运行。若已使用其他同意管理工具，请人工核查这些追踪器是否经其门控。",
      en: "Add the Zhiqing SDK (or another consent tool) to the page with an off-by-default toggle for each non-essential purpose, and let trackers run only after the shopper explicitly agrees. If another consent tool is in use, check by hand that it gates these trackers."
    }
  }
}

const GENERIC: RequirementGuide = {
  title: { "zh-CN": "其他要求", en: "Other requirement" },
  source: "",
  fix: {
    "zh-CN": "对照 pipl-requirements.md 中该编号的要求，逐条核对证据中列出的请求或脚本，移除不必要的收集，或在配置和隐私政策中补充说明并征得相应同意。",
    en: "Read the requirement with this id in pipl-requirements.md, go through each request or script the evidence lists, and either remove the collection or describe it in the config and privacy policy and obtain the consent it needs."
  }
}

/** The guide for `rule`; the generic one, titled with the id, for an id this module does not know. */
export function requirementGuide(rule: string): RequirementGuide {
  return GUIDES[rule] ?? { ...GENERIC, title: { "zh-CN": `${rule}（${GENERIC.title["zh-CN"]}）`, en: `${rule} (${GENERIC.title.en})` } }
}

