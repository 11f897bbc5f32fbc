/**
 * The cart lives in a first-party cookie (the `necessary` purpose: the shop cannot sell without it), so the server
 * renders the cart and checkout without any other storage.
 */
import { productById, type Product } from "./catalog"

export const CART_COOKIE = "zx_cart"
export const MAX_QUANTITY = 99

export interface CartLine {
  product: Product
  quantity: number
}

/** Read the cart cookie ("id:qty,id:qty"); unknown products and bad quantities are dropped, never thrown on. */
export function parseCart(value: string | undefined): CartLine[] {
  const lines: CartLine[] = []
  for (const entry of (value ?? "").split(",")) {
    const [id = "", count = ""] = entry.split(":")
    const product = productById(id)
    const quantity = Number(count)
    if (!product || !Number.isInteger(quantity) || quantity < 1) continue
    const existing = lines.find((line) => line.product.id === id)
    if (existing) existing.quantity = Math.min(MAX_QUANTITY, existing.quantity + quantity)
    else lines.push({ product, quantity: Math.min(MAX_QUANTITY, quantity) })
  }
  return lines
}

export function serializeCart(lines: readonly CartLine[]): string {
  return lines.map((line) => `${line.product.id}:${line.quantity}`).join(",")
}

/** Add `quantity` of a product (capped at {@link MAX_QUANTITY}); returns a new cart. */
export function addToCart(lines: readonly CartLine[], product: Product, quantity: number): CartLine[] {
  const count = Number.isInteger(quantity) && quantity > 0 ? quantity : 1
  const existing = lines.find((line) => line.product.id === product.id)
  if (!existing) return [...lines, { product, quantity: Math.min(MAX_QUANTITY, count) }]
  return lines.map((line) => (line === existing ? { product, quantity: Math.min(MAX_QUANTITY, line.quantity + count) } : line))
}

export function removeFromCart(lines: readonly CartLine[], productId: string): CartLine[] {
  return lines.filter((line) => line.product.id !== productId)
}

export function cartTotalFen(lines: readonly CartLine[]): number {
  return lines.reduce((sum, line) => sum + line.product.priceFen * line.quantity, 0)
}

export function cartCount(lines: readonly CartLine[]): number {
  return lines.reduce((sum, line) => sum + line.quantity, 0)
}
