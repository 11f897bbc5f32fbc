/** The SHA-256 chunk (dist/zhiqing-sha256-<hash>.js), loaded only on pages without crypto.subtle (core/chunk.ts). */
import { SHA256_GLOBAL } from "./chunk"
import { sha256Bytes } from "./sha256"

;(window as unknown as Record<string, unknown>)[SHA256_GLOBAL] = sha256Bytes
