/**
 * The demo store: a bilingual cross-border shop with the Zhiqing SDK, its consent ledger on the same origin
 * (`/api/`), and imitations of the trackers real Chinese storefronts carry, all answered by this one handler.
 */
import type { IncomingMessage, ServerResponse } from "node:http"
import { createLedger } from "@zhiqing/sdk/server"
import { loadAssets } from "./assets"
import { OrderBook } from "./orders"
import { createStoreHandler } from "./router"
import type { TrackerHosts } from "./vendors"

export interface DemoStoreOptions {
  /** Where the ledger keeps its embedded database. */
  dataDir: string
  /** "real": pages name real vendor hostnames (tests map them to loopback); "localhost": `<vendor>.localhost:<port>`. */
  trackerHosts: TrackerHosts
  /** Secret the ledger signs subject tokens with. */
  ledgerSecret?: string
}

export interface DemoStore {
  /** Answer any request, for any hostname. */
  handle(req: IncomingMessage, res: ServerResponse): void
  /** Close the ledger's storage. */
  close(): Promise<void>
}

/** Create the store; resolves once the ledger's storage is ready. */
export async function createDemoStore(options: DemoStoreOptions): Promise<DemoStore> {
  const { config, assets } = await loadAssets()
  const ledger = createLedger({ dataDir: options.dataDir, ...(options.ledgerSecret ? { secret: options.ledgerSecret } : {}) })
  await ledger.ready
  const handle = createStoreHandler({ ledger, trackerHosts: options.trackerHosts, config, assets, orders: new OrderBook() })
  return {
    handle,
    close: () => ledger.close()
  }
}
