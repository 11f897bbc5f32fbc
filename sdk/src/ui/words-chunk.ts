/**
 * The words of one locale as a chunk of the script tag (dist/zhiqing-words-<locale>-<hash>.js), built once per
 * locale: the engine loads the shopper's alongside the dialogs chunk, and another only when the shopper switches.
 */
import type { Locale } from "../schema"
import { zh } from "./copy"
import { en } from "./copy-en"
import { registerWords } from "./words"

declare const __WORDS_LOCALE__: Locale

registerWords(__WORDS_LOCALE__, __WORDS_LOCALE__ === "zh-CN" ? zh : en)
