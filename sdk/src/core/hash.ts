/** SHA-256 hex of a text: the noticeHash that proves which exact notice the shopper saw (PIPL-69, ISO29184-LANG). */
export async function sha256(text: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text))
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, "0")).join("")
}
