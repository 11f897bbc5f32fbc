/**
 * The preference centre: one switch per purpose, off until the shopper turns it on (PIPL-14-1, GBT-5.3), and the
 * separate-consent items, each answered or withdrawn on its own screen (SEP-UI).
 */
import type { ConsentFlow } from "../schema"
import { Dialog, type Ctx } from "./dialog"
import { pick } from "./text"

/** Category ids in the shopper's language where the copy knows them. */
export function categoryList(categories: string[] | undefined, ctx: Ctx): string {
  return (categories ?? []).map((category) => ctx.c.categoryNames[category] ?? category).join(ctx.c.list)
}

export function Preferences({ ctx, hidden }: { ctx: Ctx; hidden: boolean }) {
  const { host, locale, c } = ctx
  const { config } = host
  const stored = host.state()
  const choice = ctx.screen.choice

  const save = (event: Event, control: "save" | "accept-all" | "reject-all") => {
    if (!event.isTrusted) return
    const purposes =
      control === "save"
        ? choice
        : Object.fromEntries(config.purposes.map((purpose) => [purpose.id, control === "accept-all" || !!purpose.required]))
    const before = stored?.purposes ?? {}
    const ids = Object.keys(purposes)
    // Turning something off that was on, and nothing on, is a withdrawal (PIPL-15-1); the receipt says so.
    const flow: ConsentFlow =
      ids.some((id) => before[id] && !purposes[id]) && !ids.some((id) => !before[id] && purposes[id]) ? "withdraw" : "preferences"
    void ctx.record(event, { purposes, flow, control })
    ctx.go(null)
  }

  return (
    <Dialog ctx={ctx} labelId="zq-pt" hidden={hidden} onClose={() => ctx.go(null)}>
      <h2 id="zq-pt">{c.prefsTitle}</h2>
      <p>{c.prefsIntro}</p>
      {config.purposes.map((purpose) => (
        <div class="zq-p" key={purpose.id}>
          <label>
            {pick(purpose.title, locale)}
            <input
              type="checkbox"
              role="switch"
              checked={choice[purpose.id]}
              disabled={purpose.required}
              aria-describedby={`zq-d-${purpose.id}`}
              onChange={(event) => ctx.update({ choice: { ...choice, [purpose.id]: event.currentTarget.checked } })}
            />
          </label>
          <div id={`zq-d-${purpose.id}`}>
            {purpose.required && <p>{c.alwaysOn}</p>}
            <p>{pick(purpose.description, locale)}</p>
            {[
              [c.categories, categoryList(purpose.dataCategories, ctx)],
              [c.methods, pick(purpose.methods, locale)],
              [c.retention, pick(purpose.retention, locale)]
            ].map(([label, value]) => value && <p>{label + c.colon + value}</p>)}
          </div>
        </div>
      ))}
      <div class="zq-acts">
        <button class="zq-btn" onClick={(event) => save(event, "reject-all")}>
          {c.declineAll}
        </button>
        <button class="zq-btn" onClick={(event) => save(event, "save")}>
          {c.saveChoices}
        </button>
        <button class="zq-btn" onClick={(event) => save(event, "accept-all")}>
          {c.agreeAll}
        </button>
      </div>
      {config.separate?.length ? (
        <>
          <h3>{c.separateHeading}</h3>
          <ul>
            {config.separate.map((item) => (
              <li key={item.id}>
                <button class="zq-a" onClick={() => ctx.ask(item.id)}>
                  {pick(item.title, locale)}
                </button>
                <span>{stored?.separate[item.id] ? c.granted : c.notGranted}</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <p>
        <button class="zq-a" onClick={() => ctx.go("rights")}>
          {c.rightsTitle}
        </button>
      </p>
    </Dialog>
  )
}
