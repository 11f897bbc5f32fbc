// @vitest-environment happy-dom
// @vitest-environment-options { "url": "https://shop.example.cn/" }
import "fake-indexeddb/auto"
import { readFileSync } from "node:fs"
import { fileURLToPath } from "node:url"
import { afterEach, describe, expect, it, vi } from "vitest"
import type { ZhiqingApi } from "./api"
import type { Dialogs, DialogsModule } from "./ui/contract"

const canonical = JSON.parse(readFileSync(fileURLToPath(import.meta.resolve("../examples/shop.config.json")), "utf8"))
const opened: string[] = []

// A stand-in for the dialogs chunk: the script tag's entry is what is under test.
vi.mock("./core/chunk", async (importOriginal) => {
  const { checkConfigRules } = await import("./config-rules")
  const module: DialogsModule = {
    checkConfigRules,
    mountDialogs: (): Dialogs => ({
      showBanner: () => undefined,
      open: (view) => void opened.push(view),
      ask: async () => false,
      close: () => undefined,
      destroy: () => undefined
    })
  }
  const load = async () => module
  return { ...(await importOriginal<typeof import("./core/chunk")>()), chunkLoaders: () => ({ dialogs: load, withWords: load }) }
})

type Page = { Zhiqing?: ZhiqingApi | { q: unknown[][] }; zhiqingConfig?: unknown }
const page = window as unknown as Page

/** The merchant's snippet: calls before the script arrives go to a queue. */
function snippet(): { q: Array<[string, ArrayLike<unknown>]> } & Record<string, unknown> {
  const stub: { q: Array<[string, ArrayLike<unknown>]> } & Record<string, unknown> = { q: [] }
  for (const method of ["init", "open", "withdraw", "locale", "on", "request"]) {
    stub[method] = (...args: unknown[]) => void stub.q.push([method, args])
  }
  return stub
}

afterEach(() => {
  delete page.Zhiqing
  delete page.zhiqingConfig
  opened.length = 0
  vi.restoreAllMocks()
  vi.resetModules()
})

describe("the script tag", () => {
  it("replays calls queued before it arrived, a queued init() included", async () => {
    const stub = snippet()
    page.Zhiqing = stub as unknown as Page["Zhiqing"]
    ;(stub.open as (view: string) => void)("rights")
    ;(stub.init as (config: unknown) => void)(canonical)
    await import("./browser")
    const api = page.Zhiqing as ZhiqingApi
    expect(typeof api.allowed).toBe("function")
    await vi.waitFor(() => expect(opened).toEqual(["rights"]))
  })

  it("starts with window.zhiqingConfig, and an invalid one leaves everything blocked without an exception", async () => {
    const errors = vi.spyOn(console, "error").mockImplementation(() => undefined)
    page.zhiqingConfig = { ...canonical, purposes: "analytics" }
    await import("./browser")
    await vi.waitFor(() => expect(String(errors.mock.calls[0]?.[0])).toContain("purposes: expected array, got string"))
    expect((page.Zhiqing as ZhiqingApi).allowed("analytics")).toBe(false)
  })

  it("loaded twice, the first copy stays in charge", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined)
    page.zhiqingConfig = canonical
    await import("./browser")
    const first = page.Zhiqing
    vi.resetModules()
    await import("./browser")
    expect(page.Zhiqing).toBe(first)
    expect(String(warn.mock.calls.at(-1)?.[0])).toContain("loaded twice")
  })
})
