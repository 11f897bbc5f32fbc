/**
 * The shop's own browser script (served compiled as /static/shop.js). It reads the shopper's choices only through
 * `window.Zhiqing`: recommendations follow `allowed("personalization")` (PIPL-24-2), the resident ID number is asked
 * for just in time with `request("sensitive-id-card")` (APPM-2, PIPL-29), and the account page shows `get()`.
 * Events go to trackers only through the queues their gated snippets create, so a tracker the shopper refused never
 * receives anything. In leaky mode the checkout deliberately mis-sends personal data, for the inspector to catch.
 */

interface ConsentState {
  id: string
  policyVersion: string
  decidedAt: string
  locale: "zh-CN" | "en"
  purposes: Record<string, boolean>
  separate: Record<string, boolean>
}

interface ZhiqingApi {
  get(): ConsentState | null
  allowed(id: string): boolean
  open(view?: "preferences" | "rights"): void
  request(itemId: string): Promise<boolean>
  locale(lang?: "zh-CN" | "en"): string
  ready: Promise<unknown>
}

interface CatalogEntry {
  id: string
  name: string
  price: string
  image: string
  category: string
  crossBorder: boolean
}

interface PageData {
  locale: "zh-CN" | "en"
  page: string
  leaky: boolean
  catalog?: CatalogEntry[]
  productId?: string
  totalFen?: number
  hasCrossBorder?: boolean
  order?: { id: string; totalFen: number; items: number }
  purposes?: Array<{ id: string; title: string; required: boolean }>
  separate?: Array<{ id: string; title: string }>
}

type Queue = { push(...items: unknown[]): unknown }

interface TrackerGlobals {
  Zhiqing?: Partial<ZhiqingApi>
  _hmt?: Queue
  _oeq?: Queue
  gtag?: (...args: unknown[]) => void
  sensors?: { track(event: string, properties?: Record<string, unknown>): void; login(id: string): void }
  fbq?: (...args: unknown[]) => unknown
}

const globals = window as unknown as TrackerGlobals
const data = readPageData()
const t = (zh: string, en: string): string => (data.locale === "en" ? en : zh)

function readPageData(): PageData {
  try {
    return JSON.parse(document.getElementById("zx-page")?.textContent ?? "{}") as PageData
  } catch {
    return { locale: "zh-CN", page: "", leaky: false }
  }
}

/** The SDK, once its script has run; undefined before that (or when it failed to load). */
function zhiqing(): ZhiqingApi | undefined {
  const api = globals.Zhiqing
  return api && typeof api.allowed === "function" && typeof api.get === "function" ? (api as ZhiqingApi) : undefined
}

/** Run `callback` as soon as the SDK is available: now, or when its async script tag has loaded. */
function whenZhiqing(callback: (api: ZhiqingApi) => void): void {
  const api = zhiqing()
  if (api) {
    callback(api)
    return
  }
  const tag = document.querySelector('script[src="/zhiqing.js"]')
  tag?.addEventListener("load", () => {
    const loaded = zhiqing()
    if (loaded) callback(loaded)
  })
}

function allowed(id: string): boolean {
  return zhiqing()?.allowed(id) === true
}

/** localStorage that never throws (private mode, full quota, blocked storage). */
const storage = {
  read(key: string): string | null {
    try {
      return localStorage.getItem(key)
    } catch {
      return null
    }
  },
  write(key: string, value: string): void {
    try {
      localStorage.setItem(key, value)
    } catch {
      // Storage unavailable: the shop works without history, only recommendations are less personal.
    }
  },
  remove(key: string): void {
    try {
      localStorage.removeItem(key)
    } catch {
      // Nothing stored can be left behind when storage is unavailable.
    }
  }
}

// ---- Trackers: events go only into queues that gated snippets created -------------------------------------------

/** Report a shop event to whichever trackers the shopper allowed (their snippets created these globals). */
function track(event: string, properties: Record<string, string | number | boolean>): void {
  globals._hmt?.push(["_trackEvent", "shop", event, String(properties.product_id ?? properties.order_id ?? "")])
  globals.sensors?.track(event, properties)
  globals.gtag?.("event", event, properties)
  globals._oeq?.push(["track", event, properties])
}

function wireAddToCartTracking(): void {
  document.querySelectorAll<HTMLFormElement>('form[data-track="add_to_cart"]').forEach((form) => {
    form.addEventListener("submit", () => {
      const productId = (form.elements.namedItem("productId") as HTMLInputElement | null)?.value ?? ""
      track("add_to_cart", { product_id: productId })
    })
  })
}

// ---- Recommendations (PIPL-24-2, EC-18) --------------------------------------------------------------------------

const HISTORY_KEY = "zx_recent_views"
const HISTORY_LIMIT = 20

function readHistory(): string[] {
  try {
    const parsed: unknown = JSON.parse(storage.read(HISTORY_KEY) ?? "[]")
    return Array.isArray(parsed) ? parsed.filter((id): id is string => typeof id === "string").slice(0, HISTORY_LIMIT) : []
  } catch {
    return []
  }
}

/** Browsing history is kept only while personalization is allowed, and deleted when it is withdrawn (PIPL-15-2). */
function syncHistory(): void {
  const api = zhiqing()
  // Before the SDK knows the decision, allowed() is false for everything: that is not a withdrawal.
  if (!api || api.get() === null) return
  if (!api.allowed("personalization")) {
    storage.remove(HISTORY_KEY)
    return
  }
  if (data.page === "product" && data.productId) {
    const history = [data.productId, ...readHistory().filter((id) => id !== data.productId)].slice(0, HISTORY_LIMIT)
    storage.write(HISTORY_KEY, JSON.stringify(history))
  }
}

/** Products ranked by how close they are to what this shopper viewed (recent views weigh more). */
function personalizedProducts(catalog: CatalogEntry[], limit: number): CatalogEntry[] {
  const history = readHistory()
  const byId = new Map(catalog.map((entry) => [entry.id, entry]))
  const affinity = new Map<string, number>()
  history.forEach((id, index) => {
    const category = byId.get(id)?.category
    if (category) affinity.set(category, (affinity.get(category) ?? 0) + 1 / (index + 1))
  })
  const candidates = catalog.filter((entry) => entry.id !== data.productId)
  if (affinity.size === 0) return candidates.slice(-limit).reverse()
  return candidates
    .map((entry, order) => ({ entry, order, score: affinity.get(entry.category) ?? 0 }))
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .slice(0, limit)
    .map((ranked) => ranked.entry)
}

function cardFor(entry: CatalogEntry): HTMLElement {
  const card = document.createElement("article")
  card.className = "card"
  card.dataset.productId = entry.id
  const link = document.createElement("a")
  link.href = `/product/${encodeURIComponent(entry.id)}`
  const image = document.createElement("img")
  image.src = entry.image
  image.alt = ""
  image.width = 240
  image.height = 240
  image.loading = "lazy"
  const name = document.createElement("h3")
  name.textContent = entry.name
  link.append(image, name)
  const price = document.createElement("p")
  price.className = "price"
  price.textContent = entry.price + " "
  if (entry.crossBorder) {
    const tag = document.createElement("span")
    tag.className = "tag tag-xb"
    tag.textContent = t("跨境 · 香港仓", "Cross-border · HK")
    price.append(tag)
  }
  card.append(link, price)
  return card
}

/** The server-rendered best sellers, kept so the non-personalized list can be restored after a withdrawal. */
const bestSellerCards = new Map<Element, Node[]>()

function renderRecommendations(): void {
  const section = document.querySelector<HTMLElement>("[data-recs]")
  const list = section?.querySelector("[data-recs-list]")
  const title = section?.querySelector("[data-recs-title]")
  const note = section?.querySelector("[data-recs-note]")
  if (!section || !list || !title || !note || !data.catalog) return
  if (!bestSellerCards.has(list)) bestSellerCards.set(list, Array.from(list.childNodes))
  if (allowed("personalization")) {
    const history = readHistory()
    section.dataset.recsKind = "personalized"
    title.textContent = t("根据您的浏览为您推荐", "Recommended for you")
    note.textContent =
      history.length > 0
        ? t("个性化推荐：根据您在本机的浏览记录生成，可随时在隐私设置中关闭。", "Personalized: based on your browsing on this device. Switch it off any time in Privacy settings.")
        : t("个性化推荐：浏览几件商品后，推荐会更贴合您的兴趣。可随时在隐私设置中关闭。", "Personalized: browse a few products and these will follow your interests. Switch it off any time in Privacy settings.")
    list.replaceChildren(...personalizedProducts(data.catalog, 4).map(cardFor))
  } else {
    section.dataset.recsKind = "best-sellers"
    title.textContent = t("热销商品", "Best sellers")
    note.textContent = t("非个性化推荐：所有顾客看到相同的热销榜单。", "Not personalized: every shopper sees the same best-seller list.")
    list.replaceChildren(...(bestSellerCards.get(list) ?? []))
  }
}

/** Search results: sales order for everyone; reordered by the shopper's browsing only with personalization (EC-18). */
const searchOrder = new Map<Element, Element[]>()

function renderSearchOrder(): void {
  const list = document.querySelector("[data-results-list]")
  const label = document.querySelector<HTMLElement>("[data-sort-label]")
  if (!list || !label || !data.catalog) return
  if (!searchOrder.has(list)) searchOrder.set(list, Array.from(list.children))
  const original = searchOrder.get(list) ?? []
  if (allowed("personalization") && readHistory().length > 0) {
    const rank = new Map(personalizedProducts(data.catalog, data.catalog.length).map((entry, index) => [entry.id, index]))
    const ordered = [...original].sort((a, b) => (rank.get((a as HTMLElement).dataset.productId ?? "") ?? 99) - (rank.get((b as HTMLElement).dataset.productId ?? "") ?? 99))
    list.replaceChildren(...ordered)
    label.dataset.sortKind = "personalized"
    label.textContent = t("排序：按您的浏览偏好（个性化）", "Sorted by your browsing (personalized)")
  } else {
    list.replaceChildren(...original)
    label.dataset.sortKind = "popularity"
    label.textContent = t("排序：综合销量（非个性化）", "Sorted by sales (not personalized)")
  }
}

function onChoicesKnown(): void {
  syncHistory()
  renderRecommendations()
  renderSearchOrder()
  renderConsentState()
}

// ---- Privacy links and the account page --------------------------------------------------------------------------

function wirePrivacyControls(): void {
  document.addEventListener("click", (event) => {
    const control = (event.target as Element | null)?.closest?.("[data-zhiqing-open]")
    const api = zhiqing()
    if (!control || !api) return
    event.preventDefault()
    const view = control.getAttribute("data-zhiqing-open")
    api.open(view === "rights" ? "rights" : view === "preferences" ? "preferences" : undefined)
  })
  document.querySelector("[data-clear-history]")?.addEventListener("click", () => {
    storage.remove(HISTORY_KEY)
    onChoicesKnown()
  })
}

function renderConsentState(): void {
  const container = document.querySelector("[data-consent-state]")
  if (!container) return
  const api = zhiqing()
  const state = api?.get() ?? null
  if (!api || !state) {
    const empty = document.createElement("p")
    empty.textContent = api ? t("您尚未做出选择。", "You have not made a choice yet.") : t("隐私组件尚未加载。", "The privacy component has not loaded.")
    container.replaceChildren(empty)
    return
  }
  const list = document.createElement("dl")
  list.className = "consent-state"
  const add = (term: string, value: string): void => {
    const dt = document.createElement("dt")
    dt.textContent = term
    const dd = document.createElement("dd")
    dd.textContent = value
    list.append(dt, dd)
  }
  const onOff = (value: boolean | undefined): string => (value ? t("已同意", "Allowed") : t("未同意", "Not allowed"))
  for (const purpose of data.purposes ?? []) add(purpose.title, purpose.required ? t("必要，始终开启", "Required, always on") : onOff(state.purposes[purpose.id]))
  for (const item of data.separate ?? []) add(item.title, onOff(state.separate[item.id]))
  add(t("决定时间", "Decided at"), new Date(state.decidedAt).toLocaleString(data.locale))
  add(t("政策版本", "Policy version"), state.policyVersion)
  add(t("凭证编号", "Receipt id"), state.id)
  container.replaceChildren(list)
}

// ---- Checkout: the resident ID number, just in time (APPM-2, PIPL-29, PIPL-39, PIPL-16-1) ------------------------

function wireCheckout(): void {
  const form = document.querySelector<HTMLFormElement>("[data-checkout]")
  if (!form) return
  const button = form.querySelector<HTMLButtonElement>("[data-id-request]")
  const idInput = form.querySelector<HTMLInputElement>("#idNumber")
  const consent = form.querySelector<HTMLInputElement>("[data-crossborder-consent]")
  const status = form.querySelector<HTMLElement>("[data-id-status]")
  button?.addEventListener("click", async () => {
    if (!idInput || !consent || !status) return
    const api = zhiqing()
    if (!api) {
      status.textContent = t("隐私组件未加载，暂时无法填写身份证号码；非跨境商品可照常下单。", "The privacy component has not loaded, so the ID number cannot be entered now; domestic items can still be ordered.")
      return
    }
    button.disabled = true
    try {
      const idCard = await api.request("sensitive-id-card")
      const transfer = idCard ? await api.request("crossborder-hk-warehouse") : false
      if (idCard && transfer) {
        idInput.disabled = false
        consent.value = "1"
        status.textContent = t("您已单独同意提供身份证号码用于清关。", "You gave separate consent to provide your ID number for customs.")
        button.hidden = true
        idInput.focus()
        return
      }
      idInput.disabled = true
      idInput.value = ""
      consent.value = "0"
      status.textContent = idCard
        ? t("您未同意向香港仓库提供订单信息，跨境商品无法发货，将保留在购物车中；其他商品可照常下单。", "You did not agree to send order details to our Hong Kong warehouse, so cross-border items cannot ship and stay in your cart; other items can be ordered as usual.")
        : t("您未同意提供身份证号码，跨境商品无法清关，将保留在购物车中；其他商品可照常下单。", "You did not agree to provide your ID number, so cross-border items cannot clear customs and stay in your cart; other items can be ordered as usual.")
    } finally {
      button.disabled = false
    }
  })

  form.addEventListener("submit", (event) => {
    const field = (name: string): string => (form.elements.namedItem(name) as HTMLInputElement | null)?.value.trim() ?? ""
    const items = form.querySelectorAll(".summary li").length
    if (!data.leaky) {
      // Only what analytics needs: no name, phone, address or ID number ever goes to a tracker.
      track("submit_order", { order_amount: (data.totalFen ?? 0) / 100, item_count: items, cross_border: consent?.value === "1" })
      return
    }
    // Leaky wiring: the phone number becomes the Sensors login id and, with the ID number, an event property;
    // the undeclared overseas Meta pixel gets the email and phone hashed for advanced matching, and the phone in clear.
    event.preventDefault()
    const mobile = field("mobile")
    const sends: Array<Promise<unknown>> = []
    globals.sensors?.login(mobile)
    globals.sensors?.track("SubmitOrder", { receiver_name: field("name"), receiver_phone: mobile, receiver_address: field("address"), id_card: field("idNumber"), order_amount: (data.totalFen ?? 0) / 100 })
    if (globals.fbq) {
      globals.fbq("init", "918273645501928", { em: field("email"), ph: mobile })
      sends.push(Promise.resolve(globals.fbq("track", "Purchase", { value: (data.totalFen ?? 0) / 100, currency: "CNY", phone: mobile })))
    }
    const submit = (): void => HTMLFormElement.prototype.submit.call(form)
    Promise.race([Promise.all(sends), new Promise((resolve) => setTimeout(resolve, 600))]).then(submit, submit)
  })
}

function reportPurchase(): void {
  if (data.page !== "order" || !data.order) return
  track("purchase", { order_id: data.order.id, value: data.order.totalFen / 100, currency: "CNY", item_count: data.order.items })
}

// ---- Start ---------------------------------------------------------------------------------------------------------

wirePrivacyControls()
wireAddToCartTracking()
wireCheckout()
window.addEventListener("zhiqing:ready", onChoicesKnown)
window.addEventListener("zhiqing:change", onChoicesKnown)
whenZhiqing((api) => {
  if (api.locale() !== data.locale) api.locale(data.locale)
  onChoicesKnown()
  // The conversion goes out once a decision is known, so trackers allowed by it have had their snippets run.
  void Promise.resolve(api.ready).then(() => setTimeout(reportPurchase, 0))
})
