/** The parts of the form: handler, policy, languages, purposes with their vendors, separate items and options. */
import { SEPARATE_KINDS, type SeparateKind } from "@zhiqing/sdk/schema"
import type { ComponentChildren } from "preact"
import { useState } from "preact/hooks"
import { VENDORS, vendorById, type Vendor } from "../lib/vendors"
import { CheckField, fieldId, ListField, LocalizedField, Notes, NumberField, Section, TextField, useForm } from "./fields"
import { getAt, isObject } from "./paths"
import { CUSTOM_PURPOSE, PRESET_IDS, PURPOSE_PRESETS, SEPARATE_TEMPLATES } from "./presets"
import { vendorLabel } from "./snippets"
import { word, type WordKey } from "./words"

const VENDOR_LIST_ID = "zq-vendor-catalog"

export function HandlerSection() {
  const { locale } = useForm()
  return (
    <Section path="handler" title={word("handler", locale)}>
      <LocalizedField path="handler.name" label={word("handlerName", locale)} />
      <TextField path="handler.contact" label={word("handlerContact", locale)} />
      <LocalizedField path="handler.address" label={word("handlerAddress", locale)} />
      <TextField path="handler.dpo" label={word("handlerDpo", locale)} />
    </Section>
  )
}

export function PolicySection() {
  const { locale } = useForm()
  return (
    <Section path="policy" title={word("policy", locale)}>
      <TextField path="policy.version" label={word("policyVersion", locale)} placeholder="2026-12" />
      <LocalizedField path="policy.url" label={word("policyUrl", locale)} />
      <LocalizedField path="policy.changes" label={word("policyChanges", locale)} multiline />
    </Section>
  )
}

export function LocalesSection() {
  const form = useForm()
  const current = getAt(form.config, "locales")
  const list = Array.isArray(current) ? current : []
  const toggle = (code: "zh-CN" | "en", on: boolean) => form.set("locales", (["zh-CN", "en"] as const).filter((item) => (item === code ? on : list.includes(item))))
  return (
    <Section path="locales" title={word("locales", form.locale)}>
      <div class="checks">
        {(["zh-CN", "en"] as const).map((code) => (
          <div class="check" key={code}>
            <input id={fieldId(`locales-${code}`)} type="checkbox" checked={list.includes(code)} onChange={(event) => toggle(code, event.currentTarget.checked)} />
            <label for={fieldId(`locales-${code}`)}>{word(code === "zh-CN" ? "zh" : "en", form.locale)}</label>
          </div>
        ))}
      </div>
    </Section>
  )
}

function listAt(config: unknown, path: string): unknown[] {
  const value = getAt(config, path)
  return Array.isArray(value) ? value : []
}

/** The catalog behind every vendor picker, once per page. */
export function VendorCatalogList() {
  return (
    <datalist id={VENDOR_LIST_ID}>
      {VENDORS.map((vendor) => (
        <option key={vendor.id} value={vendor.id}>
          {`${vendorLabel(vendor)} — ${vendor.company}`}
        </option>
      ))}
    </datalist>
  )
}

/** The catalog vendor a merchant typed: by id, or by its English or Chinese name. */
function findVendor(typed: string): Vendor | undefined {
  const text = typed.trim().toLowerCase()
  return vendorById(text) ?? VENDORS.find((vendor) => vendor.name.toLowerCase() === text || vendor.nameZh === typed.trim())
}

function VendorPicker({ at }: { at: string }) {
  const form = useForm()
  const [typed, setTyped] = useState("")
  const [unknown, setUnknown] = useState("")
  const chosen = listAt(form.config, `${at}.vendors`)
  const id = fieldId(`${at}.vendors`)
  const add = () => {
    const vendor = findVendor(typed)
    if (!vendor) {
      setUnknown(typed.trim())
      return
    }
    setUnknown("")
    setTyped("")
    if (!chosen.includes(vendor.id)) form.set(`${at}.vendors`, [...chosen, vendor.id])
    const cookies = listAt(form.config, `${at}.cookies`)
    const added = (vendor.cookies ?? []).filter((pattern) => !cookies.includes(pattern))
    if (added.length) form.set(`${at}.cookies`, [...cookies, ...added])
  }
  return (
    <div class="field vendors" id={id}>
      <span class="label">{word("vendors", form.locale)}</span>
      <ul class="chips">
        {chosen.map((vendorId, index) => {
          const vendor = typeof vendorId === "string" ? vendorById(vendorId) : undefined
          const name = vendor ? vendorLabel(vendor) : `${String(vendorId)} ${word("notInCatalog", form.locale)}`
          return (
            <li key={String(vendorId)}>
              {name}
              <button
                type="button"
                class="chip-remove"
                aria-label={`${word("remove", form.locale)} ${name}`}
                onClick={() => form.set(`${at}.vendors`, chosen.filter((_, other) => other !== index))}
              >
                ×
              </button>
            </li>
          )
        })}
      </ul>
      <div class="row">
        <input
          type="text"
          list={VENDOR_LIST_ID}
          value={typed}
          aria-label={`${word("vendorPick", form.locale)} (${at})`}
          placeholder={word("vendorPick", form.locale)}
          onInput={(event) => setTyped(event.currentTarget.value)}
          onKeyDown={(event) => {
            if (event.key === "Enter") add()
          }}
        />
        <button type="button" onClick={add}>
          {word("vendorAdd", form.locale)}
        </button>
      </div>
      {unknown && (
        <p class="issue" role="alert">
          {word("vendorUnknown", form.locale) + unknown}
        </p>
      )}
      <Notes path={`${at}.vendors`} />
    </div>
  )
}

/** One purpose or separate item: titled by its text in the configurator's language, with a button removing it. */
function Card({ at, index, list, children }: { at: string; index: number; list: "purposes" | "separate"; children: ComponentChildren }) {
  const form = useForm()
  const title = getAt(form.config, `${at}.title.${form.locale}`) ?? getAt(form.config, `${at}.id`)
  return (
    <article class="card" id={fieldId(at)} aria-label={`${word(list, form.locale)} ${index + 1}`}>
      <header>
        <h3>{typeof title === "string" && title ? title : `#${index + 1}`}</h3>
        <button type="button" class="remove" onClick={() => form.set(at, undefined)}>
          {word("remove", form.locale)}
        </button>
      </header>
      <Notes path={at} />
      {children}
    </article>
  )
}

function Purpose({ index }: { index: number }) {
  const form = useForm()
  const at = `purposes[${index}]`
  const t = (key: WordKey) => word(key, form.locale)
  return (
    <Card at={at} index={index} list="purposes">
      <TextField path={`${at}.id`} label={t("id")} />
      <CheckField path={`${at}.required`} label={t("required")} />
      <LocalizedField path={`${at}.title`} label={t("purposeTitle")} />
      <LocalizedField path={`${at}.description`} label={t("description")} multiline />
      <VendorPicker at={at} />
      <ListField path={`${at}.cookies`} label={t("cookies")} />
      <ListField path={`${at}.dataCategories`} label={t("dataCategories")} />
      <LocalizedField path={`${at}.methods`} label={t("methods")} />
      <LocalizedField path={`${at}.retention`} label={t("retention")} />
    </Card>
  )
}

export function PurposesSection() {
  const form = useForm()
  const purposes = listAt(form.config, "purposes")
  const present = new Set(purposes.map((purpose) => (isObject(purpose) ? purpose.id : undefined)))
  const add = (purpose: object) => form.set(`purposes[${purposes.length}]`, structuredClone(purpose))
  return (
    <Section path="purposes" title={word("purposes", form.locale)}>
      {purposes.map((_, index) => (
        <Purpose key={index} index={index} />
      ))}
      <div class="adders">
        <span>{word("addPreset", form.locale)}</span>
        {PRESET_IDS.filter((id) => !present.has(id)).map((id) => (
          <button type="button" key={id} onClick={() => add(PURPOSE_PRESETS[id])}>
            {PURPOSE_PRESETS[id].title[form.locale]}
          </button>
        ))}
        <button type="button" onClick={() => add(CUSTOM_PURPOSE)}>
          {word("addCustom", form.locale)}
        </button>
      </div>
    </Section>
  )
}

const KIND_WORDS: Record<SeparateKind, WordKey> = {
  sensitive: "kindSensitive",
  "third-party": "kindThirdParty",
  "cross-border": "kindCrossBorder",
  "public-disclosure": "kindPublic"
}

function SeparateItem({ index }: { index: number }) {
  const form = useForm()
  const at = `separate[${index}]`
  const t = (key: WordKey) => word(key, form.locale)
  const kind = getAt(form.config, `${at}.kind`)
  /** A field shows when the item's kind needs it, or when the config already holds it. */
  const shows = (field: string, needed: boolean) => needed || getAt(form.config, `${at}.${field}`) !== undefined
  const sensitive = kind === "sensitive"
  const crossBorder = kind === "cross-border"
  const recipient = kind === "third-party" || crossBorder
  return (
    <Card at={at} index={index} list="separate">
      <div class="field">
        <label for={fieldId(`${at}.kind`)}>{t("kind")}</label>
        <select id={fieldId(`${at}.kind`)} value={typeof kind === "string" ? kind : ""} onChange={(event) => form.set(`${at}.kind`, event.currentTarget.value)}>
          {SEPARATE_KINDS.map((option) => (
            <option key={option} value={option}>
              {t(KIND_WORDS[option])}
            </option>
          ))}
        </select>
        <Notes path={`${at}.kind`} />
      </div>
      <TextField path={`${at}.id`} label={t("id")} />
      <LocalizedField path={`${at}.title`} label={t("purposeTitle")} />
      <LocalizedField path={`${at}.description`} label={t("description")} multiline />
      <ListField path={`${at}.dataCategories`} label={t("dataCategories")} />
      {shows("necessity", sensitive) && <LocalizedField path={`${at}.necessity`} label={t("necessity")} multiline />}
      {shows("impact", sensitive) && <LocalizedField path={`${at}.impact`} label={t("impact")} multiline />}
      {shows("recipient", recipient) && (
        <fieldset class="recipient" id={fieldId(`${at}.recipient`)}>
          <legend>{t("recipient")}</legend>
          <Notes path={`${at}.recipient`} />
          <LocalizedField path={`${at}.recipient.name`} label={t("recipientName")} />
          <TextField path={`${at}.recipient.contact`} label={t("recipientContact")} />
          <LocalizedField path={`${at}.recipient.purpose`} label={t("recipientPurpose")} />
          <LocalizedField path={`${at}.recipient.method`} label={t("recipientMethod")} />
          <ListField path={`${at}.recipient.dataCategories`} label={t("dataCategories")} keepEmpty />
          {shows("recipient.country", crossBorder) && <TextField path={`${at}.recipient.country`} label={t("recipientCountry")} placeholder="HK" />}
          {shows("recipient.rights", crossBorder) && <LocalizedField path={`${at}.recipient.rights`} label={t("recipientRights")} multiline />}
          {shows("recipient.retention", false) && <LocalizedField path={`${at}.recipient.retention`} label={t("retention")} />}
        </fieldset>
      )}
      {shows("retention", false) && <LocalizedField path={`${at}.retention`} label={t("retention")} />}
      {shows("assessment", crossBorder || sensitive) && <TextField path={`${at}.assessment`} label={t("assessment")} />}
    </Card>
  )
}

export function SeparateSection() {
  const form = useForm()
  const items = listAt(form.config, "separate")
  return (
    <Section path="separate" title={word("separate", form.locale)}>
      <p class="hint">{word("separateIntro", form.locale)}</p>
      {items.map((_, index) => (
        <SeparateItem key={index} index={index} />
      ))}
      <div class="adders">
        <span>{word("addItem", form.locale)}</span>
        {SEPARATE_KINDS.map((kind) => (
          <button type="button" key={kind} onClick={() => form.set(`separate[${items.length}]`, structuredClone(SEPARATE_TEMPLATES[kind]))}>
            {word(KIND_WORDS[kind], form.locale)}
          </button>
        ))}
      </div>
    </Section>
  )
}

export function OptionsSection() {
  const form = useForm()
  const t = (key: WordKey) => word(key, form.locale)
  const minors = getAt(form.config, "minors")
  return (
    <>
      <Section path="minors" title={t("minors")}>
        <div class="check">
          <input id={fieldId("minors-on")} type="checkbox" checked={minors !== undefined} onChange={(event) => form.set("minors", event.currentTarget.checked ? { minAge: 14 } : undefined)} />
          <label for={fieldId("minors-on")}>{t("minorsOn")}</label>
        </div>
        {minors !== undefined && <NumberField path="minors.minAge" label={t("minAge")} min={1} max={18} />}
      </Section>
      <Section path="ui" title={t("ui")}>
        <CheckField path="ui.floatingButton" label={t("floatingButton")} fallback />
        <CheckField path="ui.reloadOnWithdraw" label={t("reloadOnWithdraw")} />
        <CheckField path="ui.googleConsentMode" label={t("googleConsentMode")} />
        <CheckField path="ui.shadowDom" label={t("shadowDom")} fallback />
      </Section>
      <Section path="sync" title={t("sync")}>
        <TextField path="sync.endpoint" label={t("syncEndpoint")} placeholder="/api/consent" />
      </Section>
    </>
  )
}
