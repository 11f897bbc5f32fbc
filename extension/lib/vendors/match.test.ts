import { describe, expect, it } from "vitest"
import { addressScope, basisConfidence, cloudRegionOf, countryForHost, destinationOf, outsideMainland } from "./country"
import { parentDomainCountry, vendorById, vendorForCookie, vendorForGlobal, vendorForHost, vendorForUrl } from "./match"

const idOf = (url: string) => vendorForUrl(url)?.vendor.id

/** Hosts seen on storefronts, the unnamed ones first, and the vendor each belongs to. */
const HOSTS: Array<[string, string]> = [
  ["us.i.posthog.com", "posthog"],
  ["eu-assets.i.posthog.com", "posthog"],
  ["shop-prod.cn-hangzhou.log.aliyuncs.com", "aliyun-sls"],
  ["weblog.ap-southeast-1.log.aliyuncs.com", "aliyun-sls"],
  ["qzs.gdtimg.com", "tencent-ads"],
  ["i.gdtimg.com", "tencent-ads"],
  ["aegis.qq.com", "tencent-aegis"],
  ["rumt-zh.com", "tencent-aegis"],
  ["umini.shujupie.com", "cnzz-umeng"],
  ["ulogs.umeng.com", "cnzz-umeng"],
  ["lf-cdn.volccdn.com", "volcengine-cdn"],
  ["tos-cn-beijing.volces.com", "volcengine-cdn"],
  ["gator.volces.com", "volcengine-datafinder"],
  ["v.admaster.com.cn", "admaster"],
  ["browser-intake-datadoghq.com", "datadog"],
  ["rum.browser-intake-datadoghq.eu", "datadog"],
  ["js.hs-scripts.com", "hubspot"],
  ["track.hubspot.com", "hubspot"],
  ["cdn.heapanalytics.com", "heap"],
  ["sc-static.net", "snap-pixel"],
  ["tr.snapchat.com", "snap-pixel"],
  ["www.redditstatic.com", "reddit-pixel"],
  ["alb.reddit.com", "reddit-pixel"],
  ["cdn.mouseflow.com", "mouseflow"],
  ["o2.mouseflow.com", "mouseflow"],
  ["cdn.taboola.com", "taboola"],
  ["trc.taboola.com", "taboola"],
  // Chinese storefront hosts
  ["hm.baidu.com", "baidu-tongji"],
  ["s4.cnzz.com", "cnzz-umeng"],
  ["log.mmstat.com", "alibaba-aplus"],
  ["g.alicdn.com", "alicdn"],
  ["arms-retcode.aliyuncs.com", "aliyun-arms"],
  ["oss-cn-shanghai.aliyuncs.com", "aliyun-cloud"],
  ["pingjs.qq.com", "tencent-analytics"],
  ["otheve.beacon.qq.com", "tencent-beacon"],
  ["res.wx.qq.com", "wechat-jssdk"],
  ["open.weixin.qq.com", "wechat-login"],
  ["turing.captcha.gtimg.com", "tencent-captcha"],
  ["mat1.gtimg.com", "gtimg"],
  ["static.geetest.com", "geetest"],
  ["c.dun.163.com", "netease-yidun"],
  ["analytics.oceanengine.com", "ocean-engine"],
  ["lf3-cdn-tos.bytegoofy.com", "bytedance-static"],
  ["static.sensorsdata.cn", "sensors-data"],
  ["assets.giocdn.com", "growingio"],
  ["webapi.amap.com", "amap"],
  ["api.map.baidu.com", "baidu-map"],
  ["gateway.95516.com", "unionpay"],
  ["mapi.alipay.com", "alipay"],
  ["openauth.alipay.com", "alipay-login"],
  ["qiyukf.com", "qiyu"],
  ["static.meiqia.com", "meiqia"],
  ["img14.360buyimg.com", "jd-static"],
  ["bucket.cos.ap-guangzhou.myqcloud.com", "tencent-cloud"],
  ["ap-shanghai.cls.tencentcs.com", "tencent-cls"],
  ["s3.cn-north-1.amazonaws.com.cn", "aws-china"],
  // Global hosts
  ["www.googletagmanager.com", "google-analytics"],
  ["region1.google-analytics.com", "google-analytics"],
  ["googleads.g.doubleclick.net", "google-ads"],
  ["connect.facebook.net", "meta-pixel"],
  ["analytics.tiktok.com", "tiktok-pixel"],
  ["www.tiktok.com", "tiktok-embed"],
  ["www.clarity.ms", "microsoft-clarity"],
  ["static.hotjar.com", "hotjar"],
  ["edge.fullstory.com", "fullstory"],
  ["api-js.mixpanel.com", "mixpanel"],
  ["cdn.segment.com", "segment"],
  ["o4504.ingest.sentry.io", "sentry"],
  ["bam.nr-data.net", "new-relic"],
  ["js.stripe.com", "stripe"],
  ["www.paypalobjects.com", "paypal"],
  ["widget.intercom.io", "intercom"],
  ["static.zdassets.com", "zendesk"],
  ["maps.googleapis.com", "google-maps"],
  ["api.mapbox.com", "mapbox"],
  ["js.hcaptcha.com", "hcaptcha"],
  ["challenges.cloudflare.com", "cloudflare-turnstile"],
  ["cdnjs.cloudflare.com", "cdnjs"],
  ["appleid.cdn-apple.com", "apple-sign-in"],
  ["accounts.google.com", "google-sign-in"],
  ["cdn.jsdelivr.net", "jsdelivr"],
  ["d1234.cloudfront.net", "amazon-cloudfront"],
  ["mybucket.s3.ap-southeast-1.amazonaws.com", "amazon-s3"],
  ["assets.adobedtm.com", "adobe-launch"],
  ["smetrics.omtrdc.net", "adobe-analytics"],
  ["api2.branch.io", "branch"],
  ["wa.appsflyer.com", "appsflyer"],
  ["client.crisp.chat", "crisp"],
  ["embed.tawk.to", "tawk"],
  ["static.klaviyo.com", "klaviyo"],
  ["cdn.cookielaw.org", "onetrust"],
  ["wcs.naver.net", "naver-analytics"],
  ["tr.line.me", "line-tag"],
  ["mc.yandex.ru", "yandex-metrica"],
  ["rumt-sg.com", "tencent-rum-overseas"]
]

describe("recognising vendors", () => {
  it.each(HOSTS)("recognises %s as %s", (host, id) => {
    expect(vendorForHost(host)?.id).toBe(id)
  })

  it("matches hosts on label boundaries, the most specific domain winning", () => {
    expect(vendorForHost("www.baidu.com")).toBeUndefined()
    expect(vendorForHost("zhixuan.datasink.sensorsdata.cn")?.id).toBe("sensors-data")
    expect(vendorForHost("img.alicdn.com")?.id).toBe("alicdn")
    expect(vendorForHost("retcode.alicdn.com")?.id).toBe("aliyun-arms")
    expect(vendorForHost("notalicdn.com")).toBeUndefined()
    expect(vendorForHost("alicdn.com.evil.example")).toBeUndefined()
    expect(vendorForHost("HM.Baidu.COM.")?.id).toBe("baidu-tongji")
    expect(vendorForHost("hm.baidu.com.localhost")?.id).toBe("baidu-tongji")
    expect(vendorForHost("")).toBeUndefined()
    expect(vendorForHost("com")).toBeUndefined()
  })

  it("recognises endpoints by path on any host, the shop's own included", () => {
    expect(vendorForUrl("https://www.shop.cn/hm.js?abc")).toEqual({ vendor: vendorById("baidu-tongji"), by: "path" })
    expect(idOf("https://sa.shop.cn/sa?project=default")).toBe("sensors-data")
    expect(idOf("https://sa.shop.cn/sa")).toBeUndefined()
    expect(idOf("https://metrics.shop.cn/g/collect?v=2")).toBe("google-analytics")
    // Matomo's endpoints on the shop's own host are a self-hosted install, not InnoCraft's cloud.
    expect(idOf("https://stats.shop.cn/matomo.php?idsite=1")).toBeUndefined()
    expect(idOf("https://shop.matomo.cloud/matomo.php?idsite=1")).toBe("matomo-cloud")
    expect(idOf("https://www.shop.cn/_vercel/insights/view")).toBe("vercel-analytics")
    expect(idOf("https://www.facebook.com/tr?id=1")).toBe("meta-pixel")
    expect(idOf("https://www.shop.cn/tr?id=1")).toBeUndefined()
    expect(idOf("https://www.shop.cn/cart")).toBeUndefined()
    expect(idOf("not a url")).toBeUndefined()
  })

  it("lets an endpoint on a named domain beat that domain's own vendor", () => {
    expect(vendorForUrl("https://g.alicdn.com/AWSC/AWSC/awsc.js")).toEqual({ vendor: vendorById("aliyun-captcha"), by: "host" })
    expect(idOf("https://g.alicdn.com/mtb/lib-mtop.js")).toBe("alicdn")
    expect(idOf("https://cdn-go.cn/aegis/aegis-sdk/latest/aegis.min.js")).toBe("tencent-aegis")
    expect(idOf("https://cdn-go.cn/other/lib.js")).toBe("gtimg")
  })

  it("recognises cookies by name pattern and scripts by global", () => {
    expect(vendorForCookie("Hm_lvt_6a2f1c7e")?.id).toBe("baidu-tongji")
    expect(vendorForCookie("HMACCOUNT")?.id).toBe("baidu-tongji")
    expect(vendorForCookie("_ga_ZX7Q2D4K9P")?.id).toBe("google-analytics")
    expect(vendorForCookie("_ga")?.id).toBe("google-analytics")
    expect(vendorForCookie("_hjSessionUser_3861742")?.id).toBe("hotjar")
    expect(vendorForCookie("ph_phc_abc_posthog")?.id).toBe("posthog")
    expect(vendorForCookie("_dd_s")?.id).toBe("datadog")
    expect(vendorForCookie("_gax")).toBeUndefined()
    expect(vendorForCookie("session")).toBeUndefined()
    expect(vendorForGlobal("sensorsDataAnalytic201505")?.id).toBe("sensors-data")
    expect(vendorForGlobal("fbq")?.id).toBe("meta-pixel")
    expect(vendorForGlobal("Aegis")?.id).toBe("tencent-aegis")
    expect(vendorForGlobal("jQuery")).toBeUndefined()
  })
})

describe("destinations (PIPL-39)", () => {
  it("takes the catalog vendor's country as known", () => {
    expect(destinationOf("in.hotjar.com", vendorById("hotjar"))).toEqual({ country: "MT", basis: "catalog" })
    expect(destinationOf("us.i.posthog.com", vendorForHost("us.i.posthog.com"))).toEqual({ country: "US", basis: "catalog" })
    expect(basisConfidence("catalog")).toBe("known")
  })

  it("takes the cloud region a catalog cloud host names over the company's country", () => {
    const sls = vendorById("aliyun-sls")
    expect(destinationOf("shop.cn-hangzhou.log.aliyuncs.com", sls)).toEqual({ country: "CN", basis: "cloud-region", detail: "cn-hangzhou" })
    expect(destinationOf("shop.ap-southeast-1.log.aliyuncs.com", sls)).toEqual({ country: "SG", basis: "cloud-region", detail: "ap-southeast-1" })
    expect(destinationOf("shop.cn-hongkong.log.aliyuncs.com", sls)).toMatchObject({ country: "HK" })
    expect(destinationOf("bucket.oss-us-west-1.aliyuncs.com", vendorById("aliyun-cloud"))).toMatchObject({ country: "US", detail: "us-west-1" })
    expect(destinationOf("b-125.cos.ap-singapore.myqcloud.com", vendorById("tencent-cloud"))).toMatchObject({ country: "SG" })
    expect(destinationOf("b-125.cos.ap-guangzhou.myqcloud.com", vendorById("tencent-cloud"))).toMatchObject({ country: "CN" })
    expect(destinationOf("b.s3.eu-central-1.amazonaws.com", vendorById("amazon-s3"))).toMatchObject({ country: "DE" })
    // A customer's name that looks like a region does not outweigh the region label beside the cloud's domain.
    expect(cloudRegionOf("logs-ap-southeast-1.cn-beijing.log.aliyuncs.com", "aliyun")).toEqual({ region: "cn-beijing", country: "CN" })
    expect(destinationOf("arms-retcode.aliyuncs.com", vendorById("aliyun-arms"))).toEqual({ country: "CN", basis: "catalog" })
    expect(basisConfidence("cloud-region")).toBe("known")
  })

  it("judges an unknown host by a catalog company's parent domain, as likely", () => {
    expect(parentDomainCountry("www.baidu.com")).toEqual({ domain: "baidu.com", country: "CN" })
    expect(destinationOf("passport.baidu.com")).toEqual({ country: "CN", basis: "parent-domain", detail: "baidu.com" })
    expect(destinationOf("ads.reddit.com")).toEqual({ country: "US", basis: "parent-domain", detail: "reddit.com" })
    expect(destinationOf("liff.line.me")).toMatchObject({ country: "JP", basis: "parent-domain", detail: "line.me" })
    expect(destinationOf("static.example.com.cn")).toMatchObject({ country: "CN", basis: "tld" })
    expect(basisConfidence("parent-domain")).toBe("likely")
  })

  it("judges an unknown host by its country-code domain, as likely, but not by ccTLDs sold for any use", () => {
    expect(destinationOf("api.example.hk")).toEqual({ country: "HK", basis: "tld", detail: ".hk" })
    expect(destinationOf("collect.tracker.de")).toEqual({ country: "DE", basis: "tld", detail: ".de" })
    expect(destinationOf("t.analytics.co.uk")).toMatchObject({ country: "GB", basis: "tld" })
    expect(countryForHost("shop.com.cn")).toBe("CN")
    expect(countryForHost("xn--fiqs8s")).toBe("CN")
    for (const host of ["collector.io", "pixel.ai", "api.tracker.co", "t.me", "stream.tv", "shop.localhost", "localhost", "10.0.0.8", "api.example.com"]) {
      expect(countryForHost(host), host).toBeUndefined()
    }
    expect(basisConfidence("tld")).toBe("likely")
  })

  it("leaves a host nothing tells about unknown, never mainland China", () => {
    expect(destinationOf("api.example.com")).toEqual({ basis: "unknown" })
    expect(destinationOf("collector.io")).toEqual({ basis: "unknown" })
    expect(destinationOf("127.0.0.1")).toEqual({ basis: "unknown" })
    expect(basisConfidence("unknown")).toBe("unknown")
    expect(outsideMainland(undefined)).toBe(false)
  })

  it("takes odd hosts without throwing: IP literals, empty names, upper case and a trailing dot", () => {
    for (const host of ["[::1]", "192.0.2.1", "", ".", "..", "localhost"]) expect(destinationOf(host), host).toEqual({ basis: "unknown" })
    expect(destinationOf("Collect.Tracker.DE.")).toEqual({ country: "DE", basis: "tld", detail: ".de" })
    expect(vendorForUrl("http://[::1]:8080/hm.js")).toEqual({ vendor: vendorById("baidu-tongji"), by: "path" })
    expect(vendorForUrl("http://192.0.2.1/cart")).toBeUndefined()
    expect(cloudRegionOf("", "aliyun")).toBeUndefined()
  })

  it("says of a server address only whether it is local", () => {
    for (const ip of ["127.0.0.1", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1", "169.254.1.1", "100.64.0.1", "::1", "[::1]", "fd00::1", "fe80::1"]) expect(addressScope(ip), ip).toBe("local")
    for (const ip of ["8.8.8.8", "172.32.0.1", "100.128.0.1", "203.0.113.9", "2001:db8::1", "240e::1"]) expect(addressScope(ip), ip).toBe("public")
  })

  it("counts Hong Kong, Macao and Taiwan as outside mainland China", () => {
    for (const country of ["HK", "MO", "TW", "US", "MT"]) expect(outsideMainland(country)).toBe(true)
    expect(outsideMainland("CN")).toBe(false)
  })
})
