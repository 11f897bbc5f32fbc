/** The shop's pages: home, product, search, cart, checkout, order confirmation, account, not found. */
import { cartTotalFen } from "../cart"
import { bestSellers, CATEGORY_NAMES, formatPrice, picturePath, PRODUCTS, type Category, type Product } from "../catalog"
import { html, type SafeHtml } from "../html"
import { pickText } from "../locale"
import { maskMobile, maskName, type CheckoutError, type CheckoutField, type CheckoutInput, type Order } from "../orders"
import type { PageContext } from "./context"
import { layout } from "./layout"

function pictureUrl(ctx: PageContext, product: Product): string {
  return ctx.vendorUrl("img.alicdn.com", picturePath(product))
}

/** The catalogue as the browser script needs it to build the personalized list (PIPL-24-2). */
function catalogData(ctx: PageContext): Array<Record<string, unknown>> {
  return PRODUCTS.map((product) => ({
    id: product.id,
    name: product.name[ctx.locale],
    price: formatPrice(product.priceFen),
    image: pictureUrl(ctx, product),
    category: product.category,
    crossBorder: product.crossBorder
  }))
}

function crossBorderBadge(ctx: PageContext, product: Product): SafeHtml | "" {
  return product.crossBorder ? html`<span class="tag tag-xb">${ctx.t("跨境 · 香港仓", "Cross-border · HK")}</span>` : ""
}

export function productCard(ctx: PageContext, product: Product): SafeHtml {
  return html`<article class="card" data-product-id="${product.id}">
  <a href="/product/${product.id}">
    <img src="${pictureUrl(ctx, product)}" alt="" width="240" height="240" loading="lazy">
    <h3>${product.name[ctx.locale]}</h3>
  </a>
  <p class="price">${formatPrice(product.priceFen)} ${crossBorderBadge(ctx, product)}</p>
</article>`
}

/**
 * Recommendations: the server renders the non-personalized best sellers everyone sees; the browser script swaps
 * in the personalized list only while `Zhiqing.allowed("personalization")` is true (PIPL-24-2, EC-18).
 */
function recommendations(ctx: PageContext): SafeHtml {
  const { t } = ctx
  return html`<section class="recs" data-recs data-recs-kind="best-sellers" aria-labelledby="recs-title">
  <div class="section-head">
    <h2 id="recs-title" data-recs-title>${t("热销商品", "Best sellers")}</h2>
    <p class="recs-note" data-recs-note>${t("非个性化推荐：所有顾客看到相同的热销榜单。", "Not personalized: every shopper sees the same best-seller list.")}</p>
    <button type="button" class="link-button" data-zhiqing-open="preferences">${t("个性化推荐设置", "Personalized recommendations settings")}</button>
  </div>
  <div class="grid" data-recs-list>${bestSellers(4).map((product) => productCard(ctx, product))}</div>
</section>`
}

export function homePage(ctx: PageContext): SafeHtml {
  const { t } = ctx
  const body = html`<section class="hero">
  <div>
    <h1>${t("全球好物，香港直邮", "Good things from around the world, shipped from Hong Kong")}</h1>
    <p>${t("跨境商品由香港保税仓发货，国内商品次日达。", "Cross-border goods ship from our Hong Kong bonded warehouse; domestic goods arrive the next day.")}</p>
    <a class="button" href="/search?category=baby">${t("逛逛母婴馆", "Browse mother & baby")}</a>
  </div>
</section>
${recommendations(ctx)}
<section aria-labelledby="all-title">
  <h2 id="all-title">${t("全部商品", "All products")}</h2>
  <div class="grid">${PRODUCTS.map((product) => productCard(ctx, product))}</div>
</section>`
  return layout(ctx, { title: t("首页", "Home"), page: "home", body, data: { catalog: catalogData(ctx) } })
}

export function productPage(ctx: PageContext, product: Product): SafeHtml {
  const { t } = ctx
  const body = html`<nav class="breadcrumb" aria-label="${t("位置", "Breadcrumb")}"><a href="/">${t("首页", "Home")}</a> › <a href="/search?category=${product.category}">${CATEGORY_NAMES[product.category][ctx.locale]}</a></nav>
<article class="product">
  <img src="${pictureUrl(ctx, product)}" alt="${product.name[ctx.locale]}" width="360" height="360">
  <div class="product-info">
    <h1>${product.name[ctx.locale]}</h1>
    <p class="price big">${formatPrice(product.priceFen)} ${crossBorderBadge(ctx, product)}</p>
    <p>${product.summary[ctx.locale]}</p>
    ${product.crossBorder
      ? html`<p class="notice">${t("跨境商品：根据海关要求，下单时需提供订购人身份证号码用于清关。", "Cross-border item: customs require the buyer's resident ID number at checkout.")}</p>`
      : html`<p class="notice">${t("国内发货，无需提供身份证号码。", "Ships within the mainland; no ID number needed.")}</p>`}
    <form method="post" action="/cart/add" class="add-to-cart" data-track="add_to_cart">
      <input type="hidden" name="productId" value="${product.id}">
      <label>${t("数量", "Quantity")} <input type="number" name="quantity" value="1" min="1" max="99"></label>
      <button type="submit" class="button">${t("加入购物车", "Add to cart")}</button>
    </form>
  </div>
</article>
${recommendations(ctx)}`
  return layout(ctx, { title: product.name[ctx.locale], page: "product", body, data: { catalog: catalogData(ctx), productId: product.id } })
}

export function searchPage(ctx: PageContext, query: string, category: Category | undefined, results: Product[]): SafeHtml {
  const { t } = ctx
  const heading = category ? CATEGORY_NAMES[category][ctx.locale] : query ? t(`“${query}”的搜索结果`, `Results for “${query}”`) : t("搜索", "Search")
  const body = html`<h1>${heading}</h1>
${results.length === 0
  ? html`<p>${t("没有找到相关商品，换个关键词试试。", "Nothing found. Try another word.")}</p>`
  : html`<section class="results" data-search-results aria-labelledby="sort-label">
  <p class="sort-label" id="sort-label" data-sort-label data-sort-kind="popularity">${t("排序：综合销量（非个性化）", "Sorted by sales (not personalized)")}</p>
  <div class="grid" data-results-list>${results.map((product) => productCard(ctx, product))}</div>
</section>`}
${recommendations(ctx)}`
  return layout(ctx, { title: heading, page: "search", body, data: { catalog: catalogData(ctx) } })
}

export function cartPage(ctx: PageContext): SafeHtml {
  const { t } = ctx
  const lines = ctx.cart
  const body =
    lines.length === 0
      ? html`<h1>${t("购物车", "Cart")}</h1><p>${t("购物车是空的。", "Your cart is empty.")} <a href="/">${t("去逛逛", "Go shopping")}</a></p>`
      : html`<h1>${t("购物车", "Cart")}</h1>
<table class="cart-table">
  <thead><tr><th scope="col">${t("商品", "Item")}</th><th scope="col">${t("单价", "Price")}</th><th scope="col">${t("数量", "Qty")}</th><th scope="col"><span class="visually-hidden">${t("操作", "Actions")}</span></th></tr></thead>
  <tbody>
  ${lines.map(
    (line) => html`<tr>
    <td><a href="/product/${line.product.id}">${line.product.name[ctx.locale]}</a> ${crossBorderBadge(ctx, line.product)}</td>
    <td>${formatPrice(line.product.priceFen)}</td>
    <td>${line.quantity}</td>
    <td><form method="post" action="/cart/remove"><input type="hidden" name="productId" value="${line.product.id}"><button type="submit" class="link-button">${t("删除", "Remove")}</button></form></td>
  </tr>`
  )}
  </tbody>
</table>
<p class="total">${t("合计", "Total")}: <strong>${formatPrice(cartTotalFen(lines))}</strong></p>
<a class="button" href="/checkout">${t("去结算", "Check out")}</a>`
  return layout(ctx, { title: t("购物车", "Cart"), page: "cart", body })
}

function fieldError(ctx: PageContext, errors: readonly CheckoutError[], field: CheckoutField): SafeHtml | "" {
  const error = errors.find((candidate) => candidate.field === field)
  return error ? html`<p class="field-error" id="error-${field}">${error.message[ctx.locale]}</p>` : ""
}

/** Checkout; the resident ID number is asked for only when cross-border goods are in the cart, and just in time. */
export function checkoutPage(ctx: PageContext, values: Partial<CheckoutInput> = {}, errors: readonly CheckoutError[] = []): SafeHtml {
  const { t } = ctx
  const lines = ctx.cart
  if (lines.length === 0) {
    return layout(ctx, { title: t("结算", "Checkout"), page: "checkout", body: html`<h1>${t("结算", "Checkout")}</h1><p>${t("购物车是空的。", "Your cart is empty.")} <a href="/">${t("去逛逛", "Go shopping")}</a></p>` })
  }
  const hasCrossBorder = lines.some((line) => line.product.crossBorder)
  const hasDomestic = lines.some((line) => !line.product.crossBorder)
  const idItem = ctx.config.separate?.find((item) => item.id === "sensitive-id-card")
  const idErrors = errors.some((error) => error.field === "idNumber")
  const invalid = (field: CheckoutField): SafeHtml | "" => (errors.some((error) => error.field === field) ? html` aria-invalid="true" aria-describedby="error-${field}"` : "")
  const body = html`<h1>${t("确认订单", "Checkout")}</h1>
${errors.length > 0 ? html`<div class="form-errors" role="alert">${t("请检查标出的内容。", "Please check the marked fields.")}</div>` : ""}
<form method="post" action="/checkout" class="checkout" data-checkout novalidate>
  <fieldset>
    <legend>${t("收货信息", "Delivery details")}</legend>
    <label for="name">${t("收货人", "Consignee name")}</label>
    <input id="name" name="name" autocomplete="name" required maxlength="40" value="${values.name ?? ""}"${invalid("name")}>
    ${fieldError(ctx, errors, "name")}
    <label for="mobile">${t("手机号码", "Mobile number")}</label>
    <input id="mobile" name="mobile" type="tel" autocomplete="tel" inputmode="numeric" required maxlength="13" placeholder="13800000000" value="${values.mobile ?? ""}"${invalid("mobile")}>
    ${fieldError(ctx, errors, "mobile")}
    <label for="address">${t("详细地址", "Full address")}</label>
    <textarea id="address" name="address" autocomplete="street-address" required maxlength="200" rows="3"${invalid("address")}>${values.address ?? ""}</textarea>
    ${fieldError(ctx, errors, "address")}
    <label for="email">${t("电子邮箱（选填，用于接收订单通知）", "Email (optional, for order updates)")}</label>
    <input id="email" name="email" type="email" autocomplete="email" maxlength="254">
  </fieldset>
  ${hasCrossBorder
    ? html`<fieldset class="id-card" data-id-card>
    <legend>${t("跨境商品清关信息", "Customs details for cross-border goods")}</legend>
    <p>${pickText(idItem?.description, ctx.locale)} ${pickText(idItem?.necessity, ctx.locale)}</p>
    <button type="button" class="button secondary" data-id-request>${t("填写身份证号码", "Enter resident ID number")}</button>
    <label for="idNumber">${t("订购人身份证号码", "Buyer's resident ID number")}</label>
    <input id="idNumber" name="idNumber" autocomplete="off" inputmode="text" maxlength="18" pattern="[0-9]{17}[0-9Xx]" disabled aria-describedby="${idErrors ? "id-status error-idNumber" : "id-status"}"${idErrors ? html` aria-invalid="true"` : ""}>
    <input type="hidden" name="crossBorderConsent" value="0" data-crossborder-consent>
    <p class="id-status" id="id-status" data-id-status aria-live="polite">${t("身份证号码属于敏感个人信息，我们会在您点击上方按钮后单独征求您的同意。", "Your resident ID number is sensitive personal information: we ask for your separate consent when you press the button above.")}</p>
    ${fieldError(ctx, errors, "idNumber")}
    ${hasDomestic
      ? html`<p class="notice">${t("如不提供身份证号码，跨境商品将保留在购物车中，其他商品照常下单。", "Without an ID number, the cross-border items stay in your cart and the other items are ordered as usual.")}</p>`
      : ""}
  </fieldset>`
    : ""}
  ${fieldError(ctx, errors, "cart")}
  <section class="summary" aria-label="${t("订单摘要", "Order summary")}">
    <ul>${lines.map((line) => html`<li>${line.product.name[ctx.locale]} × ${line.quantity} ${crossBorderBadge(ctx, line.product)}</li>`)}</ul>
    <p class="total">${t("合计", "Total")}: <strong data-order-total>${formatPrice(cartTotalFen(lines))}</strong></p>
  </section>
  <button type="submit" class="button">${t("提交订单", "Place order")}</button>
</form>`
  return layout(ctx, { title: t("结算", "Checkout"), page: "checkout", body, data: { totalFen: cartTotalFen(lines), hasCrossBorder } })
}

export function orderPage(ctx: PageContext, order: Order): SafeHtml {
  const { t } = ctx
  const body = html`<section class="confirmation" aria-labelledby="order-title">
  <h1 id="order-title">${t("订单已提交", "Order placed")}</h1>
  <p>${t("订单号", "Order number")}: <strong data-order-id>${order.id}</strong></p>
  <ul>${order.lines.map((line) => html`<li>${line.product.name[ctx.locale]} × ${line.quantity} — ${formatPrice(line.product.priceFen * line.quantity)}</li>`)}</ul>
  <p class="total">${t("实付", "Total")}: <strong>${formatPrice(order.totalFen)}</strong></p>
  <h2>${t("收货信息", "Delivery details")}</h2>
  <p>${maskName(order.consignee.name)} · ${maskMobile(order.consignee.mobile)}</p>
  ${order.idNumberMasked ? html`<p>${t("清关身份证号码", "ID number for customs")}: ${order.idNumberMasked}</p>` : ""}
  ${order.leftInCart.length > 0
    ? html`<p class="notice">${t("以下跨境商品因未提供身份证号码未下单，仍在您的购物车中：", "These cross-border items were not ordered because no ID number was given; they are still in your cart:")} ${order.leftInCart.map((line) => line.product.name[ctx.locale]).join(ctx.t("、", ", "))}</p>`
    : ""}
  <a class="button" href="/">${t("继续购物", "Continue shopping")}</a>
</section>`
  return layout(ctx, { title: t("订单已提交", "Order placed"), page: "order", body, data: { order: { id: order.id, totalFen: order.totalFen, items: order.lines.length } } })
}

export function accountPage(ctx: PageContext): SafeHtml {
  const { t } = ctx
  const purposes = ctx.config.purposes.map((purpose) => ({ id: purpose.id, title: pickText(purpose.title, ctx.locale), required: purpose.required === true }))
  const separate = (ctx.config.separate ?? []).map((item) => ({ id: item.id, title: pickText(item.title, ctx.locale) }))
  const body = html`<h1>${t("我的账户", "My account")}</h1>
<section class="privacy-choices" aria-labelledby="choices-title">
  <h2 id="choices-title">${t("我的隐私选择", "My privacy choices")}</h2>
  <p>${t("您可以随时查看、修改或撤回您的同意，撤回不影响撤回前基于同意已进行的处理。", "You can see, change or withdraw your consent at any time; withdrawing does not affect processing already done on the basis of consent.")}</p>
  <div class="button-row">
    <button type="button" class="button" data-zhiqing-open="preferences">${t("修改隐私选择", "Change my privacy choices")}</button>
    <button type="button" class="button secondary" data-zhiqing-open="rights">${t("行使个人信息权利", "Exercise my rights")}</button>
  </div>
  <div data-consent-state aria-live="polite"><p>${t("正在读取您的选择…", "Reading your choices…")}</p></div>
  <p><button type="button" class="link-button" data-clear-history>${t("清除本机的浏览记录", "Clear my browsing history on this device")}</button></p>
</section>
<section aria-labelledby="rights-title">
  <h2 id="rights-title">${t("您的权利", "Your rights")}</h2>
  <p>${t("您有权查阅、复制、转移、更正、补充、删除您的个人信息，要求解释处理规则，以及注销账号。点击“行使个人信息权利”提交申请，我们将在 15 个工作日内答复。", "You may access, copy, transfer, correct, supplement and delete your personal information, ask us to explain our rules, and close your account. Press “Exercise my rights” to send a request; we answer within 15 working days.")}</p>
  <p><a href="/privacy">${t("阅读完整隐私政策", "Read the full privacy policy")}</a></p>
</section>`
  return layout(ctx, { title: t("我的账户", "My account"), page: "account", body, data: { purposes, separate } })
}

export function notFoundPage(ctx: PageContext): SafeHtml {
  const { t } = ctx
  return layout(ctx, {
    title: t("页面不存在", "Page not found"),
    page: "not-found",
    body: html`<h1>${t("页面不存在", "Page not found")}</h1><p><a href="/">${t("返回首页", "Back to the home page")}</a></p>`
  })
}
