import { createHash } from "node:crypto"
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { createServer, request, type IncomingHttpHeaders, type Server } from "node:http"
import type { AddressInfo } from "node:net"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { loadAssets } from "./assets"
import { OrderBook } from "./orders"
import { createStoreHandler, type NextHandler } from "./router"
import type { TrackerHosts } from "./vendors"

interface Answer {
  status: number
  headers: IncomingHttpHeaders
  body: string
}

/** What the ledger stand-in saw: it answers its own paths and passes the rest on, as createLedger does. */
const ledgerCalls: string[] = []
const ledger: NextHandler = (req, res, next) => {
  if (!req.url?.startsWith("/api/consent") && !req.url?.startsWith("/api/health")) return next()
  ledgerCalls.push(`${req.method} ${req.url}`)
  res.writeHead(200, { "content-type": "application/json" }).end('{"ledger":true}')
}

async function startStore(trackerHosts: TrackerHosts, setupDir?: string): Promise<{ server: Server; port: number }> {
  const { config, assets } = await loadAssets()
  const server = createServer(createStoreHandler({ ledger, trackerHosts, config, assets: { ...assets, setupDir: setupDir ?? assets.setupDir }, orders: new OrderBook() }))
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done))
  return { server, port: (server.address() as AddressInfo).port }
}

function fetchVia(port: number, host: string, path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, path, method: options.method ?? "GET", headers: { host, ...options.headers } }, (res) => {
      const chunks: Buffer[] = []
      res.on("data", (chunk: Buffer) => chunks.push(chunk))
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString("utf8") }))
    })
    req.on("error", reject)
    req.end(options.body)
  })
}

function form(fields: Record<string, string>): { method: string; headers: Record<string, string>; body: string } {
  return { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams(fields).toString() }
}

function cookiesFrom(answer: Answer): string {
  return (answer.headers["set-cookie"] ?? []).map((cookie) => cookie.split(";")[0]).join("; ")
}

/** Every absolute URL a page references in src/href attributes or in its inline tracker settings. */
function absoluteUrls(page: string): URL[] {
  return [...page.matchAll(/(?:src|href)="(\w+:\/\/[^"]+)"|"(\w+:\/\/[^"\\]+)"/g)].map((match) => new URL((match[1] ?? match[2] ?? "").replaceAll("&amp;", "&")))
}

let real: { server: Server; port: number }
let local: { server: Server; port: number }

beforeAll(async () => {
  real = await startStore("real")
  local = await startStore("localhost")
})

afterAll(async () => {
  await Promise.all([real, local].map(({ server }) => new Promise((done) => server.close(done))))
})

describe("routing by host", () => {
  it("serves the shop for localhost and any host that is not a tracker's", async () => {
    for (const host of [`localhost:${real.port}`, "shop.example", "zhixuan.localhost:4173"]) {
      const answer = await fetchVia(real.port, host, "/")
      expect(answer.status).toBe(200)
      expect(answer.body).toContain("知选跨境")
    }
  })

  it("answers tracker hostnames with the vendor's imitation, with or without a .localhost suffix", async () => {
    for (const host of ["hm.baidu.com", `hm.baidu.com.localhost:${local.port}`]) {
      const script = await fetchVia(real.port, host, "/hm.js?6a2f1c7e0b9d4e3f8a5c2b1d0e9f8a7b")
      expect(script.status).toBe(200)
      expect(script.headers["content-type"]).toContain("javascript")
      expect(script.body).toContain("Hm_lvt_")
    }
    const pixel = await fetchVia(real.port, "hm.baidu.com", "/hm.gif?si=x")
    expect(pixel.headers["content-type"]).toBe("image/gif")
    expect(String(pixel.headers["set-cookie"])).toContain("HMACCOUNT=")
    expect((await fetchVia(real.port, "img.alicdn.com", "/imgextra/zhixuan/ningxia-goji.svg")).body).toMatch(/^<svg/)
    expect((await fetchVia(real.port, "zhixuan.datasink.sensorsdata.cn", "/sa?project=zhixuan", form({ data: "e30=" }))).status).toBe(200)
    expect((await fetchVia(real.port, "www.google-analytics.com", "/g/collect?v=2", { method: "POST" })).status).toBe(204)
    expect((await fetchVia(real.port, "in.hotjar.com", "/api/v2/client/sites/3861742/visit-data", { method: "POST", body: "{}" })).status).toBe(204)
  })

  it("tells a script the collector host named the way it was itself reached", async () => {
    expect((await fetchVia(real.port, "www.googletagmanager.com", "/gtag/js?id=G-ZX7Q2D4K9P")).body).toContain('"http://www.google-analytics.com"')
    expect((await fetchVia(real.port, "www.googletagmanager.com.localhost:4173", "/gtag/js?id=G-ZX7Q2D4K9P")).body).toContain('"http://www.google-analytics.com.localhost:4173"')
  })

  it("never echoes anything but a plain id from the query into a tracker script", async () => {
    const script = await fetchVia(real.port, "hm.baidu.com", "/hm.js?%22%3Balert(1)%2F%2F")
    expect(script.body).toContain('var siteId = "";')
  })

  it("routes the shop's /api/ paths to the ledger and nothing else", async () => {
    ledgerCalls.length = 0
    expect((await fetchVia(real.port, `localhost:${real.port}`, "/api/health")).body).toBe('{"ledger":true}')
    const missing = await fetchVia(real.port, `localhost:${real.port}`, "/api/unknown")
    expect(missing.status).toBe(404)
    expect(JSON.parse(missing.body)).toHaveProperty("error")
    await fetchVia(real.port, "in.hotjar.com", "/api/v2/client/sites/1/visit-data", { method: "POST", body: "{}" })
    await fetchVia(real.port, `localhost:${real.port}`, "/")
    expect(ledgerCalls).toEqual(["GET /api/health"])
  })

  it("serves the store's config and the shop script on the shop's origin", async () => {
    const config = await fetchVia(real.port, "localhost", "/zhiqing.config.json")
    expect(JSON.parse(config.body).sync.endpoint).toBe("/api/consent")
    expect((await fetchVia(real.port, "localhost", "/static/shop.js")).body).toContain("sensitive-id-card")
  })

  it("serves the SDK's script tag for revalidation and its content-hashed chunks as immutable", async () => {
    const tag = await fetchVia(real.port, "localhost", "/zhiqing.js")
    expect(tag.status).toBe(200)
    expect(tag.headers["cache-control"]).toBe("no-cache")
    const chunk = /file:"(zhiqing-[^"]+\.js)"/.exec(tag.body)?.[1]
    expect(chunk, "the script tag names its dialogs chunk").toBeDefined()
    const served = await fetchVia(real.port, "localhost", `/${chunk}`)
    expect(served.status).toBe(200)
    expect(served.headers["content-type"]).toContain("javascript")
    expect(served.headers["cache-control"]).toBe("public, max-age=31536000, immutable")
    expect(served.headers["access-control-allow-origin"]).toBe("*")
    expect((await fetchVia(real.port, "localhost", "/zhiqing-0000000000.js")).status).toBe(404)
    expect((await fetchVia(real.port, "localhost", "/zhiqing-..%2Fpackage.js")).status).toBe(404)
  })
})

describe("pages", () => {
  it("embed the SDK with the store's config on every page, pinned by the integrity hash of the file served", async () => {
    const served = (await fetchVia(real.port, "localhost", "/zhiqing.config.json")).body
    const integrity = "sha256-" + createHash("sha256").update(served).digest("base64")
    for (const path of ["/", "/product/ningxia-goji", "/search?q=茶", "/cart", "/checkout", "/account", "/privacy"]) {
      const page = await fetchVia(real.port, "localhost", encodeURI(path))
      expect(page.status, path).toBe(200)
      expect(page.body).toContain(`<script src="/zhiqing.js" data-config="/zhiqing.config.json" data-config-integrity="${integrity}" async></script>`)
    }
  })

  it("reference tracker hosts by their real names under tests and as .localhost for a person's browser, never https", async () => {
    const realUrls = absoluteUrls((await fetchVia(real.port, `localhost:${real.port}`, "/")).body)
    expect(realUrls.map((url) => url.host)).toContain("hm.baidu.com")
    const localUrls = absoluteUrls((await fetchVia(local.port, `localhost:${local.port}`, "/?leaky=1")).body)
    expect(localUrls.length).toBeGreaterThan(10)
    for (const url of [...realUrls, ...localUrls]) expect(url.protocol).toBe("http:")
    for (const url of localUrls) expect(url.host).toMatch(new RegExp(`\\.localhost:${local.port}$`))
  })

  it("gate every tracker by default (APPM-3-1) and leave Baidu Tongji ungated only in leaky mode", async () => {
    const scripts = (page: string): string[] => [...page.matchAll(/<script\b[^>]*>/g)].map((match) => match[0])
    const correct = scripts((await fetchVia(real.port, "localhost", "/")).body)
    const running = correct.filter((tag) => !tag.includes('type="text/plain"') && !tag.includes('type="application/json"'))
    expect(running.map((tag) => tag.replace(/ data-config-integrity="[^"]+"/, ""))).toEqual(['<script src="/zhiqing.js" data-config="/zhiqing.config.json" async>', '<script src="/static/shop.js" defer>'])
    const leaky = scripts((await fetchVia(real.port, "localhost", "/?leaky=1")).body)
    expect(leaky).toContain(`<script async src="http://hm.baidu.com/hm.js?6a2f1c7e0b9d4e3f8a5c2b1d0e9f8a7b">`)
    expect(leaky.some((tag) => tag.includes("connect.facebook.net") && tag.includes('data-zhiqing="marketing"'))).toBe(true)
  })

  it("keep leaky mode for the session once asked for, until ?leaky=0", async () => {
    const on = await fetchVia(real.port, "localhost", "/?leaky=1")
    expect(cookiesFrom(on)).toBe("demo_leaky=1")
    expect((await fetchVia(real.port, "localhost", "/cart", { headers: { cookie: "demo_leaky=1" } })).body).toContain("leaky-banner")
    const off = await fetchVia(real.port, "localhost", "/cart?leaky=0", { headers: { cookie: "demo_leaky=1" } })
    expect(off.body).not.toContain("leaky-banner")
    expect(String(off.headers["set-cookie"])).toContain("Max-Age=0")
  })

  it("render in the language asked for, remember it, and offer the other one", async () => {
    const english = await fetchVia(real.port, "localhost", "/privacy?lang=en")
    expect(english.body).toContain('<html lang="en">')
    expect(english.body).toContain("Privacy policy")
    expect(english.body).toContain('href="/privacy?lang=zh-CN"')
    expect(cookiesFrom(english)).toBe("lang=en")
    expect((await fetchVia(real.port, "localhost", "/", { headers: { cookie: "lang=en" } })).body).toContain("Best sellers")
    expect((await fetchVia(real.port, "localhost", "/", { headers: { "accept-language": "en-US,en;q=0.9" } })).body).toContain('<html lang="en">')
    expect((await fetchVia(real.port, "localhost", "/")).body).toContain("热销商品")
  })

  it("escape what the shopper types when it comes back in a page", async () => {
    const search = await fetchVia(real.port, "localhost", `/search?q=${encodeURIComponent('"><script>alert(1)</script>')}`)
    expect(search.body).not.toContain("<script>alert(1)</script>")
    expect(search.body).toContain("&quot;&gt;&lt;script&gt;")
  })

  it("answer unknown pages and products with 404", async () => {
    expect((await fetchVia(real.port, "localhost", "/nope")).status).toBe(404)
    expect((await fetchVia(real.port, "localhost", "/product/nope")).status).toBe(404)
    expect((await fetchVia(real.port, "localhost", "/order/ZXNOPE")).status).toBe(404)
  })
})

describe("shopping without any consent (PIPL-16-1)", () => {
  it("adds to the cart and orders the domestic items; cross-border ones wait in the cart for an ID number", async () => {
    const host = "localhost"
    let cookie = cookiesFrom(await fetchVia(real.port, host, "/cart/add", form({ productId: "yunnan-puer-cake", quantity: "2" })))
    const added = await fetchVia(real.port, host, "/cart/add", { ...form({ productId: "a2-toddler-formula" }), headers: { ...form({}).headers, cookie } })
    expect(added.status).toBe(303)
    expect(added.headers.location).toBe("/cart")
    cookie = cookiesFrom(added)
    expect((await fetchVia(real.port, host, "/cart", { headers: { cookie } })).body).toContain("¥495.00")

    const invalid = await fetchVia(real.port, host, "/checkout", { ...form({ name: "王五", mobile: "123", address: "北京市朝阳区建国路1号" }), headers: { ...form({}).headers, cookie } })
    expect(invalid.status).toBe(400)
    expect(invalid.body).toContain('aria-invalid="true"')
    expect(invalid.body).toContain('value="王五"')

    const placed = await fetchVia(real.port, host, "/checkout", {
      ...form({ name: "王五", mobile: "13912345678", address: "北京市朝阳区建国路1号", idNumber: "", crossBorderConsent: "0" }),
      headers: { ...form({}).headers, cookie }
    })
    expect(placed.status).toBe(303)
    const confirmation = await fetchVia(real.port, host, placed.headers.location ?? "", { headers: { cookie: cookiesFrom(placed) } })
    expect(confirmation.body).toContain("订单已提交")
    expect(confirmation.body).toContain("¥256.00")
    expect(confirmation.body).toContain("139****5678")
    expect(confirmation.body).not.toContain("13912345678")
    expect(cookiesFrom(placed)).toBe("zx_cart=a2-toddler-formula%3A1")
  })

  it("answers an oversized form with 413", async () => {
    const answer = await fetchVia(real.port, "localhost", "/checkout", form({ address: "x".repeat(20_000) }))
    expect(answer.status).toBe(413)
  })
})

describe("the configurator at /setup", () => {
  const setupDir = mkdtempSync(join(tmpdir(), "zhiqing-setup-"))
  let store: { server: Server; port: number }
  beforeAll(async () => {
    writeFileSync(join(setupDir, "index.html"), "<!doctype html><title>configurator</title>")
    writeFileSync(join(setupDir, "setup.js"), "void 0")
    mkdirSync(join(setupDir, "nested"))
    writeFileSync(join(setupDir, "nested", "inner.js"), "void 1")
    writeFileSync(join(setupDir, "notes.txt"), "not served")
    store = await startStore("real", setupDir)
  })
  afterAll(async () => {
    await new Promise((done) => store.server.close(done))
    rmSync(setupDir, { recursive: true, force: true })
  })

  it("redirects /setup to /setup/ so the page's relative links resolve", async () => {
    const answer = await fetchVia(store.port, "localhost", "/setup")
    expect([answer.status, answer.headers.location]).toEqual([308, "/setup/"])
  })

  it("serves the built page and its scripts with their types", async () => {
    const page = await fetchVia(store.port, "localhost", "/setup/")
    expect([page.status, page.headers["content-type"], page.body]).toEqual([200, "text/html; charset=utf-8", "<!doctype html><title>configurator</title>"])
    expect(page.headers["content-security-policy"]).toBe("script-src 'self'; object-src 'none'; base-uri 'none'")
    const script = await fetchVia(store.port, "localhost", "/setup/setup.js")
    expect([script.status, script.headers["content-type"]]).toEqual([200, "text/javascript; charset=utf-8"])
  })

  it("serves nothing outside the folder, in subfolders or of another type", async () => {
    for (const path of ["/setup/../package.json", "/setup/%2e%2e/package.json", "/setup/..%2fpackage.json", "/setup/nested/inner.js", "/setup/notes.txt", "/setup/missing.js"]) {
      expect((await fetchVia(store.port, "localhost", path)).status, path).toBe(404)
    }
  })

  it("says how to build it when it is not built", async () => {
    const bare = await startStore("real", join(setupDir, "absent"))
    const answer = await fetchVia(bare.port, "localhost", "/setup/")
    await new Promise((done) => bare.server.close(done))
    expect([answer.status, answer.body]).toEqual([404, "The configurator is not built: run npm run build"])
  })
})
