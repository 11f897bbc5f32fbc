/**
 * One separate-consent item on its own screen, with every fact the law requires shown before the shopper answers:
 * recipient, contact, purpose, method, categories, country and rights (PIPL-23-1, PIPL-39), necessity and impact
 * for sensitive information (PIPL-30).
 */
import { Fragment } from "preact"
import { Dialog, type Ask, type Ctx } from "./dialog"
import { categoryList } from "./preferences"
import { pick, regionName } from "./text"

export function Separate({ ctx, ask }: { ctx: Ctx; ask: Ask }) {
  const { host, locale, c, guardian } = ctx
  const { config } = host
  const item = config.separate?.find((candidate) => candidate.id === ask.itemId)
  if (!item) return null
  const recipient = item.recipient
  const rows: Array<[string, string | undefined]> = [
    [item.kind === "cross-border" ? c.overseasRecipient : c.recipient, pick(recipient?.name, locale)],
    [c.contact, recipient?.contact],
    [c.country, recipient?.country && regionName(recipient.country, locale)],
    [c.purpose, pick(recipient?.purpose, locale)],
    [c.methods, pick(recipient?.method, locale)],
    [c.categories, categoryList(recipient?.dataCategories ?? item.dataCategories, ctx)],
    [c.retention, pick(recipient?.retention ?? item.retention, locale)],
    [c.rightsWith, pick(recipient?.rights, locale)],
    [c.necessity, pick(item.necessity, locale)],
    [c.impact, pick(item.impact, locale)],
    [c.assessment, item.assessment]
  ]

  const answer = (event: Event, agree: boolean) => {
    if (!event.isTrusted) return
    const purposes =
      host.state()?.purposes ?? Object.fromEntries(config.purposes.map((purpose) => [purpose.id, !!purpose.required]))
    const recorded = ctx.record(event, { purposes, separate: { [item.id]: agree }, flow: ask.flow, control: agree ? "agree" : "decline" })
    // An answer that could not be recorded grants nothing.
    ctx.settle(
      ask,
      recorded.then(
        () => agree,
        () => false
      )
    )
  }

  return (
    <Dialog ctx={ctx} labelId="zq-st" onClose={() => ctx.settle(ask, false)}>
      <p class="zq-k">{c.kinds[item.kind]}</p>
      <h2 id="zq-st">{pick(item.title, locale)}</h2>
      {guardian && <p class="zq-note">{c.guardianTitle}</p>}
      <p>{c.separateIntro}</p>
      <p>{pick(item.description, locale)}</p>
      <dl>
        {rows.map(([label, value]) =>
          value ? (
            <Fragment key={label}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </Fragment>
          ) : null
        )}
      </dl>
      <div class="zq-acts">
        <button class="zq-btn" onClick={(event) => answer(event, true)}>
          {c.agree}
        </button>
        <button class="zq-btn" onClick={(event) => answer(event, false)}>
          {c.decline}
        </button>
      </div>
    </Dialog>
  )
}
