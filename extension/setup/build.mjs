// Builds the configurator into extension/build/setup/: its page, the preview page, their scripts and styles, a copy
// of the SDK's script-tag build (zhiqing.js and any zhiqing-*.js chunks it loads from its own folder) for the live
// preview, and a service worker, so the folder works from any static host and offline. The same folder is copied into
// the built extension (build/chrome-mv3-prod/setup/), where the inspector opens it as an extension page: no inline script.
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync } from "node:fs"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"
import { build } from "esbuild"

const here = dirname(fileURLToPath(import.meta.url))
const extension = join(here, "..")
const sdkDist = join(extension, "..", "sdk", "dist")
const out = join(extension, "build", "setup")
const packaged = join(extension, "build", "chrome-mv3-prod")

const sdkScripts = existsSync(sdkDist) ? readdirSync(sdkDist).filter((name) => /^zhiqing.*\.js$/.test(name)) : []
if (!sdkScripts.includes("zhiqing.js")) {
  console.error("setup: sdk/dist/zhiqing.js is not built; run npm run build --workspace sdk first")
  process.exit(1)
}

rmSync(out, { recursive: true, force: true })
mkdirSync(out, { recursive: true })
await build({
  entryPoints: { setup: join(here, "main.tsx"), preview: join(here, "preview.ts") },
  outdir: out,
  bundle: true,
  minify: true,
  format: "iife",
  target: "es2020",
  charset: "utf8",
  jsx: "automatic",
  jsxImportSource: "preact",
  conditions: ["source"],
  logLevel: "warning"
})
const pages = ["index.html", "preview.html", "setup.css", "preview.css"]
for (const file of pages) cpSync(join(here, file), join(out, file))
for (const file of sdkScripts) cpSync(join(sdkDist, file), join(out, file))
// The service worker keeps a copy of every file above for working offline on a web host.
await build({
  entryPoints: [join(here, "sw.ts")],
  outfile: join(out, "sw.js"),
  bundle: true,
  minify: true,
  format: "iife",
  target: "es2020",
  define: { SETUP_FILES: JSON.stringify([...pages, "setup.js", "preview.js", ...sdkScripts]) },
  logLevel: "warning"
})
if (existsSync(join(packaged, "manifest.json"))) {
  rmSync(join(packaged, "setup"), { recursive: true, force: true })
  cpSync(out, join(packaged, "setup"), { recursive: true })
}
