/*
 * Sensors Data web SDK imitation (sensorsdata.min.js), served by the demo store. Like the real SDK it reads its
 * settings from the page's `sensors.para` stub, keeps the `sensorsdata2015jssdkcross` cookie (anonymous id, and the
 * login id once `sensors.login(id)` is called), sends `$pageview` on load and every `sensors.track(event, props)`
 * as a form POST to `server_url` with `data=<base64 of the event JSON>`, and replays calls queued before it loaded.
 */
(function () {
  var name = window.sensorsDataAnalytic201505 || "sensors";
  var stub = window[name] || {};
  var para = stub.para || {};
  if (!para.server_url || stub._loaded) return;
  var version = "1.26.18";
  var cookieName = "sensorsdata2015jssdkcross";

  function randomId() {
    var hex = "";
    for (var i = 0; i < 4; i++) hex += Math.floor(Math.random() * 0xffffffff).toString(16);
    return Date.now().toString(16) + "-" + hex.slice(0, 14) + "-" + hex.slice(14, 22) + "-" + screen.width * screen.height + "-" + hex.slice(22);
  }
  function readState() {
    var match = document.cookie.match(new RegExp("(?:^|; )" + cookieName + "=([^;]*)"));
    try {
      return match ? JSON.parse(decodeURIComponent(match[1])) : null;
    } catch (error) {
      return null;
    }
  }
  function writeState() {
    document.cookie = cookieName + "=" + encodeURIComponent(JSON.stringify(state)) + "; path=/; max-age=" + 5 * 365 * 86400;
  }
  function base64(text) {
    var bytes = new TextEncoder().encode(text);
    var binary = "";
    for (var i = 0; i < bytes.length; i++) binary += String.fromCharCode(bytes[i]);
    return btoa(binary);
  }

  var state = readState();
  if (!state || !state.distinct_id) {
    var deviceId = randomId();
    state = { distinct_id: deviceId, first_id: "", props: {}, identities: { $identity_cookie_id: deviceId }, $device_id: deviceId };
  }
  writeState();

  function presetProperties() {
    return {
      $timezone_offset: new Date().getTimezoneOffset(),
      $screen_height: screen.height,
      $screen_width: screen.width,
      $viewport_height: window.innerHeight,
      $viewport_width: window.innerWidth,
      $lib: "js",
      $lib_version: version,
      $latest_traffic_source_type: document.referrer ? "引荐流量" : "直接流量",
      $latest_referrer: document.referrer,
      $url: location.href,
      $url_path: location.pathname,
      $title: document.title,
      $is_first_day: true
    };
  }

  function send(payload) {
    var json = JSON.stringify(payload);
    var body = "data=" + encodeURIComponent(base64(json)) + "&ext=" + encodeURIComponent("crc=" + (json.length % 9973)) + "&gzip=0";
    fetch(para.server_url, {
      method: "POST",
      mode: "cors",
      credentials: "include",
      keepalive: true,
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: body
    }).catch(function () {});
  }

  function event(type, eventName, properties, extra) {
    var props = presetProperties();
    for (var key in properties || {}) props[key] = properties[key];
    var payload = {
      distinct_id: state.distinct_id,
      anonymous_id: state.$device_id,
      identities: state.identities,
      lib: { $lib: "js", $lib_method: "code", $lib_version: version },
      properties: props,
      type: type,
      event: eventName,
      time: Date.now(),
      _track_id: Math.floor(Math.random() * 4294967295),
      _flush_time: Date.now()
    };
    for (var field in extra || {}) payload[field] = extra[field];
    send(payload);
  }

  var api = {
    _loaded: true,
    para: para,
    track: function (eventName, properties) { event("track", String(eventName), properties); },
    login: function (loginId) {
      var id = String(loginId);
      if (!id || id === state.distinct_id) return;
      var original = state.distinct_id;
      state.first_id = state.first_id || original;
      state.distinct_id = id;
      state.identities.$identity_login_id = id;
      writeState();
      event("track_signup", "$SignUp", {}, { original_id: original });
    },
    setProfile: function (properties) { event("profile_set", "", properties); },
    quick: function () {}
  };

  var queued = stub._q || [];
  window[name] = api;
  event("track", "$pageview", {});
  queued.forEach(function (call) {
    var method = api[call[0]];
    if (typeof method === "function") method.apply(api, Array.prototype.slice.call(call[1]));
  });
})();
