/**
 * Where the dialogs find their words. The script tag loads them apart from the dialogs, one file per locale
 * (ui/words-chunk.ts), so that a shopper downloads only the language they read; the ESM build brings every locale
 * with the dialogs (ui/module.ts). Either way they are registered here, in a global: the script tag's files are
 * separate scripts.
 */
import type { Locale } from "../schema"
import { WORDS_GLOBAL } from "./contract"
import type { Copy } from "./copy"

export type WordsByLocale = Partial<Record<Locale, Copy>>

function registry(): WordsByLocale {
  const page = window as unknown as Record<string, WordsByLocale | undefined>
  return (page[WORDS_GLOBAL] ??= {})
}

export function registerWords(locale: Locale, words: Copy): void {
  registry()[locale] = words
}

/** The dialogs' own words in a locale; the engine mounts the dialogs and switches locale only once they are here. */
export function wordsFor(locale: Locale): Copy {
  return registry()[locale]!
}

/** Each locale's name in itself, for the language switch. */
export const LANGUAGE_NAMES: Record<Locale, string> = { "zh-CN": "中文", en: "English" }
