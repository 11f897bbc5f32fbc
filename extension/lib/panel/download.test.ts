// @vitest-environment happy-dom
import { describe, expect, it, vi } from "vitest"
import { downloadText, exportFileName } from "./download"

describe("downloadText", () => {
  it("clicks a temporary link to a Blob with the file name, then removes it", async () => {
    const created = vi.spyOn(URL, "createObjectURL").mockReturnValue("blob:zhiqing/1")
    const clicked: Array<{ href: string; download: string }> = []
    const click = vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ href: this.href, download: this.download })
    })
    downloadText("report.json", '{"a":1}', "application/json")
    expect(clicked).toEqual([{ href: "blob:zhiqing/1", download: "report.json" }])
    const blob = created.mock.calls[0]![0] as Blob
    expect(blob.type).toBe("application/json")
    expect(await blob.text()).toBe('{"a":1}')
    expect(document.querySelector("a[download]")).toBeNull()
    created.mockRestore()
    click.mockRestore()
  })
})

describe("exportFileName", () => {
  it("names the page's host and the report's time", () => {
    expect(exportFileName("https://shop.example.cn/checkout?x=1", "2026-11-25T08:01:00.000Z", "har")).toBe("zhiqing-shop.example.cn-20261125T080100.har")
  })

  it("falls back for a page without a URL", () => {
    expect(exportFileName("", "2026-11-25T08:01:00.000Z", "json")).toBe("zhiqing-page-20261125T080100.json")
  })
})
