/** A scrolling list of fixed-height rows that renders only the rows on screen, so 10,000 rows scroll smoothly. */
import type { ComponentChildren } from "preact"
import { useEffect, useLayoutEffect, useRef, useState } from "preact/hooks"
import { scrollToReveal, visibleWindow } from "./virtual-window"

export interface VirtualListProps<T> {
  items: readonly T[]
  /** Height of every row in pixels. */
  rowHeight: number
  renderItem(item: T, index: number): ComponentChildren
  itemKey(item: T, index: number): string | number
  /** Accessible name of the list. */
  label: string
  /** Keep this row in view when it changes (the selected row, moved by keyboard). */
  revealIndex?: number
  /** Viewport height used until the element has been measured, and where there is no layout. */
  fallbackHeight?: number
  onKeyDown?(event: KeyboardEvent): void
}

/** The list; only the rows in (and just around) the viewport are in the DOM. */
export function VirtualList<T>({ items, rowHeight, renderItem, itemKey, label, revealIndex, fallbackHeight = 600, onKeyDown }: VirtualListProps<T>) {
  const viewport = useRef<HTMLDivElement>(null)
  const [scrollTop, setScrollTop] = useState(0)
  const [viewportHeight, setViewportHeight] = useState(fallbackHeight)

  useLayoutEffect(() => {
    const element = viewport.current
    if (!element) return
    const measure = (): void => setViewportHeight(element.clientHeight || fallbackHeight)
    measure()
    if (typeof ResizeObserver === "undefined") {
      window.addEventListener("resize", measure)
      return () => window.removeEventListener("resize", measure)
    }
    const observer = new ResizeObserver(measure)
    observer.observe(element)
    return () => observer.disconnect()
  }, [fallbackHeight])

  useEffect(() => {
    const element = viewport.current
    if (!element || revealIndex === undefined || revealIndex < 0) return
    const next = scrollToReveal(revealIndex, { scrollTop: element.scrollTop, viewportHeight, rowHeight })
    if (next !== element.scrollTop) {
      element.scrollTop = next
      setScrollTop(next)
    }
  }, [revealIndex, rowHeight, viewportHeight])

  const { start, end, offsetTop, totalHeight } = visibleWindow({ scrollTop, viewportHeight, rowHeight, count: items.length })
  return (
    <div ref={viewport} class="vlist" role="list" aria-label={label} onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)} onKeyDown={onKeyDown}>
      <div style={{ height: `${totalHeight}px`, position: "relative" }}>
        <div style={{ transform: `translateY(${offsetTop}px)` }}>
          {items.slice(start, end).map((item, offset) => (
            <div role="listitem" key={itemKey(item, start + offset)} style={{ height: `${rowHeight}px` }} data-index={start + offset}>
              {renderItem(item, start + offset)}
            </div>
          ))}
        </div>
      </div>
    </div>
  )
}
