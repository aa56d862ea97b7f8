/*! Social 80/20 embed loader, protocol v1. MIT. Turns each
 * <div data-social8020 data-accent="#0b7285" ...> into the widget's iframe,
 * sized to its content; see README "Embedding on your site". */
(function (w, d) {
  var NS = "social8020";
  var KEY = "__" + NS;
  // Loaded twice: the first copy scans again; one listener, one frame each.
  if (typeof w[KEY] == "function") return w[KEY]();
  // The widget sits beside this script; its origin is the only one heard.
  var me = d.currentScript || d.querySelector('script[src*="embed.js"]');
  if (!me) return;
  var app = new URL("index.html", me.src);
  var frames = [];
  var MAX = 20000;
  var SETTINGS = "accent theme currency locale lang cta-url cta-label share-url weights targets bands".split(" ");
  // The frame's title in the language of each catalog (the pseudo-locales
  // of the tests aside), written in by tools/post-build.mjs.
  var TITLES = "__TITLES__";

  // The title in the language the start script (boot.js) chooses: the
  // first of `wanted` that a catalog serves, by its own tag, else by one
  // of the same language (`de-AT` by `de`); else English.
  function title(wanted) {
    for (var i = 0, tag, t; i < wanted.length; i++) {
      tag = String(wanted[i] || "").trim().toLowerCase();
      for (t in TITLES) if (t.toLowerCase() == tag) return TITLES[t];
      for (t in TITLES) if (t.split("-")[0] == tag.split("-")[0]) return TITLES[t];
    }
    return TITLES.en;
  }

  // The page's own share fragment, for frames that share onto this page.
  function fragment(url, el) {
    if (el.hasAttribute("data-share-url") && /^#s=/.test(location.hash)) url.hash = location.hash;
    return url.href;
  }

  function load(el) {
    var url = new URL(app);
    var frame = d.createElement("iframe");
    var style = frame.style;
    el.setAttribute("data-" + NS + "-loaded", "");
    url.searchParams.set("embed", "1");
    SETTINGS.forEach(function (name) {
      var value = el.getAttribute("data-" + name);
      if (value != null) url.searchParams.set(name, value);
    });
    // This page's language: the widget's choice when data-lang is missing.
    var page = d.documentElement.lang;
    if (page) url.searchParams.set("page_lang", page);
    frame.src = fragment(url, el);
    frame.title = title([el.getAttribute("data-lang"), page].concat(navigator.languages || [navigator.language]));
    frame.setAttribute("loading", "lazy");
    frame.setAttribute("allow", "clipboard-write");
    // The widget learns this page's origin from the referrer where the
    // browser has no location.ancestorOrigins, to check share-url against.
    frame.setAttribute("referrerpolicy", "strict-origin-when-cross-origin");
    // From another origin, a sandbox with only what the widget needs (no
    // top navigation, forms or modals); on this page's own origin a
    // sandbox that allows scripts and the origin could be lifted anyway.
    if (app.origin !== location.origin) frame.setAttribute("sandbox", "allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox allow-downloads");
    // The frame takes the content's height, so it never needs a scrollbar
    // (one would narrow the content and change its height again).
    frame.setAttribute("scrolling", "no");
    style.width = "100%";
    style.border = "0";
    style.display = "block";
    style.height = (parseInt(el.getAttribute("data-height"), 10) || 4000) + "px";
    el.textContent = "";
    el.appendChild(frame);
    frames.push([frame, el, url]);
  }

  function scan() {
    var found = d.querySelectorAll("[data-" + NS + "]:not([data-" + NS + "-loaded])");
    for (var i = 0; i < found.length; i++) load(found[i]);
  }

  // The keys of the README's event table, each a finite number, null or
  // (band) a band name: nothing a visitor typed can reach the host page.
  var KEYS = "score band signalsUsed activities vitalFew resultSharePct timeSharePct clipboard scoreBefore scoreNow scoreChange matched new dropped".split(" ");
  function clean(detail) {
    var out = {};
    KEYS.forEach(function (key) {
      var value = detail && Object.prototype.hasOwnProperty.call(detail, key) ? detail[key] : undefined;
      if (value === null || (typeof value == "number" && isFinite(value)) ||
          (key == "band" && /^(following|growing_community|community)$/.test(value) && typeof value == "string")) {
        out[key] = value;
      }
    });
    return out;
  }

  // Google Tag Manager's {event: "social8020_result", ...}: numbers only.
  function push(name, detail) {
    var entry = {};
    for (var key in detail) if (Number.isFinite(detail[key])) entry[key] = detail[key];
    entry.event = NS + "_" + name;
    (w.dataLayer = w.dataLayer || []).push(entry);
  }

  w.addEventListener("message", function (e) {
    var m = e.data;
    if (e.origin !== app.origin || !e.source || !m || m.version !== 1) return;
    frames.forEach(function (f) {
      if (f[0].contentWindow !== e.source) return;
      var height = m.height;
      if (m.type === NS + ":height" && Number.isInteger(height) && height >= 200) {
        // Capped: past MAX the frame stops growing and scrolls inside.
        f[0].style.height = Math.min(height, MAX) + "px";
        f[0].setAttribute("scrolling", height > MAX ? "auto" : "no");
      } else if (m.type === NS + ":event" && /^(ready|result|share|cta|compare)$/.test(m.name)) {
        f[1].dispatchEvent(new CustomEvent(NS + ":" + m.name, { bubbles: true, detail: clean(m.detail) }));
        if (f[1].hasAttribute("data-datalayer")) push(m.name, m.detail);
      } else if (m.type === NS + ":scroll" && Number.isInteger(m.top) && Number.isInteger(m.bottom) && m.top >= 0 && m.bottom >= m.top && m.bottom <= 20000) {
        // A band of the content out of view: a focused control, or (0, 0)
        // its new top, brought back only from above.
        var top = f[0].getBoundingClientRect().top + m.top;
        var below = m.bottom > m.top ? top + m.bottom - m.top - w.innerHeight : 0;
        if (top < 0 || below > 0) w.scrollBy(0, top < 0 ? top : Math.min(top, below));
      } else if (m.type === NS + ":link-settled" && f[1].hasAttribute("data-share-url") && /^#s=/.test(location.hash)) {
        // The visitor chose what to do with the shared scenario: a reload
        // should show that, not the link again.
        history.replaceState(history.state, "", location.pathname + location.search);
      }
    });
  });

  // A share link opened on a page that is already open changes only its
  // fragment: pass it on, and the widget opens it without reloading.
  w.addEventListener("hashchange", function () {
    frames.forEach(function (f) {
      var src = fragment(f[2], f[1]);
      if (src !== f[0].src) f[0].src = src;
    });
  });

  w[KEY] = scan;
  scan();
  // Placeholders written after this script (async, or added later).
  new MutationObserver(scan).observe(d.documentElement, { childList: true, subtree: true });
})(window, document);
