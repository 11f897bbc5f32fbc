// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from "vitest"
import { CONTROL_LABELS, locateExpression } from "./chrome-scan-browser"

/** Evaluate the expression as the DevTools protocol's Runtime.evaluate would, in this document. */
const locate = (labels: readonly string[]) => new Function(`return ${locateExpression(labels)}`)() as { found: string }

function zhiqingDialog(buttons: string[], options: { shadow?: boolean; hidden?: boolean } = {}): void {
  const root = document.createElement("div")
  root.id = "zhiqing-root"
  const scope = options.shadow === false ? root : root.attachShadow({ mode: "open" })
  const dialog = document.createElement("div")
  dialog.setAttribute("role", "dialog")
  if (options.hidden) dialog.setAttribute("hidden", "")
  for (const text of buttons) {
    const button = document.createElement("button")
    button.textContent = text
    dialog.append(button)
  }
  scope.append(dialog)
  document.body.append(root)
}

describe("finding the dialog's control for the scan's trusted click", () => {
  afterEach(() => {
    document.body.innerHTML = ""
  })

  it("NDSR-22-1: finds Decline (不同意) inside the SDK's shadow root, not the Agree (同意) next to it", () => {
    zhiqingDialog(["同意", "不同意", "设置"])
    expect(locate(CONTROL_LABELS.decline)).toMatchObject({ found: "control" })
    expect(locate(CONTROL_LABELS.accept)).toMatchObject({ found: "control" })
  })

  it("reads the English dialog and the one rendered without a shadow root", () => {
    zhiqingDialog(["Agree", "Decline"], { shadow: false })
    expect(locate(CONTROL_LABELS.decline)).toMatchObject({ found: "control" })
  })

  it("tells a page without the dialog from a dialog without the control", () => {
    expect(locate(CONTROL_LABELS.decline)).toEqual({ found: "no-dialog" })
    zhiqingDialog(["同意", "设置"], { hidden: true })
    expect(locate(CONTROL_LABELS.decline)).toEqual({ found: "no-dialog" })
    document.body.innerHTML = ""
    zhiqingDialog(["同意", "设置"])
    expect(locate(CONTROL_LABELS.decline)).toEqual({ found: "no-control" })
  })
})
