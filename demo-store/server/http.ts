/** Small node:http helpers shared by the shop and the tracker imitations. */
import type { IncomingMessage, ServerResponse } from "node:http"

export const CONTENT_TYPES = {
  html: "text/html; charset=utf-8",
  js: "text/javascript; charset=utf-8",
  json: "application/json; charset=utf-8",
  css: "text/css; charset=utf-8",
  svg: "image/svg+xml",
  gif: "image/gif",
  text: "text/plain; charset=utf-8"
} as const

/** Parse a Cookie header; malformed pairs are skipped, never thrown on. */
export function parseCookies(header: string | undefined): Record<string, string> {
  const cookies: Record<string, string> = {}
  for (const pair of (header ?? "").split(";")) {
    const eq = pair.indexOf("=")
    if (eq <= 0) continue
    const name = pair.slice(0, eq).trim()
    const raw = pair.slice(eq + 1).trim()
    try {
      cookies[name] = decodeURIComponent(raw)
    } catch {
      cookies[name] = raw
    }
  }
  return cookies
}

export interface CookieOptions {
  maxAgeSeconds?: number
  httpOnly?: boolean
}

/** A first-party Set-Cookie value: Path=/, SameSite=Lax; a session cookie unless maxAgeSeconds is given. */
export function serializeCookie(name: string, value: string, options: CookieOptions = {}): string {
  const parts = [`${name}=${encodeURIComponent(value)}`, "Path=/", "SameSite=Lax"]
  if (options.maxAgeSeconds !== undefined) parts.push(`Max-Age=${options.maxAgeSeconds}`)
  if (options.httpOnly) parts.push("HttpOnly")
  return parts.join("; ")
}

export function send(res: ServerResponse, status: number, contentType: string, body: string | Buffer, headers: Record<string, string | string[]> = {}): void {
  res.writeHead(status, { "content-type": contentType, "content-length": String(Buffer.byteLength(body)), ...headers })
  res.end(body)
}

/** 303 See Other: the answer to a form POST, so reloading the next page never re-submits it. */
export function redirect(res: ServerResponse, location: string, headers: Record<string, string | string[]> = {}): void {
  res.writeHead(303, { location, "content-length": "0", ...headers })
  res.end()
}

export class BodyTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`request body larger than ${limit} bytes`)
  }
}

/** Read a request body up to `limit` bytes; rejects with {@link BodyTooLargeError} beyond it. */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    let failed = false
    req.on("data", (chunk: Buffer) => {
      if (failed) return
      size += chunk.length
      if (size > limit) {
        failed = true
        reject(new BodyTooLargeError(limit))
        return
      }
      chunks.push(chunk)
    })
    req.on("end", () => {
      if (!failed) resolve(Buffer.concat(chunks))
    })
    req.on("error", (error) => {
      if (!failed) reject(error)
    })
  })
}

/** Read an application/x-www-form-urlencoded body. */
export async function readForm(req: IncomingMessage, limit = 16 * 1024): Promise<URLSearchParams> {
  return new URLSearchParams((await readBody(req, limit)).toString("utf8"))
}

/** Discard a request body without holding it in memory (tracker endpoints never keep what they are sent). */
export function drain(req: IncomingMessage): Promise<void> {
  return new Promise((resolve) => {
    req.on("data", () => undefined)
    req.on("end", resolve)
    req.on("error", () => resolve())
    req.resume()
  })
}
