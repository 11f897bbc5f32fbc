/**
 * The ISOLATED-world relay: takes the probe's batches from the private channel and forwards them to the
 * background, keeps the inventory of the document's form fields and notes when the Zhiqing dialog appears.
 */
import type { PlasmoCSConfig } from "plasmo"
import { browserApi } from "~lib/chrome"
import type { CollectionEvent } from "~lib/events"
import { openRelay } from "~lib/probe/channel"
import { watchConsentDialog } from "~lib/probe/dialog-watch"
import { watchFields } from "~lib/probe/field-watch"

export const config: PlasmoCSConfig = {
  matches: ["http://*/*", "https://*/*"],
  run_at: "document_start",
  all_frames: true
}

function forward(events: unknown[], lost = 0): void {
  if (events.length || lost) void browserApi.sendMessage({ name: "page-events", body: { events, lost } })
}

/** A fresh event name for this document (getRandomValues works on plain-http pages too, unlike randomUUID). */
function secretName(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  return `zhiqing-inspector:${Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("")}`
}

openRelay(window, secretName(), (batch) => {
  try {
    const sent = JSON.parse(batch) as { events?: unknown; lost?: unknown }
    if (Array.isArray(sent.events)) forward(sent.events, typeof sent.lost === "number" ? sent.lost : 0)
  } catch {
    // Not a batch the probe wrote: the background would reject it anyway.
  }
})
watchFields(document, (events: CollectionEvent[]) => forward(events))
watchConsentDialog(document, (time) => forward([{ type: "consent", time, phase: "dialog-shown", state: null } satisfies CollectionEvent]))
