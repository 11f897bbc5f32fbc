/**
 * One request handler for every hostname. A request whose Host belongs to a tracker vendor (after a trailing
 * `.localhost` is stripped) goes to that vendor's imitation; every other host is the shop, whose `/api/` paths go
 * to the consent ledger on the same origin.
 */
import { readFile } from "node:fs/promises"
import { extname, join, normalize, sep } from "node:path"
import type { IncomingMessage, ServerResponse } from "node:http"
import type { Config } from "@zhiqing/sdk/schema"
import { addToCart, CART_COOKIE, parseCart, removeFromCart, serializeCart } from "./cart"
import { CATEGORY_NAMES, PRODUCTS, productById, searchProducts, type Category } from "./catalog"
import type { SafeHtml } from "./html"
import { BodyTooLargeError, CONTENT_TYPES, parseCookies, readForm, redirect, send, serializeCookie } from "./http"
import { chooseLocale } from "./locale"
import { OrderBook, placeOrder, readCheckoutForm } from "./orders"
import { translator, type PageContext } from "./pages/context"
import { privacyPage } from "./pages/privacy"
import { accountPage, cartPage, checkoutPage, homePage, notFoundPage, orderPage, productPage, searchPage } from "./pages/shop-pages"
import { handleTrackerRequest, type TrackerScripts } from "./trackers"
import { dispatchHostname, vendorForHost, vendorOrigin, type TrackerHosts } from "./vendors"

/** A node request handler in the connect style, as `createLedger` returns. */
export type NextHandler = (req: IncomingMessage, res: ServerResponse, next: () => void) => void

export interface StoreAssets {
  /**
   * The built SDK (sdk/dist): the script tag zhiqing.js and the chunks beside it, zhiqing-*.js. Read per request, so
   * a rebuild shows without a restart.
   */
  sdkDir: string
  /** The built configurator's folder (extension/build/setup), served at /setup/; read per request too. */
  setupDir: string
  configJson: string
  /** The integrity hash of configJson, with which every page pins it (data-config-integrity). */
  configIntegrity: string
  shopJs: string
  shopCss: string
  trackerScripts: TrackerScripts
}

export interface StoreHandlerOptions {
  ledger: NextHandler
  trackerHosts: TrackerHosts
  config: Config
  assets: StoreAssets
  orders: OrderBook
}

export const LEAKY_COOKIE = "demo_leaky"
const CART_MAX_AGE = 30 * 86400
const LANG_MAX_AGE = 365 * 86400

const SECURITY_HEADERS = { "x-content-type-options": "nosniff", "referrer-policy": "strict-origin-when-cross-origin" }

interface ShopRequest {
  req: IncomingMessage
  res: ServerResponse
  url: URL
  ctx: PageContext
  /** Cookies this response sets (language, leaky mode, cart). */
  setCookies: string[]
}

/** Build the handler serving the shop, its ledger and every tracker imitation. */
export function createStoreHandler(options: StoreHandlerOptions): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    route(req, res, options).catch((error: unknown) => {
      if (error instanceof BodyTooLargeError) {
        if (!res.headersSent) send(res, 413, CONTENT_TYPES.text, "request body too large")
        return
      }
      // Paths and bodies can carry personal data, so only the kind of failure is logged.
      console.error(`demo store: ${req.method ?? "?"} request failed: ${error instanceof Error ? error.name + ": " + error.message : "unknown error"}`)
      if (!res.headersSent) send(res, 500, CONTENT_TYPES.text, "internal error")
      else res.destroy()
    })
  }
}

async function route(req: IncomingMessage, res: ServerResponse, options: StoreHandlerOptions): Promise<void> {
  const hostname = dispatchHostname(req.headers.host)
  const vendor = vendorForHost(hostname)
  if (vendor) return handleTrackerRequest(vendor, hostname, req, res, options.assets.trackerScripts)

  const url = new URL(req.url ?? "/", "http://shop.invalid")
  if (url.pathname === "/api" || url.pathname.startsWith("/api/")) {
    options.ledger(req, res, () => send(res, 404, CONTENT_TYPES.json, JSON.stringify({ error: "no such ledger route" })))
    return
  }
  const method = req.method ?? "GET"
  if (method === "GET" || method === "HEAD") {
    if (await serveAsset(url.pathname, res, options.assets)) return
  }
  const shop = shopRequest(req, res, url, options)
  await routePage(shop, method, options)
}

const SETUP_TYPES: Record<string, string> = { ".html": CONTENT_TYPES.html, ".js": CONTENT_TYPES.js, ".css": CONTENT_TYPES.css }
/** The policy the configurator meets as an extension page, held here too so an inline script fails in both places. */
const SETUP_CSP = "script-src 'self'; object-src 'none'; base-uri 'none'"

/**
 * The configurator's static files at /setup/ (and /setup, redirected so its relative links resolve). Only files
 * directly in its folder with a known type are served, so no path can reach outside it.
 */
async function serveSetup(pathname: string, res: ServerResponse, setupDir: string): Promise<boolean> {
  if (pathname === "/setup") {
    res.writeHead(308, { location: "/setup/", "content-length": "0" })
    res.end()
    return true
  }
  if (!pathname.startsWith("/setup/")) return false
  const name = pathname.slice("/setup/".length) || "index.html"
  const type = SETUP_TYPES[extname(name)]
  const file = normalize(join(setupDir, name))
  const body = type && !name.includes("/") && !name.includes("\\") && file.startsWith(setupDir + sep) ? await readFile(file).catch(() => null) : null
  if (body) send(res, 200, type!, body, { ...SECURITY_HEADERS, "content-security-policy": SETUP_CSP, "cache-control": "no-cache" })
  else if (name === "index.html") send(res, 404, CONTENT_TYPES.text, "The configurator is not built: run npm run build")
  else send(res, 404, CONTENT_TYPES.text, "no such file")
  return true
}

/** The SDK's chunks: named by their content's hash, so they never change under one name. */
const SDK_CHUNK = /^\/zhiqing-[A-Za-z0-9_-]+\.js$/

async function serveAsset(pathname: string, res: ServerResponse, assets: StoreAssets): Promise<boolean> {
  if (await serveSetup(pathname, res, assets.setupDir)) return true
  if (SDK_CHUNK.test(pathname)) {
    const chunk = await readFile(join(assets.sdkDir, pathname.slice(1))).catch(() => null)
    // The script tag loads chunks with integrity checks, which need CORS from an opaque origin (a sandboxed frame).
    if (chunk) send(res, 200, CONTENT_TYPES.js, chunk, { "cache-control": "public, max-age=31536000, immutable", "access-control-allow-origin": "*" })
    else send(res, 404, CONTENT_TYPES.text, `sdk/dist${pathname} does not exist (rebuilt since this page was served?)`)
    return true
  }
  switch (pathname) {
    case "/zhiqing.js": {
      // The script tag keeps its URL across releases: the browser checks it on every load.
      const bundle = await readFile(join(assets.sdkDir, "zhiqing.js")).catch(() => null)
      if (bundle) send(res, 200, CONTENT_TYPES.js, bundle, { "cache-control": "no-cache" })
      else send(res, 404, CONTENT_TYPES.js, `console.error("Zhiqing: sdk/dist/zhiqing.js is not built; run npm run build --workspace sdk")`)
      return true
    }
    case "/zhiqing.config.json":
      send(res, 200, CONTENT_TYPES.json, assets.configJson, { "cache-control": "no-cache" })
      return true
    case "/static/shop.js":
      send(res, 200, CONTENT_TYPES.js, assets.shopJs, { "cache-control": "no-cache" })
      return true
    case "/static/shop.css":
      send(res, 200, CONTENT_TYPES.css, assets.shopCss, { "cache-control": "no-cache" })
      return true
    default:
      return false
  }
}

function shopRequest(req: IncomingMessage, res: ServerResponse, url: URL, options: StoreHandlerOptions): ShopRequest {
  const cookies = parseCookies(req.headers.cookie)
  const setCookies: string[] = []
  const language = chooseLocale({ query: url.searchParams.get("lang"), cookie: cookies.lang, acceptLanguage: req.headers["accept-language"] })
  if (language.explicit) setCookies.push(serializeCookie("lang", language.locale, { maxAgeSeconds: LANG_MAX_AGE }))
  const leakyParam = url.searchParams.get("leaky")
  let leaky = cookies[LEAKY_COOKIE] === "1"
  if (leakyParam === "1" || leakyParam === "0") {
    leaky = leakyParam === "1"
    setCookies.push(leaky ? serializeCookie(LEAKY_COOKIE, "1") : serializeCookie(LEAKY_COOKIE, "", { maxAgeSeconds: 0 }))
  }
  const ctx: PageContext = {
    locale: language.locale,
    leaky,
    url,
    cart: parseCart(cookies[CART_COOKIE]),
    config: options.config,
    configIntegrity: options.assets.configIntegrity,
    vendorUrl: (vendorHost, pathAndQuery) => vendorOrigin(vendorHost, options.trackerHosts, req.headers.host) + pathAndQuery,
    t: translator(language.locale)
  }
  return { req, res, url, ctx, setCookies }
}

function page(shop: ShopRequest, body: SafeHtml, status = 200): void {
  const headers: Record<string, string | string[]> = { ...SECURITY_HEADERS, "cache-control": "no-store" }
  if (shop.setCookies.length > 0) headers["set-cookie"] = shop.setCookies
  const markup = body.value
  if (shop.req.method === "HEAD") {
    shop.res.writeHead(status, { "content-type": CONTENT_TYPES.html, "content-length": String(Buffer.byteLength(markup)), ...headers })
    shop.res.end()
    return
  }
  send(shop.res, status, CONTENT_TYPES.html, markup, headers)
}

function cartCookie(lines: Parameters<typeof serializeCart>[0]): string {
  return lines.length > 0 ? serializeCookie(CART_COOKIE, serializeCart(lines), { maxAgeSeconds: CART_MAX_AGE }) : serializeCookie(CART_COOKIE, "", { maxAgeSeconds: 0 })
}

async function routePage(shop: ShopRequest, method: string, options: StoreHandlerOptions): Promise<void> {
  const { ctx, url } = shop
  const path = url.pathname
  const isRead = method === "GET" || method === "HEAD"

  if (method === "POST") {
    if (path === "/cart/add" || path === "/cart/remove") {
      const form = await readForm(shop.req)
      const productId = form.get("productId") ?? ""
      const product = productById(productId)
      if (path === "/cart/add" && !product) return page(shop, notFoundPage(ctx), 404)
      const lines = product && path === "/cart/add" ? addToCart(ctx.cart, product, Number(form.get("quantity") ?? "1")) : removeFromCart(ctx.cart, productId)
      return redirect(shop.res, "/cart", { "set-cookie": [...shop.setCookies, cartCookie(lines)] })
    }
    if (path === "/checkout") {
      const input = readCheckoutForm(await readForm(shop.req))
      const result = placeOrder(input, ctx.cart)
      if (!result.ok) return page(shop, checkoutPage(ctx, { name: input.name, mobile: input.mobile, address: input.address }, result.errors), 400)
      options.orders.add(result.order)
      return redirect(shop.res, `/order/${result.order.id}`, { "set-cookie": [...shop.setCookies, cartCookie(result.order.leftInCart)] })
    }
  }
  if (!isRead) {
    shop.res.writeHead(405, { allow: "GET, HEAD, POST", "content-type": CONTENT_TYPES.text })
    shop.res.end("method not allowed")
    return
  }

  if (path === "/") return page(shop, homePage(ctx))
  const productMatch = /^\/product\/([a-z0-9-]{1,64})$/.exec(path)
  if (productMatch) {
    const product = productById(productMatch[1] ?? "")
    return product ? page(shop, productPage(ctx, product)) : page(shop, notFoundPage(ctx), 404)
  }
  if (path === "/search") {
    const query = (url.searchParams.get("q") ?? "").slice(0, 100)
    const categoryParam = url.searchParams.get("category") ?? ""
    const category = Object.hasOwn(CATEGORY_NAMES, categoryParam) ? (categoryParam as Category) : undefined
    const results = category ? PRODUCTS.filter((product) => product.category === category).sort((a, b) => b.monthlySales - a.monthlySales) : searchProducts(query)
    return page(shop, searchPage(ctx, query, category, results))
  }
  if (path === "/cart") return page(shop, cartPage(ctx))
  if (path === "/checkout") return page(shop, checkoutPage(ctx))
  const orderMatch = /^\/order\/([A-Z0-9]{1,40})$/.exec(path)
  if (orderMatch) {
    const order = options.orders.get(orderMatch[1] ?? "")
    return order ? page(shop, orderPage(ctx, order)) : page(shop, notFoundPage(ctx), 404)
  }
  if (path === "/account") return page(shop, accountPage(ctx))
  if (path === "/privacy") return page(shop, privacyPage(ctx))
  return page(shop, notFoundPage(ctx), 404)
}
