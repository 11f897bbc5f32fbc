/** The files the store serves besides its pages, located relative to this module (never the working directory). */
import { createHash } from "node:crypto"
import { readFileSync } from "node:fs"
import { dirname, join, resolve } from "node:path"
import { fileURLToPath } from "node:url"
import { transform } from "esbuild"
import { formatIssues, parseConfig, type Config } from "@zhiqing/sdk/schema"
import type { StoreAssets } from "./router"
import { loadTrackerScripts } from "./trackers"

const storeDir = resolve(dirname(fileURLToPath(import.meta.url)), "..")
export const REPO_DIR = resolve(storeDir, "..")
export const STORE_CONFIG_PATH = join(storeDir, "config", "shop.config.json")
const PUBLIC_DIR = join(storeDir, "public")

/** Subresource integrity of a text (`sha256-<base64>`), as the pages pin the config file with data-config-integrity. */
export function integrityOf(text: string): string {
  return "sha256-" + createHash("sha256").update(text).digest("base64")
}

/** Read and validate the store's merchant config; a broken config stops the store with every issue named. */
export function loadStoreConfig(): { config: Config; json: string } {
  const json = readFileSync(STORE_CONFIG_PATH, "utf8")
  let parsed: unknown
  try {
    parsed = JSON.parse(json)
  } catch (error) {
    throw new Error(`${STORE_CONFIG_PATH} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`)
  }
  const result = parseConfig(parsed)
  if (!result.ok) throw new Error(`${STORE_CONFIG_PATH} is not a valid Zhiqing config:\n${formatIssues(result.issues)}`)
  return { config: result.value, json }
}

/** Load every asset once: the config, the compiled shop script, the stylesheet and the tracker imitations. */
export async function loadAssets(): Promise<{ config: Config; assets: StoreAssets }> {
  const { config, json } = loadStoreConfig()
  const shopSource = readFileSync(join(PUBLIC_DIR, "shop.ts"), "utf8")
  const shopJs = await transform(shopSource, { loader: "ts", format: "iife", target: "es2020", sourcefile: "shop.ts" })
  return {
    config,
    assets: {
      sdkDir: join(REPO_DIR, "sdk", "dist"),
      setupDir: join(REPO_DIR, "extension", "build", "setup"),
      configJson: json,
      configIntegrity: integrityOf(json),
      shopJs: shopJs.code,
      shopCss: readFileSync(join(PUBLIC_DIR, "shop.css"), "utf8"),
      trackerScripts: loadTrackerScripts(PUBLIC_DIR)
    }
  }
}
