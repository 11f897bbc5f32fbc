/**
 * The dialogs module for bundlers (index.ts imports it dynamically), with the words of every locale: see
 * {@link DialogsModule}. The script tag builds the same as a chunk of its own from ui/chunk.ts.
 */
import type { DialogsModule } from "./contract"

export { checkConfigRules } from "../config-rules"
export { mountDialogs } from "./index"
export type { DialogsModule }
