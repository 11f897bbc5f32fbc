/** Request bodies are kept up to this many characters, by every collector (the probe bundles this file alone). */
export const MAX_BODY_TEXT = 256 * 1024
