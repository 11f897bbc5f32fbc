// `npm run bench`: speed and size figures, side by side with the anchors measured in the same run.
// `npm run bench -- dialog returning` runs only the sections named (tests/bench/run.ts).
import { existsSync } from "node:fs"
import { join } from "node:path"
import { build, ensureChromium, ensureDependencies, root, runOrExit } from "./workspace.mjs"

const entry = join(root, "tests", "bench", "run.ts")
if (!existsSync(entry)) {
  console.log("no benchmarks yet")
  process.exit(0)
}
ensureDependencies()
const chromium = ensureChromium()
build()
runOrExit("The benchmarks", process.execPath, ["--conditions=source", "--import", "tsx", entry, ...process.argv.slice(2)], { env: { ...process.env, CHROMIUM_PATH: chromium } })
