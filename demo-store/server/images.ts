/**
 * Product pictures as small SVGs, drawn from each product's shape and colours, served from the CDN host
 * (img.alicdn.com). A few hundred bytes each, so pages stay fast.
 */
import { escapeHtml } from "./html"
import type { PictureShape, Product } from "./catalog"

function shapeMarkup(shape: PictureShape, accent: string): string {
  switch (shape) {
    case "can":
      return `<rect x="70" y="60" width="100" height="130" rx="10" fill="#fff" stroke="${accent}" stroke-width="4"/><rect x="64" y="50" width="112" height="18" rx="6" fill="${accent}"/><rect x="82" y="100" width="76" height="46" rx="6" fill="${accent}" opacity=".85"/>`
    case "bottle":
      return `<rect x="100" y="40" width="40" height="26" rx="4" fill="${accent}"/><rect x="78" y="66" width="84" height="130" rx="16" fill="#fff" stroke="${accent}" stroke-width="4"/><rect x="90" y="110" width="60" height="40" rx="4" fill="${accent}" opacity=".8"/>`
    case "dropper":
      return `<rect x="108" y="30" width="24" height="40" rx="10" fill="${accent}"/><rect x="84" y="70" width="72" height="126" rx="12" fill="#fff" stroke="${accent}" stroke-width="4"/><rect x="96" y="120" width="48" height="34" rx="4" fill="${accent}" opacity=".7"/>`
    case "jar":
      return `<rect x="74" y="58" width="92" height="22" rx="6" fill="${accent}"/><rect x="66" y="80" width="108" height="112" rx="20" fill="#fff" stroke="${accent}" stroke-width="4"/><circle cx="120" cy="136" r="26" fill="${accent}" opacity=".8"/>`
    case "cake":
      return `<circle cx="120" cy="124" r="76" fill="${accent}" opacity=".85"/><circle cx="120" cy="124" r="60" fill="none" stroke="#fff" stroke-width="3" stroke-dasharray="6 6"/><rect x="96" y="110" width="48" height="28" rx="4" fill="#fff"/>`
    case "cups":
      return `<path d="M50 96h60l-8 70a8 8 0 0 1-8 7H66a8 8 0 0 1-8-7z" fill="#fff" stroke="${accent}" stroke-width="4"/><path d="M130 96h60l-8 70a8 8 0 0 1-8 7h-28a8 8 0 0 1-8-7z" fill="#fff" stroke="${accent}" stroke-width="4"/><circle cx="80" cy="128" r="12" fill="${accent}"/><circle cx="160" cy="128" r="12" fill="${accent}"/>`
    case "bag":
      return `<path d="M72 70h96l10 120a8 8 0 0 1-8 9H70a8 8 0 0 1-8-9z" fill="#fff" stroke="${accent}" stroke-width="4"/><rect x="72" y="58" width="96" height="14" rx="4" fill="${accent}"/><circle cx="104" cy="138" r="9" fill="${accent}"/><circle cx="126" cy="150" r="9" fill="${accent}"/><circle cx="136" cy="128" r="9" fill="${accent}"/>`
    case "scarf":
      return `<rect x="58" y="58" width="124" height="124" rx="6" fill="#fff" stroke="${accent}" stroke-width="4" transform="rotate(8 120 120)"/><path d="M74 150c20-30 40-30 46-10s30 20 50-16" fill="none" stroke="${accent}" stroke-width="6" stroke-linecap="round"/>`
  }
}

/** The SVG picture of a product; its English name is the accessible title. */
export function productSvg(product: Product): string {
  const { shape, color, accent } = product.picture
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 240 240" width="240" height="240" role="img">` +
    `<title>${escapeHtml(product.name.en)}</title>` +
    `<rect width="240" height="240" fill="${color}"/>${shapeMarkup(shape, accent)}` +
    (product.crossBorder ? `<rect x="8" y="8" width="64" height="24" rx="12" fill="#c8102e"/><text x="40" y="25" font-size="13" font-family="sans-serif" fill="#fff" text-anchor="middle">HK</text>` : "") +
    `</svg>`
  )
}
