/// <reference types="chrome" />
/** How every test and benchmark launches Debian's Chromium: the flags it needs here and the hostname mapping. */
import { readFileSync } from "node:fs"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"
import type { BrowserContext, Worker } from "@playwright/test"

/** The flags Debian's Chromium needs to run as root on a machine with no network but loopback. */
export const CHROMIUM_FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync"
]

export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH ?? "/usr/bin/chromium"
}

/** The flags plus a mapping of every hostname to 127.0.0.1:`port`, so nothing can leave loopback. */
export function chromiumArgs(port: number): string[] {
  return [...CHROMIUM_FLAGS, `--host-resolver-rules=MAP * 127.0.0.1:${port}`]
}

/** The unpacked extension that `npm run build` writes. */
export const extensionDir = join(dirname(fileURLToPath(import.meta.url)), "..", "extension", "build", "chrome-mv3-prod")

/**
 * The loaded extension's service worker, once it is ready to watch pages: when the manifest asks for `scripting`, the
 * MAIN-world probe is registered at run time and a page opened before that goes unseen, so wait for it too.
 */
export async function extensionReady(context: BrowserContext): Promise<Worker> {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent("serviceworker", { timeout: 10_000 }))
  const manifest = JSON.parse(readFileSync(join(extensionDir, "manifest.json"), "utf8")) as { permissions?: string[] }
  if (!manifest.permissions?.includes("scripting")) return worker
  const deadline = Date.now() + 10_000
  while (Date.now() < deadline) {
    const registered = await worker.evaluate(async () => (await chrome.scripting.getRegisteredContentScripts()).length).catch(() => 0)
    if (registered > 0) return worker
    await new Promise((done) => setTimeout(done, 100))
  }
  throw new Error("the extension registered no content scripts within 10 s")
}
