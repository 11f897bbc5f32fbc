/**
 * Checkout validation and the order book. Orders are kept in memory only and never logged; the resident ID number
 * is checked and then kept masked, because after the customs declaration nothing in the shop needs it whole.
 */
import { randomBytes } from "node:crypto"
import { cartTotalFen, type CartLine } from "./cart"
import type { Bilingual } from "./locale"

export interface Consignee {
  name: string
  mobile: string
  address: string
}

export interface Order {
  id: string
  createdAt: Date
  lines: CartLine[]
  totalFen: number
  consignee: Consignee
  /** e.g. "1101**********123X"; present only when cross-border goods were ordered. */
  idNumberMasked?: string
  /** Cross-border lines not ordered because no ID number (or no consent to it) was given; they stay in the cart. */
  leftInCart: CartLine[]
}

export type CheckoutField = "name" | "mobile" | "address" | "idNumber" | "cart"

export interface CheckoutError {
  field: CheckoutField
  message: Bilingual
}

/** Mainland mobile numbers: 11 digits starting 13–19. */
export const MOBILE_PATTERN = /^1[3-9]\d{9}$/

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const ID_CHECK_CHARACTERS = "10X98765432"

/** An 18-character resident ID number with a valid GB 11643 check character. */
export function isResidentIdNumber(value: string): boolean {
  if (!/^\d{17}[\dX]$/.test(value)) return false
  const sum = ID_WEIGHTS.reduce((total, weight, index) => total + weight * Number(value[index]), 0)
  return ID_CHECK_CHARACTERS[sum % 11] === value[17]
}

export function maskIdNumber(value: string): string {
  return `${value.slice(0, 4)}${"*".repeat(10)}${value.slice(14)}`
}

export function maskMobile(value: string): string {
  return `${value.slice(0, 3)}****${value.slice(7)}`
}

/** "张*" / "王**": the family name and a star per remaining character. */
export function maskName(value: string): string {
  const characters = [...value]
  return characters.length <= 1 ? "*" : characters[0] + "*".repeat(characters.length - 1)
}

export interface CheckoutInput {
  name: string
  mobile: string
  address: string
  idNumber: string
  /** The shopper granted both separate consents cross-border goods need (ID number, transfer to Hong Kong). */
  crossBorderConsent: boolean
}

/** Read the checkout form; trims, upper-cases the ID check character, strips spaces from the mobile number. */
export function readCheckoutForm(form: URLSearchParams): CheckoutInput {
  return {
    name: (form.get("name") ?? "").trim(),
    mobile: (form.get("mobile") ?? "").replace(/[\s-]/g, ""),
    address: (form.get("address") ?? "").trim(),
    idNumber: (form.get("idNumber") ?? "").trim().toUpperCase(),
    crossBorderConsent: form.get("crossBorderConsent") === "1"
  }
}

export type CheckoutResult = { ok: true; order: Order } | { ok: false; errors: CheckoutError[] }

/**
 * Validate a checkout and build the order. Without a valid ID number and the cross-border consents, the domestic
 * items are still ordered (PIPL-16-1) and the cross-border ones stay in the cart.
 */
export function placeOrder(input: CheckoutInput, cart: readonly CartLine[], now = new Date()): CheckoutResult {
  const errors: CheckoutError[] = []
  const nameLength = [...input.name].length
  if (nameLength < 1 || nameLength > 40) errors.push({ field: "name", message: { "zh-CN": "请填写收货人姓名（40 字以内）。", en: "Enter the consignee's name (up to 40 characters)." } })
  if (!MOBILE_PATTERN.test(input.mobile)) errors.push({ field: "mobile", message: { "zh-CN": "请填写 11 位中国大陆手机号码。", en: "Enter an 11-digit mainland China mobile number." } })
  const addressLength = [...input.address].length
  if (addressLength < 5 || addressLength > 200) errors.push({ field: "address", message: { "zh-CN": "请填写详细收货地址（5–200 字）。", en: "Enter the full delivery address (5–200 characters)." } })

  const crossBorder = cart.filter((line) => line.product.crossBorder)
  const domestic = cart.filter((line) => !line.product.crossBorder)
  const idGiven = input.crossBorderConsent && input.idNumber !== ""
  if (idGiven && !isResidentIdNumber(input.idNumber)) {
    errors.push({ field: "idNumber", message: { "zh-CN": "身份证号码格式或校验位不正确。", en: "The resident ID number's format or check character is wrong." } })
  }
  const shipCrossBorder = crossBorder.length > 0 && idGiven && isResidentIdNumber(input.idNumber)
  const lines = shipCrossBorder ? [...cart] : domestic
  if (cart.length === 0) errors.push({ field: "cart", message: { "zh-CN": "购物车是空的。", en: "Your cart is empty." } })
  else if (lines.length === 0) {
    errors.push({
      field: "idNumber",
      message: {
        "zh-CN": "购物车中只有跨境商品，清关需要身份证号码。您可以添加非跨境商品后下单。",
        en: "Your cart holds only cross-border goods, which need a resident ID number for customs. You can add domestic goods and order those."
      }
    })
  }
  if (errors.length > 0) return { ok: false, errors }

  const order: Order = {
    id: `ZX${now.toISOString().slice(0, 10).replace(/-/g, "")}${randomBytes(6).toString("hex").toUpperCase()}`,
    createdAt: now,
    lines: lines.map((line) => ({ ...line })),
    totalFen: cartTotalFen(lines),
    consignee: { name: input.name, mobile: input.mobile, address: input.address },
    leftInCart: shipCrossBorder ? [] : crossBorder.map((line) => ({ ...line }))
  }
  if (shipCrossBorder) order.idNumberMasked = maskIdNumber(input.idNumber)
  return { ok: true, order }
}

/** Orders in memory, oldest dropped beyond a cap so a long-running demo never grows without bound. */
export class OrderBook {
  private readonly orders = new Map<string, Order>()

  constructor(private readonly capacity = 1000) {}

  add(order: Order): void {
    this.orders.set(order.id, order)
    if (this.orders.size > this.capacity) {
      const oldest = this.orders.keys().next().value
      if (oldest !== undefined) this.orders.delete(oldest)
    }
  }

  get(id: string): Order | undefined {
    return this.orders.get(id)
  }
}
