import { readFileSync } from "node:fs"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { REPO_DIR, integrityOf, loadStoreConfig, STORE_CONFIG_PATH } from "./assets"
import { homePage } from "./pages/shop-pages"
import { translator, type PageContext } from "./pages/context"
import { dispatchHostname, vendorForHost, vendorOrigin } from "./vendors"

const canonical: unknown = JSON.parse(readFileSync(join(REPO_DIR, "sdk", "examples", "shop.config.json"), "utf8"))
const storeCopy: unknown = JSON.parse(readFileSync(STORE_CONFIG_PATH, "utf8"))

/** Paths where `copy` loses or changes something `original` has; arrays may only grow at the end. */
function differences(original: unknown, copy: unknown, path = ""): string[] {
  if (Array.isArray(original)) {
    if (!Array.isArray(copy) || copy.length < original.length) return [path || "(root)"]
    return original.flatMap((item, index) => differences(item, copy[index], `${path}[${index}]`))
  }
  if (original !== null && typeof original === "object") {
    if (copy === null || typeof copy !== "object" || Array.isArray(copy)) return [path || "(root)"]
    return Object.entries(original).flatMap(([key, value]) => differences(value, (copy as Record<string, unknown>)[key], path ? `${path}.${key}` : key))
  }
  return Object.is(original, copy) ? [] : [path]
}

function context(leaky: boolean): PageContext {
  const { config, json } = loadStoreConfig()
  return {
    locale: "zh-CN",
    leaky,
    url: new URL("http://localhost/"),
    cart: [],
    config,
    configIntegrity: integrityOf(json),
    vendorUrl: (host, path) => vendorOrigin(host, "real", "localhost") + path,
    t: translator("zh-CN")
  }
}

describe("the store's copy of the merchant config", () => {
  it("validates as a Zhiqing config (PIPL-17-1)", () => {
    expect(() => loadStoreConfig()).not.toThrow()
  })

  it("keeps every key and value of the canonical example, only adding to it", () => {
    expect(differences(canonical, storeCopy)).toEqual([])
  })

  it("tells a changed or dropped canonical value apart from an addition", () => {
    expect(differences({ a: [1, 2], b: { c: "x" } }, { a: [1, 2, 3], b: { c: "x", d: 1 } })).toEqual([])
    expect(differences({ a: [1, 2], b: { c: "x" } }, { a: [2, 1], b: {} })).toEqual(["a[0]", "a[1]", "b.c"])
  })

  it("declares, in some purpose's vendors, every third party the correct mode loads (NDSR-21-2)", () => {
    const ctx = context(false)
    const declared = new Set(ctx.config.purposes.flatMap((purpose) => purpose.vendors ?? []))
    const hosts = [...homePage(ctx).value.matchAll(/(?:src=|server_url: )"(http:\/\/[^/"\s]+)/g)].map((match) => new URL(match[1] ?? "").host)
    expect(hosts.length).toBeGreaterThan(5)
    const vendors = new Set(hosts.map((host) => vendorForHost(dispatchHostname(host))?.id ?? `unknown host ${host}`))
    expect([...vendors].filter((vendor) => !declared.has(vendor))).toEqual([])
  })

  it("leaves the leaky mode's Meta pixel undeclared, so the inspector has an overseas recipient to find (PIPL-39)", () => {
    const ctx = context(true)
    expect(homePage(ctx).value).toContain("http://connect.facebook.net/en_US/fbevents.js")
    expect(ctx.config.purposes.flatMap((purpose) => purpose.vendors ?? [])).not.toContain("meta-pixel")
  })
})
