/** How every test and benchmark launches Debian's Chromium: the flags it needs here and the hostname mapping. */

/** The flags Debian's Chromium needs to run as root on a machine with no network but loopback. */
export const CHROMIUM_FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync"
]

export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH ?? "/usr/bin/chromium"
}

/** The flags plus a mapping of every hostname to 127.0.0.1:`port`, so nothing can leave loopback. */
export function chromiumArgs(port: number): string[] {
  return [...CHROMIUM_FLAGS, `--host-resolver-rules=MAP * 127.0.0.1:${port}`]
}
