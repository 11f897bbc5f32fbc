/** How each kind of personal information is shown in a report: enough to recognise, never enough to recover. */
import type { PiKind } from "../report"

function stars(count: number): string {
  return "*".repeat(Math.max(count, 1))
}

function keepEnds(value: string, head: number, tail: number): string {
  if (value.length <= head + tail) return value.slice(0, Math.min(1, value.length)) + stars(value.length - 1)
  return value.slice(0, head) + stars(value.length - head - tail) + value.slice(value.length - tail)
}

/** A masked rendering of `value` as personal information of `kind`, e.g. a phone as `138****5678`. */
export function maskPi(kind: PiKind, value: string): string {
  const text = value.trim()
  switch (kind) {
    case "phone": {
      const digits = text.replace(/\D/g, "").slice(-11)
      return keepEnds(digits, 3, 4)
    }
    case "id-card":
      return keepEnds(text, 2, 2)
    case "bank-card":
      return keepEnds(text.replace(/\D/g, ""), 4, 4)
    case "email": {
      const at = text.lastIndexOf("@")
      if (at < 1) return stars(text.length)
      return `${text[0]}***@${text.slice(at + 1)}`
    }
    case "location":
      // One decimal place is a city district at most, which is what a reader needs to see that a position was sent.
      return text.replace(/(\d+\.\d)\d+/g, "$1*")
    case "name":
    case "address":
      return [...text].slice(0, kind === "name" ? 1 : 3).join("") + "**"
  }
}
