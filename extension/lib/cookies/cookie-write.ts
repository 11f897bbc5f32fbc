/**
 * One cookie write, read from a `Set-Cookie` header or a `document.cookie = "…"` assignment: which cookie, for
 * which domain, whether it is partitioned (CHIPS) and whether the write deletes it.
 */

/** What a cookie write says. */
export interface CookieWrite {
  name: string
  /** The Domain attribute, or the host that set it when there is none. */
  domain: string
  partitioned: boolean
  /** Expires in the past or Max-Age ≤ 0: the write deletes the cookie. */
  removed: boolean
}

/** Read one cookie write made on `host` at `now`; undefined when it names no cookie. */
export function parseCookieWrite(text: string, host: string, now: number): CookieWrite | undefined {
  const [pair = "", ...attributes] = text.split(";")
  const equals = pair.indexOf("=")
  const name = (equals < 0 ? "" : pair.slice(0, equals)).trim()
  if (!name) return undefined
  const write: CookieWrite = { name, domain: host, partitioned: false, removed: false }
  for (const attribute of attributes) {
    const at = attribute.indexOf("=")
    const key = (at < 0 ? attribute : attribute.slice(0, at)).trim().toLowerCase()
    const value = at < 0 ? "" : attribute.slice(at + 1).trim()
    if (key === "domain" && value) write.domain = value.toLowerCase()
    else if (key === "partitioned") write.partitioned = true
    else if (key === "max-age" && /^-?\d+$/.test(value)) write.removed = Number(value) <= 0
    else if (key === "expires" && !attributes.some((other) => /^\s*max-age\s*=/i.test(other))) {
      const expires = Date.parse(value)
      write.removed = Number.isFinite(expires) && expires <= now
    }
  }
  return write
}
