// The DevTools panel's page: which tab it inspects, how it asks the background, and how exports are saved.
import { render } from "preact"
import { browserApi } from "~lib/chrome"
import { openDraft } from "~lib/draft/open-draft"
import { downloadText } from "~lib/panel/download"
import { inspectedTabId, scanRequested } from "~lib/panel/inspected-tab"
import { preferredLocale } from "~lib/panel/i18n"
import { PanelApp } from "~lib/panel/panel-app"

// Outside DevTools (opened as a plain extension page, as the end-to-end tests do) chrome.devtools is absent.
const devtools = typeof chrome !== "undefined" ? chrome.devtools : undefined

render(
  <PanelApp
    tabId={inspectedTabId(location.search, devtools)}
    askReport={browserApi.askReport}
    save={downloadText}
    initialLocale={preferredLocale(navigator.languages)}
    runScan={browserApi.askScan}
    canary={browserApi.askCanary}
    draftConfig={openDraft}
    autoScan={scanRequested(location.search)}
  />,
  document.body
)
