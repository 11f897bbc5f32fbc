/**
 * Messages to the background, one handler per name, in the shape Plasmo's messaging API uses: the sender posts
 * `{ name, body }` and the handler gets `{ name, body, sender }` plus `res.send(answer)`. The project does not
 * depend on `@plasmohq/messaging`, so this small router dispatches them: a plain
 * `chrome.runtime.sendMessage({ name: "report", body: { tabId } })` reaches the `report` handler.
 */
import { browserApi, type MessageSender } from "./chrome"

/** What a handler receives. */
export interface MessageRequest<Body> {
  name: string
  body: Body
  sender: MessageSender
}

/** How a handler answers; an unanswered message resolves to undefined on the sender's side. */
export interface MessageResponse<Answer> {
  send(answer: Answer): void
}

/** The answer to a message whose body is not what its handler reads. */
export interface MessageError {
  error: string
}

/** One message's handler; `parseBody` returns the body it can read, or an error message for the sender. */
export interface MessageHandlerSpec<Body, Answer> {
  parseBody(body: unknown): Body | string
  handler(request: MessageRequest<Body>, response: MessageResponse<Answer | MessageError>): void | Promise<void>
  /** Whether the sender waits for an answer; fire-and-forget messages leave the channel closed. */
  answers: boolean
}

type AnySpec = MessageHandlerSpec<unknown, unknown>

const handlers = new Map<string, AnySpec>()
let listening = false

function nameOf(message: unknown): string | undefined {
  const name = (message as { name?: unknown } | null)?.name
  return typeof name === "string" ? name : undefined
}

/** Route one incoming message; true when an answer will follow. Exported for tests. */
export function dispatchMessage(message: unknown, sender: MessageSender, reply: (answer: unknown) => void): boolean | undefined {
  const name = nameOf(message)
  const spec = name === undefined ? undefined : handlers.get(name)
  if (!spec || name === undefined) return undefined
  const body = spec.parseBody((message as { body?: unknown }).body)
  if (typeof body === "string") {
    reply({ error: body } satisfies MessageError)
    return undefined
  }
  let answered = false
  const send = (answer: unknown): void => {
    if (answered) return
    answered = true
    reply(answer)
  }
  Promise.resolve()
    .then(() => spec.handler({ name, body, sender }, { send }))
    .catch((reason: unknown) => send({ error: reason instanceof Error ? reason.message : String(reason) } satisfies MessageError))
  return spec.answers ? true : undefined
}

/** Register the handler of messages named `name` (one per name). */
export function handleMessage<Body, Answer>(name: string, spec: MessageHandlerSpec<Body, Answer>): void {
  if (handlers.has(name)) throw new Error(`a handler for the "${name}" message is registered twice`)
  handlers.set(name, spec as AnySpec)
  if (listening) return
  listening = true
  browserApi.onMessage(dispatchMessage)
}
