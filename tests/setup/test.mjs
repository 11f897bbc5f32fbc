// `npm test`: install what is missing, build, run every unit and end-to-end test, print one summary line.
import { mkdirSync, readFileSync, rmSync } from "node:fs"
import { join } from "node:path"
import { build, ensureChromium, ensureDebianPackages, ensureDependencies, root, run } from "./workspace.mjs"

const started = Date.now()
ensureDependencies()
const chromium = ensureChromium()
// The ledger's tests run against PostgreSQL as well as PGlite; without it that half is skipped with a message.
ensureDebianPackages(["postgresql"], "the ledger's PostgreSQL tests")
build()

const results = join(root, "tests", ".results")
rmSync(results, { recursive: true, force: true })
mkdirSync(results, { recursive: true })
const env = { ...process.env, CHROMIUM_PATH: chromium }

console.log("\n— Type check —")
const typeExit = run("npm", ["run", "typecheck", "--silent"])

console.log("\n— Unit tests (vitest) —")
const unitExit = run("npx", ["vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${join(results, "vitest.json")}`], { env })

console.log("\n— End-to-end tests (Playwright, Chromium) —")
const e2eExit = run("npx", ["playwright", "test", "-c", "tests/playwright.config.ts"], {
  // The fixtures run the demo store and the ledger in-process from their TypeScript sources ("source" export condition).
  env: { ...env, NODE_OPTIONS: "--conditions=source", PLAYWRIGHT_JSON_OUTPUT_NAME: join(results, "playwright.json") }
})

const unit = countVitest(join(results, "vitest.json"))
const e2e = countPlaywright(join(results, "playwright.json"))
const minutes = ((Date.now() - started) / 60000).toFixed(1)
console.log(`\nunit: ${unit.passed} passed, ${unit.failed} failed, ${unit.skipped} skipped (exit ${unitExit})`)
console.log(`e2e: ${e2e.passed} passed, ${e2e.failed} failed, ${e2e.skipped} skipped (exit ${e2eExit})`)
console.log(`typecheck: ${typeExit === 0 ? "clean" : `failed (exit ${typeExit})`}`)
console.log(`npm test took ${minutes} min`)
// A runner that failed without a failing test (a file that did not load, a crashed worker) still counts as a failure.
const failed = (typeExit === 0 ? 0 : 1) + unit.failed + e2e.failed + (unitExit !== 0 && unit.failed === 0 ? 1 : 0) + (e2eExit !== 0 && e2e.failed === 0 ? 1 : 0)
const skipped = unit.skipped + e2e.skipped
console.log(`${unit.passed + e2e.passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`)
process.exit(failed > 0 ? 1 : 0)

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, "utf8"))
  } catch {
    return undefined
  }
}

function countVitest(file) {
  const report = readJson(file)
  if (!report) return { passed: 0, failed: 1, skipped: 0 }
  return { passed: report.numPassedTests, failed: report.numFailedTests, skipped: report.numPendingTests + report.numTodoTests }
}

function countPlaywright(file) {
  const report = readJson(file)
  if (!report) return { passed: 0, failed: 1, skipped: 0 }
  const { expected = 0, unexpected = 0, flaky = 0, skipped = 0 } = report.stats ?? {}
  return { passed: expected + flaky, failed: unexpected, skipped }
}
