/** The configurator's own words in Chinese and English. */
import type { Locale } from "@zhiqing/sdk/schema"

const WORDS = {
  title: { "zh-CN": "知情配置器", en: "Zhiqing configurator" },
  intro: {
    "zh-CN": "填写下列内容，生成知情 SDK 的配置。右侧预览使用真实的 SDK，随您输入实时更新。内容保存在本浏览器中。",
    en: "Fill in the fields below to produce the Zhiqing SDK's config. The preview runs the real SDK and follows what you type. Everything is kept in this browser."
  },
  switchLanguage: { "zh-CN": "English", en: "中文" },
  switchLanguageLabel: { "zh-CN": "Switch the configurator to English", en: "切换为中文界面" },
  zh: { "zh-CN": "简体中文", en: "Simplified Chinese" },
  en: { "zh-CN": "英文", en: "English" },
  noProblems: { "zh-CN": "配置有效：SDK 会接受它。", en: "The config is valid: the SDK accepts it." },
  unknownFields: {
    "zh-CN": "SDK 不认识这些字段（拼写错误？）。它们原样保留在输出中，但不起作用：",
    en: "The SDK does not know these fields (a typo?). They are kept in the output as they are, but have no effect:"
  },
  goToField: { "zh-CN": "转到该字段", en: "Go to the field" },
  todoTitle: { "zh-CN": "来自检查器的草稿：还需填写", en: "From the inspector's draft: still to fill in" },
  draftWaiting: { "zh-CN": "链接带有检查器生成的草稿。用它替换您当前的配置吗？", en: "The link carries a draft from the inspector. Replace your current config with it?" },
  draftReplace: { "zh-CN": "用草稿替换", en: "Replace with the draft" },
  draftKeep: { "zh-CN": "保留我的配置", en: "Keep my config" },
  draftLoaded: { "zh-CN": "已载入检查器的草稿。", en: "The inspector's draft is loaded." },
  draftSkipped: { "zh-CN": "草稿中有些待办或代码修改格式不对，未载入：", en: "Some todo or tag entries of the draft were malformed and not loaded: " },
  storageFailed: { "zh-CN": "浏览器不允许保存：重新加载会丢失修改，请先下载配置。", en: "This browser refuses to save: a reload would lose your changes, so download the config first." },
  handler: { "zh-CN": "个人信息处理者", en: "Personal information handler" },
  handlerName: { "zh-CN": "名称", en: "Name" },
  handlerContact: { "zh-CN": "联系方式（邮箱或电话）", en: "Contact (email or phone)" },
  handlerAddress: { "zh-CN": "地址", en: "Address" },
  handlerDpo: { "zh-CN": "个人信息保护负责人（如有）", en: "Person responsible for personal information (if named)" },
  policy: { "zh-CN": "隐私政策", en: "Privacy policy" },
  policyVersion: { "zh-CN": "版本", en: "Version" },
  policyUrl: { "zh-CN": "链接", en: "Link" },
  policyChanges: { "zh-CN": "本版本的变更（重新征求同意时显示）", en: "What changed in this version (shown when asking again)" },
  locales: { "zh-CN": "对话框语言", en: "Dialog languages" },
  purposes: { "zh-CN": "处理目的", en: "Purposes" },
  addPreset: { "zh-CN": "添加预设目的：", en: "Add a preset purpose:" },
  addCustom: { "zh-CN": "自定义目的", en: "Custom purpose" },
  remove: { "zh-CN": "删除", en: "Remove" },
  id: { "zh-CN": "标识（用于 data-zhiqing）", en: "Id (used in data-zhiqing)" },
  required: { "zh-CN": "必要（始终开启，不可关闭）", en: "Required (always on, cannot be switched off)" },
  purposeTitle: { "zh-CN": "标题", en: "Title" },
  description: { "zh-CN": "说明", en: "Description" },
  dataCategories: { "zh-CN": "个人信息种类（用逗号分隔）", en: "Categories of personal information (comma-separated)" },
  methods: { "zh-CN": "处理方式", en: "Processing methods" },
  retention: { "zh-CN": "保存期限", en: "Retention" },
  cookies: { "zh-CN": "撤回时删除的 Cookie（用逗号分隔，* 为通配符）", en: "Cookies deleted on withdrawal (comma-separated, * wildcard)" },
  vendors: { "zh-CN": "服务商", en: "Vendors" },
  vendorPick: { "zh-CN": "从检查器的服务商目录中选择", en: "Pick from the inspector's vendor catalog" },
  vendorAdd: { "zh-CN": "添加服务商", en: "Add vendor" },
  vendorUnknown: { "zh-CN": "目录中没有这个服务商：", en: "No such vendor in the catalog: " },
  notInCatalog: { "zh-CN": "（不在目录中）", en: "(not in the catalog)" },
  separate: { "zh-CN": "单独同意事项", en: "Separate consent items" },
  separateIntro: {
    "zh-CN": "敏感个人信息、向第三方提供、向境外提供和公开个人信息，需要单独同意。每类只显示该类所需的字段。",
    en: "Sensitive personal information, sharing with a third party, transfer abroad and public disclosure each need separate consent. Each kind shows the fields it needs."
  },
  addItem: { "zh-CN": "添加事项：", en: "Add an item:" },
  kind: { "zh-CN": "类型", en: "Kind" },
  kindSensitive: { "zh-CN": "敏感个人信息", en: "Sensitive personal information" },
  kindThirdParty: { "zh-CN": "向第三方提供", en: "Third party" },
  kindCrossBorder: { "zh-CN": "向境外提供", en: "Cross-border transfer" },
  kindPublic: { "zh-CN": "公开", en: "Public disclosure" },
  necessity: { "zh-CN": "处理的必要性", en: "Why it is necessary" },
  impact: { "zh-CN": "对个人权益的影响", en: "Impact on the shopper" },
  assessment: { "zh-CN": "个人信息保护影响评估编号（如有）", en: "Impact assessment reference (if any)" },
  recipient: { "zh-CN": "接收方", en: "Recipient" },
  recipientName: { "zh-CN": "接收方名称", en: "Recipient's name" },
  recipientContact: { "zh-CN": "接收方联系方式", en: "Recipient's contact" },
  recipientPurpose: { "zh-CN": "处理目的", en: "Purpose" },
  recipientMethod: { "zh-CN": "处理方式", en: "Method" },
  recipientCountry: { "zh-CN": "国家或地区（ISO 两位代码，如 HK）", en: "Country or region (ISO code, e.g. HK)" },
  recipientRights: { "zh-CN": "向接收方行使权利的方式", en: "How to exercise rights with the recipient" },
  minors: { "zh-CN": "未成年人", en: "Minors" },
  minorsOn: { "zh-CN": "低于此年龄须由监护人同意", en: "Below this age a guardian must consent" },
  minAge: { "zh-CN": "年龄（1–18）", en: "Age (1–18)" },
  ui: { "zh-CN": "界面选项", en: "Dialog options" },
  floatingButton: { "zh-CN": "始终显示隐私设置按钮", en: "Always show the privacy settings button" },
  reloadOnWithdraw: { "zh-CN": "撤回同意后重新加载页面", en: "Reload the page after a withdrawal" },
  googleConsentMode: { "zh-CN": "映射到 Google Consent Mode v2（境外访客）", en: "Map to Google Consent Mode v2 (visitors abroad)" },
  shadowDom: { "zh-CN": "在 Shadow DOM 中显示", en: "Render in a Shadow DOM" },
  sync: { "zh-CN": "同步", en: "Sync" },
  syncEndpoint: { "zh-CN": "同意记录接口（凭证账本的地址，如 /api/consent）", en: "Consent endpoint (the ledger's address, e.g. /api/consent)" },
  importTitle: { "zh-CN": "导入已有配置", en: "Import an existing config" },
  importFile: { "zh-CN": "选择 JSON 文件", en: "Choose a JSON file" },
  importPaste: { "zh-CN": "或粘贴 JSON", en: "or paste JSON" },
  importButton: { "zh-CN": "导入粘贴的内容", en: "Import the pasted text" },
  imported: { "zh-CN": "已导入。如有问题，会列在下方并标在对应字段旁。", en: "Imported. Any problem is listed below and marked at its field." },
  undoImport: { "zh-CN": "撤销导入", en: "Undo the import" },
  output: { "zh-CN": "输出", en: "Output" },
  configJson: { "zh-CN": "配置文件 zhiqing.config.json", en: "Config file zhiqing.config.json" },
  download: { "zh-CN": "下载", en: "Download" },
  copy: { "zh-CN": "复制", en: "Copy" },
  copied: { "zh-CN": "已复制", en: "Copied" },
  copyFailed: { "zh-CN": "无法复制：请选中文本后手动复制", en: "Could not copy: select the text and copy it" },
  stillInvalid: { "zh-CN": "注意：配置还有问题，SDK 不会显示对话框，也不会放行任何脚本。", en: "Note: the config still has problems; the SDK would show no dialog and unblock nothing." },
  scriptTag: { "zh-CN": "页面中的脚本标签", en: "The script tag for your pages" },
  scriptTagPin: {
    "zh-CN": "data-config-integrity 是上面这个配置文件的哈希：浏览器只接受与之一致的文件，回访顾客的设备直接使用保存的副本，不再下载。修改配置文件时，请把新的哈希一并写入页面（浏览器控制台会给出新文件的哈希）。",
    en: "data-config-integrity is the hash of the config file above: browsers accept only that file, and a returning shopper's device uses its saved copy without downloading it again. When you change the file, put its new hash in your pages too (the browser console names it)."
  },
  snippets: { "zh-CN": "服务商代码：改写为同意后加载", en: "Vendor tags, rewritten to wait for consent" },
  snippetsNone: { "zh-CN": "在“处理目的”中为目的添加服务商后，这里会给出改写后的代码。", en: "Add vendors to purposes above to get their rewritten tags here." },
  before: { "zh-CN": "原代码", en: "Before" },
  after: { "zh-CN": "改写后", en: "After" },
  gatingTitle: { "zh-CN": "检查器建议的代码修改", en: "Tag edits the inspector proposes" },
  preview: { "zh-CN": "实时预览", en: "Live preview" },
  previewNote: { "zh-CN": "预览中的选择只保存在预览里，不会影响商城。", en: "Choices made in the preview stay in the preview." },
  previewFromDisk: {
    "zh-CN": "从磁盘直接打开时无法预览：SDK 的对话框代码带有完整性校验，浏览器不允许从本地文件加载这类脚本。把此文件夹放到任意 HTTP(S) 服务器上，或使用检查器扩展中的配置器，即可看到预览。配置、校验和输出不受影响。",
    en: "No preview when opened from disk: the SDK's dialog code is integrity-checked, and browsers do not load such scripts from local files. Serve this folder from any HTTP(S) server, or use the configurator in the inspector extension, to see the preview. The config, its checks and the output work as usual."
  },
  previewBlocked: { "zh-CN": "配置有问题时 SDK 不显示对话框。请先处理这些问题：", en: "The SDK shows no dialog while the config has problems. Fix these first:" },
  desktop: { "zh-CN": "桌面", en: "Desktop" },
  phone: { "zh-CN": "手机 375 px", en: "Phone 375 px" }
} satisfies Record<string, Record<Locale, string>>

export type WordKey = keyof typeof WORDS

/** Both languages' words for `key`, for a message shown in whichever language the configurator is in then. */
export function phrase(key: WordKey): Record<Locale, string> {
  return WORDS[key]
}

/** The word for `key` in `locale`. */
export function word(key: WordKey, locale: Locale): string {
  return WORDS[key][locale]
}

/** "3 problems to fix", in `locale`. */
export function problemCount(count: number, locale: Locale): string {
  if (locale === "zh-CN") return `${count} 个问题需要处理`
  return count === 1 ? "1 problem to fix" : `${count} problems to fix`
}
