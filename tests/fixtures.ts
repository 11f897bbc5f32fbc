/// <reference types="chrome" />
/**
 * Playwright fixtures for every end-to-end test.
 *
 * - `server` (one per worker): the demo store with its ledger on a free port, plus the pages in tests/e2e/pages at
 *   /__fixtures/ and real SDKs from npm with their collectors (tests/e2e/real-sdks.ts). Chromium maps every hostname
 *   to it, so `http://hm.baidu.com/hm.js` reaches the store's imitation of Baidu Tongji and nothing can leave
 *   loopback. The port speaks https too, with a certificate made for the run, for vendors Chromium only reaches
 *   over https.
 * - `browser` (one per worker): Debian's Chromium with the project's flags and that mapping; `context` and `page`
 *   come from it as usual.
 * - `extension` (one per test): a Chromium profile with the built Zhiqing Inspector loaded, ready once its service
 *   worker runs and its MAIN-world content scripts are registered.
 */
import { execFileSync } from "node:child_process"
import { createReadStream, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs"
import { createServer, type IncomingMessage, type ServerResponse } from "node:http"
import { createServer as createSecureServer } from "node:https"
import { createServer as createSocketServer, type Socket } from "node:net"
import { tmpdir } from "node:os"
import { extname, join, normalize, resolve } from "node:path"
import { fileURLToPath } from "node:url"
import { chromium, test as base, type Browser, type BrowserContext, type Page, type Worker } from "@playwright/test"
import { createDemoStore } from "../demo-store/server/app"
import { chromiumArgs, chromiumPath, extensionDir, extensionReady } from "./chromium"
import { serveRealSdk } from "./e2e/real-sdks"

export { extensionDir }

export { expect } from "@playwright/test"

const repo = resolve(fileURLToPath(import.meta.url), "..", "..")
const fixturePages = join(repo, "tests", "e2e", "pages")

export const LEDGER_SECRET = "e2e-ledger-secret"

export interface TestServer {
  /** The shop's origin, e.g. http://localhost:41234 (a secure context, so crypto.subtle works). */
  origin: string
  port: number
  /** The ledger's data directory for this worker. */
  dataDir: string
  ledgerSecret: string
  /** Serve `body` at /__served/`name` on the shop's origin until the worker ends (pages a test builds); returns its URL. */
  serve(name: string, contentType: string, body: string): string
}

export interface ExtensionHandle {
  id: string
  worker: Worker
  context: BrowserContext
  /** Open an extension page, e.g. open("popup.html"). */
  open(path: string): Promise<Page>
}

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png"
}

function serveFixturePage(req: IncomingMessage, res: ServerResponse): boolean {
  const path = new URL(req.url ?? "/", "http://x").pathname
  if (!path.startsWith("/__fixtures/")) return false
  const file = normalize(join(fixturePages, decodeURIComponent(path.slice("/__fixtures/".length))))
  if (!file.startsWith(fixturePages + "/") || !existsSync(file) || !statSync(file).isFile()) {
    res.writeHead(404, { "content-type": "text/plain" }).end("no such fixture page")
    return true
  }
  res.writeHead(200, { "content-type": CONTENT_TYPES[extname(file)] ?? "application/octet-stream", "cache-control": "no-store" })
  createReadStream(file).pipe(res)
  return true
}

/** A self-signed certificate for loopback, made per worker: vendors' HSTS-preloaded hosts are reached over https. */
function loopbackCertificate(dir: string): { key: Buffer; cert: Buffer } {
  const key = join(dir, "loopback.key")
  const cert = join(dir, "loopback.crt")
  execFileSync("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert, "-days", "2", "-subj", "/CN=loopback"], { stdio: "ignore" })
  return { key: readFileSync(key), cert: readFileSync(cert) }
}

/** Answer a page a test put with `serve()`; false when the request is not for one. */
function serveBuiltPage(pages: ReadonlyMap<string, { contentType: string; body: string }>, req: IncomingMessage, res: ServerResponse): boolean {
  const path = new URL(req.url ?? "/", "http://x").pathname
  if (!path.startsWith("/__served/")) return false
  const page = pages.get(decodeURIComponent(path.slice("/__served/".length)))
  if (!page) res.writeHead(404, { "content-type": "text/plain" }).end("no such served page")
  else res.writeHead(200, { "content-type": page.contentType, "cache-control": "no-store" }).end(page.body)
  return true
}

async function startServer(): Promise<TestServer & { close(): Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), "zhiqing-e2e-"))
  const store = await createDemoStore({ dataDir, trackerHosts: "real", ledgerSecret: LEDGER_SECRET })
  const served = new Map<string, { contentType: string; body: string }>()
  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    const host = (req.headers.host ?? "").split(":")[0]
    if (host === "localhost" && (serveFixturePage(req, res) || serveBuiltPage(served, req, res))) return
    if (serveRealSdk(req, res)) return
    store.handle(req, res)
  }
  const plain = createServer(handle)
  const secure = createSecureServer(loopbackCertificate(dataDir), handle)
  // One port for both: Chromium maps every host to it, and a TLS handshake starts with the byte 0x16.
  const server = createSocketServer((socket: Socket) => {
    socket.once("data", (first: Buffer) => {
      socket.pause()
      socket.unshift(first)
      ;(first[0] === 0x16 ? secure : plain).emit("connection", socket)
      process.nextTick(() => socket.resume())
    })
  })
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done))
  const address = server.address()
  if (!address || typeof address === "string") throw new Error("the test server has no port")
  return {
    origin: `http://localhost:${address.port}`,
    port: address.port,
    dataDir,
    ledgerSecret: LEDGER_SECRET,
    serve(name, contentType, body) {
      served.set(name, { contentType, body })
      return `http://localhost:${address.port}/__served/${encodeURIComponent(name)}`
    },
    async close() {
      plain.closeAllConnections()
      secure.closeAllConnections()
      await new Promise((done) => server.close(done))
      await store.close()
      rmSync(dataDir, { recursive: true, force: true })
    }
  }
}

/** The project's flags, with the loopback certificate accepted. */
function testBrowserArgs(port: number): string[] {
  return [...chromiumArgs(port), "--ignore-certificate-errors"]
}

export const test = base.extend<{ extension: ExtensionHandle }, { server: TestServer; browser: Browser }>({
  server: [
    async ({}, use) => {
      const server = await startServer()
      await use(server)
      await server.close()
    },
    { scope: "worker" }
  ],
  browser: [
    async ({ server }, use) => {
      const browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: testBrowserArgs(server.port) })
      await use(browser)
      await browser.close()
    },
    { scope: "worker" }
  ],
  extension: async ({ server }, use) => {
    if (!existsSync(join(extensionDir, "manifest.json"))) throw new Error(`build the extension first: ${extensionDir} has no manifest.json`)
    const profile = mkdtempSync(join(tmpdir(), "zhiqing-ext-"))
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: chromiumPath(),
      headless: true,
      locale: "zh-CN",
      // The browser itself prefers Chinese, not only the pages Playwright emulates: the panel the popup opens reads
      // navigator.languages before Playwright's emulation can reach a page the extension created.
      args: [...testBrowserArgs(server.port), "--accept-lang=zh-CN", `--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`]
    })
    const worker = await extensionReady(context)
    const id = new URL(worker.url()).host
    await use({
      id,
      worker,
      context,
      async open(path) {
        const page = await context.newPage()
        await page.goto(`chrome-extension://${id}/${path}`)
        return page
      }
    })
    await context.close()
    rmSync(profile, { recursive: true, force: true })
  }
})
