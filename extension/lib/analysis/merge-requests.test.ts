import { describe, expect, it } from "vitest"
import type { RequestEvent } from "../events"
import { mergeRequests } from "./merge-requests"

const request = (overrides: Partial<RequestEvent>): RequestEvent => ({ type: "request", time: 1000, url: "https://t.cn/c", method: "POST", channel: "webRequest", ...overrides })

describe("merging the two sightings of a request", () => {
  it("merges the probe's and webRequest's records of one request, keeping the richer details", () => {
    const merged = mergeRequests([
      request({ time: 1010, ip: "203.0.113.5", resourceType: "xmlhttprequest", body: "a=1" }),
      request({ time: 1000, channel: "fetch", script: "https://t.cn/sdk.js", body: "a=1&b=2" })
    ])
    expect(merged).toEqual([{ type: "request", time: 1000, url: "https://t.cn/c", method: "POST", channel: "fetch", script: "https://t.cn/sdk.js", body: "a=1&b=2", ip: "203.0.113.5", resourceType: "xmlhttprequest" }])
  })

  it("keeps the mark of a gzip body that webRequest inflated when its text is the one kept", () => {
    const inflated = '{"event":"order","properties":{"mobile":"13812345678"}}'
    const [merged] = mergeRequests([request({ body: inflated, bodyEncoding: "gzip" }), request({ channel: "fetch", body: "H4sIAAAA" })])
    expect(merged).toMatchObject({ body: inflated, bodyEncoding: "gzip", channel: "fetch" })
    const [pageBody] = mergeRequests([request({ body: "ab", bodyEncoding: "gzip" }), request({ channel: "fetch", body: "a=1&b=2" })])
    expect(pageBody!.bodyEncoding).toBeUndefined()
  })

  it("keeps repeated requests apart: same side twice, far apart in time, or another method", () => {
    expect(mergeRequests([request({}), request({ time: 1001 })])).toHaveLength(2)
    expect(mergeRequests([request({}), request({ time: 9000, channel: "beacon" })])).toHaveLength(2)
    expect(mergeRequests([request({}), request({ method: "GET", channel: "image" })])).toHaveLength(2)
  })

  it("pairs each of two quick identical pixels with its own sighting", () => {
    const merged = mergeRequests([request({ time: 1 }), request({ time: 2, channel: "image" }), request({ time: 3 }), request({ time: 4, channel: "image" })])
    expect(merged.map((event) => event.channel)).toEqual(["image", "image"])
  })
})
