/**
 * Findings about the page itself: device permissions used without a just-in-time prompt (APPM-2), sensitive form
 * fields (PIPL-28), other parties' scripts reading what is typed into them (PIPL-29), and trackers on a page without
 * Zhiqing (PIPL-14-1).
 */
import { hostOf, isThirdParty } from "../../domains"
import type { ListenerEvent, SensitiveApi } from "../../events"
import type { Finding, PiKind, ReportField } from "../../report"
import { vendorForUrl } from "../../vendors/match"
import { apiEvidence, finding, listenerEvidence, requestEvidence } from "../evidence"
import { maskText } from "../mask-url"
import { nonEssential, type PageFacts } from "../page-facts"
import { groupBy } from "./group"
import { kindList, serviceName } from "./words"

/** Words in a separate item's id or title that show it asks for one device permission. */
const PERMISSION_WORDS: Partial<Record<SensitiveApi, RegExp>> = {
  geolocation: /location|geo|位置|定位/i,
  camera: /camera|photo|face|摄像|相机|拍照|人脸/i,
  microphone: /microphone|voice|audio|麦克风|语音|录音/i
}

const API_NAMES: Partial<Record<SensitiveApi, { "zh-CN": string; en: string }>> = {
  geolocation: { "zh-CN": "地理位置（定位）接口", en: "the geolocation API" },
  camera: { "zh-CN": "摄像头", en: "the camera" },
  microphone: { "zh-CN": "麦克风", en: "the microphone" }
}

/** APPM-2: geolocation, camera or microphone used while no separate item for it was granted. */
export function permissionFindings({ context, apis }: PageFacts): Finding[] {
  const { timeline } = context
  const unprompted = apis.filter((event) => {
    const words = PERMISSION_WORDS[event.api]
    if (!words) return false
    const asked = (timeline.config?.separate ?? []).some(
      (item) => timeline.separateGranted(item.id, event.time) && [item.id, item.title["zh-CN"], item.title.en, ...(item.dataCategories ?? [])].some((text) => text && words.test(text))
    )
    return !asked
  })
  return [...groupBy(unprompted, (event) => event.api)].flatMap(([api, group]) => {
    const name = API_NAMES[api as SensitiveApi]!
    return finding(
      "APPM-2",
      "medium",
      {
        "zh-CN": `页面使用了${name["zh-CN"]}，但使用前没有即时向顾客说明目的并取得同意。`,
        en: `The page used ${name.en} without first asking the shopper, at that moment and with the purpose shown.`
      },
      group.map((event) => apiEvidence(event, timeline))
    )
  })
}

/** PIPL-28: the page's form fields that ask for sensitive personal information, for the merchant's attention. */
export function sensitiveFieldFindings({ fields }: PageFacts): Finding[] {
  const sensitive = fields.filter((field) => field.sensitive)
  const kinds = kindList(sensitive.map((field) => field.kind).filter((kind): kind is PiKind => kind !== "other"))
  const named = kinds.en ? kinds : { "zh-CN": "生物识别、健康等", en: "biometrics, health and the like" }
  return finding(
    "PIPL-28",
    "low",
    {
      "zh-CN": `本页面有收集敏感个人信息的表单字段（${named["zh-CN"]}）。处理敏感个人信息须有特定目的和充分必要性，并取得单独同意。`,
      en: `This page has form fields that collect sensitive personal information (${named.en}). Processing it needs a specific purpose, sufficient necessity and separate consent.`
    },
    sensitive.map((field) => `field ${field.selector}${field.label ? ` ("${field.label}")` : ""} asks for ${field.kind === "other" ? "sensitive information" : field.kind}`)
  )
}

/** A listener on the whole page hears every field; one on a field hears that field. */
function fieldsHeard(event: ListenerEvent, sensitive: readonly ReportField[]): ReportField[] {
  if (event.selector === "window" || event.selector === "document") return [...sensitive]
  const selector = maskText(event.selector)
  return sensitive.filter((field) => field.selector === selector)
}

function fieldName(field: ReportField): string {
  return field.label ? `「${field.label}」` : field.selector
}

/**
 * PIPL-29: another party's script listens to keys or input on a sensitive field, or on the whole page: it can read
 * and record what the shopper types there (session recorders, key loggers) before anything is submitted or
 * uploaded. The page's own scripts are left out: validating its own form is the shop's business.
 */
export function typingListenerFindings({ context, listeners, fields }: PageFacts): Finding[] {
  const sensitive = fields.filter((field) => field.sensitive)
  if (!sensitive.length) return []
  const heard = listeners.flatMap((event) => {
    if (!event.script) return []
    const host = hostOf(event.script)
    const vendor = vendorForUrl(event.script)?.vendor
    if (!vendor && (!host || !isThirdParty(host, context.pageHost))) return []
    const targets = fieldsHeard(event, sensitive)
    return targets.length ? [{ event, host, vendor, targets }] : []
  })
  return [...groupBy(heard, (item) => item.vendor?.id ?? item.host).values()].flatMap((group) => {
    const service = serviceName(group[0]!.vendor, group[0]!.host)
    const names = [...new Set(group.flatMap((item) => item.targets.map(fieldName)))]
    return finding(
      "PIPL-29",
      "high",
      {
        "zh-CN": `${service["zh-CN"]} 的脚本监听顾客在 ${names.join("、")} 中的按键或输入：顾客输入的内容在提交或上传之前就能被它读取和记录（会话录制、键盘记录）。读取敏感个人信息须取得单独同意。`,
        en: `A script of ${service.en} listens to keys or input in ${names.join(", ")}: it can read and record what the shopper types there before anything is submitted or uploaded (session recording, key logging). Reading sensitive personal information needs separate consent.`
      },
      group.map(({ event, targets }) => listenerEvidence(event, targets.map(fieldName).join(", "), context.timeline))
    )
  })
}

/** PIPL-14-1: trackers run on a page where no Zhiqing config or consent state appeared, so consent cannot be checked. */
export function noZhiqingFindings({ context, requests }: PageFacts): Finding[] {
  if (context.timeline.present) return []
  const trackers = requests.filter((request) => request.vendor && nonEssential(request.vendor, undefined))
  return finding(
    "PIPL-14-1",
    "medium",
    {
      "zh-CN": "本页面运行了追踪器，但没有找到知情（Zhiqing）的配置或同意状态，无法核对这些追踪器是否取得了顾客的同意。如果商家使用其他同意管理工具，请人工核查。",
      en: "This page runs trackers, but no Zhiqing config or consent state was found, so they cannot be checked against the shopper's consent. If the shop uses another consent tool, check it by hand."
    },
    trackers.map((request) => requestEvidence(request, context.timeline))
  )
}
