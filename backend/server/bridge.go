package server

import (
	"encoding/json"
)

// bridgeScript defines, in the browser, the same globals the Wails window
// provides: window.go.app.<Service>.<Method>(...args) as promises over
// POST /rpc, and window.runtime's event functions over /events. A failed
// call rejects with {code, message, field}, as the window does (its
// ErrorFormatter is app.FormatError). The UI code cannot tell the two modes
// apart, so there is no second code path to test.
func bridgeScript(services map[string][]string) string {
	names, _ := json.Marshal(services)
	return `(function () {
  "use strict";
  var services = ` + string(names) + `;
  function call(service, method, args) {
    return fetch("./rpc/" + service + "." + method, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      credentials: "same-origin",
      body: JSON.stringify(args)
    }).then(function (res) {
      return res.text().then(function (text) {
        var body = null;
        try { body = text ? JSON.parse(text) : null; } catch (e) { body = null; }
        if (!res.ok) {
          // The same {code, message, field} the desktop window rejects with.
          throw {
            code: (body && body.code) || "EINTERNAL",
            message: (body && body.error) || ("HTTP " + res.status),
            field: (body && body.field) || ""
          };
        }
        return body;
      });
    }, function () {
      throw { code: "EUNAVAILABLE", message: "Chatflow Studio is not reachable; is chatflow serve still running?", field: "" };
    });
  }
  var app = {};
  Object.keys(services).forEach(function (svc) {
    app[svc] = {};
    services[svc].forEach(function (m) {
      app[svc][m] = function () { return call(svc, m, Array.prototype.slice.call(arguments)); };
    });
  });
  window.go = { app: app };

  var listeners = {};
  var source = null;
  function connect() {
    if (source) return;
    source = new EventSource("./events");
    source.onmessage = function (e) {
      var ev = JSON.parse(e.data);
      (listeners[ev.name] || []).slice().forEach(function (l) {
        if (l.left === 0) return;
        if (l.left > 0) l.left--;
        try { l.cb(ev.data); } catch (err) { console.error(err); }
      });
      Object.keys(listeners).forEach(function (n) {
        listeners[n] = listeners[n].filter(function (l) { return l.left !== 0; });
      });
    };
  }
  function onMultiple(name, cb, max) {
    connect();
    var l = { cb: cb, left: max };
    (listeners[name] = listeners[name] || []).push(l);
    return function () {
      listeners[name] = (listeners[name] || []).filter(function (x) { return x !== l; });
    };
  }
  function noop() {}
  window.runtime = {
    EventsOnMultiple: onMultiple,
    EventsOn: function (n, cb) { return onMultiple(n, cb, -1); },
    EventsOnce: function (n, cb) { return onMultiple(n, cb, 1); },
    EventsOff: function (n) {
      for (var i = 0; i < arguments.length; i++) delete listeners[arguments[i]];
    },
    EventsOffAll: function () { listeners = {}; },
    EventsEmit: function (n) {
      var data = Array.prototype.slice.call(arguments, 1);
      (listeners[n] || []).slice().forEach(function (l) { l.cb.apply(null, data); });
    },
    BrowserOpenURL: function (url) { window.open(url, "_blank", "noopener"); },
    ClipboardSetText: function (t) { return navigator.clipboard.writeText(t).then(function () { return true; }); },
    ClipboardGetText: function () { return navigator.clipboard.readText(); },
    Environment: function () { return Promise.resolve({ buildType: "production", platform: "browser", arch: "" }); },
    WindowSetTitle: function (t) { document.title = t; },
    WindowReload: function () { location.reload(); },
    WindowReloadApp: function () { location.reload(); },
    LogPrint: noop, LogTrace: noop, LogDebug: noop, LogInfo: noop, LogWarning: noop, LogError: noop, LogFatal: noop,
    WindowSetLightTheme: noop, WindowSetDarkTheme: noop, WindowSetSystemDefaultTheme: noop,
    Quit: noop, Hide: noop, Show: noop
  };
})();`
}
