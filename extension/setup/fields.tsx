/** The form's fields: each reads and writes the config at its path and shows the issues and todos for that path. */
import type { Locale } from "@zhiqing/sdk/schema"
import type { ComponentChildren } from "preact"
import { createContext } from "preact"
import { useContext, useEffect, useState } from "preact/hooks"
import type { DraftTodo } from "./draft"
import { getAt, parsePath, formatPath } from "./paths"
import type { FieldIssue } from "./validation"
import { word, type WordKey } from "./words"

export interface FormContext {
  config: unknown
  issues: readonly FieldIssue[]
  /** The draft's todos not filled in yet. */
  todo: readonly DraftTodo[]
  locale: Locale
  set(path: string, value: unknown): void
}

export const Form = createContext<FormContext | null>(null)

export function useForm(): FormContext {
  const form = useContext(Form)
  if (!form) throw new Error("a field was rendered outside the configurator's form")
  return form
}

/** The element id of the field at `path`. */
export function fieldId(path: string): string {
  return "field-" + path.replace(/[^A-Za-z0-9-]+/g, "-")
}

/** Focus the field at `path`, or the nearest enclosing field or section the page has. */
export function focusField(path: string): void {
  const keys = parsePath(path)
  for (let length = keys.length; length > 0; length--) {
    const element = document.getElementById(fieldId(formatPath(keys.slice(0, length))))
    if (!element) continue
    const target = element.matches("input, select, textarea, button") ? element : element.querySelector<HTMLElement>("input, select, textarea, button")
    element.scrollIntoView({ block: "center" })
    ;(target ?? element).focus({ preventScroll: true })
    return
  }
}

/** The issues and todo messages that stand under the field at `path`. */
export function Notes({ path, leaf }: { path: string; leaf?: boolean }) {
  const { issues, todo, locale } = useForm()
  const here = issues.filter((issue) => issue.path === path)
  const todos = todo.filter((item) => todoAt(item, path, leaf))
  if (here.length === 0 && todos.length === 0) return null
  return (
    <ul class="notes" id={fieldId(path) + "-notes"}>
      {here.map((issue) => (
        <li class="issue" key={issue.message}>
          {issue.text}
        </li>
      ))}
      {todos.map((item) => (
        <li class="todo-note" key={item.message.en}>
          {item.message[locale]}
        </li>
      ))}
    </ul>
  )
}

/** A todo stands at its field; one whose path runs past a text field (`handler.contact.email`) stands at that field. */
function todoAt(item: DraftTodo, path: string, leaf = false): boolean {
  return item.path === path || (leaf && item.path.startsWith(path + "."))
}

function useMarks(path: string, leaf = false): { invalid: boolean; todo: boolean } {
  const { issues, todo } = useForm()
  return { invalid: issues.some((issue) => issue.path === path), todo: todo.some((item) => todoAt(item, path, leaf)) }
}

/** Text as it stands in the config; a value of another type is shown as JSON so the merchant sees it. */
function asText(value: unknown): string {
  if (value === undefined || value === null) return ""
  return typeof value === "string" ? value : JSON.stringify(value)
}

export function TextField({ path, label, multiline, placeholder }: { path: string; label: string; multiline?: boolean; placeholder?: string }) {
  const form = useForm()
  const marks = useMarks(path, true)
  const id = fieldId(path)
  const props = {
    id,
    value: asText(getAt(form.config, path)),
    placeholder,
    "aria-invalid": marks.invalid,
    "aria-describedby": marks.invalid || marks.todo ? id + "-notes" : undefined,
    onInput: (event: Event) => form.set(path, (event.currentTarget as HTMLInputElement).value)
  }
  return (
    <div class={"field" + (marks.todo ? " todo" : "")}>
      <label for={id}>{label}</label>
      {multiline ? <textarea rows={2} {...props} /> : <input type="text" {...props} />}
      <Notes path={path} leaf />
    </div>
  )
}

const LOCALE_WORD: Record<Locale, WordKey> = { "zh-CN": "zh", en: "en" }

/** A text in each dialog language, side by side. */
export function LocalizedField({ path, label, multiline }: { path: string; label: string; multiline?: boolean }) {
  const form = useForm()
  const marks = useMarks(path)
  const configured = getAt(form.config, "locales")
  const shown = (["zh-CN", "en"] as const).filter(
    (locale) => locale === "zh-CN" || (Array.isArray(configured) && configured.includes(locale)) || getAt(form.config, `${path}.${locale}`) !== undefined
  )
  return (
    <fieldset class={"localized" + (marks.todo ? " todo" : "")} id={fieldId(path)}>
      <legend>{label}</legend>
      <div class="pair">
        {shown.map((locale) => (
          <TextField key={locale} path={`${path}.${locale}`} label={word(LOCALE_WORD[locale], form.locale)} multiline={multiline} />
        ))}
      </div>
      <Notes path={path} />
    </fieldset>
  )
}

function listText(value: unknown): string {
  return Array.isArray(value) ? value.map(asText).join(", ") : asText(value)
}

function parseList(text: string): string[] | undefined {
  const items = text.split(/[,，、]/).map((item) => item.trim()).filter(Boolean)
  return items.length ? items : undefined
}

/** A list of short texts, typed comma-separated. The typed text is kept while it means the same list. */
export function ListField({ path, label, keepEmpty }: { path: string; label: string; keepEmpty?: boolean }) {
  const form = useForm()
  const marks = useMarks(path)
  const value = getAt(form.config, path)
  const [text, setText] = useState(listText(value))
  useEffect(() => {
    if (JSON.stringify(parseList(text) ?? []) !== JSON.stringify(Array.isArray(value) ? value : [])) setText(listText(value))
  }, [JSON.stringify(value)])
  const id = fieldId(path)
  return (
    <div class={"field" + (marks.todo ? " todo" : "")}>
      <label for={id}>{label}</label>
      <input
        id={id}
        type="text"
        value={text}
        aria-invalid={marks.invalid}
        aria-describedby={marks.invalid || marks.todo ? id + "-notes" : undefined}
        onInput={(event) => {
          const typed = event.currentTarget.value
          setText(typed)
          form.set(path, parseList(typed) ?? (keepEmpty ? [] : undefined))
        }}
      />
      <Notes path={path} />
    </div>
  )
}

/** A yes/no option; `fallback` is what the SDK assumes when the config leaves it out, so choosing it leaves it out. */
export function CheckField({ path, label, fallback = false }: { path: string; label: string; fallback?: boolean }) {
  const form = useForm()
  const value = getAt(form.config, path)
  const id = fieldId(path)
  return (
    <div class="check">
      <input id={id} type="checkbox" checked={typeof value === "boolean" ? value : fallback} onChange={(event) => form.set(path, event.currentTarget.checked === fallback ? undefined : event.currentTarget.checked)} />
      <label for={id}>{label}</label>
      <Notes path={path} />
    </div>
  )
}

export function NumberField({ path, label, min, max }: { path: string; label: string; min: number; max: number }) {
  const form = useForm()
  const marks = useMarks(path)
  const id = fieldId(path)
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <input
        id={id}
        type="number"
        min={min}
        max={max}
        value={asText(getAt(form.config, path))}
        aria-invalid={marks.invalid}
        onInput={(event) => {
          const typed = event.currentTarget.value
          form.set(path, typed === "" ? undefined : Number(typed))
        }}
      />
      <Notes path={path} />
    </div>
  )
}

/** A titled part of the form; its id lets an issue on the whole part be focused. */
export function Section({ path, title, children }: { path: string; title: string; children: ComponentChildren }) {
  return (
    <section class="part" id={fieldId(path)} aria-labelledby={fieldId(path) + "-title"}>
      <h2 id={fieldId(path) + "-title"}>{title}</h2>
      <Notes path={path} />
      {children}
    </section>
  )
}


/** Every issue with its path, which focuses the field that shows it. */
export function IssueList({ issues, locale }: { issues: readonly FieldIssue[]; locale: Locale }) {
  return (
    <ul class="issue-list">
      {issues.map((issue) => (
        <li key={issue.path + issue.message}>
          <button type="button" class="link" onClick={() => focusField(issue.path)} aria-label={`${word("goToField", locale)}: ${issue.path || "(config)"}`}>
            <code>{issue.path || "(config)"}</code>
          </button>{" "}
          {issue.text}
        </li>
      ))}
    </ul>
  )
}
