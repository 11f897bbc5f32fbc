/** Services of companies in mainland China that watch, measure or advertise: analytics, ads, attribution, CDPs, social. */
import type { Vendor } from "../catalog"
import { ALIBABA, ALIBABA_CLOUD, BAIDU, BILIBILI, BYTEDANCE, chinese, JD, OCEAN_ENGINE, QIHOO, TENCENT, VOLCENGINE, WEIBO } from "./companies"

export const CHINA_MARKETING: readonly Vendor[] = [
  // Analytics
  {
    id: "baidu-tongji",
    name: "Baidu Tongji",
    nameZh: "百度统计",
    ...BAIDU,
    category: "analytics",
    domains: ["hm.baidu.com", "hmcdn.baidu.com"],
    paths: ["/hm.js", "/hm.gif"],
    globals: ["_hmt"],
    cookies: ["Hm_lvt_*", "Hm_lpvt_*", "HMACCOUNT", "HMACCOUNT_BFESS"],
    source: "tongji.baidu.com help centre: installing the tracking code; cookies listed in its privacy notes"
  },
  {
    id: "cnzz-umeng",
    name: "Umeng+ / CNZZ",
    nameZh: "友盟+",
    ...chinese("Umeng Tongxin (Beijing) Technology Co., Ltd.", "友盟同欣（北京）科技有限公司"),
    category: "analytics",
    domains: ["cnzz.com", "umeng.com", "umeng.cn", "umengcloud.com", "shujupie.com"],
    paths: ["/z_stat.php", "/core.php"],
    globals: ["_czc", "aplus_queue"],
    cookies: ["CNZZDATA*", "UM_distinctid"],
    source: "developer.umeng.com: web (U-Web) and mini-program SDK integration, request domain whitelist"
  },
  {
    id: "alibaba-aplus",
    name: "Alibaba log (Aplus)",
    nameZh: "阿里巴巴日志",
    ...ALIBABA,
    category: "analytics",
    domains: ["mmstat.com"],
    paths: ["/alilog/"],
    globals: ["goldlog"],
    cookies: ["cna", "isg"],
    source: "Alibaba's consumer privacy policy (cookie section); script served by the Aplus log service"
  },
  {
    id: "aliyun-sls",
    name: "Alibaba Cloud Simple Log Service (web tracking)",
    nameZh: "阿里云日志服务",
    ...ALIBABA_CLOUD,
    category: "analytics",
    domains: ["log.aliyuncs.com"],
    regions: "aliyun",
    source: "help.aliyun.com: Simple Log Service, Web Tracking endpoints <project>.<region>.log.aliyuncs.com"
  },
  {
    id: "tencent-analytics",
    name: "Tencent Analytics",
    nameZh: "腾讯分析",
    ...TENCENT,
    category: "analytics",
    domains: ["tajs.qq.com", "pingjs.qq.com", "pingtas.qq.com", "pingtcss.qq.com"],
    globals: ["MtaH5"],
    cookies: ["pgv_pvi", "pgv_si", "pgv_pvid"],
    source: "Tencent MTA H5 integration guide (mta.qq.com)"
  },
  { id: "tencent-beacon", name: "Tencent Beacon", nameZh: "腾讯灯塔", ...TENCENT, category: "analytics", domains: ["beacon.qq.com"], source: "Tencent Beacon SDK documentation (beacon.qq.com)" },
  {
    id: "volcengine-datafinder",
    name: "Volcano Engine DataFinder",
    nameZh: "火山引擎增长分析",
    ...VOLCENGINE,
    category: "analytics",
    domains: ["mcs.snssdk.com", "mcs.volceapplog.com", "gator.volces.com"],
    globals: ["collectEvent"],
    source: "volcengine.com docs: DataFinder web SDK, reporting domains"
  },
  {
    id: "sensors-data",
    name: "Sensors Data",
    nameZh: "神策数据",
    ...chinese("Sensors Data Network Technology (Beijing) Co., Ltd.", "神策网络科技（北京）有限公司"),
    category: "analytics",
    domains: ["sensorsdata.cn", "sensorsdata.com"],
    paths: ["/sa?project", "/sa.gif"],
    globals: ["sensorsDataAnalytic201505", "sensors"],
    cookies: ["sensorsdata2015jssdkcross", "sensorsdata2015session", "sensorsdata2015jssdksession"],
    source: "manual.sensorsdata.cn: Web JS SDK integration and data receiving address"
  },
  {
    id: "growingio",
    name: "GrowingIO",
    ...chinese("Beijing Yishu Technology Co., Ltd.", "北京易数科技有限公司"),
    category: "analytics",
    domains: ["growingio.com", "giocdn.com"],
    globals: ["gio", "gdp"],
    cookies: ["gr_user_id", "gr_session_id_*", "*_gr_session_id", "*_gr_last_sent_cs1"],
    source: "docs.growingio.com: Web JS SDK integration"
  },
  {
    id: "zhuge",
    name: "Zhuge.io",
    nameZh: "诸葛io",
    ...chinese("Beijing Zhuge Yunyou Technology Co., Ltd.", "北京诸葛云游科技有限公司"),
    category: "analytics",
    domains: ["zhugeio.com"],
    globals: ["zhuge"],
    cookies: ["_zg"],
    source: "docs.zhugeio.com: JS SDK integration"
  },
  {
    id: "talkingdata",
    name: "TalkingData",
    ...chinese("Beijing Tendcloud Tianxia Technology Co., Ltd.", "北京腾云天下科技有限公司"),
    category: "analytics",
    domains: ["talkingdata.com"],
    globals: ["TDAPP"],
    source: "doc.talkingdata.com: H5 SDK integration"
  },
  {
    id: "51la",
    name: "51.la",
    nameZh: "我要啦统计",
    ...chinese("51.la", "我要啦"),
    category: "analytics",
    domains: ["51.la"],
    globals: ["LA"],
    cookies: ["__51cke__", "__51laig__", "__tins__*", "__51uvsct__*", "__vtins__*", "__51vcke__*", "__51vuft__*"],
    source: "v6.51.la help: installing the statistics code"
  },
  { id: "gridsum", name: "Gridsum WebDissector", nameZh: "国双网站分析", ...chinese("Beijing Gridsum Technology Co., Ltd.", "北京国双科技有限公司"), category: "analytics", domains: ["gridsum.com"], source: "gridsum.com product pages" },
  { id: "baifendian", name: "Baifendian", nameZh: "百分点", ...chinese("Baifendian", "百分点科技"), category: "analytics", domains: ["baifendian.com"], source: "baifendian.com product pages" },
  {
    id: "jpush",
    name: "Jiguang (JPush, JAnalytics)",
    nameZh: "极光",
    ...chinese("Shenzhen Hexun Huagu Information Technology Co., Ltd.", "深圳市和讯华谷信息技术有限公司"),
    category: "analytics",
    domains: ["jiguang.cn", "jpush.cn"],
    source: "docs.jiguang.cn: SDK integration; privacy policy names the operator"
  },
  {
    id: "getui",
    name: "Getui",
    nameZh: "个推",
    ...chinese("Zhejiang Meiri Hudong Network Technology Co., Ltd.", "浙江每日互动网络科技股份有限公司"),
    category: "analytics",
    domains: ["getui.com", "igexin.com", "gepush.com"],
    source: "docs.getui.com: SDK integration and privacy policy"
  },
  // Advertising and measurement
  {
    id: "baidu-ads",
    name: "Baidu Marketing",
    nameZh: "百度营销",
    ...BAIDU,
    category: "advertising",
    domains: ["pos.baidu.com", "cpro.baidu.com", "eclick.baidu.com", "cpro.baidustatic.com", "dup.baidustatic.com"],
    globals: ["BAIDU_DUP"],
    source: "e.baidu.com help: conversion tracking and Baidu Union ad code"
  },
  {
    id: "alimama",
    name: "Alimama",
    nameZh: "阿里妈妈",
    ...chinese("Hangzhou Alimama Software Service Co., Ltd.", "杭州阿里妈妈软件服务有限公司"),
    category: "advertising",
    domains: ["alimama.com", "alimama.cn", "tanx.com"],
    source: "alimama.com service agreement and Tanx ad code documentation"
  },
  {
    id: "tencent-ads",
    name: "Tencent Ads (Guangdiantong)",
    nameZh: "腾讯广告",
    ...TENCENT,
    category: "advertising",
    domains: ["gdt.qq.com", "e.qq.com", "ad.qq.com", "gdtimg.com"],
    globals: ["gdt"],
    source: "developers.e.qq.com: conversion tracking (web) and creative hosting on gdtimg.com"
  },
  {
    id: "ocean-engine",
    name: "Ocean Engine",
    nameZh: "巨量引擎",
    ...OCEAN_ENGINE,
    category: "advertising",
    domains: ["oceanengine.com", "ad.toutiao.com"],
    source: "open.oceanengine.com: conversion tracking for web pages"
  },
  {
    id: "pangle-cn",
    name: "Pangle China (Chuanshanjia)",
    nameZh: "穿山甲",
    ...OCEAN_ENGINE,
    category: "advertising",
    domains: ["pangolin-sdk-toutiao.com", "csjplatform.com"],
    source: "csjplatform.com: ad network SDK documentation"
  },
  {
    id: "kuaishou-ads",
    name: "Kuaishou Magnetic Engine",
    nameZh: "磁力引擎",
    ...chinese("Beijing Kuaishou Technology Co., Ltd.", "北京快手科技有限公司"),
    category: "advertising",
    domains: ["e.kuaishou.com", "adkwai.com"],
    source: "e.kuaishou.com help: conversion tracking"
  },
  {
    id: "jd-ads",
    name: "JD Ads (Jingzhuntong)",
    nameZh: "京东广告",
    ...JD,
    category: "advertising",
    domains: ["jzt.jd.com", "wl.jd.com", "mercury.jd.com"],
    globals: ["jaq"],
    cookies: ["__jda", "__jdb", "__jdc", "__jdv", "__jdu"],
    source: "jzt.jd.com help: site tracking code; JD privacy policy (cookies)"
  },
  { id: "qihoo-dianjing", name: "360 Dianjing", nameZh: "360 点睛营销", ...QIHOO, category: "advertising", domains: ["e.360.cn", "lianmeng.360.cn"], source: "e.360.cn help: conversion tracking" },
  { id: "mediav", name: "MediaV (360 Jiexiao)", nameZh: "聚效广告", ...QIHOO, category: "advertising", domains: ["mediav.com"], source: "mediav.com ad code documentation" },
  { id: "sogou-ads", name: "Sogou Search Ads", nameZh: "搜狗营销", ...chinese("Beijing Sogou Technology Development Co., Ltd.", "北京搜狗科技发展有限公司"), category: "advertising", domains: ["e.sogou.com"], source: "e.sogou.com help centre" },
  { id: "shenma-ads", name: "Shenma Search Ads", nameZh: "神马搜索推广", ...chinese("Guangzhou Shenma Mobile Information Technology Co., Ltd.", "广州神马移动信息科技有限公司"), category: "advertising", domains: ["e.sm.cn"], source: "e.sm.cn help centre" },
  { id: "xiaohongshu-ads", name: "Xiaohongshu Ads", nameZh: "小红书聚光", ...chinese("Xingyin Information Technology (Shanghai) Co., Ltd.", "行吟信息科技（上海）有限公司"), category: "advertising", domains: ["ad.xiaohongshu.com"], source: "ad.xiaohongshu.com: advertiser help" },
  { id: "bilibili-ads", name: "Bilibili Ads", nameZh: "哔哩哔哩花火与效果广告", ...BILIBILI, category: "advertising", domains: ["cm.bilibili.com"], source: "cm.bilibili.com advertiser documentation" },
  { id: "sina-ads", name: "Sina ads (SAX)", nameZh: "新浪广告", ...chinese("Beijing Sina Internet Information Service Co., Ltd.", "北京新浪互联信息服务有限公司"), category: "advertising", domains: ["sax.sina.com.cn"], source: "Sina privacy policy and ad serving pages" },
  { id: "ipinyou", name: "iPinYou", nameZh: "品友互动", ...chinese("iPinYou", "品友互动"), category: "advertising", domains: ["ipinyou.com"], source: "ipinyou.com: tracking code documentation" },
  { id: "admaster", name: "AdMaster", nameZh: "精硕科技", ...chinese("AdMaster", "精硕科技"), category: "advertising", domains: ["admaster.com.cn"], source: "admaster.com.cn: ad measurement (third-party monitoring) pages" },
  { id: "miaozhen", name: "Miaozhen Systems", nameZh: "秒针系统", ...chinese("Miaozhen Systems", "秒针系统"), category: "advertising", domains: ["miaozhen.com"], source: "miaozhen.com: ad measurement pages" },
  // Attribution
  { id: "reyun", name: "Reyun TrackingIO", nameZh: "热云数据", ...chinese("Reyun", "热云数据"), category: "attribution", domains: ["reyun.com", "trackingio.com"], source: "trackingio.com: integration documentation" },
  // Social
  { id: "wechat-jssdk", name: "WeChat JS-SDK", nameZh: "微信 JS-SDK", ...TENCENT, category: "social", domains: ["res.wx.qq.com", "res2.wx.qq.com"], globals: ["jWeixin"], source: "developers.weixin.qq.com: JS-SDK documentation" },
  { id: "weibo", name: "Weibo widgets", nameZh: "微博", ...WEIBO, category: "social", domains: ["widget.weibo.com", "service.weibo.com", "tjs.sjs.sinajs.cn"], globals: ["WB2"], source: "open.weibo.com: Weibo widgets" },
  { id: "tencent-video", name: "Tencent Video embeds", nameZh: "腾讯视频", ...TENCENT, category: "social", domains: ["v.qq.com"], source: "v.qq.com: sharing and embed code" },
  { id: "bilibili-player", name: "Bilibili player embeds", nameZh: "哔哩哔哩外链播放器", ...BILIBILI, category: "social", domains: ["player.bilibili.com"], source: "bilibili.com: embed code for videos" },
  { id: "youku-player", name: "Youku player embeds", nameZh: "优酷", ...chinese("Youku Information Technology (Beijing) Co., Ltd.", "优酷信息技术（北京）有限公司"), category: "social", domains: ["player.youku.com"], source: "youku.com: embed code for videos" },
  { id: "mobtech", name: "MobTech ShareSDK", nameZh: "袤博 ShareSDK", ...chinese("Shanghai Youkun Information Technology Co., Ltd.", "上海游昆信息技术有限公司"), category: "social", domains: ["mob.com"], source: "mob.com: ShareSDK documentation and privacy policy" },
  // Hosts of ByteDance and Volcano Engine that carry many of the above
  { id: "bytedance-static", name: "ByteDance static CDN", nameZh: "字节跳动静态资源", ...BYTEDANCE, category: "cdn", domains: ["pstatp.com", "byteimg.com", "bytegoofy.com", "bytescm.com", "bytecdntp.com", "bytecdn.cn"], source: "resource hosts of ByteDance's web products and its public front-end CDN" },
  { id: "volcengine-cdn", name: "Volcano Engine CDN and storage", nameZh: "火山引擎 CDN 与对象存储", ...VOLCENGINE, category: "cdn", domains: ["volccdn.com", "volces.com"], source: "volcengine.com docs: CDN and TOS endpoints" }
]
