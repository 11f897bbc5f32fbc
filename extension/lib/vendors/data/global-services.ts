/**
 * Services of companies outside mainland China that shops run on: monitoring, customer service, payment, maps,
 * CAPTCHA, sign-in, consent banners, site search, cloud storage and CDNs.
 */
import type { Vendor } from "../catalog"
import { ADOBE, AMAZON, APPLE, CLOUDFLARE, GOOGLE, LY, META, MICROSOFT, overseas, PAYPAL } from "./companies"

const SHOPIFY = overseas("Shopify Inc.", "Shopify 公司", "CA")

export const GLOBAL_SERVICES: readonly Vendor[] = [
  // Performance and error monitoring
  { id: "sentry", name: "Sentry", ...overseas("Functional Software, Inc. (Sentry)", "Sentry 公司", "US"), category: "monitoring", domains: ["sentry.io", "sentry-cdn.com"], globals: ["Sentry", "__SENTRY__"], source: "docs.sentry.io: JavaScript SDK and DSN hosts" },
  { id: "new-relic", name: "New Relic Browser", ...overseas("New Relic, Inc.", "New Relic 公司", "US"), category: "monitoring", domains: ["js-agent.newrelic.com", "nr-data.net"], globals: ["NREUM", "newrelic"], source: "docs.newrelic.com: browser agent and network endpoints" },
  {
    id: "datadog",
    name: "Datadog RUM and browser logs",
    ...overseas("Datadog, Inc.", "Datadog 公司", "US"),
    category: "monitoring",
    domains: ["datadoghq.com", "datadoghq.eu", "browser-intake-datadoghq.com", "browser-intake-datadoghq.eu", "ddog-gov.com"],
    globals: ["DD_RUM", "DD_LOGS"],
    cookies: ["_dd_s"],
    source: "docs.datadoghq.com: browser RUM setup, intake endpoints by site, cookies"
  },
  { id: "bugsnag", name: "Bugsnag", ...overseas("SmartBear Software Inc. (Bugsnag)", "SmartBear 公司（Bugsnag）", "US"), category: "monitoring", domains: ["bugsnag.com"], globals: ["Bugsnag"], source: "docs.bugsnag.com: JavaScript integration and endpoints" },
  { id: "rollbar", name: "Rollbar", ...overseas("Rollbar, Inc.", "Rollbar 公司", "US"), category: "monitoring", domains: ["rollbar.com"], globals: ["Rollbar", "_rollbarConfig"], source: "docs.rollbar.com: browser JS" },
  { id: "raygun", name: "Raygun", ...overseas("Raygun Limited", "Raygun 公司", "NZ"), category: "monitoring", domains: ["raygun.io", "raygun.com"], globals: ["rg4js"], source: "raygun.com documentation: JavaScript RUM and crash reporting" },
  { id: "trackjs", name: "TrackJS", ...overseas("TrackJS LLC", "TrackJS 公司", "US"), category: "monitoring", domains: ["trackjs.com"], globals: ["TrackJS"], source: "docs.trackjs.com: browser agent" },
  { id: "dynatrace", name: "Dynatrace RUM", ...overseas("Dynatrace LLC", "Dynatrace 公司", "US"), activeInChina: true, category: "monitoring", domains: ["dynatrace.com"], globals: ["dtrum"], cookies: ["dtCookie", "rxVisitor", "dtPC", "dtSa", "rxvt"], source: "docs.dynatrace.com: RUM JavaScript and cookies" },
  { id: "appdynamics", name: "AppDynamics browser RUM", ...overseas("Cisco Systems, Inc. (AppDynamics)", "思科公司（AppDynamics）", "US"), category: "monitoring", domains: ["appdynamics.com", "eum-appdynamics.com"], globals: ["ADRUM"], cookies: ["ADRUM", "ADRUM_BTa", "ADRUM_BT1"], source: "docs.appdynamics.com: browser RUM agent and cookies" },
  { id: "akamai-mpulse", name: "Akamai mPulse", ...overseas("Akamai Technologies, Inc.", "阿卡迈公司", "US"), category: "monitoring", domains: ["go-mpulse.net", "akstat.io"], globals: ["BOOMR"], source: "techdocs.akamai.com: mPulse boomerang" },
  { id: "speedcurve", name: "SpeedCurve RUM", ...overseas("SpeedCurve Limited", "SpeedCurve 公司", "NZ"), category: "monitoring", domains: ["speedcurve.com"], globals: ["LUX"], source: "support.speedcurve.com: RUM (lux.js)" },
  { id: "splunk-rum", name: "Splunk RUM", ...overseas("Splunk Inc.", "Splunk 公司", "US"), category: "monitoring", domains: ["signalfx.com"], globals: ["SplunkRum"], source: "docs.splunk.com: browser RUM realms and ingest endpoints" },
  { id: "grafana-faro", name: "Grafana Cloud Frontend Observability", ...overseas("Grafana Labs", "Grafana Labs 公司", "US"), category: "monitoring", domains: ["grafana.net"], globals: ["faro"], source: "grafana.com docs: Faro web SDK collector endpoints" },
  {
    id: "tencent-rum-overseas",
    name: "Tencent Cloud RUM (Singapore reporting)",
    nameZh: "腾讯云前端性能监控（新加坡上报）",
    ...overseas("Tencent Cloud International", "腾讯云国际", "SG"),
    category: "monitoring",
    domains: ["rumt-sg.com"],
    source: "cloud.tencent.com docs: RUM reporting domains by region"
  },
  // Customer service
  { id: "intercom", name: "Intercom", ...overseas("Intercom, Inc.", "Intercom 公司", "US"), category: "customer-service", domains: ["intercom.io", "intercomcdn.com", "intercomassets.com"], globals: ["Intercom"], cookies: ["intercom-id-*", "intercom-session-*"], source: "developers.intercom.com: Messenger install; cookie list" },
  { id: "zendesk", name: "Zendesk", ...overseas("Zendesk, Inc.", "Zendesk 公司", "US"), category: "customer-service", domains: ["zdassets.com", "zendesk.com"], globals: ["zE", "zESettings"], cookies: ["__zlcmid"], source: "developer.zendesk.com: Web Widget" },
  { id: "drift", name: "Drift", ...overseas("Salesloft, Inc. (Drift)", "Salesloft 公司（Drift）", "US"), category: "customer-service", domains: ["drift.com", "driftt.com"], globals: ["drift"], cookies: ["drift_aid", "drift_campaign_refresh"], source: "devdocs.drift.com: widget and cookies" },
  { id: "livechat", name: "LiveChat", ...overseas("Text S.A. (LiveChat)", "Text 公司（LiveChat）", "PL"), category: "customer-service", domains: ["livechatinc.com", "livechat.com"], globals: ["LiveChatWidget", "__lc"], source: "developers.livechat.com: chat widget" },
  { id: "tawk", name: "tawk.to", ...overseas("tawk.to inc.", "tawk.to 公司", "US"), category: "customer-service", domains: ["tawk.to"], globals: ["Tawk_API"], source: "help.tawk.to: widget code" },
  { id: "crisp", name: "Crisp", ...overseas("Crisp IM SAS", "Crisp 公司", "FR"), category: "customer-service", domains: ["crisp.chat"], globals: ["$crisp", "CRISP_WEBSITE_ID"], source: "docs.crisp.chat: chatbox installation" },
  { id: "freshchat", name: "Freshchat (Freshworks)", ...overseas("Freshworks Inc.", "Freshworks 公司", "US"), category: "customer-service", domains: ["freshchat.com", "freshworks.com"], globals: ["fcWidget"], source: "developers.freshchat.com: web messenger" },
  { id: "olark", name: "Olark", ...overseas("Olark", "Olark 公司", "US"), category: "customer-service", domains: ["olark.com"], globals: ["olark"], source: "olark.com help: embed code" },
  { id: "help-scout", name: "Help Scout Beacon", ...overseas("Help Scout PBC", "Help Scout 公司", "US"), category: "customer-service", domains: ["helpscout.net"], globals: ["Beacon"], source: "developer.helpscout.com: Beacon JavaScript API" },
  { id: "gorgias", name: "Gorgias chat", ...overseas("Gorgias, Inc.", "Gorgias 公司", "US"), category: "customer-service", domains: ["gorgias.chat", "gorgias.io"], globals: ["GorgiasChat"], source: "docs.gorgias.com: chat widget" },
  { id: "zoho-salesiq", name: "Zoho SalesIQ", ...overseas("Zoho Corporation Pvt. Ltd.", "Zoho 公司", "IN"), category: "customer-service", domains: ["salesiq.zoho.com", "zohocdn.com"], globals: ["$zoho"], source: "zoho.com SalesIQ help: embed code" },
  // Payment
  { id: "stripe", name: "Stripe", ...overseas("Stripe, Inc.", "Stripe 公司", "US"), category: "payment", domains: ["stripe.com", "stripe.network"], globals: ["Stripe"], cookies: ["__stripe_mid", "__stripe_sid"], source: "stripe.com docs: Stripe.js and cookies" },
  { id: "paypal", name: "PayPal", ...PAYPAL, activeInChina: true, category: "payment", domains: ["paypal.com", "paypalobjects.com"], globals: ["paypal"], source: "developer.paypal.com: JavaScript SDK" },
  { id: "braintree", name: "Braintree", ...PAYPAL, category: "payment", domains: ["braintreegateway.com", "braintree-api.com"], globals: ["braintree"], source: "developer.paypal.com: Braintree client SDK" },
  { id: "adyen", name: "Adyen", ...overseas("Adyen N.V.", "Adyen 公司", "NL"), activeInChina: true, category: "payment", domains: ["adyen.com", "adyenpayments.com"], globals: ["AdyenCheckout"], source: "docs.adyen.com: Web Drop-in and live endpoints" },
  { id: "checkout-com", name: "Checkout.com", ...overseas("Checkout Ltd", "Checkout.com 公司", "GB"), category: "payment", domains: ["checkout.com"], globals: ["CheckoutWebComponents"], source: "checkout.com docs: Frames and Flow" },
  { id: "klarna", name: "Klarna", ...overseas("Klarna Bank AB", "Klarna 银行", "SE"), category: "payment", domains: ["klarna.com", "klarnaservices.com", "klarnacdn.net"], globals: ["Klarna"], source: "docs.klarna.com: on-site messaging and payments SDK" },
  { id: "afterpay", name: "Afterpay", ...overseas("Afterpay Limited", "Afterpay 公司", "AU"), category: "payment", domains: ["afterpay.com"], globals: ["AfterPay"], source: "developers.afterpay.com: JavaScript and messaging" },
  { id: "apple-pay", name: "Apple Pay on the web", ...APPLE, activeInChina: true, category: "payment", domains: ["apple-pay-gateway.apple.com", "applepay.cdn-apple.com"], source: "developer.apple.com: Apple Pay on the Web, JS SDK and gateway domains" },
  { id: "google-pay", name: "Google Pay", ...GOOGLE, category: "payment", domains: ["pay.google.com"], source: "developers.google.com: Google Pay API for the web" },
  { id: "amazon-pay", name: "Amazon Pay", ...AMAZON, category: "payment", domains: ["payments.amazon.com", "amazonpay.com"], source: "developer.amazon.com: Amazon Pay checkout" },
  { id: "square", name: "Square", ...overseas("Block, Inc.", "Block 公司", "US"), category: "payment", domains: ["squareup.com", "squarecdn.com"], globals: ["Square"], source: "developer.squareup.com: Web Payments SDK" },
  { id: "airwallex", name: "Airwallex", ...overseas("Airwallex Pty Ltd", "空中云汇", "AU"), activeInChina: true, category: "payment", domains: ["airwallex.com"], globals: ["Airwallex"], source: "airwallex.com docs: payment elements; mainland entities in its legal pages" },
  { id: "alipay-plus", name: "Alipay+", ...overseas("Ant International", "蚂蚁国际", "SG"), category: "payment", domains: ["alipayplus.com"], source: "docs.alipayplus.com: integration" },
  { id: "payoneer", name: "Payoneer", ...overseas("Payoneer Inc.", "派安盈", "US"), activeInChina: true, category: "payment", domains: ["payoneer.com"], source: "payoneer.com: checkout documentation; mainland offices in its legal pages" },
  // Maps
  { id: "google-maps", name: "Google Maps Platform", ...GOOGLE, category: "maps", domains: ["maps.googleapis.com", "maps.gstatic.com"], source: "developers.google.com: Maps JavaScript API" },
  { id: "mapbox", name: "Mapbox", ...overseas("Mapbox, Inc.", "Mapbox 公司", "US"), category: "maps", domains: ["mapbox.com"], globals: ["mapboxgl"], source: "docs.mapbox.com: Mapbox GL JS and API hosts" },
  { id: "here-maps", name: "HERE Maps API", ...overseas("HERE Global B.V.", "HERE 公司", "NL"), category: "maps", domains: ["hereapi.com", "here.com"], source: "developer.here.com: Maps API for JavaScript" },
  { id: "bing-maps", name: "Bing Maps", ...MICROSOFT, category: "maps", domains: ["virtualearth.net"], source: "learn.microsoft.com: Bing Maps Web Control" },
  { id: "openstreetmap", name: "OpenStreetMap tiles", ...overseas("OpenStreetMap Foundation", "OpenStreetMap 基金会", "GB"), category: "maps", domains: ["tile.openstreetmap.org"], source: "operations.osmfoundation.org: tile usage policy" },
  { id: "arcgis", name: "ArcGIS", ...overseas("Esri (Environmental Systems Research Institute, Inc.)", "Esri 公司", "US"), category: "maps", domains: ["arcgis.com", "arcgisonline.com"], source: "developers.arcgis.com: Maps SDK for JavaScript" },
  { id: "apple-mapkit", name: "Apple MapKit JS", ...APPLE, category: "maps", domains: ["cdn.apple-mapkit.com"], globals: ["mapkit"], source: "developer.apple.com: MapKit JS" },
  // CAPTCHA
  { id: "google-recaptcha", name: "Google reCAPTCHA", ...GOOGLE, category: "captcha", domains: ["recaptcha.net"], paths: ["google.com/recaptcha/", "gstatic.com/recaptcha/"], globals: ["grecaptcha"], source: "developers.google.com: reCAPTCHA, including the recaptcha.net alternative" },
  { id: "hcaptcha", name: "hCaptcha", ...overseas("Intuition Machines, Inc.", "Intuition Machines 公司", "US"), category: "captcha", domains: ["hcaptcha.com"], globals: ["hcaptcha"], source: "docs.hcaptcha.com: configuration and hosts to allow" },
  { id: "cloudflare-turnstile", name: "Cloudflare Turnstile", ...CLOUDFLARE, category: "captcha", domains: ["challenges.cloudflare.com"], globals: ["turnstile"], source: "developers.cloudflare.com: Turnstile client-side rendering" },
  { id: "arkose", name: "Arkose Labs", ...overseas("Arkose Labs Holdings, Inc.", "Arkose Labs 公司", "US"), category: "captcha", domains: ["arkoselabs.com", "funcaptcha.com"], source: "developer.arkoselabs.com: client API" },
  { id: "friendly-captcha", name: "Friendly Captcha", ...overseas("Friendly Captcha GmbH", "Friendly Captcha 公司", "DE"), category: "captcha", domains: ["friendlycaptcha.com", "frcapi.com"], globals: ["friendlyChallenge"], source: "developer.friendlycaptcha.com: widget and API endpoints" },
  // Sign-in
  { id: "facebook-login", name: "Facebook Login", ...META, category: "social-login", domains: ["graph.facebook.com"], paths: ["facebook.com/dialog/"], globals: ["FB"], source: "developers.facebook.com: Facebook Login for the web" },
  { id: "google-sign-in", name: "Sign in with Google", ...GOOGLE, category: "social-login", domains: ["accounts.google.com"], source: "developers.google.com: Google Identity Services" },
  { id: "apple-sign-in", name: "Sign in with Apple", ...APPLE, activeInChina: true, category: "social-login", domains: ["appleid.apple.com", "appleid.cdn-apple.com"], globals: ["AppleID"], source: "developer.apple.com: Sign in with Apple JS" },
  { id: "line-login", name: "LINE Login", ...LY, category: "social-login", domains: ["access.line.me"], source: "developers.line.biz: LINE Login web" },
  // Consent banners and site search
  { id: "onetrust", name: "OneTrust cookie consent", ...overseas("OneTrust LLC", "OneTrust 公司", "US"), activeInChina: true, category: "other", domains: ["cookielaw.org", "onetrust.com"], globals: ["OneTrust", "OptanonWrapper"], cookies: ["OptanonConsent", "OptanonAlertBoxClosed"], source: "my.onetrust.com: cookie consent script and cookies" },
  { id: "cookiebot", name: "Cookiebot", ...overseas("Usercentrics A/S (Cookiebot)", "Usercentrics 公司（Cookiebot）", "DK"), category: "other", domains: ["cookiebot.com", "cookiebot.eu"], globals: ["Cookiebot"], cookies: ["CookieConsent"], source: "support.cookiebot.com: script and cookies" },
  { id: "usercentrics", name: "Usercentrics", ...overseas("Usercentrics GmbH", "Usercentrics 公司", "DE"), category: "other", domains: ["usercentrics.eu"], globals: ["UC_UI"], source: "docs.usercentrics.com: CMP script" },
  { id: "algolia", name: "Algolia search", ...overseas("Algolia SAS", "Algolia 公司", "FR"), category: "other", domains: ["algolia.net", "algolianet.com", "algolia.io"], globals: ["algoliasearch"], source: "algolia.com docs: API hosts and insights" },
  // Fonts, libraries, storage and CDNs
  { id: "google-fonts", name: "Google Fonts", ...GOOGLE, category: "cdn", domains: ["fonts.googleapis.com", "fonts.gstatic.com"], source: "developers.google.com: Fonts API" },
  { id: "google-cloud-storage", name: "Google Cloud Storage and hosted libraries", ...GOOGLE, category: "cdn", domains: ["storage.googleapis.com", "ajax.googleapis.com"], source: "cloud.google.com docs: request endpoints; developers.google.com: Hosted Libraries" },
  { id: "cdnjs", name: "cdnjs", ...CLOUDFLARE, category: "cdn", domains: ["cdnjs.cloudflare.com"], source: "cdnjs.com: about" },
  { id: "jsdelivr", name: "jsDelivr", ...overseas("Prospect One (jsDelivr)", "Prospect One 公司（jsDelivr）", "PL"), category: "cdn", domains: ["jsdelivr.net"], source: "jsdelivr.com: about and network" },
  { id: "unpkg", name: "unpkg", ...overseas("unpkg (open-source project)", "unpkg（开源项目）", "US"), category: "cdn", domains: ["unpkg.com"], source: "unpkg.com: about" },
  { id: "bootstrapcdn", name: "BootstrapCDN", ...overseas("StackPath, LLC", "StackPath 公司", "US"), category: "cdn", domains: ["bootstrapcdn.com"], source: "bootstrapcdn.com: about" },
  { id: "jquery-cdn", name: "jQuery CDN", ...overseas("OpenJS Foundation", "OpenJS 基金会", "US"), category: "cdn", domains: ["code.jquery.com"], source: "releases.jquery.com: jQuery CDN" },
  { id: "adobe-fonts", name: "Adobe Fonts (Typekit)", ...ADOBE, category: "cdn", domains: ["typekit.net", "typekit.com"], source: "helpx.adobe.com: Adobe Fonts web projects" },
  { id: "font-awesome", name: "Font Awesome kits", ...overseas("Fonticons, Inc.", "Fonticons 公司", "US"), category: "cdn", domains: ["fontawesome.com"], globals: ["FontAwesome"], source: "docs.fontawesome.com: kits" },
  { id: "amazon-cloudfront", name: "Amazon CloudFront", ...AMAZON, category: "cdn", domains: ["cloudfront.net"], source: "docs.aws.amazon.com: CloudFront distribution domain names" },
  { id: "amazon-s3", name: "Amazon Web Services (S3 and other endpoints)", ...AMAZON, category: "cdn", domains: ["amazonaws.com"], regions: "aws", source: "docs.aws.amazon.com: service endpoints by region" },
  { id: "fastly", name: "Fastly", ...overseas("Fastly, Inc.", "Fastly 公司", "US"), category: "cdn", domains: ["fastly.net", "fastly-insights.com"], source: "docs.fastly.com: service domains and Fastly Insights" },
  { id: "akamai", name: "Akamai CDN", ...overseas("Akamai Technologies, Inc.", "阿卡迈公司", "US"), activeInChina: true, category: "cdn", domains: ["akamaihd.net", "akamaized.net", "edgesuite.net", "edgekey.net"], source: "techdocs.akamai.com: edge hostnames" },
  { id: "azure-cdn", name: "Microsoft Azure storage and CDN", ...MICROSOFT, activeInChina: true, category: "cdn", domains: ["azureedge.net", "blob.core.windows.net", "azurefd.net"], source: "learn.microsoft.com: Azure Storage and Front Door endpoints" },
  { id: "shopify-cdn", name: "Shopify CDN", ...SHOPIFY, category: "cdn", domains: ["cdn.shopify.com", "shopifycdn.net"], source: "shopify.dev: asset URLs" },
  { id: "shopify-analytics", name: "Shopify analytics", ...SHOPIFY, category: "analytics", domains: ["shopifysvc.com"], globals: ["ShopifyAnalytics"], cookies: ["_shopify_y", "_shopify_s"], source: "shopify.com legal: cookies Shopify sets on storefronts" },
  { id: "gravatar", name: "Gravatar", ...overseas("Automattic Inc.", "Automattic 公司", "US"), category: "cdn", domains: ["gravatar.com"], source: "docs.gravatar.com: image requests" }
]
