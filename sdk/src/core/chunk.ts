/**
 * Loading the dialogs chunk from beside the script tag: with the tag's nonce (so a nonce-based Content-Security-Policy
 * accepts it) and with subresource integrity (the script tag carries the chunk's hash, so a changed or corrupted
 * chunk never runs). A failed load (404, an ad blocker, a policy without the nonce, offline) is named on the console
 * and tried again on the next call. The chunk leaves what it brings in a global the core reads once it ran.
 */
import { CHUNK_GLOBAL, type DialogsChunk } from "../ui/contract"
import { loaderNonce } from "./gate"

export interface ChunkFile {
  /** The file name beside the script tag, e.g. zhiqing-dialogs-1a2b3c4d5e.js. */
  file: string
  /** Its subresource-integrity hash, e.g. sha256-…. */
  integrity: string
}

/** A function that loads the chunk once (again after a failure) and resolves with what it brings once it ran. */
export function chunkLoader(chunk: ChunkFile, base: string): () => Promise<DialogsChunk> {
  const url = new URL(chunk.file, base).href
  let loading: Promise<DialogsChunk> | undefined
  const load = () =>
    new Promise<DialogsChunk>((resolve, reject) => {
      const script = document.createElement("script")
      script.src = url
      script.integrity = chunk.integrity
      // Integrity needs a CORS response when the script tag is served from another origin (a CDN).
      script.crossOrigin = "anonymous"
      script.nonce = loaderNonce
      const failed = () => {
        script.remove()
        reject(new Error(`[zhiqing] the dialogs could not be loaded from ${url}; nothing is unblocked`))
      }
      script.onload = () => {
        const found = (window as unknown as Record<string, DialogsChunk | undefined>)[CHUNK_GLOBAL]
        if (found) resolve(found)
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
