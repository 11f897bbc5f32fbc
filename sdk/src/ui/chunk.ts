/**
 * The dialogs chunk (dist/zhiqing-dialogs-<hash>.js): the script tag loads it when a dialog is needed, or a changed
 * config is to be checked, and finds the module where this leaves it (core/chunk.ts).
 */
import { CHUNK_GLOBAL } from "../core/chunk"
import type { DialogsModule } from "./contract"
import { checkConfigRules } from "../config-rules"
import { mountDialogs } from "./index"

const dialogs: DialogsModule = { mountDialogs, checkConfigRules }
;(window as unknown as Record<string, DialogsModule>)[CHUNK_GLOBAL] = dialogs
