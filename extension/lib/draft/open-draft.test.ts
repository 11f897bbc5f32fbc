import { describe, expect, it, vi } from "vitest"
import { openDraft } from "./open-draft"

const api = (answer: unknown) => ({
  askDraft: vi.fn(async () => answer),
  openPage: vi.fn(async () => undefined),
  extensionUrl: (path: string) => `chrome-extension://abc/${path}`
})

describe("openDraft", () => {
  it("opens the configurator with the tab's draft in the fragment", async () => {
    const draft = { config: { locales: ["zh-CN"] }, todo: [], gating: [] }
    const chrome = api(draft)
    expect(await openDraft(3, chrome)).toBeUndefined()
    expect(chrome.askDraft).toHaveBeenCalledWith(3)
    const [url] = chrome.openPage.mock.calls[0] as unknown as [string]
    expect(url.startsWith("chrome-extension://abc/setup/index.html#draft=")).toBe(true)
    expect(JSON.parse(Buffer.from(url.split("#draft=")[1]!, "base64url").toString("utf8"))).toEqual(draft)
  })

  it("opens nothing and says why when the background cannot draft", async () => {
    const refused = api({ error: "a draft is made from a web page (http or https), not from chrome: pages" })
    expect(await openDraft(3, refused)).toContain("web page")
    expect(refused.openPage).not.toHaveBeenCalled()
    const silent = api(undefined)
    expect(await openDraft(3, silent)).toBe("the background did not answer")
    expect(silent.openPage).not.toHaveBeenCalled()
  })
})
