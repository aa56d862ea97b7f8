// The embed builder: settings in, a live preview and two snippets out.
// The builder holds no copy of the widget's rules: it passes what was
// typed to the preview, and the widget (core/src/host.rs) reports over a
// checked message which settings it took and why it ignored the others.
// The snippets hold only the settings the widget took.
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
  const TEXT_SETTINGS = ["accent", "theme", "currency", "locale", "cta-label", "cta-url", "share-url"];
  // Where the widget's warning about a setting is shown.
  const FIELD_OF = { weights: "score", targets: "score", bands: "score" };

  function showError(id, message) {
    const input = $(id);
    const error = $(`${id}-error`);
    if (!error) return;
    if (input) input.setAttribute("aria-invalid", message ? "true" : "false");
    error.textContent = message || "";
    error.hidden = !message;
  }

  /** What was typed, as [name, value] pairs; blank fields and the standard
   * accent and theme are left out. */
  function typed() {
    const out = [];
    for (const name of TEXT_SETTINGS) {
      const value = $(name).value.trim();
      if (value === "" || (name === "theme" && value === "auto")) continue;
      if (name === "accent" && value.toLowerCase() === "#0b7285") continue;
      out.push([name, value]);
    }
    // Weights and targets: all standard unless at least one is typed; the
    // empty ones then take their standard value. Targets are typed in
    // percent and passed on as fractions, as typed: the widget judges them.
    const read = (ids) => ids.map((id) => $(id).value.trim() || $(id).placeholder);
    if (WEIGHTS.some((id) => $(id).value.trim() !== "")) out.push(["weights", read(WEIGHTS).join(",")]);
    if (TARGETS.some((id) => $(id).value.trim() !== "")) {
      out.push(["targets", read(TARGETS).map(fraction).join(",")]);
    }
    // Loader only, and not the widget's to judge: a bare attribute.
    if ($("datalayer").checked) out.push(["datalayer", ""]);
    return out;
  }

  /** A percentage as typed, as a fraction: "40" is "0.4". Text that is not
   * a plain number is passed on unchanged for the widget to refuse. */
  function fraction(text) {
    if (!/^\d+(\.\d+)?$/.test(text)) return text;
    const [whole, decimals = ""] = text.split(".");
    const digits = whole + decimals;
    const point = whole.length - 2;
    const shifted =
      point > 0 ? `${digits.slice(0, point)}.${digits.slice(point)}` : `0.${"0".repeat(-point)}${digits}`;
    return shifted.replace(/^0+(?=\d)/, "").replace(/(\.\d*?)0+$/, "$1").replace(/\.$/, "");
  }

  /** Shows the widget's report: each ignored setting's message on its
   * field, and the snippets with only what it took. */
  function showReport(pairs, report) {
    const messages = {};
    for (const [setting, message] of report.warnings) {
      const field = FIELD_OF[setting] || setting;
      messages[field] = messages[field] ? `${messages[field]} ${message}` : message;
    }
    for (const field of TEXT_SETTINGS.concat("score")) showError(field, messages[field] || "");
    const kept = pairs.filter(([name]) => name === "datalayer" || report.accepted.includes(name));
    $("snippet-loader").value = loaderSnippet(kept);
    $("snippet-iframe").value = iframeSnippet(kept);
    $("check-status").textContent = report.warnings.length
      ? "The widget ignores the settings marked ⚠; the snippet leaves them out."
      : "The widget takes every setting above.";
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
      `  allow="clipboard-write" referrerpolicy="strict-origin-when-cross-origin"\n` +
      `  sandbox="allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox allow-downloads"\n` +
      `  style="width:100%;height:${IFRAME_HEIGHT}px;border:0"></iframe>`
    );
  }

  let shown = null;
  let pending = null;
  function update() {
    const pairs = typed();
    const key = JSON.stringify(pairs);
    if (key === shown) return;
    shown = key;
    pending = pairs;
    $("check-status").textContent = "Checking the settings in the preview…";
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

  // The preview's report of the settings it took: only from the preview's
  // own frame, of this origin, with the expected shape.
  const strings = (list) => Array.isArray(list) && list.every((s) => typeof s === "string");
  window.addEventListener("message", (event) => {
    const frame = $("preview").querySelector("iframe");
    const data = event.data;
    if (!frame || event.source !== frame.contentWindow || event.origin !== location.origin) return;
    if (!data || data.type !== "social8020:settings" || data.version !== 1 || !pending) return;
    if (!strings(data.accepted) || !Array.isArray(data.warnings) || !data.warnings.every(strings)) return;
    showReport(pending, { accepted: data.accepted, warnings: data.warnings });
  });

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
