/** The draft merchant config the inspector writes from what it saw on a page, and the link that opens it. */
export { buildDraft, type Draft, type DraftInput, type GatingEdit, type TodoItem } from "./build-draft"
export { CONFIGURATOR_PATH, draftLink } from "./draft-link"
export { ELEMENT_LIMIT, INLINE_TEXT_LIMIT, readPageSnapshot, type PageElement, type PageSnapshot } from "./page-snapshot"
export { openDraft } from "./open-draft"
