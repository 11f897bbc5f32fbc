/** The personal-information detectors: what they find, how it is masked, and how form fields are classified. */
export { detectPi, findPi, type PiContext, type PiMatch } from "./detect"
export { fieldKind, type FieldDescription, type FieldKind } from "./field-kind"
export { knownValueMatcher, type KnownMatch, type KnownValue, type KnownValueMatcher } from "./known-values"
export { maskPi } from "./mask"
export { luhnValid, residentIdValid } from "./checksums"
