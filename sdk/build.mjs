// Builds the SDK: dist/zhiqing.js (the script tag: one minified IIFE with the engine, the dialogs and both
// languages), ESM builds of the public API, the schema and the ledger, and type declarations.
import { spawnSync } from "node:child_process"
import { existsSync, readFileSync, writeFileSync } from "node:fs"
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

const script = await build({
  ...common,
  entryPoints: [at("src/browser.ts")],
  write: false,
  format: "iife",
  // Identifiers are left to terser, which must still find idb's replaceTraps by its name (below).
  minifySyntax: true,
  minifyWhitespace: true,
  // Long property names that only the script tag's own modules use become short ones: about 0.28 KB gzip.
  mangleProps: new RegExp(`^(${MANGLED_PROPS.join("|")})$`),
  // es2020 keeps `?.` and `??` as they are (Chrome 80, Safari 13.1, current WeChat WebViews): about 0.5 KB gzip less.
  target: "es2020",
  define: { __SDK_VERSION__: JSON.stringify(JSON.parse(readFileSync(at("package.json"), "utf8")).version) }
})
// terser's extra compression passes on esbuild's output take about 0.6 KB gzip more off the script tag.
// idb adds its `db.get`/`db.put`-style shortcuts and its cursor iterators through top-level replaceTraps calls that a
// bundler must keep; the SDK uses neither (core/receipts.ts), and leaving them out takes about 0.45 KB gzip off.
const minified = await minify(script.outputFiles[0].text, {
  ecma: 2020,
  compress: { passes: 2, pure_funcs: ["replaceTraps"] },
  format: { ascii_only: false }
})
writeFileSync(at("dist/zhiqing.js"), minified.code)
await build({ ...common, entryPoints: [at("src/index.ts")], outfile: at("dist/index.js"), format: "esm", platform: "browser", packages: "external", define: { __SDK_VERSION__: '"esm"' } })
if (existsSync(at("server/index.ts"))) {
  const node = { ...common, format: "esm", platform: "node", target: "node20", packages: "external" }
  await build({ ...node, entryPoints: [at("server/index.ts")], outfile: at("dist/server.js") })
  await build({ ...node, entryPoints: [at("server/cli.ts")], outfile: at("dist/cli.js") })
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
