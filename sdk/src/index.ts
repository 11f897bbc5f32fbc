/**
 * The SDK's public API for bundlers: `import { createZhiqing } from "@zhiqing/sdk"`. The dialogs stay behind a
 * dynamic `import()`, so a bundler splits them off and a returning shopper never loads them. The script tag
 * (dist/zhiqing.js) builds the same thing as `window.Zhiqing`.
 */
import type { ZhiqingApi } from "./api"
import { createZhiqing as createEngine } from "./engine"
import type { Sha256 } from "./core/hash"
import type { Locale } from "./schema"
import type { DialogsModule } from "./ui/contract"

export type { SubjectToken, ZhiqingApi } from "./api"
export { browserConfig } from "./engine"
export type { Decision, DialogFrame, DialogHost, Dialogs, DialogsModule, DialogView, MountDialogs } from "./ui/contract"
export * from "./schema"

/** `window.Zhiqing` for a bundled app; pass loaders to load the dialogs module or the SHA-256 some other way. */
export function createZhiqing(
  loadDialogs: (locale: Locale) => Promise<DialogsModule> = () => import("./ui/module"),
  loadSha256: () => Promise<Sha256> = () => import("./core/sha256").then((module) => module.sha256Bytes)
): ZhiqingApi {
  return createEngine(loadDialogs, loadSha256)
}
