/** Times as the panel shows them: the browser's local clock to the millisecond, which is what a developer compares. */

const pad = (value: number, width = 2): string => String(value).padStart(width, "0")

/** "08:00:00.200" in local time; "—" for an unknown time. */
export function formatTime(time: number): string {
  const date = new Date(time)
  if (!Number.isFinite(time) || Number.isNaN(date.getTime())) return "—"
  return `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}.${pad(date.getMilliseconds(), 3)}`
}
