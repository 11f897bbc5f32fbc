/** The MAIN-world probe (lib/probe/install.ts), in every frame from the first moment of the document. */
import type { PlasmoCSConfig } from "plasmo"
import { installProbe } from "~lib/probe/install"

export const config: PlasmoCSConfig = {
  matches: ["http://*/*", "https://*/*"],
  world: "MAIN",
  run_at: "document_start",
  all_frames: true
}

installProbe()
