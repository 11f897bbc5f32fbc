/** What the merchant takes away: the config file, the script tag and each chosen vendor's tag, rewritten for gating. */
import type { Locale } from "@zhiqing/sdk/schema"
import { useEffect, useState } from "preact/hooks"
import { vendorById } from "../lib/vendors"
import { downloadText } from "../lib/panel/download"
import type { GatingEdit } from "./draft"
import { isObject } from "./paths"
import { gateSnippet, standardSnippet, vendorLabel } from "./snippets"
import { word } from "./words"

/** The SDK's script tag, with the config file pinned by its hash where there is one. */
const scriptTag = (integrity: string | undefined) =>
  `<script src="/zhiqing.js" data-config="/zhiqing.config.json"${integrity ? ` data-config-integrity="${integrity}"` : ""} async></script>`

/**
 * The subresource-integrity hash (`sha256-<base64>`) of `text` as UTF-8, as the script tag pins the config file with;
 * undefined until it is computed, and where Web Crypto is missing (a plain-http page).
 */
function useIntegrity(text: string): string | undefined {
  const [computed, setComputed] = useState<{ text: string; integrity: string }>()
  useEffect(() => {
    let current = true
    void crypto.subtle?.digest("SHA-256", new TextEncoder().encode(text)).then((digest) => {
      if (current) setComputed({ text, integrity: "sha256-" + btoa(String.fromCharCode(...new Uint8Array(digest))) })
    })
    return () => {
      current = false
    }
  }, [text])
  return computed?.text === text ? computed.integrity : undefined
}

/** Each catalog vendor the config assigns to a purpose, with its tag before and after gating. */
function vendorSnippets(config: unknown): Array<{ vendor: string; purpose: string; before: string; after: string }> {
  const purposes = isObject(config) && Array.isArray(config.purposes) ? config.purposes : []
  return purposes.flatMap((purpose) => {
    if (!isObject(purpose) || typeof purpose.id !== "string" || !Array.isArray(purpose.vendors)) return []
    const id = purpose.id
    return purpose.vendors.flatMap((vendorId) => {
      const vendor = typeof vendorId === "string" ? vendorById(vendorId) : undefined
      if (!vendor) return []
      const before = standardSnippet(vendor)
      return [{ vendor: vendorLabel(vendor), purpose: id, before, after: gateSnippet(before, id) }]
    })
  })
}

function CopyButton({ text, locale, label }: { text: string; locale: Locale; label: string }) {
  const [status, setStatus] = useState<"" | "copied" | "copyFailed">("")
  const copy = () =>
    navigator.clipboard.writeText(text).then(
      () => setStatus("copied"),
      () => setStatus("copyFailed")
    )
  return (
    <>
      <button type="button" onClick={copy} aria-label={`${word("copy", locale)}: ${label}`}>
        {word("copy", locale)}
      </button>
      {status && (
        <span class={status === "copied" ? "status" : "issue"} role="status">
          {word(status, locale)}
        </span>
      )}
    </>
  )
}

function BeforeAfter({ before, after, locale, label }: { before: string; after: string; locale: Locale; label: string }) {
  return (
    <div class="before-after">
      <div>
        <span class="label">{word("before", locale)}</span>
        <pre>{before}</pre>
      </div>
      <div>
        <span class="label">
          {word("after", locale)} <CopyButton text={after} locale={locale} label={label} />
        </span>
        <pre>{after}</pre>
      </div>
    </div>
  )
}

export function OutputSection({ config, valid, gating, locale }: { config: unknown; valid: boolean; gating: readonly GatingEdit[]; locale: Locale }) {
  const json = JSON.stringify(config, null, 2) + "\n"
  const tag = scriptTag(useIntegrity(json))
  const snippets = vendorSnippets(config)
  return (
    <section class="part" id="output" aria-labelledby="output-title">
      <h2 id="output-title">{word("output", locale)}</h2>
      {!valid && <p class="issue">{word("stillInvalid", locale)}</p>}
      <h3>{word("configJson", locale)}</h3>
      <div class="row">
        <button type="button" onClick={() => downloadText("zhiqing.config.json", json, "application/json")}>
          {word("download", locale)}
        </button>
        <CopyButton text={json} locale={locale} label="zhiqing.config.json" />
      </div>
      <pre class="json" aria-label="zhiqing.config.json" tabIndex={0}>
        {json}
      </pre>
      <h3>{word("scriptTag", locale)}</h3>
      <div class="row">
        <CopyButton text={tag} locale={locale} label={word("scriptTag", locale)} />
      </div>
      <pre>{tag}</pre>
      <p class="hint">{word("scriptTagPin", locale)}</p>
      <h3>{word("snippets", locale)}</h3>
      {snippets.length === 0 && <p class="hint">{word("snippetsNone", locale)}</p>}
      {snippets.map((snippet) => (
        <div class="snippet" key={snippet.purpose + snippet.vendor}>
          <h4>
            {snippet.vendor} → <code>{snippet.purpose}</code>
          </h4>
          <BeforeAfter before={snippet.before} after={snippet.after} locale={locale} label={snippet.vendor} />
        </div>
      ))}
      {gating.length > 0 && (
        <>
          <h3>{word("gatingTitle", locale)}</h3>
          {gating.map((edit, index) => (
            <div class="snippet gating" key={index}>
              <h4>
                {edit.vendor} → <code>{edit.purpose}</code>
              </h4>
              <BeforeAfter before={edit.before} after={edit.after} locale={locale} label={edit.vendor} />
            </div>
          ))}
        </>
      )}
    </section>
  )
}
