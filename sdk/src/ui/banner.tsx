/** The first layer: who processes what and why, and three equal choices (PIPL-14-1, NDSR-22-1). */
import { Dialog, type Ctx } from "./dialog"
import { pick } from "./text"

/** The first layer, or the re-ask layer when the policy or the purposes changed (PIPL-17-3, PIPL-14-2). */
export function Banner({ ctx, hidden }: { ctx: Ctx; hidden: boolean }) {
  const { host, locale, c, guardian } = ctx
  const { config } = host
  const minAge = config.minors?.minAge
  const titles = (ids: string[]) =>
    ids.map((id) => pick(config.purposes.find((purpose) => purpose.id === id)?.title, locale)).join(c.list)
  const added = host.newPurposes()
  const changes = host.policyChanged() && config.policy.changes

  // Agree and Decline answer the general notice only: separate items are never granted here (SEP-UI).
  const choose = (event: Event, agree: boolean) => {
    if (!event.isTrusted) return
    const root = (event.currentTarget as HTMLElement).getRootNode() as ParentNode
    void ctx.record(event, {
      purposes: Object.fromEntries(config.purposes.map((purpose) => [purpose.id, agree || !!purpose.required])),
      flow: "banner",
      control: agree ? "agree" : "decline"
    })
    // The first layer is gone; its successor for later changes is the floating button.
    setTimeout(() => root.querySelector<HTMLElement>(".zq-fab")?.focus())
  }

  return (
    <Dialog ctx={ctx} labelId="zq-bt" hidden={hidden}>
      <h2 id="zq-bt">{guardian ? c.guardianTitle : c.title}</h2>
      {guardian && minAge && <p class="zq-note">{c.guardianText(minAge)}</p>}
      {host.policyChanged() && (
        <p class="zq-note">
          {c.changed(config.policy.version)}
          {changes && pick(changes, locale)}
        </p>
      )}
      {added.length > 0 && (
        <p class="zq-note">
          {c.added}
          {titles(added)}
        </p>
      )}
      <p>{c.intro(pick(config.handler.name, locale), titles(config.purposes.map((purpose) => purpose.id)))}</p>
      <p>
        {c.contact}
        {c.colon}
        {config.handler.contact}
      </p>
      {minAge !== undefined && (
        <label>
          <input type="checkbox" checked={ctx.screen.guardian} onChange={(event) => ctx.update({ guardian: event.currentTarget.checked })} />
          {c.minor(minAge)}
        </label>
      )}
      <div class="zq-acts">
        <button class="zq-btn" onClick={(event) => choose(event, true)}>
          {c.agree}
        </button>
        <button class="zq-btn" onClick={(event) => choose(event, false)}>
          {c.decline}
        </button>
        <button class="zq-btn" onClick={() => ctx.go("preferences")}>
          {c.settings}
        </button>
      </div>
    </Dialog>
  )
}
