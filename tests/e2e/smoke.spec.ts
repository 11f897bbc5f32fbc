import { expect, test } from "../fixtures"

test("the demo store serves its home page with the built SDK bundle", async ({ page, server }) => {
  const bundle = page.waitForResponse((response) => new URL(response.url()).pathname === "/zhiqing.js")
  await page.goto(server.origin + "/")
  expect((await bundle).status()).toBe(200)
  await expect.poll(() => page.evaluate(() => typeof (window as { Zhiqing?: unknown }).Zhiqing)).toBe("object")
})

test("every hostname reaches the local test server, so no request leaves loopback", async ({ page, server }) => {
  const response = await page.goto("http://hm.baidu.com/hm.js?demo")
  expect(response?.status()).toBe(200)
  expect(await response?.serverAddr()).toEqual({ ipAddress: "127.0.0.1", port: server.port })
})

test("the extension's service worker starts and its popup opens", async ({ extension }) => {
  expect(extension.id).toMatch(/^[a-p]{32}$/)
  const popup = await extension.open("popup.html")
  await expect(popup.locator("body")).not.toBeEmpty()
})
