/**
 * Registrable domains ("eTLD+1"), enough to tell first from third parties on the hosts shops use. A compact rule
 * set rather than the whole public suffix list: two-label suffixes of the markets Zhiqing's users sell in.
 */
const TWO_LABEL_SUFFIXES = new Set(["com.cn", "net.cn", "org.cn", "gov.cn", "edu.cn", "ac.cn", "com.hk", "org.hk", "net.hk", "com.tw", "com.mo", "co.uk", "org.uk", "co.jp", "com.au", "com.sg"])

export function registrableDomain(host: string): string {
  const labels = host.toLowerCase().replace(/\.$/, "").split(".")
  if (labels.length <= 2 || /^\d+$/.test(labels[labels.length - 1]!)) return labels.join(".")
  const lastTwo = labels.slice(-2).join(".")
  return labels.slice(TWO_LABEL_SUFFIXES.has(lastTwo) ? -3 : -2).join(".")
}

export function isThirdParty(host: string, pageHost: string): boolean {
  return registrableDomain(host) !== registrableDomain(pageHost)
}
