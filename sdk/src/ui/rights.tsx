/**
 * The shopper's own record and rights (PIPL-44-50): the receipts kept on this device, downloadable as JSON, and a
 * request form whose contents survive a failed submission.
 */
import type { Receipt, RightsRequest } from "../schema"
import type { DialogHost } from "./contract"
import { Dialog, type Ctx, type RightsStatus } from "./dialog"
import { download, pick } from "./text"

/**
 * Send a rights request to the merchant's ledger: its ticket id, or the ledger's reason for refusing it, which is
 * empty when the ledger could not be reached or gave none (the dialog then says only that sending failed).
 */
async function submitRights(host: DialogHost, request: Omit<RightsRequest, "subject">): Promise<RightsStatus> {
  // The rights route sits next to the consent route: /api/consent → /api/rights.
  const endpoint = (host.config.sync?.endpoint ?? "/api/consent").replace(/consent\/?$/, "rights")
  try {
    const response = await fetch(endpoint, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ ...request, subject: host.subject() }) })
    const body = (await response.json()) as { ticket?: string; error?: string } | null
    return response.ok && body?.ticket ? { ticket: body.ticket } : { error: body?.error ?? "" }
  } catch {
    return { error: "" }
  }
}

export function Rights({ ctx, hidden }: { ctx: Ctx; hidden: boolean }) {
  const { host, locale, c } = ctx
  const { config } = host
  const { form, status, receipts } = ctx.screen
  const edit = (change: Partial<typeof form>) => ctx.update({ form: { ...form, ...change } })

  const titleOf = (id: string) =>
    pick([...config.purposes, ...(config.separate ?? [])].find((entry) => entry.id === id)?.title, locale) || id
  const agreed = (receipt: Receipt) =>
    [...Object.entries(receipt.purposes), ...Object.entries(receipt.separate)]
      .filter(([id, on]) => on && !config.purposes.find((purpose) => purpose.id === id)?.required)
      .map(([id]) => titleOf(id))

  const submit = async (event: Event) => {
    event.preventDefault()
    ctx.update({ busy: true })
    const status = await submitRights(host, {
      right: form.right,
      locale,
      ...(form.details.trim() && { details: form.details.trim() }),
      ...(form.contact.trim() && { contact: form.contact.trim() })
    })
    // What was typed is kept until the request is received.
    ctx.update({ status, busy: false, ...("ticket" in status && { form: { ...form, details: "", contact: "" } }) })
  }

  return (
    <Dialog ctx={ctx} labelId="zq-rt" hidden={hidden} onClose={() => ctx.go(null)}>
      <h2 id="zq-rt">{c.rightsTitle}</h2>
      <h3>{c.receipts}</h3>
      {receipts.length ? (
        <ul>
          {receipts.map((receipt) => {
            const titles = agreed(receipt)
            return (
              <li key={receipt.id}>
                <span>{new Date(receipt.decidedAt).toLocaleString(locale)}</span>
                <span>{titles.length ? c.agreedTo + titles.join(c.list) : c.onlyRequired}</span>
              </li>
            )
          })}
        </ul>
      ) : (
        <p>{c.noReceipts}</p>
      )}
      <p>
        <button
          class="zq-a"
          disabled={!receipts.length}
          onClick={() => download("zhiqing-receipts.json", JSON.stringify(receipts, null, 2), "application/json")}
        >
          {c.download}
        </button>
      </p>
      <p>{c.rightsIntro(pick(config.handler.name, locale))}</p>
      <form class="zq-f" onSubmit={submit}>
        <label>
          {c.right}
          <select value={form.right} onChange={(event) => edit({ right: event.currentTarget.value as RightsRequest["right"] })}>
            {(Object.keys(c.rights) as Array<RightsRequest["right"]>).map((option) => (
              <option value={option} key={option}>
                {c.rights[option]}
              </option>
            ))}
          </select>
        </label>
        <label>
          {c.details}
          <textarea rows={3} maxLength={4000} value={form.details} onInput={(event) => edit({ details: event.currentTarget.value })} />
        </label>
        <label>
          {c.replyTo}
          <input
            type="text"
            autocomplete="email"
            maxLength={320}
            value={form.contact}
            onInput={(event) => edit({ contact: event.currentTarget.value })}
          />
        </label>
        <div role="status">
          {status && "ticket" in status && <p>{c.ticket(status.ticket)}</p>}
          {status && "error" in status && (
            <p class="zq-err">
              {c.failed(status.error)}
              {config.handler.contact}
            </p>
          )}
        </div>
        <button type="submit" class="zq-btn" disabled={ctx.screen.busy}>
          {c.submit}
        </button>
      </form>
    </Dialog>
  )
}
