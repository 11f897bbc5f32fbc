/** Unwrapping request payloads into the texts the detectors read. */
export { base64Text } from "./base64"
export { decodePayload, decodeUrl, type PayloadPart } from "./decode"
export { decodePayloadDeep, expandGzip, gunzipBase64, gunzipBytes } from "./gzip"
