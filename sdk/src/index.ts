/**
 * The SDK's public API for bundlers: `import { createZhiqing } from "@zhiqing/sdk"`. The dialogs stay behind a
 * dynamic `import()`, so a bundler splits them off and a returning shopper never loads them. The script tag
 * (dist/zhiqing.js) builds the same thing as `window.Zhiqing`.
 */
import type { ZhiqingApi } from "./api"
import { createZhiqing as createEngine } from "./engine"
import type { DialogsModule } from "./ui/contract"

export type { SubjectToken, ZhiqingApi } from "./api"
export { browserConfig } from "./engine"
export type { Decision, DialogFrame, DialogHost, Dialogs, DialogsModule, DialogView, MountDialogs } from "./ui/contract"
export * from "./schema"

/** `window.Zhiqing` for a bundled app; pass `loadDialogs` to load the dialogs module some other way. */
export function createZhiqing(loadDialogs: () => Promise<DialogsModule> = () => import("./ui/module")): ZhiqingApi {
  return createEngine(loadDialogs)
}
