/**
 * The dialogs module for bundlers (index.ts imports it dynamically), with the words of every locale: see
 * {@link DialogsModule}. The script tag builds the same as a chunk of its own from ui/chunk.ts, and its words as one
 * chunk per locale.
 */
import type { DialogsModule } from "./contract"
import { zh } from "./copy"
import { en } from "./copy-en"
import { registerWords } from "./words"

registerWords("zh-CN", zh)
registerWords("en", en)

export { checkConfigRules } from "../config-rules"
export { mountDialogs } from "./index"
export type { DialogsModule }
