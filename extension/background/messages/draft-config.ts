/**
 * The `draft-config` message: `{ name: "draft-config", body: { tabId } }` answers with a draft merchant config from
 * what the inspector saw on the tab (its Report) and what its page holds now (scripts, iframes, policy link, site
 * name, read once in the top frame), with what only the merchant knows listed in `todo` and the gating edits.
 */
import { browserApi } from "~lib/chrome"
import { buildDraft, ELEMENT_LIMIT, INLINE_TEXT_LIMIT, readPageSnapshot, type Draft } from "~lib/draft"
import { handleMessage } from "~lib/messaging"
import { tabIdBody, tabReport } from "../tab-report"

handleMessage<{ tabId: number }, Draft>("draft-config", {
  answers: true,
  parseBody: tabIdBody("draft-config"),
  async handler({ body: { tabId } }, res) {
    const url = await browserApi.tabUrl(tabId)
    if (!url) throw new Error(`there is no tab ${tabId}`)
    if (!/^https?:/i.test(url)) throw new Error(`a draft is made from a web page (http or https), not from ${url.split(":")[0]}: pages`)
    let page
    try {
      page = await browserApi.runInTopFrame(tabId, readPageSnapshot, [INLINE_TEXT_LIMIT, ELEMENT_LIMIT])
    } catch (reason) {
      throw new Error(`could not read the page: ${reason instanceof Error ? reason.message : String(reason)}`)
    }
    if (!page) throw new Error("could not read the page: it gave no answer")
    res.send(buildDraft({ report: await tabReport(tabId), page, now: new Date() }))
  }
})
