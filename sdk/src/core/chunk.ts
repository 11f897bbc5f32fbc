/**
 * Loading a chunk from beside the script tag: with the tag's nonce (so a nonce-based Content-Security-Policy accepts
 * it) and with subresource integrity (the script tag carries each chunk's hash, so a changed or corrupted chunk never
 * runs). A failed load (404, an ad blocker, a policy without the nonce, offline) is named on the console and tried
 * again on the next call. A chunk leaves what it brings in a global, which the core reads once it ran.
 */
import type { Locale } from "../schema"
import { CHUNK_GLOBAL, WORDS_GLOBAL, type DialogsChunk } from "../ui/contract"
import type { WordsByLocale } from "../ui/words"
import { loaderNonce } from "./gate"

export interface ChunkFile {
  /** The file name beside the script tag, e.g. zhiqing-dialogs-1a2b3c4d5e.js. */
  file: string
  /** Its subresource-integrity hash, e.g. sha256-…. */
  integrity: string
}

/** The chunks build.mjs writes beside the script tag: the dialogs, and the dialogs' words for each locale. */
export interface ScriptChunks {
  dialogs: ChunkFile
  words: Record<Locale, ChunkFile>
}

const page = window as unknown as Record<string, unknown>

/**
 * A function that loads a chunk once (again after a failure) and resolves with what it brings once it ran, as
 * `brought` finds it.
 */
function chunkLoader<T>(chunk: ChunkFile, base: string, brought: () => T | undefined): () => Promise<T> {
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
        reject(new Error(`[zhiqing] the dialogs could not be loaded from ${url}; nothing is unblocked`))
      }
      script.onload = () => {
        const found = brought()
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

/** Loaders for the dialogs chunk, and for it together with a locale's words (what showing a dialog needs). */
export function chunkLoaders(chunks: ScriptChunks, base: string) {
  const dialogs = chunkLoader(chunks.dialogs, base, () => page[CHUNK_GLOBAL] as DialogsChunk | undefined)
  const words: Partial<Record<Locale, () => Promise<unknown>>> = {}
  const wordsOf = (locale: Locale) =>
    (words[locale] ??= chunkLoader(chunks.words[locale], base, () => (page[WORDS_GLOBAL] as WordsByLocale | undefined)?.[locale]))()
  return {
    dialogs,
    withWords: (locale: Locale) => Promise.all([dialogs(), wordsOf(locale)]).then(([chunk]) => chunk)
  }
}
