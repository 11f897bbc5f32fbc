/** The analysis library: a tab's events in, its Report out, and the masking every output goes through. */
export { buildReport, type ReportInput } from "./build-report"
export { maskText, maskUrl } from "./mask-url"
export { detectPi, type PiContext } from "../pii/detect"
export { decodePayload, decodeUrl, type PayloadPart } from "../payload/decode"
export { decodePayloadDeep, gunzipBase64, gunzipBytes } from "../payload/gzip"
