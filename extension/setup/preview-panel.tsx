/**
 * The live preview: the real SDK in a frame per language and width (desktop, 375 px phone), scaled to fit. The
 * frames reload a moment after the merchant stops typing and are sent the config when they ask (see preview.ts).
 */
import type { Locale } from "@zhiqing/sdk/schema"
import { useEffect, useState } from "preact/hooks"
import { IssueList } from "./fields"
import { isObject } from "./paths"
import { PREVIEW_READY, type PreviewConfigMessage } from "./preview-protocol"
import type { FieldIssue } from "./validation"
import { word } from "./words"

const FRAMES = [
  { lang: "zh-CN", device: "desktop", width: 1280, height: 800, scale: 0.36 },
  { lang: "zh-CN", device: "phone", width: 375, height: 700, scale: 0.4 },
  { lang: "en", device: "desktop", width: 1280, height: 800, scale: 0.36 },
  { lang: "en", device: "phone", width: 375, height: 700, scale: 0.4 }
] as const

/** Chunks load with subresource integrity, which needs CORS: a page opened through file:// cannot run the SDK. */
const OPENED_FROM_DISK = location.protocol === "file:"

/** How long typing must pause before the frames reload. */
const PREVIEW_DELAY_MS = 400

/** The config the preview runs: no ledger endpoint, so a click in the preview never posts a receipt. */
function previewConfig(config: unknown): unknown {
  if (!isObject(config)) return config
  const { sync: _omitted, ...rest } = config
  return rest
}

export function PreviewPanel({ config, issues, locale }: { config: unknown; issues: readonly FieldIssue[]; locale: Locale }) {
  const [revision, setRevision] = useState(0)
  const [shown, setShown] = useState<unknown>(undefined)
  const valid = issues.length === 0
  const text = JSON.stringify(config)
  useEffect(() => {
    if (!valid) return
    const timer = setTimeout(() => {
      setShown(previewConfig(config))
      setRevision((current) => current + 1)
    }, PREVIEW_DELAY_MS)
    return () => clearTimeout(timer)
  }, [text, valid])
  useEffect(() => {
    // Each frame asks once it listens; only this page's own frames are answered.
    const answer = (event: MessageEvent) => {
      const frames = [...document.querySelectorAll<HTMLIFrameElement>("iframe.preview-frame")].map((frame) => frame.contentWindow)
      if (event.data !== PREVIEW_READY || !event.source || !frames.includes(event.source as Window)) return
      const message: PreviewConfigMessage = { zhiqingPreviewConfig: shown }
      ;(event.source as Window).postMessage(message, "*")
    }
    window.addEventListener("message", answer)
    return () => window.removeEventListener("message", answer)
  }, [shown])
  return (
    <section class="part preview" aria-labelledby="preview-title">
      <h2 id="preview-title">{word("preview", locale)}</h2>
      {OPENED_FROM_DISK ? (
        <p class="issue">{word("previewFromDisk", locale)}</p>
      ) : valid ? (
        <>
          <p class="hint">{word("previewNote", locale)}</p>
          <div class="frames">
            {revision > 0 &&
              FRAMES.map((frame) => (
                <figure key={frame.lang + frame.device} class={"frame " + frame.device} style={{ width: `${frame.width * frame.scale}px` }}>
                  <div class="viewport" style={{ height: `${frame.height * frame.scale}px` }}>
                    <iframe
                      key={revision}
                      class="preview-frame"
                      title={`${word("preview", locale)} ${frame.lang} ${word(frame.device, locale)}`}
                      src={`preview.html?lang=${frame.lang}`}
                      width={frame.width}
                      height={frame.height}
                      style={{ transform: `scale(${frame.scale})` }}
                    />
                  </div>
                  <figcaption>
                    {word(frame.lang === "zh-CN" ? "zh" : "en", locale)} · {word(frame.device, locale)}
                  </figcaption>
                </figure>
              ))}
          </div>
        </>
      ) : (
        <div class="blocked">
          <p class="issue">{word("previewBlocked", locale)}</p>
          <IssueList issues={issues} locale={locale} />
        </div>
      )}
    </section>
  )
}
