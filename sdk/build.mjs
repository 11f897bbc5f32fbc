// Builds the SDK: the script tag (dist/zhiqing.js, the core: config check, stored decision, gating, API, sync,
// receipts in IndexedDB through idb) and the chunks beside it (dist/zhiqing-dialogs-<hash>.js: Preact, every view and
// its CSS, the law's config rules, SHA-256 for pages without crypto.subtle; dist/zhiqing-words-<locale>-<hash>.js:
// the dialogs' words in one locale), ESM builds of the public API, the schema and the ledger, and type declarations.
import { spawnSync } from "node:child_process"
import { createHash } from "node:crypto"
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { dirname, join } from "node:path"
import { fileURLToPath, pathToFileURL } from "node:url"
import { build } from "esbuild"
import { minify } from "terser"
import { MANGLED_PROPS } from "./mangled-props.mjs"

const here = dirname(fileURLToPath(import.meta.url))
const at = (path) => join(here, path)
const common = { bundle: true, charset: "utf8", logLevel: "warning", jsx: "automatic", jsxImportSource: "preact" }

await build({ ...common, entryPoints: [at("src/schema.ts")], outfile: at("dist/schema.js"), format: "esm", platform: "neutral", packages: "external" })
await writeJsonSchemas()

// The script tag in parts, built alike: the chunks first, since the core carries their names and hashes.
// The chunk and the core share the mangled names of the seam between them (mangleCache).
const mangleCache = {}
// Chunks of earlier builds go, so that copying dist/zhiqing*.js copies only what this core loads.
for (const stale of readdirSync(at("dist")).filter((name) => /^zhiqing-.*\.js$/.test(name))) rmSync(at(`dist/${stale}`))
rmSync(at("dist/esm"), { recursive: true, force: true })
const chunks = {
  dialogs: await writeChunk("dialogs", "src/ui/chunk.ts"),
  words: {
    "zh-CN": await writeChunk("words-zh-CN", "src/ui/words-chunk.ts", { __WORDS_LOCALE__: '"zh-CN"' }),
    en: await writeChunk("words-en", "src/ui/words-chunk.ts", { __WORDS_LOCALE__: '"en"' })
  }
}
writeFileSync(at("dist/zhiqing.js"), await scriptTag("src/browser.ts", { __CHUNKS__: JSON.stringify(chunks) }))
await build({
  ...common,
  entryPoints: [at("src/index.ts")],
  outdir: at("dist"),
  // The dialogs behind index.ts's dynamic import() become a chunk of their own for the app's bundler to split off.
  splitting: true,
  chunkNames: "esm/[name]-[hash]",
  format: "esm",
  platform: "browser",
  packages: "external",
  define: { __SDK_VERSION__: '"esm"' }
})
if (existsSync(at("server/index.ts"))) {
  const node = { ...common, format: "esm", platform: "node", target: "node20", packages: "external" }
  await build({ ...node, entryPoints: [at("server/index.ts")], outfile: at("dist/server.js") })
  await build({ ...node, entryPoints: [at("server/cli.ts")], outfile: at("dist/cli.js") })
}
/** Build one chunk as dist/zhiqing-<name>-<content hash>.js; returns its file name and integrity hash. */
async function writeChunk(name, entry, define = {}) {
  const code = await scriptTag(entry, define)
  const digest = createHash("sha256").update(code).digest()
  const chunk = { file: `zhiqing-${name}-${digest.toString("hex").slice(0, 10)}.js`, integrity: `sha256-${digest.toString("base64")}` }
  writeFileSync(at(`dist/${chunk.file}`), code)
  return chunk
}

/** One file of the script tag: a minified IIFE for es2020 with the script tag's private property names shortened. */
async function scriptTag(entry, define) {
  const script = await build({
    ...common,
    entryPoints: [at(entry)],
    write: false,
    format: "iife",
    // Identifiers are left to terser, which must still find idb's replaceTraps by its name (below).
    minifySyntax: true,
    minifyWhitespace: true,
    // Long property names that only the script tag's own modules use become short ones: about 0.28 KB gzip.
    mangleProps: new RegExp(`^(${MANGLED_PROPS.join("|")})$`),
    mangleCache,
    // es2020 keeps `?.` and `??` as they are (Chrome 80, Safari 13.1, current WeChat WebViews): about 0.5 KB gzip less.
    target: "es2020",
    define: { ...define, __SDK_VERSION__: JSON.stringify(JSON.parse(readFileSync(at("package.json"), "utf8")).version) }
  })
  Object.assign(mangleCache, script.mangleCache)
  // terser's extra compression passes on esbuild's output take about 0.6 KB gzip more off the script tag.
  // idb adds its `db.get`/`db.put`-style shortcuts and its cursor iterators through top-level replaceTraps calls that a
  // bundler must keep; the SDK uses neither (core/receipts.ts), and leaving them out takes about 0.45 KB gzip off.
  const minified = await minify(script.outputFiles[0].text, {
    ecma: 2020,
    compress: { passes: 4, pure_funcs: ["replaceTraps"], pure_new: true },
    // Chinese written as \u escapes: the file reads the same whatever charset it is served with (a shop whose pages
    // are GBK and whose server sends no charset for .js would otherwise show mojibake), and it is about 0.19 KB gzip
    // smaller than UTF-8's three bytes a character.
    format: { ascii_only: true }
  })
  return minified.code
}

const types = spawnSync(process.execPath, [join(here, "..", "node_modules", "typescript", "bin", "tsc"), "-p", at("tsconfig.build.json")], { stdio: "inherit" })
if (types.status !== 0) process.exit(types.status ?? 1)

/**
 * The browser validates config and stored state against JSON Schema generated from schema.ts, so the bundle
 * carries no zod. The generated module is committed; a unit test fails when it is stale.
 */
async function writeJsonSchemas() {
  const { renderJsonSchemas } = await import(pathToFileURL(at("json-schemas.mjs")).href)
  const schema = await import(pathToFileURL(at("dist/schema.js")).href)
  const target = at("src/generated/json-schemas.ts")
  const text = renderJsonSchemas(schema)
  if (!existsSync(target) || readFileSync(target, "utf8") !== text) writeFileSync(target, text)
}
