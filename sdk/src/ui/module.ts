/** Everything the script tag loads on demand, as one module: see {@link DialogsModule}. */
import type { DialogsModule } from "./contract"

export { checkConfigRules } from "../config-rules"
export { mountDialogs } from "./index"
export type { DialogsModule }
