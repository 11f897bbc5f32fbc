// @vitest-environment happy-dom
// @vitest-environment-options { "url": "https://shop.example.cn/" }
import "fake-indexeddb/auto"
import { createHash } from "node:crypto"
import { readFileSync } from "node:fs"
import { fileURLToPath } from "node:url"
import { IDBFactory } from "fake-indexeddb"
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest"
import type { ZhiqingApi } from "./api"
import type { Config, ConsentState, Receipt } from "./schema"
import { checkConfigRules } from "./config-rules"
import { sha256Bytes } from "./core/sha256"
import type { Decision, DialogHost, Dialogs, DialogsModule, DialogView, MountDialogs } from "./ui/contract"

/** The dialogs module as the script tag's loader hands it over, with a stand-in for the Preact dialogs. */
const moduleWith = (mountDialogs: MountDialogs) => async (): Promise<DialogsModule> => ({ mountDialogs, checkConfigRules })
const hashOf = (text: string) => createHash("sha256").update(text).digest("hex")
const ownSha256 = async () => sha256Bytes

const canonical = JSON.parse(readFileSync(fileURLToPath(import.meta.resolve("../examples/shop.config.json")), "utf8")) as Config

/** A stand-in for the Preact dialogs: records what the engine asks of them and answers like a shopper would. */
interface FakeDialogs extends Dialogs {
  host: DialogHost
  banners: number
  opened: DialogView[]
  closed: number
  asked: string[]
  /** What the shopper answers when an item is asked on its own. */
  answer: boolean
}

function fakeDialogs(): { mount: MountDialogs; ui: () => FakeDialogs } {
  let ui: FakeDialogs | undefined
  const mount: MountDialogs = (host) => {
    ui = {
      host,
      banners: 0,
      opened: [],
      closed: 0,
      asked: [],
      answer: true,
      showBanner: () => void ui!.banners++,
      open: (view) => void ui!.opened.push(view),
      async ask(itemId, flow) {
        ui!.asked.push(itemId)
        await host.decide({ purposes: host.state()?.purposes ?? {}, separate: { [itemId]: ui!.answer }, given: { flow, control: "agree" }, noticeHash: hashOf(itemId) })
        return ui!.answer
      },
      close: () => void ui!.closed++,
      destroy: () => undefined
    }
    return ui
  }
  return { mount, ui: () => ui! }
}

const agreeAll = (config: Config = canonical): Decision => ({
  purposes: Object.fromEntries(config.purposes.map((purpose) => [purpose.id, true])),
  given: { flow: "banner", control: "agree" },
  noticeHash: hashOf("我们的隐私政策……同意")
})
const declineAll: Decision = { purposes: {}, given: { flow: "banner", control: "decline" }, noticeHash: hashOf("我们的隐私政策……不同意") }

/** A fresh engine, as on a new page load of the same shop (storage persists between loads). */
async function load(config: unknown = canonical, options: Parameters<ZhiqingApi["init"]>[1] = {}) {
  vi.resetModules()
  const { createZhiqing } = await import("./engine")
  const dialogs = fakeDialogs()
  const api = createZhiqing(moduleWith(dialogs.mount), ownSha256)
  const started = api.init(structuredClone(config), options)
  // A page that asks mounts the dialogs; a returning shopper's page does not even load them.
  await vi.waitFor(() => expect(dialogs.ui() ?? api.get()).toBeTruthy())
  await new Promise((done) => setTimeout(done, 10))
  return { api, started, ui: dialogs.ui }
}

/** The next page load of a shopper who agreed to everything: a fresh engine, with its dialogs loader watched. */
async function afterAgreeing() {
  if (!localStorage.getItem("zhiqing")) await (await load()).ui().host.decide(agreeAll())
  vi.resetModules()
  const { createZhiqing } = await import("./engine")
  const loader = vi.fn(moduleWith(fakeDialogs().mount))
  return { api: createZhiqing(loader, ownSha256), loader }
}

const ledgerCalls: Array<{ url: string; init?: RequestInit }> = []
let ledger: (url: string, init?: RequestInit) => Response | Promise<Response>

beforeEach(() => {
  // Each test is a page of its own: engines of earlier tests, still alive, must not hear this one's decisions.
  vi.stubGlobal("BroadcastChannel", class {
    onmessage = null
    postMessage() {}
  })
  vi.stubGlobal("indexedDB", new IDBFactory())
  ledgerCalls.length = 0
  ledger = () => new Response("{}", { status: 201 })
  vi.stubGlobal("fetch", async (url: string, init?: RequestInit) => {
    ledgerCalls.push({ url: String(url), init })
    return ledger(String(url), init)
  })
})

afterEach(() => {
  vi.unstubAllGlobals()
  vi.restoreAllMocks()
  for (const name of document.cookie.split("; ").map((part) => part.split("=")[0])) document.cookie = `${name}=; Max-Age=0; Path=/`
  localStorage.clear()
})

describe("the engine", () => {
  it("APPM-3-1: nothing is allowed before a decision, not even a required purpose, and get() is null", async () => {
    const { api, ui } = await load()
    expect(ui().banners).toBe(1)
    expect(api.get()).toBeNull()
    for (const id of ["necessary", "analytics", "sensitive-id-card", "unknown"]) expect(api.allowed(id)).toBe(false)
  })

  it("an invalid config leaves the safe default: an error naming the field, nothing allowed, no dialogs, no exception", async () => {
    vi.resetModules()
    const { createZhiqing } = await import("./engine")
    const errors: string[] = []
    vi.spyOn(console, "error").mockImplementation((...args) => void errors.push(args.join(" ")))
    const warnings = vi.spyOn(console, "warn").mockImplementation(() => undefined)
    const mount = vi.fn()
    const api = createZhiqing(moduleWith(mount), ownSha256)
    const broken = structuredClone(canonical) as unknown as { purposes: unknown[] }
    broken.purposes[1] = 7
    void api.init(broken)
    await vi.waitFor(() => expect(errors.join("\n")).toContain("purposes[1]: expected object, got number"))
    expect(mount).not.toHaveBeenCalled()
    expect(api.allowed("analytics")).toBe(false)
    expect(await api.request("sensitive-id-card")).toBe(false)
    // The config's error says why; the item is not said to be missing from a config that was refused.
    expect(warnings).not.toHaveBeenCalled()
    await expect(api.withdraw()).resolves.toBeUndefined()
  })

  it("on a plain-http page (no crypto.subtle, no randomUUID) the dialogs still ask, and the decision gets a UUID", async () => {
    vi.stubGlobal("isSecureContext", false)
    const real = globalThis.crypto
    vi.stubGlobal("crypto", { getRandomValues: <T extends ArrayBufferView>(array: T) => real.getRandomValues(array) })
    const { api, ui } = await load()
    expect(ui().banners).toBe(1)
    const state = await ui().host.decide(agreeAll())
    expect(state.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    expect(api.allowed("analytics")).toBe(true)
  })

  it("the law's rules come with the dialogs module and are checked once per config and device", async () => {
    const { api: returning, loader } = await afterAgreeing()
    await returning.init(structuredClone(canonical))
    expect(returning.allowed("analytics")).toBe(true)
    expect(loader).not.toHaveBeenCalled()
    // A changed config is checked again before anything is unblocked.
    vi.resetModules()
    const changed = structuredClone(canonical)
    changed.handler.name = { "zh-CN": "新名称" } as Config["handler"]["name"]
    const errors: string[] = []
    vi.spyOn(console, "error").mockImplementation((...args) => void errors.push(args.join(" ")))
    const again = (await import("./engine")).createZhiqing(loader, ownSha256)
    void again.init(changed)
    await vi.waitFor(() => expect(errors.join("\n")).toContain('handler.name.en: missing text for locale "en"'))
    expect(loader).toHaveBeenCalledTimes(1)
    expect(again.allowed("analytics")).toBe(false)
  })

  it("a returning shopper's choices apply within init() itself, so gated scripts run while the script tag runs", async () => {
    const { api: returning, loader } = await afterAgreeing()
    void returning.init(structuredClone(canonical))
    expect(returning.allowed("analytics")).toBe(true)
    expect(returning.allowed("marketing")).toBe(true)
    expect(loader).not.toHaveBeenCalled()
  })

  it("a config checked by another release of the SDK, or kept the older way, is checked again before anything is unblocked", async () => {
    await (await load()).ui().host.decide(agreeAll())
    const checked = localStorage.getItem("zhiqing.checked")!
    for (const kept of [checked.replace(/^source/, "0.0.1"), "1x2y3z"]) {
      localStorage.setItem("zhiqing.checked", kept)
      const { api: again, loader } = await afterAgreeing()
      void again.init(structuredClone(canonical))
      expect(again.allowed("analytics")).toBe(false)
      await vi.waitFor(() => expect(again.allowed("analytics")).toBe(true))
      expect(loader).toHaveBeenCalledTimes(1)
      expect(localStorage.getItem("zhiqing.checked")).toBe(checked)
    }
  })

  it("open(), request() and locale() called before the dialogs arrive wait for them", async () => {
    vi.resetModules()
    const { createZhiqing } = await import("./engine")
    const dialogs = fakeDialogs()
    let arrive!: () => void
    const arrived = new Promise<void>((done) => (arrive = done))
    const asked: string[] = []
    const api = createZhiqing(async (locale) => {
      asked.push(locale)
      await arrived
      return moduleWith(dialogs.mount)()
    }, ownSha256)
    void api.init(structuredClone(canonical))
    api.locale("en")
    api.open("rights")
    const answer = api.request("sensitive-id-card")
    expect(dialogs.ui()).toBeUndefined()
    arrive()
    await vi.waitFor(() => expect(dialogs.ui()?.opened).toEqual(["rights"]))
    expect(dialogs.ui()!.host.locale()).toBe("en")
    expect(asked).toContain("en")
    expect(await answer).toBe(true)
    expect(dialogs.ui()!.asked).toEqual(["sensitive-id-card"])
  })

  it("dialogs that cannot be loaded: nothing is unblocked, request() rejects, and open() tries again", async () => {
    vi.resetModules()
    const { createZhiqing } = await import("./engine")
    const dialogs = fakeDialogs()
    let available = false
    const loader = vi.fn(async () => {
      if (!available) throw new Error("[zhiqing] the dialogs could not be loaded from https://shop.example.cn/zhiqing-dialogs-0.js")
      return moduleWith(dialogs.mount)()
    })
    const api = createZhiqing(loader, ownSha256)
    void api.init(structuredClone(canonical))
    await expect(api.request("sensitive-id-card")).rejects.toThrow("could not be loaded from https://shop.example.cn/zhiqing-dialogs-0.js")
    expect(api.allowed("analytics")).toBe(false)
    available = true
    api.open("rights")
    await vi.waitFor(() => expect(dialogs.ui()?.opened).toEqual(["rights"]))
  })

  it("PIPL-17-1: a config missing a locale's text is refused, naming the path", async () => {
    const errors: string[] = []
    vi.spyOn(console, "error").mockImplementation((...args) => void errors.push(args.join(" ")))
    const config = structuredClone(canonical)
    delete config.purposes[1]!.title.en
    vi.resetModules()
    const { createZhiqing } = await import("./engine")
    void createZhiqing(moduleWith(vi.fn()), ownSha256).init(config)
    await vi.waitFor(() => expect(errors.join("\n")).toContain('purposes[1].title.en: missing text for locale "en"'))
  })

  it("a decision is told to the page: ready, zhiqing:ready, zhiqing:change and on('change')", async () => {
    const { api, ui } = await load()
    const events: string[] = []
    addEventListener("zhiqing:ready", (event) => events.push("ready:" + (event as CustomEvent<ConsentState>).detail.purposes.analytics))
    addEventListener("zhiqing:change", () => events.push("change"))
    const heard: ConsentState[] = []
    const off = api.on("change", (state) => heard.push(state))
    const state = await ui().host.decide(agreeAll())
    expect(await api.ready).toEqual(state)
    expect(events).toEqual(["ready:true", "change"])
    expect(heard).toEqual([state])
    off()
    await api.withdraw("analytics")
    expect(heard).toHaveLength(1)
    expect(api.allowed("analytics")).toBe(false)
  })

  it("ISO29184-LANG: the noticeHash of the text shown is recorded, and the locale", async () => {
    const { ui } = await load()
    const decision = agreeAll()
    const state = await ui().host.decide(decision)
    expect(state.noticeHash).toBe(decision.noticeHash)
    expect(state.locale).toBe(ui().host.locale())
  })

  it("PIPL-14-1: required purposes are always on and nothing optional is granted unless chosen", async () => {
    const { api, ui } = await load()
    const state = await ui().host.decide({ ...declineAll, purposes: { necessary: false } })
    expect(state.purposes).toEqual({ necessary: true, analytics: false, personalization: false, marketing: false })
    expect(api.allowed("necessary")).toBe(true)
  })

  it("SEP-UI: accepting the general notice never grants a separate item", async () => {
    const { api, ui } = await load()
    await ui().host.decide(agreeAll())
    expect(api.get()?.separate).toEqual({ "sensitive-id-card": false, "share-logistics": false, "crossborder-hk-warehouse": false })
    expect(api.allowed("share-logistics")).toBe(false)
  })

  it("NDSR-22-5: a refusal is remembered; the next page load does not ask again and allows nothing optional", async () => {
    const first = await load()
    await first.ui().host.decide(declineAll)
    const again = await load()
    expect(await again.started).toMatchObject({ purposes: { analytics: false } })
    expect(again.ui()).toBeUndefined()
    expect(again.api.allowed("analytics")).toBe(false)
  })

  it("PIPL-17-3: a new policy version asks again, and the earlier choices stay in force until answered", async () => {
    const first = await load()
    await first.ui().host.decide(agreeAll())
    const { api, ui } = await load({ ...canonical, policy: { ...canonical.policy, version: "2027-01" } })
    expect(ui().banners).toBe(1)
    expect(ui().host.policyChanged()).toBe(true)
    expect(api.allowed("analytics")).toBe(true)
  })

  it("PIPL-14-2: a new or changed purpose asks again for just that, keeping the unchanged choices", async () => {
    const first = await load()
    await first.ui().host.decide(agreeAll())
    const changed = structuredClone(canonical)
    changed.purposes[3]!.vendors = ["ocean-engine", "kuaishou-ads"]
    changed.purposes.push({ id: "surveys", title: { "zh-CN": "问卷", en: "Surveys" }, description: { "zh-CN": "问卷调查", en: "Surveys" } })
    const { api, ui } = await load(changed)
    expect(ui().banners).toBe(1)
    expect(ui().host.newPurposes()).toEqual(["marketing", "surveys"])
    expect(api.allowed("analytics")).toBe(true)
    expect(api.allowed("marketing")).toBe(false)
    expect(ui().host.state()?.purposes).toMatchObject({ analytics: true, marketing: false })
  })

  it("APPM-2: request() asks for one separate item and resolves with the answer; an answered item is not asked again", async () => {
    const { api, ui } = await load()
    await ui().host.decide(declineAll)
    expect(await api.request("sensitive-id-card")).toBe(true)
    expect(api.allowed("sensitive-id-card")).toBe(true)
    expect(await api.request("sensitive-id-card")).toBe(true)
    expect(ui().asked).toEqual(["sensitive-id-card"])
    vi.spyOn(console, "warn").mockImplementation(() => undefined)
    expect(await api.request("no-such-item")).toBe(false)
  })

  it("PIPL-29: a separate item answered before the general notice does not count as answering the notice", async () => {
    const first = await load()
    expect(await first.api.request("share-logistics")).toBe(true)
    const again = await load()
    expect(again.ui().banners).toBe(1)
    expect(again.api.allowed("share-logistics")).toBe(true)
  })

  it("PIPL-15-2: withdrawing a purpose deletes its declared cookies and keeps the rest", async () => {
    const { api, ui } = await load()
    await ui().host.decide(agreeAll())
    document.cookie = "_hmt_abc=1; Path=/"
    document.cookie = "HMACCOUNT=2; Path=/"
    document.cookie = "_ttp=3; Path=/"
    const names = () => document.cookie.split("; ").map((part) => part.split("=")[0]).sort()
    await api.withdraw("analytics")
    expect(names()).toEqual(["_ttp", "zhiqing"])
    expect(api.allowed("marketing")).toBe(true)
    await api.withdraw()
    expect(names()).toEqual(["zhiqing"])
    expect(api.get()?.purposes).toEqual({ necessary: true, analytics: false, personalization: false, marketing: false })
  })

  it("PIPL-69: every decision leaves a receipt saying how it was given, delivered to the ledger", async () => {
    const { api, ui } = await load()
    await ui().host.decide(agreeAll())
    await api.withdraw("marketing")
    // Engines of earlier tests may still be retrying their own receipts: count this shopper's only.
    const mine = () => ledgerCalls.map((call) => JSON.parse(String(call.init?.body)) as Receipt).filter((receipt) => receipt.subject === api.get()?.subject)
    await vi.waitFor(() => expect(mine()).toHaveLength(2))
    const sent = mine()
    expect(sent.map((receipt) => receipt.given)).toEqual([
      { flow: "banner", control: "agree" },
      { flow: "withdraw", control: "api" }
    ])
    expect(new Set(ledgerCalls.map((call) => call.url))).toEqual(new Set(["/api/consent"]))
    expect(sent[1]?.origin).toBe("https://shop.example.cn")
    // Both decisions can fall in one millisecond, and receipts are listed by time: compare them as a set.
    expect((await ui().host.receipts()).map((receipt) => receipt.id).sort()).toEqual(sent.map((receipt) => receipt.id).sort())
  })

  it("Global Privacy Control refuses marketing in a decision, and withdraws a stored grant as a signal", async () => {
    const first = await load()
    await first.ui().host.decide(agreeAll())
    Object.defineProperty(navigator, "globalPrivacyControl", { value: true, configurable: true })
    try {
      const { api } = await load()
      await vi.waitFor(() => expect(api.allowed("marketing")).toBe(false))
      expect(api.allowed("analytics")).toBe(true)
      await vi.waitFor(() => expect(ledgerCalls.map((call) => (JSON.parse(String(call.init?.body)) as Receipt).given.flow)).toContain("signal"))
      const fresh = await load({ ...canonical, policy: { ...canonical.policy, version: "2027-01" } })
      expect((await fresh.ui().host.decide(agreeAll())).purposes.marketing).toBe(false)
    } finally {
      Reflect.deleteProperty(navigator, "globalPrivacyControl")
    }
  })

  it("Google Consent Mode v2 is off by default, and with ui.googleConsentMode maps decisions to gtag commands", async () => {
    const page = window as unknown as { dataLayer?: IArguments[] }
    delete page.dataLayer
    const plain = await load()
    await plain.ui().host.decide(agreeAll())
    expect(page.dataLayer).toBeUndefined()
    localStorage.clear()
    document.cookie = "zhiqing=; Max-Age=0; Path=/"
    const { ui } = await load({ ...canonical, ui: { googleConsentMode: true } })
    await ui().host.decide({ ...agreeAll(), purposes: { analytics: true } })
    const commands = (page.dataLayer ?? []).map((entry) => Array.from(entry))
    expect(commands).toEqual([
      ["consent", "default", { analytics_storage: "denied", ad_storage: "denied", ad_user_data: "denied", ad_personalization: "denied" }],
      ["consent", "update", { analytics_storage: "granted", ad_storage: "denied", ad_user_data: "denied", ad_personalization: "denied" }]
    ])
  })

  it("cross-device: with a subject token the ledger's newer decision wins, an older one does not", async () => {
    const remote = (decidedAt: string, analytics: boolean): ConsentState => ({
      schema: 1,
      id: "7d3c2f0e-5b1a-4c9d-8e7f-0a1b2c3d4e5f",
      subject: "shopper-0042",
      policyVersion: canonical.policy.version,
      locale: "en",
      decidedAt,
      purposes: { necessary: true, analytics, personalization: false, marketing: false },
      separate: {},
      noticeHash: "d".repeat(64)
    })
    ledger = (url, init) => (init?.method === "POST" ? new Response("{}", { status: 201 }) : Response.json(remote("2099-01-01T00:00:00.000+08:00", true)))
    const { api, ui } = await load(canonical, { subject: { id: "shopper-0042", token: "signed" } })
    await vi.waitFor(() => expect(api.allowed("analytics")).toBe(true))
    expect(ui().closed).toBe(1)
    const pull = ledgerCalls.find((call) => call.url.endsWith("/shopper-0042"))
    expect(new Headers(pull?.init?.headers).get("authorization")).toBe("Bearer signed")

    await ui().host.decide(declineAll)
    ledger = (url, init) => (init?.method === "POST" ? new Response("{}", { status: 201 }) : Response.json(remote("2020-01-01T00:00:00.000Z", true)))
    const later = await load(canonical, { subject: { id: "shopper-0042", token: "signed" } })
    await later.started
    expect(later.api.allowed("analytics")).toBe(false)
    expect(later.api.get()?.subject).toBe("shopper-0042")
  })

  it("locale() switches only to a configured language and is remembered", async () => {
    const { api } = await load()
    expect(api.locale("en")).toBe("en")
    expect(api.locale("fr" as "en")).toBe("en")
    expect((await load()).api.locale()).toBe("en")
  })

  it("localStorage that throws on every call still lets the shopper decide, kept in the cookie", async () => {
    vi.spyOn(Storage.prototype, "getItem").mockImplementation(() => {
      throw new DOMException("denied", "SecurityError")
    })
    vi.spyOn(Storage.prototype, "setItem").mockImplementation(() => {
      throw new DOMException("quota", "QuotaExceededError")
    })
    const first = await load()
    await first.ui().host.decide(agreeAll())
    const again = await load()
    expect(again.ui()).toBeUndefined()
    expect(again.api.allowed("analytics")).toBe(true)
  })
})

describe("the shopper's language", () => {
  const languages = (list: string[]) => vi.spyOn(navigator, "languages", "get").mockReturnValue(list)

  afterEach(() => document.documentElement.removeAttribute("lang"))

  it("is the one asked for, else the last switched to, else the page's, else the browser's, else the config's first", async () => {
    const { pickLocale } = await import("./engine")
    const both: Array<"zh-CN" | "en"> = ["zh-CN", "en"]
    languages(["en-GB", "zh-CN"])
    expect(pickLocale(both, undefined)).toBe("en")
    document.documentElement.lang = "zh-Hans-CN"
    expect(pickLocale(both, undefined)).toBe("zh-CN")
    localStorage.setItem("zhiqing.locale", "en")
    expect(pickLocale(both, undefined)).toBe("en")
    expect(pickLocale(both, "zh-CN")).toBe("zh-CN")
    localStorage.clear()
    document.documentElement.lang = "fr"
    languages(["fr-FR", "de"])
    expect(pickLocale(both, undefined)).toBe("zh-CN")
    expect(pickLocale(["en", "zh-CN"], undefined)).toBe("en")
  })

  it("does not ask the browser when the page says its language: that read costs every returning shopper's page", async () => {
    const { pickLocale } = await import("./engine")
    const read = languages(["en-US"])
    document.documentElement.lang = "zh-CN"
    expect(pickLocale(["zh-CN", "en"], undefined)).toBe("zh-CN")
    expect(read).not.toHaveBeenCalled()
  })
})
