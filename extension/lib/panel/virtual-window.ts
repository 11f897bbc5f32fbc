/** Which rows of a long, fixed-row-height list are on screen, so only those (and a few around them) are rendered. */

/** The scroll position and sizes a window is computed from, in pixels. */
export interface ScrollMetrics {
  scrollTop: number
  viewportHeight: number
  rowHeight: number
  count: number
  /** Rows rendered beyond each edge, so a fast scroll shows no blank strip. */
  overscan?: number
}

/** The slice of rows to render and where it sits. */
export interface VisibleWindow {
  /** First row to render (inclusive). */
  start: number
  /** Row after the last to render (exclusive). */
  end: number
  /** Pixels from the list's top to the first rendered row. */
  offsetTop: number
  /** Height of the whole list, so the scrollbar is true. */
  totalHeight: number
}

/** The rows to render for a scroll position; an empty window for an empty list or a zero row height. */
export function visibleWindow({ scrollTop, viewportHeight, rowHeight, count, overscan = 8 }: ScrollMetrics): VisibleWindow {
  if (count <= 0 || rowHeight <= 0) return { start: 0, end: 0, offsetTop: 0, totalHeight: 0 }
  const totalHeight = count * rowHeight
  const top = Math.min(Math.max(scrollTop, 0), Math.max(totalHeight - viewportHeight, 0))
  const first = Math.floor(top / rowHeight)
  const visible = Math.ceil(Math.max(viewportHeight, 0) / rowHeight) + 1
  const start = Math.max(first - overscan, 0)
  const end = Math.min(first + visible + overscan, count)
  return { start, end, offsetTop: start * rowHeight, totalHeight }
}

/** The scrollTop that brings row `index` fully into view, or the current one when it already is. */
export function scrollToReveal(index: number, { scrollTop, viewportHeight, rowHeight }: Omit<ScrollMetrics, "count" | "overscan">): number {
  const top = index * rowHeight
  if (top < scrollTop) return top
  if (top + rowHeight > scrollTop + viewportHeight) return top + rowHeight - viewportHeight
  return scrollTop
}
