import { execFileSync } from "node:child_process"
import { readFileSync, statSync } from "node:fs"
import { dirname, join, relative, resolve, sep } from "node:path"
import { fileURLToPath } from "node:url"
import { describe, expect, it } from "vitest"

// A user clones this repo alone, into any folder: nothing in it may reach outside its own tree.
const repo = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..")
const TEXT_FILE = /\.(?:[cm]?[jt]sx?|json|mjs|md|html|css|sh|ya?ml)$|(?:^|\/)(?:run|\.gitignore)$/

function trackedFiles(): string[] {
  const listed = execFileSync("git", ["ls-files", "-z"], { cwd: repo, encoding: "utf8" }).split("\0")
  return listed.filter((file) => file !== "" && file !== "package-lock.json" && TEXT_FILE.test(file) && statSync(join(repo, file), { throwIfNoEntry: false })?.isFile())
}

/** Relative paths in a file's text (`../x`, `../../x/y`) that climb above the repo's root from where the file is. */
function pathsLeavingRepo(file: string, text: string): string[] {
  const fromDir = dirname(join(repo, file))
  return [...text.matchAll(/(?<![\w.])((?:\.\.\/)+)[\w@-]/g)]
    .map((match) => match[1] ?? "")
    .filter((climb) => relative(repo, resolve(fromDir, climb)).split(sep)[0] === "..")
}

/** Paths into this machine or into a folder beside the clone, in any spelling the tools take. */
function machinePaths(text: string): string[] {
  const pattern = /(?:^|[\s"'`(=])(\/(?:work|root|home|Users)\/[\w.@-]+)|["']\.\.["']\s*,\s*["']shared["']/g
  return [...text.matchAll(pattern)].map((match) => match[0].trim())
}

describe("the repository is self-contained", () => {
  it("finds the two kinds of outside reference it guards against", () => {
    // Spelled in pieces, so that this file does not itself hold what it forbids.
    const sibling = "../".repeat(3) + "shared"
    expect(pathsLeavingRepo("sdk/src/x.test.ts", `new URL("${sibling}/examples/shop.config.json")`)).toEqual(["../../../"])
    expect(pathsLeavingRepo("sdk/src/x.test.ts", 'new URL("../../examples/shop.config.json")')).toEqual([])
    expect(machinePaths(`join(REPO_DIR, "..", "${"shared"}", "examples")`)).toHaveLength(1)
    expect(machinePaths(`readFileSync("/${"work"}/main/x.json")`)).toHaveLength(1)
    expect(machinePaths("an URL path like /api/consent/abc")).toEqual([])
  })

  it("no tracked file refers to a path outside the repo or on this machine", () => {
    const offenders = trackedFiles().flatMap((file) => {
      const text = readFileSync(join(repo, file), "utf8")
      return [...pathsLeavingRepo(file, text), ...machinePaths(text)].map((reference) => `${file}: ${reference}`)
    })
    expect(offenders).toEqual([])
  })
})
