// The embed builder: settings in, a live preview and two snippets out.
// The checks mirror core/src/host.rs so that what the builder offers is
// what the widget accepts; the widget checks everything again anyway.
"use strict";

(function () {
  const $ = (id) => document.getElementById(id);
  // The widget and its loader sit beside this page.
  const LOADER = new URL("embed.js", location.href).href;
  const APP = new URL("index.html", location.href).href;
  // The plain iframe cannot follow its content: a height that fits the
  // worked example on a laptop.
  const IFRAME_HEIGHT = 4200;
  const WEIGHTS = ["w-time", "w-results", "w-conversation", "w-loyalty", "w-advocacy"];
  const TARGETS = ["t-conversation", "t-loyalty", "t-advocacy"];
  const URL_RULE = "Use an https:// address (http:// only for localhost or 127.0.0.1).";

  function safeUrl(text) {
    const match = /^(https?):\/\/([^/?#]*)/i.exec(text);
    if (!match || /[\s"'<>`\\]/.test(text) || match[2].includes("@")) return false;
    const host = match[2].replace(/:\d{1,5}$/, "").toLowerCase();
    if (!/^[\p{L}\p{N}][\p{L}\p{N}.-]*$/u.test(host)) return false;
    return match[1].toLowerCase() === "https" || host === "localhost" || host === "127.0.0.1";
  }

  // Each text setting: its check, and what to say when it fails.
  const CHECKS = {
    accent: [(v) => /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.test(v), "Use a colour such as #0b7285 or #08c."],
    currency: [(v) => /^[A-Z]{3}$/.test(v), "Use an ISO 4217 code in capitals, such as EUR."],
    locale: [
      (v) => v.length <= 35 && /^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/.test(v),
      "Use a language tag such as de-DE or en-GB.",
    ],
    "cta-label": [(v) => [...v].length <= 40, "Use at most 40 characters."],
    "cta-url": [safeUrl, URL_RULE],
    "share-url": [safeUrl, URL_RULE],
  };

  function showError(id, message) {
    const input = $(id);
    const error = $(`${id}-error`);
    if (input) input.setAttribute("aria-invalid", message ? "true" : "false");
    error.textContent = message || "";
    error.hidden = !message;
  }

  /** The settings that pass their checks, as [name, value] pairs in the
   * order of the README; bad ones are marked on their fields. */
  function settings() {
    const out = [];
    for (const name of ["accent", "theme", "currency", "locale", "cta-label", "cta-url", "share-url"]) {
      const value = $(name).value.trim();
      if (name === "theme") {
        if (value !== "auto") out.push([name, value]);
        continue;
      }
      const [ok, message] = CHECKS[name];
      const good = value === "" || ok(value);
      showError(name, good ? "" : message);
      if (value !== "" && good && !(name === "accent" && value.toLowerCase() === "#0b7285")) {
        out.push([name, value]);
      }
    }
    if (out.some(([n]) => n === "cta-label") && !out.some(([n]) => n === "cta-url")) {
      showError("cta-label", "Add the button link as well: a label alone shows nothing.");
    }
    const score = scoreSettings();
    showError("score", score.error);
    // Loader only: a bare attribute, "" here.
    const analytics = $("datalayer").checked ? [["datalayer", ""]] : [];
    return out.concat(score.pairs, analytics);
  }

  /** Weights and targets: all standard unless at least one is typed; the
   * empty ones then take their standard value. */
  function scoreSettings() {
    const read = (ids) => ids.map((id) => $(id).value.trim());
    const standard = (ids) => ids.map((id) => $(id).placeholder);
    const weights = read(WEIGHTS);
    const targets = read(TARGETS);
    const pairs = [];
    if (weights.some((v) => v !== "")) {
      const values = weights.map((v, i) => Number(v === "" ? standard(WEIGHTS)[i] : v));
      if (values.some((v) => !(v >= 0)) || !values.some((v) => v > 0)) {
        return { pairs: [], error: "Weights are numbers of 0 or more, and at least one is above 0." };
      }
      pairs.push(["weights", values.join(",")]);
    }
    if (targets.some((v) => v !== "")) {
      const values = targets.map((v, i) => Number(v === "" ? standard(TARGETS)[i] : v));
      if (values.some((v) => !(v > 0 && v <= 100))) {
        return { pairs: [], error: "Full marks are above 0 % and at most 100 %." };
      }
      pairs.push(["targets", values.map((v) => +(v / 100).toFixed(4)).join(",")]);
    }
    return { pairs, error: "" };
  }

  const escape = (text) =>
    text.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

  function loaderSnippet(pairs) {
    const attributes = pairs
      .map(([name, value]) => (value === "" ? ` data-${name}` : ` data-${name}="${escape(value)}"`))
      .join("");
    return `<div data-social8020${attributes}></div>\n<script src="${escape(LOADER)}" async></script>`;
  }

  function iframeSnippet(pairs) {
    const url = new URL(APP);
    url.searchParams.set("embed", "1");
    // Share links need the loader to reach the widget, so the plain iframe
    // leaves the share page out.
    for (const [name, value] of pairs) {
      if (name !== "share-url" && name !== "datalayer") url.searchParams.set(name, value);
    }
    return (
      `<iframe src="${escape(url.href)}" title="Social 80/20 calculator" loading="lazy"\n` +
      `  allow="clipboard-write" style="width:100%;height:${IFRAME_HEIGHT}px;border:0"></iframe>`
    );
  }

  let shown = null;
  function update() {
    const pairs = settings();
    $("snippet-loader").value = loaderSnippet(pairs);
    $("snippet-iframe").value = iframeSnippet(pairs);
    const key = JSON.stringify(pairs);
    if (key === shown) return;
    shown = key;
    // A fresh placeholder: embed.js, loaded on this page, turns it into the
    // widget's frame, exactly as on the host's page.
    const placeholder = document.createElement("div");
    placeholder.setAttribute("data-social8020", "");
    for (const [name, value] of pairs) placeholder.setAttribute(`data-${name}`, value);
    placeholder.setAttribute("data-height", "1600");
    for (const name of ["ready", "result", "share", "cta"]) {
      placeholder.addEventListener(`social8020:${name}`, (e) => logEvent(name, e.detail));
    }
    $("preview").replaceChildren(placeholder);
    $("events").replaceChildren();
  }

  function logEvent(name, detail) {
    const item = document.createElement("li");
    item.textContent = `social8020:${name} ${JSON.stringify(detail)}`;
    const log = $("events");
    log.prepend(item);
    while (log.children.length > 6) log.lastElementChild.remove();
  }

  async function copy(id, button) {
    const field = $(id);
    const status = $("copy-status");
    try {
      await navigator.clipboard.writeText(field.value);
      status.textContent = `✓ ${button.textContent.replace(/^Copy /, "Copied the ")}.`;
    } catch {
      // The clipboard is blocked here: the snippet is selected to copy by hand.
      field.focus();
      field.select();
      status.textContent = "Your browser blocked copying: press Ctrl+C (⌘C on a Mac) to copy the selected snippet.";
    }
  }

  let timer = 0;
  function later() {
    clearTimeout(timer);
    timer = setTimeout(update, 350);
  }

  $("settings").addEventListener("input", (e) => {
    if (e.target.id === "accent-picker") $("accent").value = e.target.value;
    if (e.target.id === "accent" && /^#[0-9a-f]{6}$/i.test(e.target.value.trim())) {
      $("accent-picker").value = e.target.value.trim().toLowerCase();
    }
    later();
  });
  $("settings").addEventListener("change", later);
  $("settings").addEventListener("submit", (e) => e.preventDefault());
  for (const button of document.querySelectorAll("[data-copy]")) {
    button.addEventListener("click", () => copy(button.dataset.copy, button));
  }
  update();
})();
