/**
 * Services a shop in mainland China runs on: payment, maps, CAPTCHA, customer service, sign-in, monitoring, cloud
 * storage and CDNs, from companies based or operating there.
 */
import type { Vendor } from "../catalog"
import { ALIBABA_CLOUD, BAIDU, chinese, JD, NETEASE, QIHOO, TENCENT, TENCENT_CLOUD, WEIBO } from "./companies"

export const CHINA_SERVICES: readonly Vendor[] = [
  // Payment
  {
    id: "alipay",
    name: "Alipay",
    nameZh: "支付宝",
    ...chinese("Alipay (China) Network Technology Co., Ltd.", "支付宝（中国）网络技术有限公司"),
    category: "payment",
    domains: ["alipay.com", "alipayobjects.com"],
    globals: ["AlipayJSBridge"],
    source: "opendocs.alipay.com: website payment and JSAPI"
  },
  {
    id: "wechat-pay",
    name: "WeChat Pay",
    nameZh: "微信支付",
    ...chinese("Tenpay Payment Technology Co., Ltd.", "财付通支付科技有限公司"),
    category: "payment",
    domains: ["pay.weixin.qq.com", "api.mch.weixin.qq.com", "wx.tenpay.com"],
    source: "pay.weixin.qq.com: merchant API documentation"
  },
  { id: "unionpay", name: "UnionPay online payment", nameZh: "银联在线支付", ...chinese("China UnionPay Co., Ltd.", "中国银联股份有限公司"), category: "payment", domains: ["unionpay.com", "95516.com"], source: "open.unionpay.com: gateway payment API" },
  { id: "jd-pay", name: "JD Pay", nameZh: "京东支付", ...chinese("Chinabank Payments (Beijing) Technology Co., Ltd.", "网银在线（北京）科技有限公司"), category: "payment", domains: ["jdpay.com"], source: "jdpay.com: merchant documentation and payment licence notice" },
  { id: "lianlian-pay", name: "LianLian Pay", nameZh: "连连支付", ...chinese("Lianlian Yintong Electronic Payment Co., Ltd.", "连连银通电子支付有限公司"), category: "payment", domains: ["lianlianpay.com"], source: "lianlianpay.com: merchant API documentation" },
  { id: "yeepay", name: "YeePay", nameZh: "易宝支付", ...chinese("YeePay Co., Ltd.", "易宝支付有限公司"), category: "payment", domains: ["yeepay.com"], source: "open.yeepay.com: API documentation" },
  { id: "pingpong", name: "PingPong", ...chinese("PingPong", "乒乓智能"), category: "payment", domains: ["pingpongx.com"], source: "pingpongx.com: checkout API documentation" },
  { id: "alipay-login", name: "Alipay login", nameZh: "支付宝登录", ...chinese("Alipay (China) Network Technology Co., Ltd.", "支付宝（中国）网络技术有限公司"), category: "social-login", domains: ["openauth.alipay.com"], source: "opendocs.alipay.com: web authorisation (OAuth)" },
  // Maps
  { id: "baidu-map", name: "Baidu Maps API", nameZh: "百度地图开放平台", ...BAIDU, category: "maps", domains: ["api.map.baidu.com"], globals: ["BMap", "BMapGL"], source: "lbsyun.baidu.com: JavaScript API" },
  { id: "tencent-map", name: "Tencent Location Service", nameZh: "腾讯位置服务", ...TENCENT, category: "maps", domains: ["apis.map.qq.com", "map.qq.com"], globals: ["TMap"], source: "lbs.qq.com: JavaScript API GL" },
  { id: "amap", name: "AMap API", nameZh: "高德开放平台", ...chinese("AutoNavi Software Co., Ltd.", "高德软件有限公司"), category: "maps", domains: ["amap.com", "is.autonavi.com"], globals: ["AMap"], source: "lbs.amap.com: JS API" },
  { id: "tianditu", name: "Tianditu", nameZh: "天地图", ...chinese("National Geomatics Center of China", "国家基础地理信息中心"), category: "maps", domains: ["tianditu.gov.cn"], source: "lbs.tianditu.gov.cn: JavaScript API" },
  // CAPTCHA
  { id: "tencent-captcha", name: "Tencent Cloud CAPTCHA", nameZh: "腾讯云验证码", ...TENCENT, category: "captcha", domains: ["captcha.qq.com", "captcha.qcloud.com", "captcha.gtimg.com"], globals: ["TencentCaptcha"], source: "cloud.tencent.com docs: CAPTCHA web integration" },
  {
    id: "geetest",
    name: "GeeTest CAPTCHA",
    nameZh: "极验",
    ...chinese("Wuhan Jiyi Network Technology Co., Ltd.", "武汉极意网络科技有限公司"),
    category: "captcha",
    domains: ["geetest.com"],
    globals: ["initGeetest", "initGeetest4"],
    source: "docs.geetest.com: web integration"
  },
  {
    id: "aliyun-captcha",
    name: "Alibaba Cloud CAPTCHA",
    nameZh: "阿里云验证码",
    ...ALIBABA_CLOUD,
    category: "captcha",
    domains: ["cf.aliyun.com", "captcha-open.aliyuncs.com"],
    paths: ["g.alicdn.com/AWSC/", "o.alicdn.com/captcha-frontend/"],
    globals: ["AWSC", "initAliyunCaptcha"],
    source: "help.aliyun.com: CAPTCHA 2.0 web integration"
  },
  { id: "netease-yidun", name: "NetEase Yidun CAPTCHA", nameZh: "网易易盾", ...NETEASE, category: "captcha", domains: ["dun.163.com", "dun.163yun.com", "cstaticdun.126.net"], globals: ["initNECaptcha", "initNECaptchaWithFallback"], source: "support.dun.163.com: CAPTCHA web integration" },
  { id: "dingxiang", name: "Dingxiang CAPTCHA", nameZh: "顶象验证码", ...chinese("Dingxiang Technology", "顶象技术"), category: "captcha", domains: ["dingxiang-inc.com"], source: "dingxiang-inc.com: CAPTCHA integration documentation" },
  { id: "shumei", name: "Shumei CAPTCHA", nameZh: "数美验证码", ...chinese("Beijing Shumei Times Technology Co., Ltd.", "北京数美时代科技有限公司"), category: "captcha", domains: ["fengkongcloud.com"], globals: ["initSMCaptcha"], source: "help.ishumei.com: web CAPTCHA integration" },
  { id: "luosimao", name: "Luosimao CAPTCHA", nameZh: "螺丝帽验证码", ...chinese("Luosimao", "螺丝帽"), category: "captcha", domains: ["luosimao.com"], source: "luosimao.com: CAPTCHA documentation" },
  // Customer service
  { id: "qiyu", name: "NetEase Qiyu", nameZh: "网易七鱼", ...NETEASE, category: "customer-service", domains: ["qiyukf.com", "qiyukf.net"], globals: ["ysf"], source: "qiyukf.com: web SDK documentation" },
  { id: "udesk", name: "Udesk", ...chinese("Beijing Wofeng Times Data Technology Co., Ltd.", "北京沃丰时代数据科技有限公司"), category: "customer-service", domains: ["udesk.cn"], source: "udesk.cn: web plug-in documentation" },
  { id: "meiqia", name: "Meiqia", nameZh: "美洽", ...chinese("Meiqia", "美洽"), category: "customer-service", domains: ["meiqia.com"], globals: ["_MEIQIA"], source: "meiqia.com: web widget documentation" },
  { id: "sobot", name: "Sobot", nameZh: "智齿客服", ...chinese("Beijing Zhichi Bochuang Technology Co., Ltd.", "北京智齿博创科技有限公司"), category: "customer-service", domains: ["sobot.com"], source: "sobot.com: web chat integration" },
  { id: "easemob", name: "Easemob customer service", nameZh: "环信客服", ...chinese("Easemob", "环信"), category: "customer-service", domains: ["easemob.com"], source: "easemob.com: web chat widget documentation" },
  { id: "53kf", name: "53KF", nameZh: "快服", ...chinese("53KF", "快服科技"), category: "customer-service", domains: ["53kf.com"], source: "53kf.com: chat code installation" },
  { id: "xiaoneng", name: "Xiaoneng (NTalker)", nameZh: "小能客服", ...chinese("Xiaoneng", "小能科技"), category: "customer-service", domains: ["ntalker.com"], source: "ntalker.com: web chat integration" },
  { id: "kf5", name: "KF5", nameZh: "逸创云客服", ...chinese("KF5", "逸创云客服"), category: "customer-service", domains: ["kf5.com"], source: "kf5.com: web widget documentation" },
  { id: "tencent-qidian", name: "Tencent Qidian", nameZh: "腾讯企点", ...TENCENT, category: "customer-service", domains: ["qidian.qq.com"], source: "qidian.qq.com: web chat integration" },
  { id: "wecom-kf", name: "WeCom customer service", nameZh: "企业微信客服", ...TENCENT, category: "customer-service", domains: ["work.weixin.qq.com"], source: "developer.work.weixin.qq.com: WeChat customer service" },
  { id: "baidu-qiao", name: "Baidu Shangqiao", nameZh: "百度商桥", ...BAIDU, category: "customer-service", domains: ["qiao.baidu.com"], source: "qiao.baidu.com help: installing the chat code" },
  // Sign-in
  { id: "wechat-login", name: "WeChat login", nameZh: "微信登录", ...TENCENT, category: "social-login", domains: ["open.weixin.qq.com"], globals: ["WxLogin"], source: "developers.weixin.qq.com: website QR-code login" },
  { id: "qq-login", name: "QQ login (QQ Connect)", nameZh: "QQ 互联登录", ...TENCENT, category: "social-login", domains: ["graph.qq.com", "connect.qq.com"], globals: ["QC"], source: "wiki.connect.qq.com: website login" },
  { id: "weibo-login", name: "Weibo login", nameZh: "微博登录", ...WEIBO, category: "social-login", domains: ["api.weibo.com"], source: "open.weibo.com: OAuth2 website login" },
  { id: "douyin-login", name: "Douyin login", nameZh: "抖音登录", ...chinese("Beijing Douyin Information Service Co., Ltd.", "北京抖音信息服务有限公司"), category: "social-login", domains: ["open.douyin.com"], source: "developer.open-douyin.com: website authorisation" },
  // Monitoring
  {
    id: "aliyun-arms",
    name: "Alibaba Cloud ARMS front-end monitoring",
    nameZh: "阿里云前端监控",
    ...ALIBABA_CLOUD,
    category: "monitoring",
    domains: ["arms-retcode.aliyuncs.com", "retcode.alicdn.com"],
    globals: ["__bl"],
    source: "help.aliyun.com: ARMS browser monitoring, CDN install"
  },
  {
    id: "tencent-aegis",
    name: "Tencent Cloud RUM (Aegis)",
    nameZh: "腾讯云前端性能监控",
    ...TENCENT_CLOUD,
    category: "monitoring",
    domains: ["aegis.qq.com", "rumt-zh.com"],
    paths: ["cdn-go.cn/aegis/"],
    globals: ["Aegis"],
    source: "cloud.tencent.com docs: RUM web SDK, reporting domains by region"
  },
  { id: "tingyun", name: "Tingyun", nameZh: "听云", ...chinese("Tingyun", "听云"), category: "monitoring", domains: ["tingyun.com"], source: "tingyun.com: browser monitoring documentation" },
  { id: "bonree", name: "Bonree", nameZh: "博睿数据", ...chinese("Bonree Data Technology", "博睿数据"), category: "monitoring", domains: ["bonree.com"], source: "bonree.com: browser monitoring documentation" },
  { id: "oneapm", name: "OneAPM", ...chinese("OneAPM", "蓝海讯通"), category: "monitoring", domains: ["oneapm.com"], source: "oneapm.com: browser insight documentation" },
  // Cloud storage and CDNs
  { id: "alicdn", name: "Alibaba CDN", nameZh: "阿里 CDN", ...ALIBABA_CLOUD, category: "cdn", domains: ["alicdn.com"], source: "static hosts of Alibaba's web products" },
  { id: "aliyun-cloud", name: "Alibaba Cloud (OSS and other endpoints)", nameZh: "阿里云对象存储等服务", ...ALIBABA_CLOUD, category: "cdn", domains: ["aliyuncs.com"], regions: "aliyun", source: "help.aliyun.com: OSS and service endpoints by region" },
  { id: "tencent-cloud", name: "Tencent Cloud (COS and other endpoints)", nameZh: "腾讯云对象存储等服务", ...TENCENT_CLOUD, category: "cdn", domains: ["myqcloud.com", "tencentcs.com"], regions: "tencent-cloud", source: "cloud.tencent.com docs: COS regions and access domains" },
  { id: "tencent-cls", name: "Tencent Cloud Log Service", nameZh: "腾讯云日志服务", ...TENCENT_CLOUD, category: "analytics", domains: ["cls.tencentcs.com"], regions: "tencent-cloud", source: "cloud.tencent.com docs: CLS endpoints <region>.cls.tencentcs.com" },
  { id: "gtimg", name: "Tencent static CDN", nameZh: "腾讯静态资源", ...TENCENT, category: "cdn", domains: ["gtimg.cn", "gtimg.com", "qpic.cn", "cdn-go.cn"], source: "static hosts of Tencent's web products" },
  { id: "baidu-static", name: "Baidu static CDN", nameZh: "百度静态资源", ...BAIDU, category: "cdn", domains: ["bdstatic.com", "bdimg.com"], source: "static hosts of Baidu's web products" },
  { id: "baidu-cloud", name: "Baidu AI Cloud storage", nameZh: "百度智能云对象存储", ...BAIDU, category: "cdn", domains: ["bcebos.com", "baidubce.com"], source: "cloud.baidu.com docs: BOS access domains" },
  { id: "jd-static", name: "JD static CDN", nameZh: "京东静态资源", ...JD, category: "cdn", domains: ["360buyimg.com"], source: "static hosts of JD's web products" },
  { id: "jd-cloud", name: "JD Cloud", nameZh: "京东云", ...chinese("Beijing Jingdong Shangke Information Technology Co., Ltd.", "北京京东尚科信息技术有限公司"), category: "cdn", domains: ["jdcloud.com", "jdcloud-oss.com"], source: "docs.jdcloud.com: object storage endpoints" },
  { id: "qiniu-cdn", name: "Qiniu Cloud CDN", nameZh: "七牛云", ...chinese("Shanghai Qiniu Information Technology Co., Ltd.", "上海七牛信息技术有限公司"), category: "cdn", domains: ["qiniucdn.com", "qnssl.com", "clouddn.com", "staticfile.org"], source: "developer.qiniu.com: test domains; staticfile.org open-source CDN" },
  { id: "upyun", name: "UPYUN", nameZh: "又拍云", ...chinese("Hangzhou Upyun Technology Co., Ltd.", "杭州又拍云科技有限公司"), category: "cdn", domains: ["upaiyun.com", "upyun.com"], source: "help.upyun.com: CDN and storage test domains" },
  { id: "huawei-cloud", name: "Huawei Cloud", nameZh: "华为云", ...chinese("Huawei Cloud Computing Technologies Co., Ltd.", "华为云计算技术有限公司"), category: "cdn", domains: ["myhuaweicloud.com"], source: "support.huaweicloud.com: OBS endpoints" },
  { id: "ksyun", name: "Kingsoft Cloud", nameZh: "金山云", ...chinese("Beijing Kingsoft Cloud Network Technology Co., Ltd.", "北京金山云网络技术有限公司"), category: "cdn", domains: ["ksyun.com", "ksyuncs.com"], source: "docs.ksyun.com: KS3 endpoints" },
  { id: "baomitu", name: "360 front-end CDN", nameZh: "360 前端静态资源库", ...QIHOO, category: "cdn", domains: ["baomitu.com"], source: "cdn.baomitu.com: library list" },
  { id: "bootcdn", name: "BootCDN", ...chinese("BootCDN (Bootstrap Chinese site)", "BootCDN（Bootstrap 中文网）"), category: "cdn", domains: ["bootcdn.net", "bootcss.com"], source: "bootcdn.cn: about page" },
  {
    id: "aws-china",
    name: "Amazon Web Services in China",
    nameZh: "亚马逊云科技（中国区域）",
    ...chinese("Beijing Sinnet Technology Co., Ltd. and Ningxia Western Cloud Data Technology Co., Ltd.", "北京光环新网科技股份有限公司、宁夏西云数据科技有限公司"),
    category: "cdn",
    domains: ["amazonaws.com.cn", "cloudfront.cn"],
    source: "amazonaws.cn: the operators of the Beijing and Ningxia regions"
  },
  { id: "azure-china", name: "Microsoft Azure operated by 21Vianet", nameZh: "由世纪互联运营的 Microsoft Azure", ...chinese("Shanghai Blue Cloud Technology Co., Ltd.", "上海蓝云网络科技有限公司"), category: "cdn", domains: ["chinacloudapi.cn", "azure.cn"], source: "azure.cn: operator notice and service endpoints" }
]
