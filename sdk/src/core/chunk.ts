/**
 * Loading the chunks from beside the script tag: with the tag's nonce (so a nonce-based Content-Security-Policy
 * accepts them) and with subresource integrity (the script tag carries each chunk's hash, so a changed or corrupted
 * chunk never runs). A failed load (404, an ad blocker, a policy without the nonce, offline) is named on the
 * console and tried again on the next call. Each chunk leaves what it brings in a global the core reads once it ran.
 */
import type { Locale } from "../schema"
import type { Sha256 } from "./hash"
import type { DialogsModule } from "../ui/contract"
import { loaderNonce } from "./gate"

/** Where the chunk leaves its module for the script tag (ui/chunk.ts). */
export const CHUNK_GLOBAL = "__zhiqingDialogs"
/** Where each words chunk leaves its locale's words (ui/copy.ts). */
export const WORDS_GLOBAL = "__zhiqingWords"
/** Where the SHA-256 chunk leaves its function (sha256-chunk.ts). */
export const SHA256_GLOBAL = "__zhiqingSha256"

export interface ChunkFile {
  /** The file name beside the script tag, e.g. zhiqing-dialogs-1a2b3c4d5e.js. */
  file: string
  /** Its subresource-integrity hash, e.g. sha256-…. */
  integrity: string
}

/**
 * The dialogs chunk, by locale the chunks with the words of the locales the dialogs chunk lacks, and the SHA-256
 * for pages without crypto.subtle.
 */
export interface DialogChunks {
  dialogs: ChunkFile
  words: Partial<Record<Locale, ChunkFile>>
  sha256: ChunkFile
}

const left = <T>(name: string) => (window as unknown as Record<string, T | undefined>)[name]

/** The dialogs module, as the dialogs chunk leaves it. */
export const dialogsModule = () => left<DialogsModule>(CHUNK_GLOBAL)

/** The SHA-256 function, as its chunk leaves it. */
export const sha256Function = () => left<Sha256>(SHA256_GLOBAL)

/** A locale's words, once its chunk ran. */
export const wordsOf = (locale: Locale) => left<Partial<Record<Locale, object>>>(WORDS_GLOBAL)?.[locale]

/**
 * A function that loads the chunk once (again after a failure) and resolves with what `read` finds once it ran.
 */
export function chunkLoader<T>(chunk: ChunkFile, base: string, read: () => T | undefined): () => Promise<T> {
  const url = new URL(chunk.file, base).href
  let loading: Promise<T> | undefined
  const load = () =>
    new Promise<T>((resolve, reject) => {
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
        const found = read()
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
