/**
 * The demo store's products. Cross-border items ship from the Hong Kong bonded warehouse and need the buyer's
 * resident ID number for customs; domestic items ship from the mainland and need nothing sensitive.
 */
import type { Bilingual } from "./locale"

export type Category = "baby" | "beauty" | "food" | "health" | "home"

/** How a product's picture is drawn (see images.ts). */
export type PictureShape = "can" | "bottle" | "jar" | "dropper" | "cake" | "cups" | "bag" | "scarf"

export interface Product {
  id: string
  name: Bilingual
  summary: Bilingual
  /** Price in fen (1/100 yuan), so sums stay exact. */
  priceFen: number
  category: Category
  crossBorder: boolean
  /** Units sold in the last 30 days: the order of the non-personalized "best sellers" list. */
  monthlySales: number
  picture: { shape: PictureShape; color: string; accent: string }
}

export const CATEGORY_NAMES: Record<Category, Bilingual> = {
  baby: { "zh-CN": "母婴", en: "Mother & baby" },
  beauty: { "zh-CN": "美妆个护", en: "Beauty" },
  food: { "zh-CN": "食品生鲜", en: "Food" },
  health: { "zh-CN": "营养保健", en: "Health" },
  home: { "zh-CN": "家居生活", en: "Home" }
}

export const PRODUCTS: readonly Product[] = [
  {
    id: "a2-toddler-formula",
    name: { "zh-CN": "澳洲进口 A2 蛋白幼儿配方奶粉 3段 900g", en: "Australian A2-protein toddler formula, stage 3, 900 g" },
    summary: {
      "zh-CN": "澳洲原装进口，香港保税仓直发，适合 1–3 岁幼儿。",
      en: "Imported from Australia and shipped from our Hong Kong bonded warehouse. For ages 1–3."
    },
    priceFen: 23900,
    category: "baby",
    crossBorder: true,
    monthlySales: 5320,
    picture: { shape: "can", color: "#f4e9d8", accent: "#c8102e" }
  },
  {
    id: "hyaluronic-serum",
    name: { "zh-CN": "日本进口 玻尿酸保湿精华液 50ml", en: "Japanese hyaluronic moisturising serum, 50 ml" },
    summary: { "zh-CN": "清爽不黏腻，敏感肌可用。跨境直邮。", en: "Light, non-sticky, suits sensitive skin. Shipped cross-border." },
    priceFen: 18900,
    category: "beauty",
    crossBorder: true,
    monthlySales: 4110,
    picture: { shape: "dropper", color: "#e8f1fb", accent: "#2a6fdb" }
  },
  {
    id: "manuka-honey-umf10",
    name: { "zh-CN": "新西兰 麦卢卡蜂蜜 UMF10+ 250g", en: "New Zealand mānuka honey UMF 10+, 250 g" },
    summary: { "zh-CN": "新西兰原装，独立 UMF 认证。跨境直邮。", en: "Packed in New Zealand with independent UMF grading. Shipped cross-border." },
    priceFen: 32900,
    category: "food",
    crossBorder: true,
    monthlySales: 1870,
    picture: { shape: "jar", color: "#fff4d6", accent: "#d98e04" }
  },
  {
    id: "kids-probiotic-drops",
    name: { "zh-CN": "德国 儿童益生菌滴剂 10ml", en: "German children's probiotic drops, 10 ml" },
    summary: { "zh-CN": "德国原装进口，每日 5 滴。跨境直邮。", en: "Imported from Germany; five drops a day. Shipped cross-border." },
    priceFen: 15800,
    category: "health",
    crossBorder: true,
    monthlySales: 2290,
    picture: { shape: "bottle", color: "#eaf6ee", accent: "#1e8c4e" }
  },
  {
    id: "yunnan-puer-cake",
    name: { "zh-CN": "云南 普洱熟茶饼 357g", en: "Yunnan ripe pu-erh tea cake, 357 g" },
    summary: { "zh-CN": "勐海产区，2019 年压制，醇厚回甘。", en: "From Menghai, pressed in 2019; smooth and mellow." },
    priceFen: 12800,
    category: "food",
    crossBorder: false,
    monthlySales: 3480,
    picture: { shape: "cake", color: "#f3ebe2", accent: "#7a4a21" }
  },
  {
    id: "jingdezhen-teacups",
    name: { "zh-CN": "景德镇 手绘青花瓷茶杯 两只装", en: "Jingdezhen hand-painted blue-and-white teacups, set of 2" },
    summary: { "zh-CN": "景德镇匠人手绘，每只略有不同。", en: "Painted by hand in Jingdezhen; no two are quite alike." },
    priceFen: 9900,
    category: "home",
    crossBorder: false,
    monthlySales: 1260,
    picture: { shape: "cups", color: "#eef3fb", accent: "#1f4e9c" }
  },
  {
    id: "ningxia-goji",
    name: { "zh-CN": "宁夏 特级枸杞 500g", en: "Ningxia premium goji berries, 500 g" },
    summary: { "zh-CN": "中宁原产，颗粒饱满，免洗即食。", en: "Grown in Zhongning; plump berries, ready to eat." },
    priceFen: 5990,
    category: "health",
    crossBorder: false,
    monthlySales: 6150,
    picture: { shape: "bag", color: "#fde9e4", accent: "#d2381c" }
  },
  {
    id: "hangzhou-silk-scarf",
    name: { "zh-CN": "杭州 真丝印花方巾 90×90cm", en: "Hangzhou printed mulberry-silk scarf, 90 × 90 cm" },
    summary: { "zh-CN": "16 姆米桑蚕丝，西湖山水印花。", en: "16-momme mulberry silk printed with West Lake scenery." },
    priceFen: 26800,
    category: "home",
    crossBorder: false,
    monthlySales: 980,
    picture: { shape: "scarf", color: "#f6eef8", accent: "#8a3d9c" }
  }
]

export function productById(id: string): Product | undefined {
  return PRODUCTS.find((product) => product.id === id)
}

/** "¥239.00" */
export function formatPrice(fen: number): string {
  return `¥${(fen / 100).toFixed(2)}`
}

/** The non-personalized list: everyone sees the same best sellers (PIPL-24-2). */
export function bestSellers(limit = 4): Product[] {
  return [...PRODUCTS].sort((a, b) => b.monthlySales - a.monthlySales).slice(0, limit)
}

/** Products whose name, summary or category contains every word of the query, in either language. */
export function searchProducts(query: string): Product[] {
  const words = query.trim().toLowerCase().split(/\s+/).filter(Boolean)
  if (words.length === 0) return []
  const matches = PRODUCTS.filter((product) => {
    const text = [product.name["zh-CN"], product.name.en, product.summary["zh-CN"], product.summary.en, ...Object.values(CATEGORY_NAMES[product.category])]
      .join(" ")
      .toLowerCase()
    return words.every((word) => text.includes(word))
  })
  return matches.sort((a, b) => b.monthlySales - a.monthlySales)
}

/** Product picture path on the CDN host. */
export function picturePath(product: Product): string {
  return `/imgextra/zhixuan/${product.id}.svg`
}
