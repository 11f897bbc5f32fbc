/**
 * Size of what a shop ships: what a shopper's page loads of Zhiqing (first visit, returning) against the JS and CSS
 * of two established consent libraries, installed from npm. Compression at the levels a CDN uses for static files: gzip -9 and brotli 11.
 */
import { readFileSync } from "node:fs"
import { join } from "node:path"
import { brotliCompressSync, constants, gzipSync } from "node:zlib"
import { repo, requireFile, sdkBundle, sdkChunks } from "./parts"
import { ratio } from "./stats"

export interface FileSize {
  /** Path relative to the repository. */
  file: string
  raw: number
  gzip: number
  brotli: number
}

export interface BundleSize {
  name: string
  version: string
  /** What a shop gets for these bytes. */
  includes: string
  files: FileSize[]
  total: Omit<FileSize, "file">
}

export interface SizeFigures {
  /** What a first-time shopper's page loads: the script tag, its dialogs chunk and the words of zh-CN. */
  zhiqing: BundleSize
  /** What a returning shopper's page loads: the script tag alone. */
  zhiqingReturning: BundleSize
  anchors: BundleSize[]
  /** Zhiqing's total over each anchor's total, by anchor name (the anchors load the same on every visit). */
  ratios: Record<string, { gzip: number | null; brotli: number | null }>
  returningRatios: Record<string, { gzip: number | null; brotli: number | null }>
}

interface BundleSpec {
  name: string
  packageDir: string
  includes: string
  files: string[]
}

const modules = join(repo, "node_modules")

const ZHIQING = (): BundleSpec => ({
  name: "Zhiqing, first visit",
  packageDir: join(repo, "sdk"),
  includes:
    "the script tag (engine, config shape, script and iframe gating, floating button, receipts and outbox in IndexedDB through idb, ledger sync), its dialogs chunk (Preact dialogs: first layer, preferences, separate consent, rights; CSS; the law's config rules; the SHA-256 for plain-http pages) and the words of the shopper's language, here zh-CN (the larger; en is smaller)",
  files: [sdkBundle, ...sdkChunks("zhiqing-dialogs-"), ...sdkChunks("zhiqing-words-zh-CN-")]
})

const ZHIQING_RETURNING: BundleSpec = {
  name: "Zhiqing, returning shopper",
  packageDir: join(repo, "sdk"),
  includes: "the script tag alone: a stored decision needs no dialog code",
  files: [sdkBundle]
}

/** The two anchors, in the form their docs tell a shop to embed, CSS minified as shipped. */
const ANCHOR_BUNDLES: BundleSpec[] = [
  {
    name: "vanilla-cookieconsent",
    packageDir: join(modules, "vanilla-cookieconsent"),
    includes: "core and UI (consent and preferences modals), script gating by data-category; no texts built in (all come from the site's config); CSS separate",
    files: [join(modules, "vanilla-cookieconsent", "dist", "cookieconsent.umd.js"), join(modules, "vanilla-cookieconsent", "dist", "cookieconsent.css")]
  },
  {
    name: "klaro",
    packageDir: join(modules, "klaro"),
    includes:
      "klaro-no-css.js (core, notice and modal UI, script and iframe gating, built-in UI texts in 23 languages) + klaro.min.css (klaro.js bundles the same CSS into the JS)",
    files: [join(modules, "klaro", "dist", "klaro-no-css.js"), join(modules, "klaro", "dist", "klaro.min.css")]
  }
]

function measureFile(file: string): FileSize {
  const content = readFileSync(file)
  return {
    file: file.slice(repo.length + 1),
    raw: content.length,
    gzip: gzipSync(content, { level: 9 }).length,
    brotli: brotliCompressSync(content, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: content.length }
    }).length
  }
}

function measureBundle(spec: BundleSpec): BundleSize {
  for (const file of spec.files) requireFile(file, `install it with npm or build it`)
  const files = spec.files.map(measureFile)
  const sum = (key: "raw" | "gzip" | "brotli") => files.reduce((total, file) => total + file[key], 0)
  const { version } = JSON.parse(readFileSync(join(spec.packageDir, "package.json"), "utf8")) as { version: string }
  return { name: spec.name, version, includes: spec.includes, files, total: { raw: sum("raw"), gzip: sum("gzip"), brotli: sum("brotli") } }
}

/** Measure the three bundles; skips when the SDK has not been built. */
export async function measureSizes(): Promise<SizeFigures> {
  requireFile(sdkBundle, "build the SDK first: npm run build --workspace sdk")
  const zhiqing = measureBundle(ZHIQING())
  const zhiqingReturning = measureBundle(ZHIQING_RETURNING)
  const anchors = ANCHOR_BUNDLES.map(measureBundle)
  const against = (ours: BundleSize) =>
    Object.fromEntries(anchors.map((anchor) => [anchor.name, { gzip: ratio(ours.total.gzip, anchor.total.gzip), brotli: ratio(ours.total.brotli, anchor.total.brotli) }]))
  return { zhiqing, zhiqingReturning, anchors, ratios: against(zhiqing), returningRatios: against(zhiqingReturning) }
}
