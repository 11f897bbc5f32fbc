/**
 * Everything the dialogs say in their own words, in Simplified Chinese here and in English in copy-en.ts. Both are
 * complete; a test keeps their keys equal. Merchant texts come from the config and are never mixed into these
 * strings as markup. The dialogs find them through words.ts.
 */
import type { RightsRequest, SeparateItem } from "../schema"

export const zh = {
  title: "个人信息保护提示",
  intro: (handler: string, purposes: string) =>
    `${handler}作为个人信息处理者，为以下目的处理您的个人信息：${purposes}。除提供服务所必需的处理外，其他处理仅在您同意后进行，不同意不影响正常购物。您可以随时在“隐私设置”中更改选择或者撤回同意。`,
  contact: "联系方式",
  colon: "：",
  changed: (version: string) => `个人信息处理规则已更新（版本 ${version}）。`,
  added: "新增以下处理目的，请重新选择：",
  minor: (age: number) => `我不满${age}周岁`,
  guardianTitle: "请监护人阅读并同意",
  guardianText: (age: number) => `处理不满${age}周岁未成年人的个人信息，应当取得其监护人的同意。以下选择由监护人作出，也可以不同意。`,
  agree: "同意",
  decline: "不同意",
  settings: "设置",
  policy: "隐私政策",
  save: "保存本告知",
  close: "关闭",
  prefsTitle: "隐私设置",
  prefsIntro: "请就每一处理目的分别选择。必需的处理始终开启，其他默认关闭，您可以随时更改。",
  alwaysOn: "始终开启",
  categories: "个人信息种类",
  methods: "处理方式",
  retention: "保存期限",
  declineAll: "全部拒绝",
  saveChoices: "保存选择",
  agreeAll: "全部同意",
  separateHeading: "需要单独同意的事项",
  granted: "已同意",
  notGranted: "未同意",
  rightsTitle: "同意记录与个人信息权利",
  separateIntro: "此事项需要您单独同意。",
  kinds: {
    sensitive: "敏感个人信息",
    "third-party": "向第三方提供个人信息",
    "cross-border": "向境外提供个人信息",
    "public-disclosure": "公开个人信息"
  } satisfies Record<SeparateItem["kind"], string>,
  recipient: "接收方",
  overseasRecipient: "境外接收方",
  country: "所在国家或者地区",
  purpose: "处理目的",
  rightsWith: "行使权利的方式",
  necessity: "处理的必要性",
  impact: "对您的影响",
  assessment: "个人信息保护影响评估",
  receipts: "本设备上的同意记录",
  noReceipts: "暂无记录。",
  agreedTo: "已同意：",
  onlyRequired: "仅必需的处理",
  download: "下载记录（JSON）",
  rightsIntro: (handler: string) => `您可以向${handler}提出以下请求，我们将在核验身份后15个工作日内答复。`,
  right: "请求类型",
  details: "具体说明（选填）",
  replyTo: "答复联系方式（选填）",
  submit: "提交申请",
  ticket: (ticket: string) => `申请已收到，受理编号：${ticket}`,
  failed: (reason: string) => `提交失败${reason && "：" + reason}。您填写的内容已保留，请稍后重试或者联系 `,
  rights: {
    access: "查阅",
    copy: "复制",
    transfer: "转移",
    correct: "更正、补充",
    delete: "删除",
    "close-account": "注销账号",
    withdraw: "撤回同意",
    explain: "解释说明处理规则",
    restrict: "限制或者拒绝处理"
  } satisfies Record<RightsRequest["right"], string>,
  /** The category ids of common merchant configs, as a Chinese notice names them. */
  categoryNames: {
    account: "账号信息",
    order: "订单信息",
    name: "姓名",
    phone: "电话号码",
    address: "地址",
    "resident ID number": "身份证号码"
  } as Record<string, string>,
  list: "、"
}

export type Copy = typeof zh
