/**
 * Device and fingerprinting APIs (APPM-2, PIPL-28): location, camera, microphone, clipboard reads, canvas and
 * audio read-backs. Each is reported once per calling script; fingerprinting scripts call them in loops.
 */
import type { ApiEvent, SensitiveApi } from "../events"
import type { ProbeContext } from "./context"
import { wrapMethod } from "./wrap"

function used(context: ProbeContext, api: SensitiveApi): void {
  const script = context.script()
  if (!context.first(`${api}\u0000${script ?? ""}`)) return
  const event: ApiEvent = { type: "api", time: context.now(), api }
  if (script) event.script = script
  context.emit(event)
}

/** Which devices a getUserMedia constraints object asks for. */
function mediaApis(constraints: unknown): SensitiveApi[] {
  const asked = (constraints ?? {}) as MediaStreamConstraints
  const apis: SensitiveApi[] = []
  if (asked.video) apis.push("camera")
  if (asked.audio) apis.push("microphone")
  return apis
}

export function watchApis(context: ProbeContext): void {
  const scope = globalThis as typeof globalThis & { WebGL2RenderingContext?: { prototype: object }; OfflineAudioContext?: { prototype: object } }
  for (const name of ["getCurrentPosition", "watchPosition"]) wrapMethod(scope.Geolocation?.prototype, name, () => used(context, "geolocation"))
  wrapMethod(scope.MediaDevices?.prototype, "getUserMedia", (_self, [constraints]) => mediaApis(constraints).forEach((api) => used(context, api)))
  for (const name of ["read", "readText"]) wrapMethod(scope.Clipboard?.prototype, name, () => used(context, "clipboard-read"))
  for (const name of ["toDataURL", "toBlob"]) wrapMethod(scope.HTMLCanvasElement?.prototype, name, () => used(context, "canvas-read"))
  wrapMethod(scope.CanvasRenderingContext2D?.prototype, "getImageData", () => used(context, "canvas-read"))
  wrapMethod(scope.WebGLRenderingContext?.prototype, "readPixels", () => used(context, "canvas-read"))
  wrapMethod(scope.WebGL2RenderingContext?.prototype, "readPixels", () => used(context, "canvas-read"))
  wrapMethod(scope.OfflineAudioContext?.prototype, "startRendering", () => used(context, "audio-fingerprint"))
}
