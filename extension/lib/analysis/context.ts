/** What every part of the analysis of one page shares. */
import type { KnownValueMatcher } from "../pii/known-values"
import type { ConfigMap } from "./config-map"
import type { ConsentTimeline } from "./consent-timeline"

export interface AnalysisContext {
  /** Hostname of the page. */
  pageHost: string
  timeline: ConsentTimeline
  configMap: ConfigMap
  /** The shopper's own form values, to recognise hashed and encoded copies. */
  known: KnownValueMatcher
}
