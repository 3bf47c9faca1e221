// torv preview: live reload and the error overlay. Only `torv serve` adds
// this script to the pages it serves; it is never part of a built site.
// See internal/server/doc.go for the protocol.
(function () {
  "use strict";
  var me = document.currentScript;
  if (!me || !window.EventSource) return;
  var build = me.getAttribute("data-torv-build") || "";
  var errorPage = me.hasAttribute("data-torv-errors");
  var shownSig = me.getAttribute("data-torv-errors") || "";
  var scrollKey = "torv-scroll:" + location.pathname;

  // Back to where the reader was before the reload.
  try {
    var saved = sessionStorage.getItem(scrollKey);
    if (saved) {
      sessionStorage.removeItem(scrollKey);
      var xy = saved.split(",");
      // "instant": the site's CSS may ask for smooth scrolling.
      var back = function () { window.scrollTo({ left: +xy[0], top: +xy[1], behavior: "instant" }); };
      back();
      // Again when images and styles have loaded and the page is as long
      // as it will be, unless the reader has scrolled since.
      var at = window.scrollY;
      window.addEventListener("load", function () { if (window.scrollY === at) back(); });
    }
  } catch (e) { /* storage may be off */ }

  function reload() {
    try { sessionStorage.setItem(scrollKey, window.scrollX + "," + window.scrollY); } catch (e) { /* ignore */ }
    location.reload();
  }

  // A new stylesheet: the new link goes in beside the old one, and the old
  // one goes when the new one has loaded, so the page never flashes unstyled.
  function swapCSS(css) {
    var links = document.querySelectorAll('link[rel="stylesheet"]');
    Array.prototype.forEach.call(links, function (old) {
      if (old.getAttribute("href") !== css.old) return;
      var next = old.cloneNode(false);
      if (css.integrity) next.setAttribute("integrity", css.integrity);
      else next.removeAttribute("integrity");
      next.setAttribute("href", css.href);
      next.addEventListener("load", function () { old.remove(); });
      old.after(next);
    });
  }

  var host = null, returnFocus = null;

  function el(name, attrs, text) {
    var e = document.createElement(name);
    for (var k in attrs) e.setAttribute(k, attrs[k]);
    if (text) e.textContent = text;
    return e;
  }

  function hideOverlay() {
    if (!host) return;
    host.remove();
    host = null;
    if (returnFocus && returnFocus.focus) returnFocus.focus();
    returnFocus = null;
  }

  // The overlay lives in a shadow root with a stylesheet of its own, so
  // the page's styles neither break it nor are needed by it.
  function showOverlay(r) {
    if (host) { host.remove(); host = null; }
    else returnFocus = document.activeElement;
    host = document.createElement("torv-error-overlay");
    var root = host.attachShadow({ mode: "open" });
    root.appendChild(el("link", { rel: "stylesheet", href: "/__torv/overlay.css" }));
    var box = el("section", { role: "alertdialog", "aria-modal": "true", "aria-labelledby": "torv-title",
      "aria-describedby": "torv-intro", tabindex: "-1", lang: r.lang, class: "overlay" });
    box.appendChild(el("h2", { id: "torv-title" }, r.title));
    box.appendChild(el("p", { id: "torv-intro" }, r.intro));
    var list = el("ol", { class: "errors" });
    r.errors.forEach(function (e) {
      var li = el("li", { class: e.warning ? "warning" : "error" });
      var where = el("p", { class: "where" });
      if (e.warning) where.appendChild(el("strong", {}, r.warning + ": "));
      where.appendChild(el("code", {}, e.pos));
      if (e.at) where.appendChild(el("span", { class: "at" }, " (" + e.at + ")"));
      li.appendChild(where);
      li.appendChild(el("p", { class: "msg" }, e.msg));
      if (e.source) {
        var pre = el("pre", { class: "source" });
        pre.appendChild(el("span", { class: "line" }, e.source + "\n"));
        if (e.marker) pre.appendChild(el("span", { class: "marker", "aria-hidden": "true" }, e.marker));
        li.appendChild(pre);
      }
      if (e.hint) {
        var fix = el("p", { class: "fix" });
        fix.appendChild(el("strong", {}, r.fix + " "));
        fix.appendChild(document.createTextNode(e.hint));
        li.appendChild(fix);
      }
      list.appendChild(li);
    });
    box.appendChild(list);
    var close = el("button", { type: "button", class: "close" }, r.close);
    close.addEventListener("click", hideOverlay);
    box.appendChild(close);
    box.addEventListener("keydown", function (ev) { if (ev.key === "Escape") hideOverlay(); });
    root.appendChild(box);
    document.body.appendChild(host);
    box.focus();
  }

  // One event stream per visible page: a browser opens only six
  // connections to a server, and hidden tabs would use them up. A tab that
  // comes back says which build it shows and is brought up to date.
  var events = null;
  function connect() {
    if (events) return;
    events = new EventSource("/__torv/events?path=" + encodeURIComponent(location.pathname) +
      "&build=" + encodeURIComponent(build));
    events.addEventListener("update", function (ev) {
      var m = JSON.parse(ev.data);
      if (errorPage || m.reload) { events.close(); reload(); return; }
      if (m.build) build = m.build;
      shownSig = "";
      hideOverlay();
      if (m.css) swapCSS(m.css);
    });
    events.addEventListener("errors", function (ev) {
      var r = JSON.parse(ev.data);
      if (r.sig === shownSig) return; // already shown (or hidden by the reader)
      if (errorPage) { events.close(); reload(); return; }
      shownSig = r.sig;
      showOverlay(r);
    });
  }
  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "hidden") {
      if (events) { events.close(); events = null; }
    } else {
      connect();
    }
  });
  if (document.visibilityState !== "hidden") connect();
})();
