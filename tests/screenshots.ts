/**
 * Where the end-to-end tests put their pictures of each view. Every run makes them from the build it tests, into
 * tests/.results/screenshots/, for anyone to open; with ZHIQING_SCREENSHOTS=1 they replace the README's, in docs/images/.
 */
import { mkdirSync } from "node:fs"
import { fileURLToPath } from "node:url"

const folder = fileURLToPath(new URL(process.env.ZHIQING_SCREENSHOTS ? "../docs/images/" : "./.results/screenshots/", import.meta.url))

/** The file a screenshot named `name` (e.g. "dialog-en-phone.png") is written to. */
export function screenshotPath(name: string): string {
  mkdirSync(folder, { recursive: true })
  return folder + name
}
