/**
 * The dialogs module for bundlers (index.ts imports it dynamically), with the words of every locale: see
 * {@link DialogsModule}. The script tag builds the same from ui/chunk.ts and copy-en.ts, as separate chunks.
 */
import type { DialogsModule } from "./contract"

import "./copy-en"

export { checkConfigRules } from "../config-rules"
export { mountDialogs } from "./index"
export type { DialogsModule }
