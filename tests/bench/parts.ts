/**
 * Loading the parts of the product a benchmark measures. They are imported when the section runs, not when the
 * bench starts, so a part that is not built or written yet skips its own section and nothing else.
 */
import { existsSync, readdirSync } from "node:fs"
import { dirname, join, resolve } from "node:path"
import { fileURLToPath } from "node:url"
import { SkipSection } from "./section"

/** The repository root. */
export const repo = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..")

/** The SDK's script tag (the core every page view loads). */
export const sdkBundle = join(repo, "sdk", "dist", "zhiqing.js")

/** The chunks beside the script tag (sdk/dist/zhiqing-*.js) whose names start with `prefix`. */
export function sdkChunks(prefix = "zhiqing-"): string[] {
  const dist = join(repo, "sdk", "dist")
  return existsSync(dist) ? readdirSync(dist).filter((name) => name.startsWith(prefix) && /^zhiqing-.+\.js$/.test(name)).map((name) => join(dist, name)) : []
}

/** The unpacked, built extension. */
export const extensionDir = join(repo, "extension", "build", "chrome-mv3-prod")

/** Skip the section unless `file` exists. */
export function requireFile(file: string, hint: string): void {
  if (!existsSync(file)) throw new SkipSection(`${file.slice(repo.length + 1)} does not exist (${hint})`)
}

/**
 * Import a module and return its export `name`, which must be a function. The caller states the function's type,
 * which this checks only as far as "is a function": the part's own tests cover its signature.
 */
export async function importFunction<T extends (...args: never[]) => unknown>(specifier: string, name: string): Promise<T> {
  let module: Record<string, unknown>
  try {
    module = (await import(specifier)) as Record<string, unknown>
  } catch (error) {
    const code = (error as { code?: unknown }).code
    if (code === "ERR_MODULE_NOT_FOUND" || code === "MODULE_NOT_FOUND") {
      const why = (error as Error).message.split("\n")[0]?.replaceAll(`${repo}/`, "").replaceAll("node_modules/@zhiqing/sdk/", "sdk/")
      throw new SkipSection(`${specifier} cannot be loaded yet (${why})`)
    }
    throw error
  }
  const value = module[name]
  if (typeof value !== "function") throw new SkipSection(`${specifier} has no function export "${name}" yet`)
  return value as T
}
