import { describe, expect, it } from "vitest"
import { addToCart, parseCart, serializeCart } from "./cart"
import { productById, type Product } from "./catalog"
import { isResidentIdNumber, maskIdNumber, maskMobile, maskName, OrderBook, placeOrder, readCheckoutForm } from "./orders"

function product(id: string): Product {
  const found = productById(id)
  if (!found) throw new Error(`no product ${id}`)
  return found
}

const crossBorder = product("a2-toddler-formula")
const domestic = product("yunnan-puer-cake")
const delivery = { name: "张三", mobile: "13812345678", address: "上海市浦东新区世纪大道100号" }

describe("cart cookie", () => {
  it("round-trips, merges repeats and drops unknown products and bad quantities", () => {
    const cart = addToCart(addToCart([], crossBorder, 2), domestic, 1)
    expect(parseCart(serializeCart(cart))).toEqual(cart)
    expect(parseCart("a2-toddler-formula:1,a2-toddler-formula:2,nope:3,yunnan-puer-cake:-1,yunnan-puer-cake:x")).toEqual([{ product: crossBorder, quantity: 3 }])
    expect(parseCart("a2-toddler-formula:1000")[0]?.quantity).toBe(99)
    expect(parseCart(undefined)).toEqual([])
  })
})

describe("checkout", () => {
  it("checks the resident ID number's check character (GB 11643)", () => {
    expect(isResidentIdNumber("11010519491231002X")).toBe(true)
    expect(isResidentIdNumber("110105194912310021")).toBe(false)
    expect(isResidentIdNumber("11010519491231002")).toBe(false)
  })

  it("masks what the confirmation shows", () => {
    expect(maskIdNumber("11010519491231002X")).toBe("1101**********002X")
    expect(maskMobile("13812345678")).toBe("138****5678")
    expect(maskName("欧阳娜娜")).toBe("欧***")
  })

  it("PIPL-16-1: without the ID number the domestic items are ordered and the cross-border ones stay in the cart", () => {
    const cart = addToCart(addToCart([], crossBorder, 1), domestic, 2)
    const result = placeOrder({ ...delivery, idNumber: "", crossBorderConsent: false }, cart)
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.order.lines.map((line) => line.product.id)).toEqual([domestic.id])
    expect(result.order.totalFen).toBe(domestic.priceFen * 2)
    expect(result.order.leftInCart.map((line) => line.product.id)).toEqual([crossBorder.id])
    expect(result.order.idNumberMasked).toBeUndefined()
  })

  it("orders cross-border goods with a valid ID number and consent, keeping the number masked", () => {
    const result = placeOrder({ ...delivery, idNumber: "11010519491231002X", crossBorderConsent: true }, [{ product: crossBorder, quantity: 1 }])
    expect(result.ok && result.order.idNumberMasked).toBe("1101**********002X")
    expect(JSON.stringify(result)).not.toContain("11010519491231002X")
  })

  it("ignores an ID number sent without the separate consent (PIPL-29)", () => {
    const result = placeOrder({ ...delivery, idNumber: "11010519491231002X", crossBorderConsent: false }, [{ product: crossBorder, quantity: 1 }, { product: domestic, quantity: 1 }])
    expect(result.ok && result.order.lines.map((line) => line.product.id)).toEqual([domestic.id])
  })

  it("names every bad field in both languages", () => {
    const result = placeOrder({ name: "", mobile: "12345", address: "短", idNumber: "123", crossBorderConsent: true }, [{ product: crossBorder, quantity: 1 }])
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.errors.map((error) => error.field).sort()).toEqual(["address", "idNumber", "idNumber", "mobile", "name"])
    for (const error of result.errors) expect(error.message.en.length * error.message["zh-CN"].length).toBeGreaterThan(0)
  })

  it("refuses an empty cart", () => {
    const result = placeOrder({ ...delivery, idNumber: "", crossBorderConsent: false }, [])
    expect(!result.ok && result.errors.map((error) => error.field)).toEqual(["cart"])
  })

  it("reads the form leniently: spaces in the mobile number, a lower-case check character", () => {
    const input = readCheckoutForm(new URLSearchParams({ name: " 李四 ", mobile: "138 1234 5678", address: "x", idNumber: "11010519491231002x", crossBorderConsent: "1" }))
    expect(input).toMatchObject({ name: "李四", mobile: "13812345678", idNumber: "11010519491231002X", crossBorderConsent: true })
  })

  it("keeps a bounded number of orders in memory", () => {
    const book = new OrderBook(2)
    const orders = [1, 2, 3].map(() => {
      const result = placeOrder({ ...delivery, idNumber: "", crossBorderConsent: false }, [{ product: domestic, quantity: 1 }])
      if (!result.ok) throw new Error("order refused")
      book.add(result.order)
      return result.order
    })
    expect(book.get(orders[0]!.id)).toBeUndefined()
    expect(book.get(orders[2]!.id)).toBe(orders[2])
  })
})
