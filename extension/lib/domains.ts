/**
 * Registrable domains ("eTLD+1"), enough to tell first from third parties on the hosts shops use. A compact rule
 * set rather than the whole public suffix list: two-label suffixes of the markets Zhiqing's users sell in.
 */
const TWO_LABEL_SUFFIXES = new Set([
  "com.cn", "net.cn", "org.cn", "gov.cn", "edu.cn", "ac.cn", "mil.cn",
  "com.hk", "org.hk", "net.hk", "edu.hk", "gov.hk", "idv.hk",
  "com.tw", "org.tw", "net.tw", "edu.tw", "gov.tw", "idv.tw", "com.mo", "org.mo", "net.mo",
  "co.uk", "org.uk", "ac.uk", "gov.uk", "co.jp", "ne.jp", "or.jp", "co.kr", "or.kr",
  "com.au", "net.au", "org.au", "com.sg", "edu.sg", "com.my", "co.nz", "com.br", "co.in"
])

/** `.localhost` names resolve to this machine (RFC 6761); below it, names are registered as under the root. */
const LOCAL_SUFFIX = ".localhost"

/** The hostname of a URL, or "" when the text is no URL. */
export function hostOf(url: string): string {
  try {
    return new URL(url).hostname
  } catch {
    return ""
  }
}

/** The registrable domain of a host: `hm.baidu.com` → `baidu.com`, `www.shop.com.cn` → `shop.com.cn`. */
export function registrableDomain(host: string): string {
  const name = host.toLowerCase().replace(/\.$/, "")
  // Local aliases such as `hm.baidu.com.localhost` keep the domain they stand for, so they group like the real one.
  if (name.endsWith(LOCAL_SUFFIX) && name.length > LOCAL_SUFFIX.length) return registrableDomain(name.slice(0, -LOCAL_SUFFIX.length)) + LOCAL_SUFFIX
  const labels = name.split(".")
  if (labels.length <= 2 || /^\d+$/.test(labels[labels.length - 1]!) || name.startsWith("[")) return labels.join(".")
  const lastTwo = labels.slice(-2).join(".")
  return labels.slice(TWO_LABEL_SUFFIXES.has(lastTwo) ? -3 : -2).join(".")
}

/** Whether `host` belongs to someone other than the page's site, compared by registrable domain. */
export function isThirdParty(host: string, pageHost: string): boolean {
  return registrableDomain(host) !== registrableDomain(pageHost)
}
