/** The script that made a call, from a stack trace: the nearest frame that is not the extension's own code. */

const FRAME_URL = /((?:https?|blob:https?|file):\/\/[^\s()]+?)(?::\d+){1,2}\)?\s*$/

/** The URL of the nearest page script in `stack`, or undefined when none (e.g. only extension frames). */
export function callerScript(stack: string | undefined): string | undefined {
  if (!stack) return undefined
  for (const line of stack.split("\n")) {
    if (line.includes("chrome-extension://")) continue
    const match = FRAME_URL.exec(line)
    if (match) return match[1]
  }
  return undefined
}

/** The calling script right now. */
export function currentScript(ErrorType: ErrorConstructor): string | undefined {
  return callerScript(new ErrorType().stack)
}
