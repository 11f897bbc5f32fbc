/** The configurator: the form, the problems and todos above it, the import, the output and the live preview. */
import type { Locale } from "@zhiqing/sdk/schema"
import { useEffect, useMemo, useState } from "preact/hooks"
import type { Bilingual } from "../lib/words"
import { decodeDraft, DRAFT_PREFIX, type Draft } from "./draft"
import { fieldId, focusField, Form, IssueList, type FormContext } from "./fields"
import { parseImport } from "./importing"
import { OutputSection } from "./output"
import { isFilledAt, setAt } from "./paths"
import { PreviewPanel } from "./preview-panel"
import { HandlerSection, LocalesSection, OptionsSection, PolicySection, PurposesSection, SeparateSection, VendorCatalogList } from "./sections"
import { hasWork, loadState, saveState, type SetupState } from "./store"
import { unknownFields, validateConfig } from "./validation"
import { phrase, problemCount, word } from "./words"

export interface AppProps {
  storage: Storage
  /** The page's URL fragment at load, which may carry the inspector's draft. */
  hash: string
  browserLocale: Locale
  /** Drops the draft from the address once it is handled, so a reload does not offer it again. */
  clearHash(): void
}

type Notice = { kind: "error" | "done"; text: Bilingual } | null

export function App({ storage, hash, browserLocale, clearHash }: AppProps) {
  const [state, setState] = useState<SetupState>(() => loadState(storage, browserLocale))
  const [saved, setSaved] = useState(true)
  const [pendingDraft, setPendingDraft] = useState<Draft | null>(null)
  const [notice, setNotice] = useState<Notice>(null)
  const [undo, setUndo] = useState<SetupState | null>(null)
  const [importError, setImportError] = useState<Bilingual | null>(null)
  const { locale, config } = state

  useEffect(() => {
    document.documentElement.lang = locale
    document.title = word("title", locale)
  }, [locale])

  useEffect(() => {
    setSaved(saveState(storage, state))
  }, [state])

  useEffect(() => {
    if (!hash.startsWith(DRAFT_PREFIX)) return
    const result = decodeDraft(hash)
    if (!result.ok) {
      setNotice({ kind: "error", text: result.error })
      clearHash()
      return
    }
    if (result.skipped > 0) {
      const skipped = phrase("draftSkipped")
      setNotice({ kind: "error", text: { "zh-CN": skipped["zh-CN"] + result.skipped, en: skipped.en + result.skipped } })
    }
    if (hasWork(state)) setPendingDraft(result.draft)
    else applyDraft(result.draft, result.skipped === 0)
  }, [])

  const applyDraft = (draft: Draft, announce: boolean) => {
    setState((current) => ({ ...current, config: draft.config, todo: draft.todo, gating: draft.gating }))
    setPendingDraft(null)
    if (announce) setNotice({ kind: "done", text: phrase("draftLoaded") })
    clearHash()
  }

  const issues = useMemo(() => validateConfig(config, locale), [config, locale])
  const unknown = useMemo(() => unknownFields(config), [config])
  const openTodo = state.todo.filter((item) => !isFilledAt(config, item.path))
  const form: FormContext = {
    config,
    issues,
    todo: openTodo,
    locale,
    set: (path, value) => setState((current) => ({ ...current, config: setAt(current.config, path, value) }))
  }

  const importText = (text: string) => {
    const result = parseImport(text)
    setImportError(result.ok ? null : result.error)
    if (!result.ok) return
    setUndo(state)
    setState((current) => ({ ...current, config: result.config, todo: [], gating: [] }))
    setNotice({ kind: "done", text: phrase("imported") })
  }

  return (
    <Form.Provider value={form}>
      <header class="top">
        <h1>{word("title", locale)}</h1>
        <button
          type="button"
          lang={locale === "zh-CN" ? "en" : "zh-CN"}
          aria-label={word("switchLanguageLabel", locale)}
          onClick={() => setState((current) => ({ ...current, locale: current.locale === "zh-CN" ? "en" : "zh-CN" }))}
        >
          {word("switchLanguage", locale)}
        </button>
      </header>
      <p class="intro">{word("intro", locale)}</p>
      {!saved && (
        <p class="issue" role="alert">
          {word("storageFailed", locale)}
        </p>
      )}
      {pendingDraft && (
        <div class="banner" role="alertdialog" aria-label={word("draftWaiting", locale)}>
          <p>{word("draftWaiting", locale)}</p>
          <button type="button" onClick={() => applyDraft(pendingDraft, true)}>
            {word("draftReplace", locale)}
          </button>
          <button
            type="button"
            onClick={() => {
              setPendingDraft(null)
              clearHash()
            }}
          >
            {word("draftKeep", locale)}
          </button>
        </div>
      )}
      {notice && (
        <div class={notice.kind === "error" ? "banner error" : "banner"} role={notice.kind === "error" ? "alert" : "status"}>
          <p>{notice.text[locale]}</p>
          {undo && notice.kind === "done" && (
            <button
              type="button"
              onClick={() => {
                setState(undo)
                setUndo(null)
                setNotice(null)
              }}
            >
              {word("undoImport", locale)}
            </button>
          )}
        </div>
      )}
      {openTodo.length > 0 && (
        <section class="todos" aria-labelledby="todo-title">
          <h2 id="todo-title">{word("todoTitle", locale)}</h2>
          <ul>
            {openTodo.map((item) => (
              <li key={item.path}>
                <button type="button" class="link" onClick={() => focusField(item.path)}>
                  {item.message[locale]}
                </button>{" "}
                <code>{item.path}</code>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section class={issues.length ? "summary has-issues" : "summary"} aria-live="polite" id="problems">
        {issues.length === 0 ? (
          <p>{word("noProblems", locale)}</p>
        ) : (
          <details open>
            <summary>{problemCount(issues.length, locale)}</summary>
            <IssueList issues={issues} locale={locale} />
          </details>
        )}
        {unknown.length > 0 && (
          <div class="unknown">
            <p>{word("unknownFields", locale)}</p>
            <ul>
              {unknown.map((path) => (
                <li key={path}>
                  <code>{path}</code>
                </li>
              ))}
            </ul>
          </div>
        )}
      </section>
      <div class="layout">
        <form class="form" onSubmit={(event) => event.preventDefault()}>
          <HandlerSection />
          <PolicySection />
          <LocalesSection />
          <PurposesSection />
          <SeparateSection />
          <OptionsSection />
          <ImportSection locale={locale} onText={importText} error={importError} />
        </form>
        <aside class="side">
          <PreviewPanel config={config} issues={issues} locale={locale} />
          <OutputSection config={config} valid={issues.length === 0} gating={state.gating} locale={locale} />
        </aside>
      </div>
      <VendorCatalogList />
    </Form.Provider>
  )
}

function ImportSection({ locale, onText, error }: { locale: Locale; onText(text: string): void; error: Bilingual | null }) {
  const [pasted, setPasted] = useState("")
  return (
    <section class="part" id={fieldId("import")} aria-labelledby="import-title">
      <h2 id="import-title">{word("importTitle", locale)}</h2>
      <div class="field">
        <label for="import-file">{word("importFile", locale)}</label>
        <input
          id="import-file"
          type="file"
          accept="application/json,.json"
          onChange={(event) => {
            const file = event.currentTarget.files?.[0]
            if (file) void file.text().then(onText)
            event.currentTarget.value = ""
          }}
        />
      </div>
      <div class="field">
        <label for="import-text">{word("importPaste", locale)}</label>
        <textarea id="import-text" rows={4} value={pasted} onInput={(event) => setPasted(event.currentTarget.value)} />
      </div>
      <button type="button" onClick={() => onText(pasted)}>
        {word("importButton", locale)}
      </button>
      {error && (
        <p class="issue" role="alert">
          {error[locale]}
        </p>
      )}
    </section>
  )
}

