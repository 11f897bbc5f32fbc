/** Request bodies are kept up to this many characters, by every collector (the probe bundles this file alone). */
export const MAX_BODY_TEXT = 256 * 1024
/** At most this many events travel in one message from a page; the probe sends a full batch at once. */
export const MAX_EVENTS_PER_MESSAGE = 2000
/** A page message's JSON stays under this many characters: Chrome refuses messages over 64 MiB (up to 3 bytes a character). */
export const MAX_MESSAGE_TEXT = 16 * 1024 * 1024
