// Set-up shared by `npm start`, `npm test` and `npm run bench`. Node built-ins only: it runs before any install.
import { spawnSync } from "node:child_process"
import { existsSync, statSync } from "node:fs"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"

export const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..")

/** Run a command in the repo root, streaming its output; returns its exit code. */
export function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", ...options })
  if (result.error) {
    console.error(`Could not run ${command}: ${result.error.message}`)
    return 1
  }
  return result.status ?? 1
}

/** Run a command and stop the whole set-up with a clear message when it fails. */
export function runOrExit(what, command, args, options = {}) {
  const code = run(command, args, options)
  if (code !== 0) {
    console.error(`\n✗ ${what} failed (exit ${code}).`)
    process.exit(code)
  }
}

/** Install npm dependencies when node_modules is missing or older than the lockfile. */
export function ensureDependencies() {
  const installed = join(root, "node_modules", ".package-lock.json")
  const lock = join(root, "package-lock.json")
  if (existsSync(installed) && statSync(installed).mtimeMs >= statSync(lock).mtimeMs) return
  const fresh = !existsSync(join(root, "node_modules"))
  console.log(fresh ? "Installing dependencies (npm ci)…" : "Dependencies changed: npm install…")
  runOrExit("Installing dependencies", "npm", [fresh ? "ci" : "install", "--no-audit", "--no-fund"])
}

/** Build the SDK bundle and the unpacked extension. */
export function build() {
  runOrExit("Building the SDK", "npm", ["run", "build", "--workspace", "sdk"])
  runOrExit("Building the extension", "npm", ["run", "build", "--workspace", "extension"])
}

export const extensionDir = join(root, "extension", "build", "chrome-mv3-prod")

const isRoot = typeof process.getuid === "function" && process.getuid() === 0

/** Install Debian packages (as root) that are missing; returns false when they are missing and cannot be installed. */
export function ensureDebianPackages(packages, why) {
  const missing = packages.filter((name) => spawnSync("dpkg-query", ["-W", "-f=${Status}", name], { encoding: "utf8" }).stdout?.includes("install ok installed") !== true)
  if (missing.length === 0) return true
  if (!isRoot) {
    console.error(`Missing Debian packages for ${why}: ${missing.join(", ")} (not root, so not installing them).`)
    return false
  }
  console.log(`Installing ${missing.join(", ")} for ${why} (apt-get)…`)
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" }
  if (run("apt-get", ["update", "-qq"], { env }) !== 0) return false
  return run("apt-get", ["install", "-y", "-qq", "--no-install-recommends", ...missing], { env }) === 0
}

/**
 * The Chromium the end-to-end tests drive. Playwright cannot download browsers here, so it is Debian's `chromium`
 * (installed when absent and we are root) or whatever CHROMIUM_PATH names.
 */
export function ensureChromium() {
  if (process.env.CHROMIUM_PATH) {
    if (existsSync(process.env.CHROMIUM_PATH)) return process.env.CHROMIUM_PATH
    console.error(`CHROMIUM_PATH=${process.env.CHROMIUM_PATH} does not exist.`)
    process.exit(1)
  }
  const debian = "/usr/bin/chromium"
  // fonts-noto-cjk: without it every Chinese character in the dialogs renders as an empty box.
  ensureDebianPackages(["chromium", "fonts-noto-cjk"], "the end-to-end tests")
  if (existsSync(debian)) return debian
  console.error(
    "No Chromium found. Install Debian's chromium (apt-get install chromium fonts-noto-cjk) as root,\n" +
      "or point CHROMIUM_PATH at a Chromium or Chrome binary: CHROMIUM_PATH=/path/to/chrome npm test"
  )
  process.exit(1)
}
