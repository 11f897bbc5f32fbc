/** Debian's Chromium, launched the way the project's tests launch it, with every hostname mapped to one local port. */
import { chromium, type Browser, type LaunchOptions } from "@playwright/test"
import { chromiumArgs, chromiumPath } from "../chromium"

/** Launch options for a Chromium whose every hostname resolves to 127.0.0.1:`port`. */
export function chromiumOptions(port: number, extraArgs: string[] = []): LaunchOptions & { args: string[] } {
  return {
    executablePath: chromiumPath(),
    headless: true,
    args: [...chromiumArgs(port), ...extraArgs]
  }
}

/** Launch a browser for pages served on `port`. */
export function launchBrowser(port: number): Promise<Browser> {
  return chromium.launch(chromiumOptions(port))
}
