/** The service worker's one set of per-tab logs, mirrored to session storage. */
import { browserApi } from "~lib/chrome"
import { TabLogs } from "~lib/tabs/tab-log"

export const tabLogs = new TabLogs(browserApi.session)
