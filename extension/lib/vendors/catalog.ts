/**
 * Zhiqing's own catalog of third-party services that shops load: facts only (hosts, endpoint paths, script globals,
 * cookie names, the company behind each, its category and the country it is based in), compiled by the project and
 * licensed with it. Merchant configs name vendors by these ids in `purposes[].vendors`.
 */
import type { TrackerCategory } from "../report"

export interface Vendor {
  /** Stable id, used in merchant configs and reports. */
  id: string
  /** The service's name as shops know it, in English. */
  name: string
  /** Its Chinese name, for services known by one. */
  nameZh?: string
  /** The company that runs it: an English name, with the Chinese name for companies in China. */
  company: string
  category: TrackerCategory
  /** ISO 3166-1 alpha-2 country or region where the company is based. */
  country: string
  /** Hosts the service uses; each also matches its subdomains, on label boundaries. */
  domains: readonly string[]
  /**
   * Endpoints recognised on any host, including the shop's own (self-hosted collectors, proxies): "/hm.js" is a path,
   * "/sa?project" a path with a required query parameter, "facebook.com/tr" a path on one domain only.
   */
  paths?: readonly string[]
  /** Globals the service's script defines on `window`. */
  globals?: readonly string[]
  /** Cookie names it sets; `*` matches any run of characters. */
  cookies?: readonly string[]
}

const BAIDU = "Beijing Baidu Netcom Science and Technology Co., Ltd. (北京百度网讯科技有限公司)"
const TENCENT = "Shenzhen Tencent Computer Systems Co., Ltd. (深圳市腾讯计算机系统有限公司)"
const ALIBABA_CLOUD = "Alibaba Cloud Computing Co., Ltd. (阿里云计算有限公司)"
const GOOGLE = "Google LLC"
const MICROSOFT = "Microsoft Corporation"

export const VENDORS: readonly Vendor[] = [
  // Mainland China
  {
    id: "baidu-tongji",
    name: "Baidu Tongji",
    nameZh: "百度统计",
    company: BAIDU,
    category: "analytics",
    country: "CN",
    domains: ["hm.baidu.com", "hmcdn.baidu.com"],
    paths: ["/hm.js", "/hm.gif"],
    globals: ["_hmt"],
    cookies: ["Hm_lvt_*", "Hm_lpvt_*", "HMACCOUNT", "HMACCOUNT_BFESS"]
  },
  {
    id: "baidu-ads",
    name: "Baidu Marketing",
    nameZh: "百度营销",
    company: BAIDU,
    category: "advertising",
    country: "CN",
    domains: ["pos.baidu.com", "cpro.baidu.com", "eclick.baidu.com", "cpro.baidustatic.com", "dup.baidustatic.com"],
    globals: ["BAIDU_DUP"]
  },
  { id: "baidu-static", name: "Baidu static CDN", nameZh: "百度静态资源", company: BAIDU, category: "cdn", country: "CN", domains: ["bdstatic.com", "bdimg.com"] },
  { id: "baidu-map", name: "Baidu Maps API", nameZh: "百度地图开放平台", company: BAIDU, category: "other", country: "CN", domains: ["api.map.baidu.com"], globals: ["BMap", "BMapGL"] },
  {
    id: "cnzz-umeng",
    name: "Umeng+ / CNZZ",
    nameZh: "友盟+",
    company: "Umeng Tongxin (Beijing) Technology Co., Ltd. (友盟同欣（北京）科技有限公司)",
    category: "analytics",
    country: "CN",
    domains: ["cnzz.com", "umeng.com", "umeng.cn", "umengcloud.com"],
    paths: ["/z_stat.php", "/core.php"],
    globals: ["_czc", "aplus_queue"],
    cookies: ["CNZZDATA*", "UM_distinctid"]
  },
  {
    id: "alibaba-aplus",
    name: "Alibaba log (Aplus)",
    nameZh: "阿里巴巴日志",
    company: "Alibaba (China) Co., Ltd. (阿里巴巴（中国）有限公司)",
    category: "analytics",
    country: "CN",
    domains: ["mmstat.com"],
    paths: ["/alilog/"],
    globals: ["goldlog"],
    cookies: ["cna", "isg"]
  },
  {
    id: "alimama",
    name: "Alimama",
    nameZh: "阿里妈妈",
    company: "Hangzhou Alimama Software Service Co., Ltd. (杭州阿里妈妈软件服务有限公司)",
    category: "advertising",
    country: "CN",
    domains: ["alimama.com", "alimama.cn", "tanx.com"]
  },
  { id: "alicdn", name: "Alibaba CDN", nameZh: "阿里 CDN", company: ALIBABA_CLOUD, category: "cdn", country: "CN", domains: ["alicdn.com"] },
  {
    id: "aliyun-arms",
    name: "Alibaba Cloud ARMS front-end monitoring",
    nameZh: "阿里云前端监控",
    company: ALIBABA_CLOUD,
    category: "analytics",
    country: "CN",
    domains: ["arms-retcode.aliyuncs.com", "retcode.alicdn.com"],
    globals: ["__bl"]
  },
  {
    id: "alipay",
    name: "Alipay",
    nameZh: "支付宝",
    company: "Alipay (China) Network Technology Co., Ltd. (支付宝（中国）网络技术有限公司)",
    category: "payment",
    country: "CN",
    domains: ["alipay.com", "alipayobjects.com"],
    globals: ["AlipayJSBridge"]
  },
  {
    id: "tencent-ads",
    name: "Tencent Ads (Guangdiantong)",
    nameZh: "腾讯广告",
    company: TENCENT,
    category: "advertising",
    country: "CN",
    domains: ["gdt.qq.com", "e.qq.com", "ad.qq.com"],
    globals: ["gdt"]
  },
  {
    id: "tencent-analytics",
    name: "Tencent Analytics",
    nameZh: "腾讯分析",
    company: TENCENT,
    category: "analytics",
    country: "CN",
    domains: ["tajs.qq.com", "pingjs.qq.com", "pingtas.qq.com", "pingtcss.qq.com"],
    globals: ["MtaH5"],
    cookies: ["pgv_pvi", "pgv_si", "pgv_pvid"]
  },
  { id: "wechat-jssdk", name: "WeChat JS-SDK", nameZh: "微信 JS-SDK", company: TENCENT, category: "social", country: "CN", domains: ["res.wx.qq.com", "res2.wx.qq.com"] },
  {
    id: "wechat-pay",
    name: "WeChat Pay",
    nameZh: "微信支付",
    company: "Tenpay Payment Technology Co., Ltd. (财付通支付科技有限公司)",
    category: "payment",
    country: "CN",
    domains: ["pay.weixin.qq.com", "api.mch.weixin.qq.com", "wx.tenpay.com"]
  },
  { id: "tencent-map", name: "Tencent Location Service", nameZh: "腾讯位置服务", company: TENCENT, category: "other", country: "CN", domains: ["apis.map.qq.com", "map.qq.com"], globals: ["TMap"] },
  { id: "tencent-captcha", name: "Tencent Cloud CAPTCHA", nameZh: "腾讯云验证码", company: TENCENT, category: "other", country: "CN", domains: ["captcha.qq.com", "captcha.qcloud.com"], globals: ["TencentCaptcha"] },
  { id: "gtimg", name: "Tencent static CDN", nameZh: "腾讯静态资源", company: TENCENT, category: "cdn", country: "CN", domains: ["gtimg.cn", "gtimg.com", "qpic.cn"] },
  {
    id: "ocean-engine",
    name: "Ocean Engine",
    nameZh: "巨量引擎",
    company: "Beijing Juliang Engine Network Technology Co., Ltd. (北京巨量引擎网络技术有限公司)",
    category: "advertising",
    country: "CN",
    domains: ["oceanengine.com", "ad.toutiao.com"]
  },
  {
    id: "volcengine-datafinder",
    name: "Volcano Engine DataFinder",
    nameZh: "火山引擎增长分析",
    company: "Beijing Volcano Engine Technology Co., Ltd. (北京火山引擎科技有限公司)",
    category: "analytics",
    country: "CN",
    domains: ["mcs.snssdk.com", "mcs.volceapplog.com"],
    globals: ["collectEvent"]
  },
  {
    id: "kuaishou-ads",
    name: "Kuaishou Magnetic Engine",
    nameZh: "磁力引擎",
    company: "Beijing Kuaishou Technology Co., Ltd. (北京快手科技有限公司)",
    category: "advertising",
    country: "CN",
    domains: ["e.kuaishou.com", "adkwai.com"]
  },
  {
    id: "sensors-data",
    name: "Sensors Data",
    nameZh: "神策数据",
    company: "Sensors Data Network Technology (Beijing) Co., Ltd. (神策网络科技（北京）有限公司)",
    category: "analytics",
    country: "CN",
    domains: ["sensorsdata.cn", "sensorsdata.com"],
    paths: ["/sa?project", "/sa.gif"],
    globals: ["sensorsDataAnalytic201505", "sensors"],
    cookies: ["sensorsdata2015jssdkcross", "sensorsdata2015session", "sensorsdata2015jssdksession"]
  },
  {
    id: "growingio",
    name: "GrowingIO",
    company: "Beijing Yishu Technology Co., Ltd. (北京易数科技有限公司)",
    category: "analytics",
    country: "CN",
    domains: ["growingio.com", "giocdn.com"],
    globals: ["gio", "gdp"],
    cookies: ["gr_user_id", "gr_session_id_*", "*_gr_session_id", "*_gr_last_sent_cs1"]
  },
  {
    id: "zhuge",
    name: "Zhuge.io",
    nameZh: "诸葛io",
    company: "Beijing Zhuge Yunyou Technology Co., Ltd. (北京诸葛云游科技有限公司)",
    category: "analytics",
    country: "CN",
    domains: ["zhugeio.com"],
    globals: ["zhuge"],
    cookies: ["_zg"]
  },
  {
    id: "talkingdata",
    name: "TalkingData",
    company: "Beijing Tendcloud Tianxia Technology Co., Ltd. (北京腾云天下科技有限公司)",
    category: "analytics",
    country: "CN",
    domains: ["talkingdata.com"],
    globals: ["TDAPP"]
  },
  {
    id: "51la",
    name: "51.la",
    nameZh: "我要啦统计",
    company: "51.la (我要啦)",
    category: "analytics",
    country: "CN",
    domains: ["51.la"],
    globals: ["LA"],
    cookies: ["__51cke__", "__51laig__", "__tins__*", "__51uvsct__*", "__vtins__*", "__51vcke__*", "__51vuft__*"]
  },
  {
    id: "jd-ads",
    name: "JD Ads (Jingzhuntong)",
    nameZh: "京东广告",
    company: "Beijing Jingdong Century Trading Co., Ltd. (北京京东世纪贸易有限公司)",
    category: "advertising",
    country: "CN",
    domains: ["jzt.jd.com", "wl.jd.com", "mercury.jd.com"],
    globals: ["jaq"],
    cookies: ["__jda", "__jdb", "__jdc", "__jdv", "__jdu"]
  },
  {
    id: "qiyu",
    name: "NetEase Qiyu",
    nameZh: "网易七鱼",
    company: "NetEase (Hangzhou) Network Co., Ltd. (网易（杭州）网络有限公司)",
    category: "customer-service",
    country: "CN",
    domains: ["qiyukf.com", "qiyukf.net"],
    globals: ["ysf"]
  },
  {
    id: "udesk",
    name: "Udesk",
    company: "Beijing Wofeng Times Data Technology Co., Ltd. (北京沃丰时代数据科技有限公司)",
    category: "customer-service",
    country: "CN",
    domains: ["udesk.cn"]
  },
  { id: "amap", name: "AMap API", nameZh: "高德开放平台", company: "AutoNavi Software Co., Ltd. (高德软件有限公司)", category: "other", country: "CN", domains: ["amap.com", "is.autonavi.com"], globals: ["AMap"] },
  {
    id: "geetest",
    name: "GeeTest CAPTCHA",
    nameZh: "极验",
    company: "Wuhan Jiyi Network Technology Co., Ltd. (武汉极意网络科技有限公司)",
    category: "other",
    country: "CN",
    domains: ["geetest.com"],
    globals: ["initGeetest", "initGeetest4"]
  },
  { id: "qiniu-cdn", name: "Qiniu Cloud CDN", nameZh: "七牛云", company: "Shanghai Qiniu Information Technology Co., Ltd. (上海七牛信息技术有限公司)", category: "cdn", country: "CN", domains: ["qiniucdn.com", "qnssl.com", "clouddn.com", "staticfile.org"] },
  { id: "weibo", name: "Weibo widgets", nameZh: "微博", company: "Weibo Corporation (北京微梦创科网络技术有限公司)", category: "social", country: "CN", domains: ["widget.weibo.com", "service.weibo.com", "tjs.sjs.sinajs.cn"], globals: ["WB2"] },
  // Outside mainland China
  {
    id: "google-analytics",
    name: "Google Analytics",
    company: GOOGLE,
    category: "analytics",
    country: "US",
    domains: ["google-analytics.com", "googletagmanager.com", "analytics.google.com"],
    paths: ["/g/collect", "/j/collect", "/gtag/js", "/gtm.js"],
    globals: ["gtag", "ga", "google_tag_manager"],
    cookies: ["_ga", "_ga_*", "_gid", "_gat", "_gat_*"]
  },
  {
    id: "google-ads",
    name: "Google Ads",
    company: GOOGLE,
    category: "advertising",
    country: "US",
    domains: ["googleadservices.com", "doubleclick.net", "googlesyndication.com"],
    paths: ["google.com/pagead/", "/pagead/conversion"],
    globals: ["google_trackConversion", "adsbygoogle"],
    cookies: ["_gcl_au", "_gcl_aw", "IDE", "test_cookie"]
  },
  { id: "google-fonts", name: "Google Fonts", company: GOOGLE, category: "cdn", country: "US", domains: ["fonts.googleapis.com", "fonts.gstatic.com"] },
  { id: "google-recaptcha", name: "Google reCAPTCHA", company: GOOGLE, category: "other", country: "US", domains: ["recaptcha.net"], paths: ["google.com/recaptcha/", "gstatic.com/recaptcha/"], globals: ["grecaptcha"] },
  { id: "youtube", name: "YouTube embeds", company: GOOGLE, category: "social", country: "US", domains: ["youtube.com", "youtube-nocookie.com", "ytimg.com"], globals: ["YT"], cookies: ["VISITOR_INFO1_LIVE", "YSC"] },
  {
    id: "meta-pixel",
    name: "Meta Pixel",
    company: "Meta Platforms, Inc.",
    category: "advertising",
    country: "US",
    domains: ["connect.facebook.net"],
    paths: ["facebook.com/tr", "facebook.net/tr"],
    globals: ["fbq", "_fbq"],
    cookies: ["_fbp", "_fbc"]
  },
  {
    id: "tiktok-pixel",
    name: "TikTok Pixel",
    company: "TikTok Pte. Ltd.",
    category: "advertising",
    country: "SG",
    domains: ["analytics.tiktok.com", "business-api.tiktok.com"],
    globals: ["ttq", "TiktokAnalyticsObject"],
    cookies: ["_ttp", "_tt_enable_cookie", "ttcsid", "ttcsid_*"]
  },
  {
    id: "microsoft-clarity",
    name: "Microsoft Clarity",
    company: MICROSOFT,
    category: "session-recording",
    country: "US",
    domains: ["clarity.ms"],
    globals: ["clarity"],
    cookies: ["_clck", "_clsk", "CLID"]
  },
  { id: "microsoft-ads", name: "Microsoft Advertising UET", company: MICROSOFT, category: "advertising", country: "US", domains: ["bat.bing.com"], globals: ["uetq", "UET"], cookies: ["_uetsid", "_uetvid", "MUID"] },
  {
    id: "hotjar",
    name: "Hotjar",
    company: "Hotjar Ltd",
    category: "session-recording",
    country: "MT",
    domains: ["hotjar.com", "hotjar.io"],
    globals: ["hj", "_hjSettings"],
    cookies: ["_hjSessionUser_*", "_hjSession_*", "_hjid", "_hjFirstSeen", "_hjIncludedInSessionSample*", "_hjAbsoluteSessionInProgress"]
  },
  { id: "fullstory", name: "FullStory", company: "FullStory, Inc.", category: "session-recording", country: "US", domains: ["fullstory.com"], globals: ["FS", "_fs_namespace"], cookies: ["fs_uid", "fs_lua"] },
  { id: "mixpanel", name: "Mixpanel", company: "Mixpanel, Inc.", category: "analytics", country: "US", domains: ["mixpanel.com", "mxpnl.com"], globals: ["mixpanel"], cookies: ["mp_*_mixpanel"] },
  { id: "amplitude", name: "Amplitude", company: "Amplitude, Inc.", category: "analytics", country: "US", domains: ["amplitude.com"], globals: ["amplitude"], cookies: ["AMP_*", "amp_*"] },
  { id: "segment", name: "Segment", company: "Twilio Inc.", category: "analytics", country: "US", domains: ["segment.com", "segment.io"], cookies: ["ajs_anonymous_id", "ajs_user_id"] },
  { id: "linkedin-insight", name: "LinkedIn Insight Tag", company: "LinkedIn Corporation", category: "advertising", country: "US", domains: ["snap.licdn.com", "px.ads.linkedin.com"], globals: ["_linkedin_partner_id", "lintrk"], cookies: ["li_sugr", "bcookie", "lidc", "UserMatchHistory", "AnalyticsSyncHistory"] },
  { id: "x-pixel", name: "X (Twitter) Pixel", company: "X Corp.", category: "advertising", country: "US", domains: ["ads-twitter.com", "analytics.twitter.com"], globals: ["twq"], cookies: ["personalization_id", "muc_ads"] },
  { id: "pinterest-tag", name: "Pinterest Tag", company: "Pinterest, Inc.", category: "advertising", country: "US", domains: ["ct.pinterest.com"], paths: ["pinimg.com/ct/"], globals: ["pintrk"], cookies: ["_pin_unauth", "_pinterest_ct_ua"] },
  { id: "criteo", name: "Criteo", company: "Criteo S.A.", category: "advertising", country: "FR", domains: ["criteo.com", "criteo.net"], globals: ["criteo_q"], cookies: ["cto_bundle"] },
  { id: "yandex-metrica", name: "Yandex Metrica", company: "Yandex LLC", category: "analytics", country: "RU", domains: ["mc.yandex.ru", "mc.yandex.com"], globals: ["ym"], cookies: ["_ym_uid", "_ym_d", "_ym_isad"] },
  { id: "line-tag", name: "LINE Tag", company: "LY Corporation", category: "advertising", country: "JP", domains: ["tr.line.me", "d.line-scdn.net"], globals: ["_lt"] },
  { id: "new-relic", name: "New Relic Browser", company: "New Relic, Inc.", category: "analytics", country: "US", domains: ["js-agent.newrelic.com", "nr-data.net"], globals: ["NREUM", "newrelic"] },
  { id: "sentry", name: "Sentry", company: "Functional Software, Inc. (Sentry)", category: "other", country: "US", domains: ["sentry.io", "sentry-cdn.com"], globals: ["Sentry", "__SENTRY__"] },
  { id: "cloudflare-insights", name: "Cloudflare Web Analytics", company: "Cloudflare, Inc.", category: "analytics", country: "US", domains: ["cloudflareinsights.com"], paths: ["/cdn-cgi/rum"], globals: ["__cfBeacon"] },
  { id: "cdnjs", name: "cdnjs", company: "Cloudflare, Inc.", category: "cdn", country: "US", domains: ["cdnjs.cloudflare.com"] },
  { id: "stripe", name: "Stripe", company: "Stripe, Inc.", category: "payment", country: "US", domains: ["stripe.com", "stripe.network"], globals: ["Stripe"], cookies: ["__stripe_mid", "__stripe_sid"] },
  { id: "paypal", name: "PayPal", company: "PayPal, Inc.", category: "payment", country: "US", domains: ["paypal.com", "paypalobjects.com"], globals: ["paypal"] },
  { id: "intercom", name: "Intercom", company: "Intercom, Inc.", category: "customer-service", country: "US", domains: ["intercom.io", "intercomcdn.com", "intercomassets.com"], globals: ["Intercom"], cookies: ["intercom-id-*", "intercom-session-*"] },
  { id: "zendesk", name: "Zendesk", company: "Zendesk, Inc.", category: "customer-service", country: "US", domains: ["zdassets.com", "zendesk.com"], globals: ["zE", "zESettings"], cookies: ["__zlcmid"] }
]
