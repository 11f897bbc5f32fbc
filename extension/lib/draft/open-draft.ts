/** What the popup's and the panel's draft buttons do: ask the background for the tab's draft, open the configurator on it. */
import { browserApi } from "../chrome"
import type { Draft } from "./build-draft"
import { CONFIGURATOR_PATH, draftLink } from "./draft-link"

function isDraft(answer: unknown): answer is Draft {
  const draft = answer as Partial<Draft> | null | undefined
  return typeof draft?.config === "object" && draft.config !== null && Array.isArray(draft.todo) && Array.isArray(draft.gating)
}

/** Open the configurator on the tab's draft in a new tab; resolves to the error to show when there is no draft. */
export async function openDraft(tabId: number, api: Pick<typeof browserApi, "askDraft" | "openPage" | "extensionUrl"> = browserApi): Promise<string | undefined> {
  const answer = await api.askDraft(tabId)
  if (isDraft(answer)) {
    await api.openPage(draftLink(api.extensionUrl(CONFIGURATOR_PATH), answer))
    return undefined
  }
  const error = (answer as { error?: unknown } | null | undefined)?.error
  return typeof error === "string" ? error : "the background did not answer"
}
