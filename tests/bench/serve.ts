/** Local HTTP for the benchmarks: everything listens on 127.0.0.1 and a free port, nothing leaves loopback. */
import { readFileSync } from "node:fs"
import { createServer, type IncomingMessage, type ServerResponse } from "node:http"
import { extname } from "node:path"

export interface LocalServer {
  port: number
  /** `http://localhost:PORT`: a secure context, so pages may use crypto.subtle. */
  origin: string
  close(): Promise<void>
}

export type Handler = (req: IncomingMessage, res: ServerResponse) => void

/** Start a server on 127.0.0.1, port 0. */
export async function serve(handler: Handler): Promise<LocalServer> {
  const server = createServer(handler)
  // Chromium opens several keep-alive sockets; without this, close() waits for them to time out.
  server.keepAliveTimeout = 1000
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done))
  const address = server.address()
  if (!address || typeof address === "string") throw new Error("the bench server has no port")
  return {
    port: address.port,
    origin: `http://localhost:${address.port}`,
    async close() {
      server.closeAllConnections()
      await new Promise((done) => server.close(done))
    }
  }
}

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8"
}

/**
 * Answer with a body, never cached unless `cacheControl` says otherwise, so every run pays the same cost. Every
 * answer makes its page cross-origin isolated (everything is served from this one origin), where performance.now()
 * ticks in microseconds instead of Chromium's 100 µs otherwise: a returning shopper's figures are 1–3 ms.
 */
export function send(res: ServerResponse, status: number, body: string | Buffer, type = "text/plain; charset=utf-8", cacheControl = "no-store"): void {
  res
    .writeHead(status, {
      "content-type": type,
      "cache-control": cacheControl,
      "cross-origin-opener-policy": "same-origin",
      "cross-origin-embedder-policy": "require-corp"
    })
    .end(body)
}

/** Answer with a file read now (benchmark files are small and may be rebuilt between runs). */
export function sendFile(res: ServerResponse, file: string, cacheControl?: string): void {
  send(res, 200, readFileSync(file), CONTENT_TYPES[extname(file)] ?? "application/octet-stream", cacheControl)
}
