/** The timeline's filters: vendor, purpose, kind of personal information, country, verdict and free text. */
import type { Locale } from "@zhiqing/sdk/schema"
import type { PiKind } from "../report"
import { piKindName, verdictName, word, type UiWord } from "./i18n"
import type { FacetValue, Facets, TimelineFilter, Verdict } from "./timeline"

interface FilterBarProps {
  facets: Facets
  filter: TimelineFilter
  locale: Locale
  onChange(filter: TimelineFilter): void
}

const VERDICTS: readonly Verdict[] = ["high", "medium", "low", "ok"]

interface SelectProps {
  name: string
  label: UiWord
  value: string | undefined
  options: ReadonlyArray<{ value: string; text: string }>
  locale: Locale
  onSelect(value: string | undefined): void
}

function Select({ name, label, value, options, locale, onSelect }: SelectProps) {
  return (
    <label>
      <span>{word(label, locale)}</span>
      <select name={name} value={value ?? ""} onChange={(event) => onSelect(event.currentTarget.value || undefined)}>
        <option value="">{word("all", locale)}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.text}
          </option>
        ))}
      </select>
    </label>
  )
}

const counted = (facets: readonly FacetValue[], name: (value: string) => string = (value) => value) =>
  facets.map((facet) => ({ value: facet.value, text: `${name(facet.value)} (${facet.count})` }))

/** The filters; each change yields the whole new filter. */
export function FilterBar({ facets, filter, locale, onChange }: FilterBarProps) {
  const set = <K extends keyof TimelineFilter>(key: K, value: TimelineFilter[K] | undefined): void => {
    const next = { ...filter }
    if (value === undefined) delete next[key]
    else next[key] = value
    onChange(next)
  }
  const verdictOptions = [{ value: "finding", text: word("anyFinding", locale) }, ...VERDICTS.map((verdict) => ({ value: verdict, text: verdictName(verdict, locale) }))]
  return (
    <form class="filters" role="search" aria-label={word("filters", locale)} onSubmit={(event) => event.preventDefault()}>
      <Select name="vendor" label="vendor" value={filter.vendor} options={counted(facets.vendor)} locale={locale} onSelect={(value) => set("vendor", value)} />
      <Select name="purpose" label="purpose" value={filter.purpose} options={counted(facets.purpose)} locale={locale} onSelect={(value) => set("purpose", value)} />
      <Select
        name="piKind"
        label="piKind"
        value={filter.piKind}
        options={counted(facets.piKind, (value) => piKindName(value, locale))}
        locale={locale}
        onSelect={(value) => set("piKind", value as PiKind | undefined)}
      />
      <Select name="country" label="country" value={filter.country} options={counted(facets.country)} locale={locale} onSelect={(value) => set("country", value)} />
      <Select name="verdict" label="verdict" value={filter.verdict} options={verdictOptions} locale={locale} onSelect={(value) => set("verdict", value as TimelineFilter["verdict"])} />
      <label>
        <span>{word("search", locale)}</span>
        <input type="search" name="text" value={filter.text ?? ""} placeholder={word("searchPlaceholder", locale)} onInput={(event) => set("text", event.currentTarget.value || undefined)} />
      </label>
      {Object.keys(filter).length > 0 && (
        <button type="button" onClick={() => onChange({})}>
          {word("clearFilters", locale)}
        </button>
      )}
    </form>
  )
}
