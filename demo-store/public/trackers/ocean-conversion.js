/*
 * Ocean Engine conversion-pixel imitation, served by the demo store. Like the real pixel it keeps a first-party
 * `_ttp` browser id and reports each conversion (`_oeq.push(["track", event, params])`) as an image request to
 * analytics.oceanengine.com with the advertiser id, the event, the page and the browser id.
 */
(function () {
  var collector = __COLLECTOR__;
  var advertiserId = "";

  function readCookie(name) {
    var match = document.cookie.match(new RegExp("(?:^|; )" + name + "=([^;]*)"));
    return match ? decodeURIComponent(match[1]) : "";
  }
  var browserId = readCookie("_ttp");
  if (!browserId) {
    browserId = "";
    var alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    for (var i = 0; i < 27; i++) browserId += alphabet.charAt(Math.floor(Math.random() * alphabet.length));
  }
  document.cookie = "_ttp=" + browserId + "; path=/; max-age=33696000";

  function track(event, properties) {
    if (!advertiserId) return;
    var params = {
      advertiser_id: advertiserId,
      event_type: event,
      ttp: browserId,
      url: location.href,
      referrer: document.referrer,
      ts: Date.now(),
      lib: "js",
      lib_version: "2.1.4"
    };
    for (var key in properties || {}) params["properties[" + key + "]"] = properties[key];
    var query = Object.keys(params).map(function (name) { return encodeURIComponent(name) + "=" + encodeURIComponent(params[name]); }).join("&");
    new Image().src = collector + "/api/v2/pixel?" + query;
  }

  function handle(command) {
    if (!command || !command.length) return;
    if (command[0] === "init") advertiserId = String(command[1] || "");
    else if (command[0] === "track") track(String(command[1] || ""), command[2]);
  }

  var queued = window._oeq && window._oeq.length ? Array.prototype.slice.call(window._oeq) : [];
  window._oeq = { push: function () { for (var i = 0; i < arguments.length; i++) handle(arguments[i]); } };
  queued.forEach(handle);
})();
