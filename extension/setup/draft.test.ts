import { describe, expect, it } from "vitest"
import { decodeDraft, encodeDraft, type Draft } from "./draft"

const draft: Draft = {
  config: { handler: { name: { "zh-CN": "知选跨境" } }, locales: ["zh-CN", "en"] },
  todo: [{ path: "handler.contact", message: { "zh-CN": "填写个人信息保护联系方式", en: "Give a privacy contact" } }],
  gating: [{ vendor: "baidu-tongji", purpose: "analytics", before: '<script src="https://hm.baidu.com/hm.js"></script>', after: '<script type="text/plain" data-zhiqing="analytics" src="https://hm.baidu.com/hm.js"></script>' }]
}

describe("the inspector's draft link", () => {
  it("round-trips Chinese text through base64url", () => {
    const hash = encodeDraft(draft)
    expect(hash).toMatch(/^#draft=[A-Za-z0-9_-]+$/)
    expect(decodeDraft(hash)).toEqual({ ok: true, draft, skipped: 0 })
  })

  it("refuses a fragment that is not a draft, in both languages", () => {
    for (const hash of ["#draft=%%%", "#draft=" + btoa("not json"), "#other"]) {
      const result = decodeDraft(hash)
      expect(result.ok).toBe(false)
      if (!result.ok) expect(result.error.en).toContain("cannot be read")
    }
    const noConfig = decodeDraft(encodeDraft({ ...draft, config: "x" as never }))
    expect(noConfig.ok ? "" : noConfig.error.en).toContain("no config object")
  })

  it("counts the todo and gating entries it cannot use instead of dropping them quietly", () => {
    const result = decodeDraft(encodeDraft({ ...draft, todo: [...draft.todo, { path: 3 } as never], gating: [...draft.gating, "x" as never] }))
    expect(result.ok && result.skipped).toBe(2)
    expect(result.ok && result.draft.todo).toEqual(draft.todo)
  })
})
