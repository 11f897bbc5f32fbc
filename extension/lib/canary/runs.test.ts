import { describe, expect, it } from "vitest"
import { CONFIG, T0, consent, request, state } from "../analysis/test-events"
import { CanaryRuns, MAX_FOLLOWED_PAGES } from "./runs"

const PHONE = { kind: "phone", value: "18745612398" } as const
const CHECKOUT = "https://www.zhixuan.com.cn/checkout"

describe("a tab's canary run", () => {
  it("APPM-3-3: follows the values from the filled form to the page the submission opened", async () => {
    const runs = new CanaryRuns()
    runs.start(4, [PHONE], T0)
    runs.pageEnded(4, { url: CHECKOUT, events: [request(T0 + 10, `https://hm.baidu.com/hm.gif?m=${PHONE.value}`)] })
    const result = await runs.trace(4, { url: "https://www.zhixuan.com.cn/order/1", events: [request(T0 + 900, `https://zhixuan.datasink.sensorsdata.cn/sa?login=${PHONE.value}`)] })
    expect(result).toMatchObject({ startedAt: new Date(T0).toISOString(), pages: 2 })
    expect(result!.traces[0]!.masked).toBe("187****2398")
    expect(result!.traces[0]!.hits.map((hit) => hit.host)).toEqual(["hm.baidu.com", "zhixuan.datasink.sensorsdata.cn"])
  })

  it("a request sent while the next page loads is judged by the decision made on the page before", async () => {
    const runs = new CanaryRuns()
    runs.start(4, [PHONE], T0)
    runs.pageEnded(4, { url: CHECKOUT, events: [{ type: "config", time: T0, config: CONFIG }, consent(T0 + 5, "decision", state({ analytics: true }, {}, T0 + 5))] })
    const result = await runs.trace(4, { url: CHECKOUT, events: [request(T0 + 900, `https://zhixuan.datasink.sensorsdata.cn/sa?login=${PHONE.value}`)] })
    expect(result!.traces[0]!.hits[0]).toMatchObject({ decided: true, purpose: { id: "analytics", status: "granted" } })
  })

  it("keeps no pages for tabs without a run, a bounded number for a long journey, and nothing once forgotten", async () => {
    const runs = new CanaryRuns()
    runs.pageEnded(5, { url: CHECKOUT, events: [] })
    expect(await runs.trace(5, { url: CHECKOUT, events: [] })).toBeUndefined()
    runs.start(5, [PHONE], T0)
    for (let page = 0; page < MAX_FOLLOWED_PAGES + 3; page++) runs.pageEnded(5, { url: `${CHECKOUT}?step=${page}`, events: [] })
    expect((await runs.trace(5, { url: CHECKOUT, events: [] }))!.pages).toBe(MAX_FOLLOWED_PAGES + 1)
    runs.forget(5)
    expect(await runs.trace(5, { url: CHECKOUT, events: [] })).toBeUndefined()
  })
})
