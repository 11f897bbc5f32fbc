// @vitest-environment happy-dom
import { createHash } from "node:crypto"
import { readFileSync } from "node:fs"
import { fileURLToPath } from "node:url"
import { afterEach, describe, expect, it, vi } from "vitest"
import { createFrame, type FrameOptions } from "../core/frame"
import { sha256Bytes } from "../core/sha256"
import type { Config, ConsentState, Locale, Receipt, RightsRequest } from "../schema"
import type { Decision, DialogHost, Dialogs } from "./contract"
import { mountDialogs } from "./module"

const canonical = JSON.parse(readFileSync(fileURLToPath(import.meta.resolve("../../examples/shop.config.json")), "utf8")) as Config

interface FakeHost extends DialogHost {
  decisions: Decision[]
  rightsRequests: Array<Omit<RightsRequest, "subject">>
  prepared: Locale[]
}

interface HostSetup {
  config?: Config
  state?: ConsentState | null
  newPurposes?: string[]
  policyChanged?: boolean
  receipts?: Receipt[]
  /** The ledger's answer to a rights request (default: a ticket). */
  rightsAnswer?: () => Response
}

/** An engine stand-in that records what the dialogs ask of it. */
function fakeHost(setup: HostSetup = {}): FakeHost {
  let locale: Locale = "zh-CN"
  let state = setup.state ?? null
  const listeners = new Set<() => void>()
  const notify = () => listeners.forEach((listener) => listener())
  vi.stubGlobal("fetch", async (url: string, init: RequestInit) => {
    expect(url).toBe("/api/rights")
    const { subject, ...request } = JSON.parse(String(init.body)) as RightsRequest
    expect(subject).toBe("subject-0001")
    host.rightsRequests.push(request)
    return setup.rightsAnswer?.() ?? Response.json({ ticket: "R-20261101-0001" }, { status: 201 })
  })
  const host: FakeHost = {
    config: setup.config ?? structuredClone(canonical),
    decisions: [],
    rightsRequests: [],
    prepared: [],
    locale: () => locale,
    setLocale(next) {
      locale = next
      notify()
    },
    prepareLocale: (next) => void host.prepared.push(next),
    state: () => state,
    newPurposes: () => setup.newPurposes ?? [],
    policyChanged: () => setup.policyChanged ?? false,
    async decide(decision) {
      host.decisions.push(decision)
      state = {
        ...sampleState(),
        purposes: decision.purposes,
        separate: { ...state?.separate, ...decision.separate }
      }
      notify()
      return state
    },
    receipts: async () => setup.receipts ?? [],
    subject: () => "subject-0001",
    sha256: async () => sha256Bytes,
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    }
  }
  return host
}

function sampleState(purposes: Record<string, boolean> = { necessary: true }): ConsentState {
  return {
    schema: 1,
    id: "6f1c2b1e-8a4e-4d0b-9d57-2f1b8f0c9a11",
    subject: "subject-0001",
    policyVersion: "2026-11",
    locale: "zh-CN",
    decidedAt: "2026-11-02T08:00:00.000+08:00",
    purposes,
    separate: {},
    noticeHash: "0".repeat(64)
  }
}

let mounted: Dialogs | undefined
afterEach(() => {
  mounted?.destroy()
  mounted = undefined
  document.getElementById("zhiqing-root")?.remove()
  vi.unstubAllGlobals()
})

/** The dialogs in the frame the engine draws, the floating button opening the preference centre as it does there. */
function mount(host: DialogHost, options: Partial<FrameOptions> = {}): ShadowRoot {
  const frame = createFrame({ shadowDom: true, floatingButton: true, theme: {}, ...options }, "zh-CN", () => mounted?.open("preferences"))
  mounted = mountDialogs(host, frame)
  host.subscribe(() => frame.setLocale(host.locale()))
  return document.getElementById("zhiqing-root")!.shadowRoot!
}

/** Wait for the dialogs to hand a decision to the engine: they hash the notice shown first, which takes a moment. */
const recorded = (host: FakeHost) => vi.waitFor(() => expect(host.decisions.length).toBeGreaterThan(0))

/** Let Preact apply state updates and effects. */
const settle = () => new Promise((done) => setTimeout(done, 5))

/** Dialogs on screen: not inside a layer hidden underneath another. */
function visibleDialogs(root: ParentNode): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>("[role=dialog]")).filter((dialog) => !dialog.closest(".zq-h"))
}

function topDialog(root: ParentNode): HTMLElement {
  const dialogs = visibleDialogs(root)
  const dialog = dialogs.at(-1)
  if (!dialog) throw new Error("no dialog is open")
  return dialog
}

function accessibleName(element: Element): string {
  return element.getAttribute("aria-label") ?? element.textContent?.trim() ?? ""
}

function button(scope: ParentNode, name: string): HTMLButtonElement {
  const found = Array.from(scope.querySelectorAll("button")).filter((candidate) => accessibleName(candidate) === name)
  if (found.length !== 1) throw new Error(`expected one button named "${name}", found ${found.length}`)
  return found[0]!
}

/** A click as the browser reports a real one; scripts cannot produce `isTrusted`. */
function shopperClick(element: Element): void {
  const event = new MouseEvent("click", { bubbles: true, cancelable: true })
  Object.defineProperty(event, "isTrusted", { value: true })
  element.dispatchEvent(event)
}

function switches(scope: ParentNode): HTMLInputElement[] {
  return Array.from(scope.querySelectorAll<HTMLInputElement>("input[role=switch]"))
}

describe("first layer", () => {
  it("is a named dialog with three buttons 同意 / 不同意 / 设置 styled alike (NDSR-22-1)", () => {
    const root = mount(fakeHost())
    mounted!.showBanner()
    const dialog = topDialog(root)
    const title = root.getElementById(dialog.getAttribute("aria-labelledby")!)
    expect(title?.textContent).toBe("个人信息保护提示")
    const choices = ["同意", "不同意", "设置"].map((name) => button(dialog, name))
    expect(new Set(choices.map((choice) => choice.className)).size).toBe(1)
    expect(choices.every((choice) => choice.parentElement === choices[0]!.parentElement)).toBe(true)
  })

  it("names the handler, its contact and every purpose, and links the policy", () => {
    const root = mount(fakeHost())
    mounted!.showBanner()
    const text = topDialog(root).textContent ?? ""
    expect(text).toContain("示例商城有限公司作为个人信息处理者")
    expect(text).toContain("privacy@example.cn")
    expect(text).toContain("必要功能、统计分析、个性化推荐、营销推广")
    expect(topDialog(root).querySelector("a")?.getAttribute("href")).toBe("/privacy?lang=zh-CN")
  })

  it("PIPL-14-1: nothing is pre-ticked", () => {
    const root = mount(fakeHost())
    mounted!.showBanner()
    const boxes = Array.from(root.querySelectorAll<HTMLInputElement>("input[type=checkbox]"))
    expect(boxes.length).toBeGreaterThan(0)
    expect(boxes.every((box) => !box.checked)).toBe(true)
  })

  it("SEP-UI: Agree grants every purpose and no separate item", async () => {
    const host = fakeHost()
    const root = mount(host)
    mounted!.showBanner()
    const shown = topDialog(root).textContent ?? ""
    shopperClick(button(topDialog(root), "同意"))
    await settle()
    await recorded(host)
    expect(host.decisions).toHaveLength(1)
    const decision = host.decisions[0]!
    expect(Object.keys(decision).sort()).toEqual(["given", "noticeHash", "purposes"])
    expect(decision.purposes).toEqual({ necessary: true, analytics: true, personalization: true, marketing: true })
    expect(decision.given).toEqual({ flow: "banner", control: "agree" })
    // ISO29184-LANG: the proof is the SHA-256 of the exact notice on screen, which names the handler.
    expect(shown).toContain("示例商城有限公司作为个人信息处理者")
    expect(decision.noticeHash).toBe(createHash("sha256").update(shown).digest("hex"))
    expect(visibleDialogs(root)).toHaveLength(0)
  })

  it("Decline keeps only what is required, and the floating button stays (PIPL-15-1)", async () => {
    const host = fakeHost()
    const root = mount(host)
    mounted!.showBanner()
    shopperClick(button(topDialog(root), "不同意"))
    await settle()
    await recorded(host)
    expect(host.decisions[0]?.purposes).toEqual({ necessary: true, analytics: false, personalization: false, marketing: false })
    expect(host.decisions[0]?.given).toEqual({ flow: "banner", control: "decline" })
    expect(button(root, "隐私设置").isConnected).toBe(true)
  })

  it("PIPL-14-1: a click a script makes decides nothing", async () => {
    const host = fakeHost()
    const root = mount(host)
    mounted!.showBanner()
    button(topDialog(root), "同意").click()
    await settle()
    expect(host.decisions).toHaveLength(0)
    expect(visibleDialogs(root)).toHaveLength(1)
  })

  it("PIPL-17-3 and PIPL-14-2: a re-ask shows what changed and names the new purposes", () => {
    const config = structuredClone(canonical)
    config.policy.changes = { "zh-CN": "新增向境外仓库提供订单信息。", en: "Orders may now go to our overseas warehouse." }
    const root = mount(fakeHost({ config, policyChanged: true, newPurposes: ["marketing"] }))
    mounted!.showBanner()
    const text = topDialog(root).textContent ?? ""
    expect(text).toContain("个人信息处理规则已更新（版本 2026-11）")
    expect(text).toContain("新增向境外仓库提供订单信息。")
    expect(text).toContain("新增以下处理目的，请重新选择：营销推广")
  })

  it("PIPL-31: an under-age shopper is asked to bring a guardian, and the receipt says a guardian decided", async () => {
    const host = fakeHost()
    const root = mount(host)
    mounted!.showBanner()
    const under = root.querySelector<HTMLInputElement>("input[type=checkbox]")!
    expect(under.parentElement?.textContent).toBe("我不满14周岁")
    under.click()
    await settle()
    expect(topDialog(root).querySelector("h2")?.textContent).toBe("请监护人阅读并同意")
    shopperClick(button(topDialog(root), "同意"))
    await settle()
    await recorded(host)
    expect(host.decisions[0]?.given).toEqual({ flow: "banner", control: "agree", guardian: true })
  })

  it("has no age question when the merchant configures no minors rule", () => {
    const config = structuredClone(canonical)
    delete config.minors
    const root = mount(fakeHost({ config }))
    mounted!.showBanner()
    expect(root.querySelector("input[type=checkbox]")).toBeNull()
  })

  it("switches language at any time, re-rendering every text", async () => {
    const host = fakeHost()
    const root = mount(host)
    mounted!.showBanner()
    button(topDialog(root), "English").click()
    await settle()
    expect(host.locale()).toBe("en")
    const dialog = topDialog(root)
    expect(dialog.closest("[lang]")?.getAttribute("lang")).toBe("en")
    for (const name of ["Agree", "Decline", "Settings", "中文"]) button(dialog, name)
    expect(dialog.textContent).toContain("Example Mall Co., Ltd., the handler of your personal information")
    expect(button(root, "Privacy settings").isConnected).toBe(true)
  })

  it("starts loading a language's words when the pointer reaches, or focus enters, its button, before the click", () => {
    const host = fakeHost()
    const root = mount(host)
    mounted!.showBanner()
    const english = button(topDialog(root), "English")
    english.dispatchEvent(new Event("pointerenter"))
    english.focus()
    expect(host.prepared).toEqual(["en", "en"])
    expect(host.locale()).toBe("zh-CN")
  })
})

describe("merchant text and links", () => {
  it("renders merchant text as text, never as HTML", () => {
    const config = structuredClone(canonical)
    config.handler.name = { "zh-CN": '<img src=x onerror="window.pwned=1">', en: "<b>bold</b>" }
    const root = mount(fakeHost({ config }))
    mounted!.showBanner()
    expect(root.querySelector("img")).toBeNull()
    expect(topDialog(root).textContent).toContain('<img src=x onerror="window.pwned=1">作为个人信息处理者')
  })

  it("never turns a javascript: URL into a link", () => {
    const config = structuredClone(canonical)
    config.policy.url = { "zh-CN": "javascript:alert(1)", en: "JaVaScRiPt:alert(1)" }
    const root = mount(fakeHost({ config }))
    mounted!.showBanner()
    mounted!.open("preferences")
    expect(root.querySelectorAll("a")).toHaveLength(0)
    expect(root.innerHTML).not.toContain("javascript:")
  })
})

describe("preference centre", () => {
  it("PIPL-14-1 and GBT-5.3: one switch per purpose, optional ones off, required ones on and locked", () => {
    const root = mount(fakeHost())
    mounted!.open("preferences")
    const dialog = topDialog(root)
    expect(dialog.getAttribute("aria-modal")).toBe("true")
    const toggles = switches(dialog)
    expect(toggles.map((toggle) => [toggle.checked, toggle.disabled])).toEqual([
      [true, true],
      [false, false],
      [false, false],
      [false, false]
    ])
    expect(dialog.textContent).toContain("始终开启")
    expect(dialog.textContent).toContain("保存期限：13个月")
  })

  it("PIPL-24-2: the personalization switch is described by the merchant's own text on the non-personalized alternative, said once", () => {
    const root = mount(fakeHost())
    mounted!.open("preferences")
    const personalization = switches(topDialog(root))[2]!
    const description = root.getElementById(personalization.getAttribute("aria-describedby")!)?.textContent ?? ""
    expect(description.split("个人特征").length - 1).toBe(1)
  })

  it("saves exactly the purposes the shopper switched on", async () => {
    const host = fakeHost()
    const root = mount(host)
    mounted!.open("preferences")
    switches(topDialog(root))[1]!.click()
    await settle()
    shopperClick(button(topDialog(root), "保存选择"))
    await settle()
    await recorded(host)
    expect(host.decisions[0]?.purposes).toEqual({ necessary: true, analytics: true, personalization: false, marketing: false })
    expect(host.decisions[0]?.given).toEqual({ flow: "preferences", control: "save" })
    expect(host.decisions[0]?.separate).toBeUndefined()
    expect(visibleDialogs(root)).toHaveLength(0)
  })

  it("PIPL-15-1: switching a granted purpose off is recorded as a withdrawal", async () => {
    const host = fakeHost({ state: sampleState({ necessary: true, analytics: true, personalization: false, marketing: false }) })
    const root = mount(host)
    button(root, "隐私设置").click()
    await settle()
    const analytics = switches(topDialog(root))[1]!
    expect(analytics.checked).toBe(true)
    analytics.click()
    await settle()
    shopperClick(button(topDialog(root), "保存选择"))
    await settle()
    await recorded(host)
    expect(host.decisions[0]?.purposes.analytics).toBe(false)
    expect(host.decisions[0]?.given.flow).toBe("withdraw")
  })

  it("moves focus in, keeps it there, closes on Escape and gives focus back", async () => {
    const root = mount(fakeHost())
    const floating = button(root, "隐私设置")
    floating.focus()
    floating.click()
    await settle()
    const dialog = topDialog(root)
    expect(root.activeElement).toBe(dialog)
    const focusable = dialog.querySelectorAll<HTMLElement>("a[href],button:not(:disabled),input:not(:disabled)")
    focusable[focusable.length - 1]!.focus()
    const tab = new KeyboardEvent("keydown", { key: "Tab", bubbles: true, cancelable: true })
    root.activeElement!.dispatchEvent(tab)
    expect(tab.defaultPrevented).toBe(true)
    expect(root.activeElement).toBe(focusable[0])
    root.activeElement!.dispatchEvent(new KeyboardEvent("keydown", { key: "Escape", bubbles: true }))
    await settle()
    expect(visibleDialogs(root)).toHaveLength(0)
    expect(root.activeElement).toBe(floating)
  })

  it("opens each separate item on its own screen and shows its current answer", async () => {
    const root = mount(fakeHost())
    mounted!.open("preferences")
    const prefs = topDialog(root)
    expect(prefs.textContent).toContain("需要单独同意的事项")
    button(prefs, "向物流公司提供收货信息").click()
    await settle()
    expect(topDialog(root).querySelector("h2")?.textContent).toBe("向物流公司提供收货信息")
    expect(prefs.closest(".zq-h")).not.toBeNull()
  })
})

describe("separate consent", () => {
  const expected: Record<string, string[]> = {
    "sensitive-id-card": [
      "敏感个人信息",
      "身份证号码（个人敏感信息）",
      "跨境商品清关需要订购人的身份证号码。",
      "个人信息种类身份证号码",
      "处理的必要性海关要求跨境电商零售进口商品申报订购人身份信息。",
      "对您的影响如不提供，我们无法为您办理跨境商品的清关，但不影响购买其他商品。"
    ],
    "share-logistics": [
      "向第三方提供个人信息",
      "接收方顺丰速运有限公司",
      "联系方式privacy@sf-express.example",
      "处理目的配送订单",
      "处理方式系统接口传输",
      "个人信息种类姓名、电话号码、地址"
    ],
    "crossborder-hk-warehouse": [
      "向境外提供个人信息",
      "境外接收方示例国际物流（香港）有限公司",
      "联系方式dpo@example-global.hk",
      "所在国家或者地区中国香港",
      "处理目的跨境商品发货",
      "处理方式加密传输",
      "个人信息种类姓名、电话号码、地址、订单信息",
      "行使权利的方式您可发送邮件至 dpo@example-global.hk 向境外接收方行使查阅、复制、更正、删除等权利。"
    ]
  }

  for (const [id, facts] of Object.entries(expected)) {
    it(`PIPL-23-1, PIPL-30, PIPL-39: "${id}" shows every required fact on its own screen`, () => {
      const root = mount(fakeHost())
      void mounted!.ask(id, "request")
      const dialog = topDialog(root)
      expect(visibleDialogs(root)).toHaveLength(1)
      const text = dialog.textContent ?? ""
      for (const fact of facts) expect(text).toContain(fact)
      button(dialog, "同意")
      button(dialog, "不同意")
    })
  }

  it("shows every fact in English too", async () => {
    const host = fakeHost()
    host.setLocale("en")
    const root = mount(host)
    void mounted!.ask("crossborder-hk-warehouse", "separate")
    const text = topDialog(root).textContent ?? ""
    for (const fact of ["Overseas recipientExample Global Logistics (HK) Ltd.", "Country or regionHong Kong", "MethodEncrypted transfer", "Your rightsWrite to dpo@example-global.hk"]) {
      expect(text).toContain(fact)
    }
    button(topDialog(root), "Agree")
    button(topDialog(root), "Decline")
  })

  it("records only that item and resolves with the answer", async () => {
    const host = fakeHost({ state: sampleState({ necessary: true, analytics: true }) })
    const root = mount(host)
    const answer = mounted!.ask("sensitive-id-card", "request")
    shopperClick(button(topDialog(root), "同意"))
    await expect(answer).resolves.toBe(true)
    await recorded(host)
    expect(host.decisions[0]?.separate).toEqual({ "sensitive-id-card": true })
    expect(host.decisions[0]?.purposes).toEqual({ necessary: true, analytics: true })
    expect(host.decisions[0]?.given).toEqual({ flow: "request", control: "agree" })
    expect(visibleDialogs(root)).toHaveLength(0)
  })

  it("resolves false and records nothing when closed without an answer", async () => {
    const host = fakeHost()
    const root = mount(host)
    const answer = mounted!.ask("share-logistics", "separate")
    topDialog(root).dispatchEvent(new KeyboardEvent("keydown", { key: "Escape", bubbles: true }))
    await expect(answer).resolves.toBe(false)
    expect(host.decisions).toHaveLength(0)
  })

  it("PIPL-14-1: a scripted click on Agree grants nothing", async () => {
    const host = fakeHost()
    const root = mount(host)
    void mounted!.ask("share-logistics", "request")
    button(topDialog(root), "同意").click()
    await settle()
    expect(host.decisions).toHaveLength(0)
    expect(visibleDialogs(root)).toHaveLength(1)
  })

  it("answers false at once for an unknown item, and close() settles pending questions", async () => {
    mount(fakeHost())
    await expect(mounted!.ask("no-such-item", "request")).resolves.toBe(false)
    const pending = mounted!.ask("share-logistics", "request")
    mounted!.close()
    await expect(pending).resolves.toBe(false)
  })
})

/** Type into a field of the rights form as a shopper would. */
async function typeInto(field: HTMLInputElement | HTMLTextAreaElement, value: string): Promise<void> {
  field.value = value
  field.dispatchEvent(new Event("input", { bubbles: true }))
  await settle()
}

/** Send the rights form. */
async function submitForm(dialog: Element): Promise<void> {
  dialog.querySelector("form")!.dispatchEvent(new Event("submit", { bubbles: true, cancelable: true }))
  await settle()
}

describe("rights view", () => {
  const receipt: Receipt = {
    ...sampleState({ necessary: true, analytics: true }),
    separate: { "share-logistics": true },
    given: { flow: "banner", control: "agree" }
  }

  it("PIPL-44-50: lists the shopper's receipts and sends a request, showing its ticket", async () => {
    const host = fakeHost({ receipts: [receipt] })
    const root = mount(host)
    mounted!.open("rights")
    await settle()
    const dialog = topDialog(root)
    expect(dialog.textContent).toContain("已同意：统计分析、向物流公司提供收货信息")
    expect(button(dialog, "下载记录（JSON）").disabled).toBe(false)
    const select = dialog.querySelector("select")!
    select.value = "delete"
    select.dispatchEvent(new Event("change", { bubbles: true }))
    await typeInto(dialog.querySelector("textarea")!, "请删除我的收货地址")
    await submitForm(dialog)
    expect(host.rightsRequests).toEqual([{ right: "delete", locale: "zh-CN", details: "请删除我的收货地址" }])
    expect(dialog.querySelector("[role=status]")?.textContent).toBe("申请已收到，受理编号：R-20261101-0001")
  })

  it("PIPL-44-50: a server that is down gives a readable error and loses nothing typed", async () => {
    const host = fakeHost({
      rightsAnswer: () => Response.json({ error: "服务器暂时无法连接" }, { status: 503 })
    })
    const root = mount(host)
    mounted!.open("rights")
    await settle()
    const dialog = topDialog(root)
    await typeInto(dialog.querySelector<HTMLInputElement>("input")!, "13800000000")
    await submitForm(dialog)
    expect(dialog.querySelector("[role=status]")?.textContent).toContain("提交失败：服务器暂时无法连接。您填写的内容已保留")
    expect(dialog.querySelector("[role=status]")?.textContent).toContain("privacy@example.cn")
    expect(dialog.querySelector<HTMLInputElement>("input")!.value).toBe("13800000000")
  })

  it("PIPL-44-50: a ledger that cannot be reached is reported in the shopper's language, and nothing typed is lost", async () => {
    const host = fakeHost({
      rightsAnswer: () => {
        throw new TypeError("Failed to fetch")
      }
    })
    const root = mount(host)
    mounted!.open("rights")
    await settle()
    const dialog = topDialog(root)
    await typeInto(dialog.querySelector("textarea")!, "请删除我的收货地址")
    await submitForm(dialog)
    expect(dialog.querySelector("[role=status]")?.textContent).toBe("提交失败。您填写的内容已保留，请稍后重试或者联系 privacy@example.cn")
    expect(dialog.querySelector("textarea")!.value).toBe("请删除我的收货地址")
    expect(dialog.querySelector<HTMLButtonElement>("button[type=submit]")!.disabled).toBe(false)
  })

  it("names the handler mid-sentence in English, so a name ending in a full stop reads right", async () => {
    const host = fakeHost()
    host.setLocale("en")
    const root = mount(host)
    mounted!.open("rights")
    await settle()
    expect(topDialog(root).textContent).toContain("You can send Example Mall Co., Ltd. the requests below; we verify your identity")
  })

  it("offers every right the law names", () => {
    const root = mount(fakeHost())
    mounted!.open("rights")
    const rights = Array.from(topDialog(root).querySelectorAll("option")).map((option) => option.value)
    expect(rights).toEqual(["access", "copy", "transfer", "correct", "delete", "close-account", "withdraw", "explain", "restrict"])
  })
})

describe("mounting", () => {
  it("renders without a shadow root when asked, with the merchant's theme on the root", () => {
    mount(fakeHost(), { shadowDom: false, theme: { "--zq-accent": "#8a1538" } })
    const element = document.getElementById("zhiqing-root")!
    expect(element.shadowRoot).toBeNull()
    expect(element.style.getPropertyValue("--zq-accent")).toBe("#8a1538")
    expect(Array.from(element.querySelectorAll("style"), (style) => style.textContent).join("")).toContain(":where(#zhiqing-root)")
    mounted!.showBanner()
    button(element, "同意")
  })

  it("leaves out the floating button when the merchant turns it off, and destroy() removes the dialogs", () => {
    const root = mount(fakeHost(), { floatingButton: false })
    expect(root.querySelector(".zq-fab")).toBeNull()
    mounted!.showBanner()
    mounted!.destroy()
    mounted = undefined
    expect(root.querySelector("[role=dialog], .zq")).toBeNull()
  })

  it("the floating button, drawn with the frame, opens the preference centre and is named in the shopper's language", async () => {
    const root = mount(fakeHost())
    const fab = button(root, "隐私设置")
    fab.click()
    await settle()
    expect(topDialog(root).querySelector("h2")?.textContent).toBe("隐私设置")
  })
})
