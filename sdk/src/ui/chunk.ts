/**
 * The dialogs chunk (dist/zhiqing-dialogs-<hash>.js): the script tag loads it when a dialog is needed, or a changed
 * config is to be checked, and finds what it brings where this leaves it (core/chunk.ts). The words come in a chunk
 * per locale (ui/words-chunk.ts), loaded alongside.
 */
import { sha256Bytes } from "../core/sha256"
import { checkConfigRules } from "../config-rules"
import { CHUNK_GLOBAL, type DialogsChunk } from "./contract"
import { mountDialogs } from "./index"

const chunk: DialogsChunk = { mountDialogs, checkConfigRules, sha256: sha256Bytes }
;(window as unknown as Record<string, DialogsChunk>)[CHUNK_GLOBAL] = chunk
