/** Saving an export from an extension page: a Blob behind a temporary `<a download>`, clicked once. */

/** Offer `text` as a file named `filename`. */
export function downloadText(filename: string, text: string, mimeType: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: mimeType }))
  const link = document.createElement("a")
  link.href = url
  link.download = filename
  link.style.display = "none"
  document.body.append(link)
  link.click()
  link.remove()
  // The download reads the Blob after the click returns; revoking at once can cancel it.
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

/** A file name for an export of the page at `pageUrl`, e.g. "zhiqing-shop.example.cn-20261125T080000.har". */
export function exportFileName(pageUrl: string, generatedAt: string, extension: string): string {
  let host = "page"
  try {
    host = new URL(pageUrl).hostname || host
  } catch {
    // A report of a page without a URL keeps the generic name.
  }
  const stamp = generatedAt.replace(/\.\d+Z$/, "").replace(/[-:]/g, "")
  return `zhiqing-${host.replace(/[^a-z0-9.-]/gi, "_")}-${stamp.replace(/[^0-9T]/g, "")}.${extension}`
}
