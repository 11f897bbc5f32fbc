/**
 * Reading requests and writing answers for the ledger: JSON only, bounded in size and time, errors that name the
 * field and never carry a stack trace.
 */
import type { IncomingMessage, ServerResponse } from "node:http"

/** Largest body accepted; a receipt is about 1 KB. */
export const MAX_BODY = 64 * 1024

/** How long a client may take to send its body once the headers are in. */
export const BODY_TIMEOUT_MS = 10_000

/** An answer other than success: its status, a message for the developer, and the field at fault when there is one. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly field?: string,
    readonly extra: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {}
  ) {
    super(message)
  }
}

/** Whole-body problems (not JSON, too large, wrong type) name this field. */
export const BODY_FIELD = "body"

export function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "cache-control": "no-store",
    "x-content-type-options": "nosniff",
    ...headers
  })
  res.end(JSON.stringify(body))
}

export function sendError(res: ServerResponse, error: HttpError): void {
  send(res, error.status, { error: error.message, ...(error.field !== undefined && { field: error.field }), ...error.extra }, error.headers)
}

/**
 * Answer and drop the connection without reading the rest of the body, so an oversize or stalled upload costs
 * nothing more.
 */
function refuseAndClose(req: IncomingMessage, res: ServerResponse, error: HttpError): void {
  req.pause()
  sendError(res, new HttpError(error.status, error.message, error.field, error.extra, { ...error.headers, connection: "close" }))
  res.once("finish", () => req.socket.destroySoon())
}

/** A body an Express- or Fastify-style parser already read, if any. */
function alreadyParsed(req: IncomingMessage): { value: unknown } | undefined {
  const parsed = (req as IncomingMessage & { body?: unknown }).body
  return parsed !== undefined && req.readableEnded ? { value: parsed } : undefined
}

/**
 * The request's JSON body. Rejects with 415 for another content type, 413 beyond {@link MAX_BODY} (declared or
 * streamed), 408 when the body is not in within {@link BODY_TIMEOUT_MS}, and 400 when it is not JSON. The 413 and
 * 408 answers are sent here, since they also close the connection; the caller must not answer again.
 */
export function readJson(req: IncomingMessage, res: ServerResponse): Promise<unknown> {
  if (!/^application\/json\s*(;|$)/i.test(req.headers["content-type"] ?? "")) {
    return Promise.reject(new HttpError(415, "the body must be sent as application/json", BODY_FIELD))
  }
  const early = alreadyParsed(req)
  if (early) return Promise.resolve(early.value)
  // Made only when needed: an Error captures a stack trace, which would cost every receipt a few microseconds.
  const tooLarge = () => new HttpError(413, `the body is larger than ${MAX_BODY} bytes`, BODY_FIELD)
  if (Number(req.headers["content-length"] ?? 0) > MAX_BODY) {
    refuseAndClose(req, res, tooLarge())
    return Promise.reject(new AnsweredError())
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    const stop = (error: HttpError) => {
      cleanup()
      refuseAndClose(req, res, error)
      reject(new AnsweredError())
    }
    const timer = setTimeout(() => stop(new HttpError(408, `the body did not arrive within ${BODY_TIMEOUT_MS / 1000} s`, BODY_FIELD)), BODY_TIMEOUT_MS)
    const onData = (chunk: Buffer) => {
      size += chunk.length
      if (size > MAX_BODY) stop(tooLarge())
      else chunks.push(chunk)
    }
    const onEnd = () => {
      cleanup()
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString("utf8")))
      } catch {
        reject(new HttpError(400, "the body is not valid JSON", BODY_FIELD))
      }
    }
    const onError = () => {
      cleanup()
      reject(new AnsweredError())
    }
    const cleanup = () => {
      clearTimeout(timer)
      req.off("data", onData).off("end", onEnd).off("error", onError)
    }
    req.on("data", onData).on("end", onEnd).on("error", onError)
  })
}

/** The answer has been sent already (or the client is gone): nothing more to write. */
export class AnsweredError extends Error {
  override readonly name = "AnsweredError"
}
