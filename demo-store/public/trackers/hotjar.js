/*
 * Hotjar session-recorder imitation (hotjar-<site>.js), served by the demo store. Like the real recorder it keeps
 * `_hjSessionUser_<site>` and `_hjSession_<site>` cookies, reports the visit, and records clicks, scrolls and form
 * input, sending batches of JSON to in.hotjar.com. Input values are masked ("*" per character) unless the page's
 * `_hjSettings.maskInputs` is false, which is the misconfiguration the leaky demo shows.
 */
(function () {
  var site = __SITE_ID__;
  var collector = __COLLECTOR__;
  var settings = window._hjSettings || {};
  if (window._hjRecording) return;
  window._hjRecording = true;
  var maskInputs = settings.maskInputs !== false;

  function readCookie(name) {
    var match = document.cookie.match(new RegExp("(?:^|; )" + name + "=([^;]*)"));
    return match ? decodeURIComponent(match[1]) : "";
  }
  function uuid() {
    return crypto.randomUUID ? crypto.randomUUID() : String(Math.random()).slice(2) + String(Date.now());
  }
  function readJsonCookie(name) {
    try {
      return JSON.parse(atob(readCookie(name)));
    } catch (error) {
      return null;
    }
  }
  var now = Date.now();
  var user = readJsonCookie("_hjSessionUser_" + site) || { id: uuid(), created: now, existing: false };
  var session = readJsonCookie("_hjSession_" + site) || { id: uuid(), c: now, s: 0, r: 0, sb: 0, sr: 0, se: 0, fs: 1, sp: 0 };
  document.cookie = "_hjSessionUser_" + site + "=" + btoa(JSON.stringify(user)) + "; path=/; max-age=31536000";
  document.cookie = "_hjSession_" + site + "=" + btoa(JSON.stringify(session)) + "; path=/; max-age=1800";
  user.existing = true;

  var base = collector + "/api/v2/client/sites/" + site;
  function post(path, payload) {
    fetch(base + path, {
      method: "POST",
      mode: "cors",
      credentials: "include",
      keepalive: true,
      headers: { "content-type": "text/plain;charset=UTF-8" },
      body: JSON.stringify(payload)
    }).catch(function () {});
  }

  post("/visit-data", {
    user_id: user.id,
    session_id: session.id,
    page_url: location.href,
    referrer: document.referrer,
    window_width: window.innerWidth,
    window_height: window.innerHeight,
    language: navigator.language,
    r_value: 1
  });

  var buffer = [];
  var lastInput = {};
  function selectorOf(element) {
    if (!element || !element.tagName) return "";
    var name = element.tagName.toLowerCase();
    if (element.id) return name + "#" + element.id;
    if (element.getAttribute && element.getAttribute("name")) return name + "[name=" + element.getAttribute("name") + "]";
    return name;
  }
  function record(type, data) {
    data.type = type;
    data.time = Date.now() - now;
    buffer.push(data);
  }
  function flush() {
    for (var key in lastInput) record("input", lastInput[key]);
    lastInput = {};
    if (!buffer.length) return;
    post("/recordings/content", { user_id: user.id, session_id: session.id, page_url: location.href, events: buffer });
    buffer = [];
  }

  document.addEventListener("click", function (event) {
    record("click", { selector: selectorOf(event.target), x: event.clientX, y: event.clientY });
  }, true);
  document.addEventListener("input", function (event) {
    var target = event.target;
    if (!target || typeof target.value !== "string" || target.type === "password") return;
    var selector = selectorOf(target);
    lastInput[selector] = { selector: selector, value: maskInputs ? target.value.replace(/[^\s]/g, "*") : target.value };
  }, true);
  window.addEventListener("scroll", function () {
    record("scroll", { y: Math.round(window.scrollY) });
  }, { passive: true });
  document.addEventListener("submit", flush, true);
  window.addEventListener("pagehide", flush);
  setInterval(flush, 3000);

  var queued = (window.hj && window.hj.q) || [];
  window.hj = function (command, value) {
    if (command === "event") record("event", { name: String(value) });
  };
  queued.forEach(function (call) { window.hj.apply(null, call); });
})();
