// The embed builder: settings in, a live preview and two snippets out.
// The builder holds no copy of the widget's rules: it passes what was
// typed to the preview, and the widget (core/src/host.rs) reports over a
// checked message which settings it took and why it ignored the others.
// The snippets hold only the settings the widget took.
//
// Its words come from the widget's catalogs (i18n/, section "Embed builder
// page"), which the build splits: the widget's catalog of a language leaves
// the builder's words out, and the builder reads its own. The build writes
// i18n/languages.json (the catalogs' tags and names, and under `builder`
// the builder catalogs' hash, files and keys in order) and each catalog as
// one value per line in that order. The page speaks the language of `?lang=`, else the first of
// the browser's languages a catalog serves, else English; its menu
// switches. Words go into the elements that name a key: `data-t` for the
// text (a `{name}` in it is the child element `data-slot="name"`, such as
// a <code>), `data-t-placeholder` and `data-t-label` (aria-label).
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
  const TEXT_SETTINGS = ["accent", "theme", "currency", "locale", "lang", "cta-label", "cta-url", "share-url"];
  // Where the widget's warning about a setting is shown.
  const FIELD_OF = { weights: "score", targets: "score", bands: "score" };

  // What the preview shows (to skip a rebuild that changes nothing), and
  // the settings it is checking.
  let shown = null;
  let pending = null;

  // ── Words

  /** languages.json: {tags, names: {tag: name}, builder: {hash, files: {tag: url}, keys}}
   * (and the widget's catalogs, which this page does not read). */
  let languages = { tags: [], names: {}, builder: { hash: "", files: {}, keys: [] } };
  /** The page's words, key to text. */
  let words = new Map();
  const t = (key) => words.get(key) ?? "";

  /** A catalog's words, downloaded once. */
  const catalogs = new Map();
  function catalog(tag) {
    if (!catalogs.has(tag)) {
      const load = async () => {
        const { hash, files, keys } = languages.builder;
        const response = await fetch(new URL(files[tag], location.href));
        const lines = response.ok ? (await response.text()).split("\n") : [];
        // The header, one line per key, and the empty piece after the last newline.
        if (lines[0] !== `#social8020 ${tag} ${hash}` || lines.length !== keys.length + 2) {
          throw new Error(`the ${tag} catalog did not load (status ${response.status})`);
        }
        return new Map(keys.map((key, i) => [key, lines[i + 1]]));
      };
      catalogs.set(tag, load());
    }
    return catalogs.get(tag);
  }

  // The catalog that serves a tag, by the start script's rule (boot.js): the
  // catalog of that tag, else one of the same language (`de-AT` by `de`);
  // the pseudo-locales of the tests (`en-XA`, `ar-XB`) only by their own.
  const pseudo = (tag) => /-X[A-B]$/i.test(tag);
  const primary = (tag) => tag.split("-")[0].toLowerCase();
  function serve(wanted) {
    const tag = String(wanted).trim();
    return (
      languages.tags.find((t) => t.toLowerCase() === tag.toLowerCase()) ||
      languages.tags.find((t) => !pseudo(t) && !pseudo(tag) && primary(t) === primary(tag))
    );
  }

  /** The element's text: `text` with each `{name}` replaced by its slot. */
  const slots = new WeakMap();
  function fill(element, text) {
    if (!slots.has(element)) {
      slots.set(element, new Map([...element.querySelectorAll("[data-slot]")].map((s) => [s.dataset.slot, s])));
    }
    const own = slots.get(element);
    element.replaceChildren(...text.split(/\{(\w+)\}/).map((piece, i) => (i % 2 ? own.get(piece) || "" : piece)));
  }

  /** Puts the words of `tag` on the page. */
  function speak(tag, dictionary) {
    words = dictionary;
    document.documentElement.lang = tag;
    document.documentElement.dir = t("meta.dir") === "rtl" ? "rtl" : "ltr";
    for (const element of document.querySelectorAll("[data-t]")) fill(element, t(element.dataset.t));
    for (const element of document.querySelectorAll("[data-t-placeholder]")) {
      element.placeholder = t(element.dataset.tPlaceholder);
    }
    for (const element of document.querySelectorAll("[data-t-label]")) {
      element.setAttribute("aria-label", t(element.dataset.tLabel));
    }
    const menu = $("page-lang");
    // A pseudo-locale, reached only by `?lang=`, is in the menu while shown.
    if (!languages.names[tag] && ![...menu.options].some((o) => o.value === tag)) menu.append(option(tag, t("meta.name")));
    menu.value = tag;
    $("copy-status").textContent = "";
  }

  /** A menu entry for a catalog, named in its own language. */
  function option(tag, name) {
    const entry = new Option(name, tag);
    entry.lang = tag;
    return entry;
  }

  /** Shows the page in `tag`, and the preview again: with the widget's
   * language on automatic, it follows the page's (as on a host page). */
  async function show(tag) {
    speak(tag, await catalog(tag));
    shown = null;
    update();
  }

  async function start() {
    const response = await fetch(new URL("i18n/languages.json", location.href));
    if (!response.ok) throw new Error(`i18n/languages.json: status ${response.status}`);
    languages = await response.json();
    const names = Object.entries(languages.names);
    $("page-lang").append(...names.map(([tag, name]) => option(tag, name)));
    $("lang").append(...names.map(([tag, name]) => option(tag, name)));
    const asked = new URLSearchParams(location.search).get("lang");
    const wanted = [asked, ...(navigator.languages || [navigator.language])].filter(Boolean);
    const tag = wanted.map(serve).find(Boolean) || "en";
    await show(tag).catch((error) => {
      if (tag === "en") throw error;
      console.warn(`Social 80/20: ${error.message}; showing English.`);
      return show("en");
    });
  }

  // ── Settings, preview and snippets

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
  async function showReport(pairs, report) {
    const messages = {};
    for (const [setting, message] of report.warnings) {
      const field = FIELD_OF[setting] || setting;
      messages[field] = messages[field] ? `${messages[field]} ${message}` : message;
    }
    for (const field of TEXT_SETTINGS.concat("score")) showError(field, messages[field] || "");
    const kept = pairs.filter(([name]) => name === "datalayer" || report.accepted.includes(name));
    $("check-status").textContent = t(report.warnings.length ? "builder.some_ignored" : "builder.all_taken");
    $("snippet-loader").value = loaderSnippet(kept);
    // The plain iframe's title in the widget's language when the host sets
    // one, else in the language of this page.
    const lang = kept.find(([name]) => name === "lang");
    const named = lang && languages.files[lang[1]] ? await catalog(lang[1]).catch(() => words) : words;
    if (pending === pairs) $("snippet-iframe").value = iframeSnippet(kept, named.get("builder.frame_title") || "");
  }

  const escape = (text) =>
    text.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

  function loaderSnippet(pairs) {
    const attributes = pairs
      .map(([name, value]) => (value === "" ? ` data-${name}` : ` data-${name}="${escape(value)}"`))
      .join("");
    return `<div data-social8020${attributes}></div>\n<script src="${escape(LOADER)}" async></script>`;
  }

  function iframeSnippet(pairs, title) {
    const url = new URL(APP);
    url.searchParams.set("embed", "1");
    // Share links need the loader to reach the widget, so the plain iframe
    // leaves the share page out.
    for (const [name, value] of pairs) {
      if (name !== "share-url" && name !== "datalayer") url.searchParams.set(name, value);
    }
    return (
      `<iframe src="${escape(url.href)}" title="${escape(title)}" loading="lazy"\n` +
      `  allow="clipboard-write" referrerpolicy="strict-origin-when-cross-origin"\n` +
      `  sandbox="allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox allow-downloads"\n` +
      `  style="width:100%;height:${IFRAME_HEIGHT}px;border:0"></iframe>`
    );
  }

  function update() {
    const pairs = typed();
    const key = JSON.stringify(pairs);
    if (key === shown) return;
    shown = key;
    pending = pairs;
    $("check-status").textContent = t("builder.checking");
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
      status.textContent = t(button.dataset.copied);
    } catch {
      // The clipboard is blocked here: the snippet is selected to copy by hand.
      field.focus();
      field.select();
      status.textContent = t("builder.copy_blocked");
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
  $("page-lang").addEventListener("change", (e) => {
    const tag = e.target.value;
    const url = new URL(location.href);
    url.searchParams.set("lang", tag);
    history.replaceState(history.state, "", url);
    show(tag).catch((error) => console.error("Social 80/20:", error.message));
  });
  start().catch((error) => console.error("Social 80/20: the embed builder's words did not load:", error.message));
})();
