import { describe, expect, it, vi } from "vitest"

vi.mock("./chrome", () => ({ browserApi: { onMessage: vi.fn() } }))

const { dispatchMessage, handleMessage } = await import("./messaging")

const sender = { id: "extension" }

describe("messages to the background", () => {
  it("routes { name, body } to its handler, which answers through res.send", async () => {
    handleMessage<{ tabId: number }, string>("echo-tab", {
      answers: true,
      parseBody: (body) => ((body as { tabId?: unknown }).tabId === 3 ? { tabId: 3 } : "needs tabId 3"),
      handler: async ({ name, body }, res) => res.send(`${name} ${body.tabId}`)
    })
    const answer = new Promise((resolve) => expect(dispatchMessage({ name: "echo-tab", body: { tabId: 3 } }, sender, resolve)).toBe(true))
    expect(await answer).toBe("echo-tab 3")
  })

  it("answers a body its handler cannot read with a clear error, and a failing handler with its message", async () => {
    handleMessage("fails", { answers: true, parseBody: (body) => body, handler: () => Promise.reject(new Error("tab log unavailable")) })
    const replies: unknown[] = []
    dispatchMessage({ name: "echo-tab", body: {} }, sender, (answer) => replies.push(answer))
    expect(replies).toEqual([{ error: "needs tabId 3" }])
    const failed = new Promise((resolve) => dispatchMessage({ name: "fails", body: {} }, sender, resolve))
    expect(await failed).toEqual({ error: "tab log unavailable" })
  })

  it("leaves messages it has no handler for to others", () => {
    const reply = vi.fn()
    expect(dispatchMessage({ name: "unknown" }, sender, reply)).toBeUndefined()
    expect(dispatchMessage("not a message", sender, reply)).toBeUndefined()
    expect(reply).not.toHaveBeenCalled()
    expect(() => handleMessage("fails", { answers: false, parseBody: (body) => body, handler: () => undefined })).toThrow('a handler for the "fails" message is registered twice')
  })
})
