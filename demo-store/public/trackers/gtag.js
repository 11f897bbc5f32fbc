/*
 * Google tag (gtag.js?id=G-…) imitation, served by the demo store. Like the real tag it keeps the `_ga` client id
 * and the `_ga_<container>` session cookie, works through the `dataLayer` the page's snippet fills, and sends a GA4
 * `page_view` plus every `gtag("event", name, params)` to www.google-analytics.com/g/collect with sendBeacon.
 */
(function () {
  var collector = __COLLECTOR__;
  var measurementId = __MEASUREMENT_ID__;
  if (!measurementId) return;
  var dataLayer = (window.dataLayer = window.dataLayer || []);
  if (dataLayer._zxLoaded) return;

  function readCookie(name) {
    var match = document.cookie.match(new RegExp("(?:^|; )" + name + "=([^;]*)"));
    return match ? decodeURIComponent(match[1]) : "";
  }
  var now = Math.round(Date.now() / 1000);
  var clientId = readCookie("_ga").split(".").slice(2).join(".");
  if (!clientId) clientId = Math.floor(Math.random() * 2147483647) + "." + now;
  document.cookie = "_ga=GA1.1." + clientId + "; path=/; max-age=" + 2 * 365 * 86400;
  var sessionCookie = "_ga_" + measurementId.replace(/^G-/, "");
  var session = readCookie(sessionCookie).split(".");
  var sessionId = session[2] || String(now);
  var sessionCount = Number(session[3]) || 1;
  document.cookie = sessionCookie + "=GS1.1." + sessionId + "." + sessionCount + ".1." + now + ".0.0.0; path=/; max-age=" + 2 * 365 * 86400;
  var hits = 0;
  var configured = false;

  function collect(eventName, params) {
    hits += 1;
    var query = {
      v: 2,
      tid: measurementId,
      gtm: "45je5c30v9",
      _p: Math.floor(Math.random() * 2147483647),
      cid: clientId,
      ul: (navigator.language || "").toLowerCase(),
      sr: screen.width + "x" + screen.height,
      sid: sessionId,
      sct: sessionCount,
      seg: 1,
      _s: hits,
      dl: location.href,
      dr: document.referrer,
      dt: document.title,
      en: eventName
    };
    for (var key in params || {}) query[(typeof params[key] === "number" ? "epn." : "ep.") + key] = params[key];
    var url = collector + "/g/collect?" + Object.keys(query).map(function (name) { return name + "=" + encodeURIComponent(query[name]); }).join("&");
    if (!(navigator.sendBeacon && navigator.sendBeacon(url))) fetch(url, { method: "POST", mode: "no-cors", keepalive: true }).catch(function () {});
  }

  function handle(command) {
    if (!command || !command.length) return;
    if (command[0] === "config" && command[1] === measurementId && !configured) {
      configured = true;
      collect("page_view", {});
    } else if (command[0] === "event") collect(String(command[1]), command[2]);
  }

  dataLayer._zxLoaded = true;
  var queued = Array.prototype.slice.call(dataLayer);
  var push = dataLayer.push;
  dataLayer.push = function () {
    for (var i = 0; i < arguments.length; i++) handle(arguments[i]);
    return push.apply(dataLayer, arguments);
  };
  queued.forEach(handle);
})();
