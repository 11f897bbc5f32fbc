/**
 * The SDK's public API for bundlers: `import { createZhiqing, mountDialogs } from "@zhiqing/sdk"`. The script tag
 * (dist/zhiqing.js) builds the same thing as `window.Zhiqing`.
 */
export type { SubjectToken, ZhiqingApi } from "./api"
export { browserConfig, createZhiqing } from "./engine"
export { mountDialogs } from "./ui"
export type { Decision, DialogHost, DialogOptions, Dialogs, DialogView, MountDialogs } from "./ui/contract"
export * from "./schema"
