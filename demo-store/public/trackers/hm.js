/*
 * Baidu Tongji imitation (hm.js?<siteid>), served by the demo store. Like the real script it keeps the visit
 * cookies Hm_lvt_<siteid> (recent visit times) and Hm_lpvt_<siteid> (last page view), sends an hm.gif pixel for
 * every page view and for every `_hmt.push(["_trackEvent", ...])`, and replaces the `_hmt` queue with a live one.
 */
(function () {
  var siteId = __SITE_ID__;
  var collector = __COLLECTOR__;
  if (!siteId || window["_bdhm_loaded_" + siteId]) return;
  window["_bdhm_loaded_" + siteId] = true;

  function readCookie(name) {
    var match = document.cookie.match(new RegExp("(?:^|; )" + name + "=([^;]*)"));
    return match ? decodeURIComponent(match[1]) : "";
  }
  function writeCookie(name, value, maxAge) {
    document.cookie = name + "=" + encodeURIComponent(value) + "; path=/" + (maxAge ? "; max-age=" + maxAge : "");
  }

  var now = Math.round(Date.now() / 1000);
  var visits = readCookie("Hm_lvt_" + siteId).split(",").filter(Boolean);
  var lastPageView = Number(readCookie("Hm_lpvt_" + siteId)) || 0;
  var newVisit = now - lastPageView > 1800;
  if (newVisit) visits = visits.concat(String(now)).slice(-4);
  writeCookie("Hm_lvt_" + siteId, visits.join(","), 31536000);
  writeCookie("Hm_lpvt_" + siteId, String(now));

  function send(extra) {
    var params = {
      cc: 1,
      ck: navigator.cookieEnabled ? 1 : 0,
      cl: screen.colorDepth + "-bit",
      ds: screen.width + "x" + screen.height,
      vl: window.innerHeight,
      et: 0,
      ja: 0,
      ln: (navigator.language || "").toLowerCase(),
      lo: 0,
      lt: visits[0] || now,
      rnd: Math.floor(Math.random() * 2147483647),
      si: siteId,
      v: "1.3.2",
      lv: visits.length > 1 ? 2 : 1,
      sn: (now % 65535) + 1,
      r: 0,
      ww: window.innerWidth,
      ct: "!!",
      u: location.href,
      tt: document.title,
      su: document.referrer
    };
    for (var key in extra) params[key] = extra[key];
    var query = Object.keys(params).map(function (name) { return name + "=" + encodeURIComponent(params[name]); }).join("&");
    new Image().src = collector + "/hm.gif?" + query;
  }

  function handle(command) {
    if (!command || !command.length) return;
    if (command[0] === "_trackEvent") send({ et: 4, ep: [command[1], command[2], command[3] || "", command[4] || ""].join("*"), nv: 0 });
    else if (command[0] === "_trackPageview") send({ et: 0, u: location.origin + command[1] });
  }

  send({ nv: newVisit ? 1 : 0 });
  var queued = window._hmt && window._hmt.length ? Array.prototype.slice.call(window._hmt) : [];
  window._hmt = { push: function () { for (var i = 0; i < arguments.length; i++) handle(arguments[i]); } };
  queued.forEach(handle);
})();
