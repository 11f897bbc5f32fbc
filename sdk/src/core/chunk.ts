/**
 * Loading the dialogs chunk from beside the script tag: with the tag's nonce (so a nonce-based Content-Security-
 * Policy accepts it) and with subresource integrity (the script tag carries the chunk's hash, so a changed or
 * corrupted chunk never runs). A failed load (404, an ad blocker, a policy without the nonce, offline) is named on
 * the console and tried again on the next call.
 */
import type { DialogsModule } from "../ui/contract"
import { loaderNonce } from "./gate"

/** Where the chunk leaves its module for the script tag (ui/chunk.ts). */
export const CHUNK_GLOBAL = "__zhiqingDialogs"

export interface ChunkFile {
  /** The file name beside the script tag, e.g. zhiqing-dialogs-1a2b3c4d5e.js. */
  file: string
  /** Its subresource-integrity hash, e.g. sha256-…. */
  integrity: string
}

/** A function that loads the chunk once (again after a failure) and resolves with its module. */
export function chunkLoader(chunk: ChunkFile, base: string): () => Promise<DialogsModule> {
  const url = new URL(chunk.file, base).href
  let loading: Promise<DialogsModule> | undefined
  const load = () =>
    new Promise<DialogsModule>((resolve, reject) => {
      const script = document.createElement("script")
      script.src = url
      script.integrity = chunk.integrity
      // Integrity needs a CORS response when the script tag is served from another origin (a CDN).
      script.crossOrigin = "anonymous"
      script.nonce = loaderNonce
      const failed = () => {
        script.remove()
        reject(new Error(`[zhiqing] the dialogs could not be loaded from ${url} (missing, blocked, altered or offline); nothing is unblocked`))
      }
      script.onload = () => {
        const module = (window as unknown as Record<string, DialogsModule | undefined>)[CHUNK_GLOBAL]
        if (module) resolve(module)
        else failed()
      }
      script.onerror = failed
      document.head.append(script)
    })
  return () =>
    (loading ??= load().catch((error: Error) => {
      loading = undefined
      console.error(error.message)
      throw error
    }))
}
