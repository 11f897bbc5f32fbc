/*
 * Meta Pixel imitation (fbevents.js), served by the demo store. Like the real pixel it keeps the `_fbp` browser id,
 * hashes advanced-matching data given to `fbq("init", pixelId, { em, ph })` with SHA-256 after normalising it, and
 * sends every `fbq("track", event, customData)` as an image request to www.facebook.com/tr with the hashed user
 * data as ud[...] and the custom data as cd[...] exactly as the page passed it.
 */
(function () {
  var collector = __COLLECTOR__;
  if (window.fbq && window.fbq.loaded) return;
  var pixelId = "";
  var userData = {};
  var hashing = Promise.resolve();
  var eventCount = 0;
  var started = Date.now();

  function readCookie(name) {
    var match = document.cookie.match(new RegExp("(?:^|; )" + name + "=([^;]*)"));
    return match ? decodeURIComponent(match[1]) : "";
  }
  var browserId = readCookie("_fbp") || "fb.1." + started + "." + Math.floor(Math.random() * 2147483647);
  document.cookie = "_fbp=" + browserId + "; path=/; max-age=7776000";

  function normalise(key, value) {
    var text = String(value).trim().toLowerCase();
    if (key === "ph") {
      text = text.replace(/\D/g, "");
      if (/^1\d{10}$/.test(text)) text = "86" + text;
    }
    return text;
  }
  function sha256(text) {
    return crypto.subtle.digest("SHA-256", new TextEncoder().encode(text)).then(function (buffer) {
      return Array.prototype.map.call(new Uint8Array(buffer), function (byte) { return byte.toString(16).padStart(2, "0"); }).join("");
    });
  }

  function init(id, data) {
    pixelId = String(id);
    var fields = data || {};
    hashing = Promise.all(Object.keys(fields).filter(function (key) { return fields[key]; }).map(function (key) {
      return sha256(normalise(key, fields[key])).then(function (hash) { userData[key] = hash; });
    })).catch(function () {});
  }

  function track(eventName, customData) {
    if (!pixelId) return hashing;
    return hashing.then(function () {
      eventCount += 1;
      var params = {
        id: pixelId,
        ev: eventName,
        dl: location.href,
        rl: document.referrer,
        if: false,
        ts: Date.now(),
        sw: screen.width,
        sh: screen.height,
        v: "2.9.179",
        r: "stable",
        ec: eventCount,
        o: 4126,
        fbp: browserId,
        it: started,
        coo: false,
        rqm: "GET"
      };
      for (var key in userData) params["ud[" + key + "]"] = userData[key];
      for (var field in customData || {}) params["cd[" + field + "]"] = customData[field];
      var query = Object.keys(params).map(function (name) { return encodeURIComponent(name) + "=" + encodeURIComponent(params[name]); }).join("&");
      new Image().src = collector + "/tr?" + query;
    });
  }

  var queued = (window.fbq && window.fbq.queue) || [];
  var fbq = function (command) {
    if (command === "init") init(arguments[1], arguments[2]);
    else if (command === "track" || command === "trackCustom") return track(String(arguments[1]), arguments[2]);
    return hashing;
  };
  fbq.loaded = true;
  fbq.version = "2.0";
  window.fbq = fbq;
  queued.forEach(function (call) { fbq.apply(null, call); });
})();
