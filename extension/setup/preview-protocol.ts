/**
 * How the configurator hands the preview frames their config: each frame posts PREVIEW_READY to its parent once it
 * listens, and the parent answers that frame with a PreviewConfigMessage. postMessage also works where the frames are
 * opaque origins to each other (the files opened from disk through file://).
 */
export const PREVIEW_READY = "zhiqing-preview-ready"

export interface PreviewConfigMessage {
  zhiqingPreviewConfig: unknown
}

export function isPreviewConfigMessage(data: unknown): data is PreviewConfigMessage {
  return typeof data === "object" && data !== null && "zhiqingPreviewConfig" in data
}
