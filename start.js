// The visitor's language, and the prerendered worked example on screen
// before the wasm has arrived (docs/spec.md §8, §9).
//
// This file runs twice, by design. tools/prerender.mjs inlines it at the
// start of index.html's <body>, before the prerendered pages, and adds its
// hash to the CSP: there it places each page as it is parsed, so the
// browser draws the example before the page's module has even run. And
// tools/post-build.mjs puts it at the start of the page's module, where
// boot.js takes the language from it; there it shows the prerendered page
// itself should the inline copy not have run (a host that serves the page
// under a CSP without its hash). Showing is idempotent, so the second run
// changes nothing after the first.
//
// The language: the host setting `lang`, else the host page's language
// (`page_lang`, which the loader passes), else the browser's languages,
// else English. A value given by the host that no catalog serves is
// warned about and the chain goes on. A tag is served by the catalog of
// the same tag, else of the same language (`de-AT` by `de`, `pt-PT` by
// `pt-BR`); the pseudo-locales of the tests (`en-XA`, `ar-XB`) only by
// their own tag.
//
// The prerendered pages (one per language, see tools/prerender.mjs) are in
// <body>, hidden and inert. The one of the visitor's locale is shown, still
// inert (nothing on it can be focused or clicked, so nothing is lost;
// `data-embed` stands for the live page's class app--embed), only
// where the wasm would render exactly that page: no fragment, no save other
// than the worked example's own (which the widget writes on a first visit),
// no host setting but the language and embedding. The others are removed.
// Yew's mount empties <body> and renders the live page in one task, so no
// frame shows both or neither.
//
// It also starts compiling the wasm (which <link rel=preload> is already
// downloading), so that it compiles while the page is parsed and drawn
// rather than from when the module runs, after that; boot.js instantiates
// the compiled module, kept in `self.social8020Wasm`.
//
// `tags`: the catalogs' tags. `warn`: says why a host's value was passed
// over. Returns [the catalog's tag, the visitor's tag that chose it].
const social8020Start = (tags, warn) => {
  if (!self.social8020Wasm) {
    const url = document.querySelector("script[data-wasm]").dataset.wasm;
    self.social8020Wasm = fetch(url).then(async (response) => {
      if (!response.ok) throw new Error(`status ${response.status} fetching the wasm`);
      try {
        return await WebAssembly.compileStreaming(response);
      } catch (error) {
        // A server that sends the wasm with another type: refused before
        // the body is read, so it is compiled from its bytes instead, as
        // wasm-bindgen's own loader does.
        if (response.headers.get("Content-Type") === "application/wasm") throw error;
        return WebAssembly.compile(await response.arrayBuffer());
      }
    });
    // Boot reports a failure; until it waits on it, it is not unhandled.
    self.social8020Wasm.catch(() => {});
  }

  const pseudo = (tag) => /-X[A-B]$/i.test(tag);
  const primary = (tag) => tag.split("-")[0].toLowerCase();
  const serve = (wanted) => {
    const tag = String(wanted).trim();
    return (
      tags.find((t) => t.toLowerCase() === tag.toLowerCase()) ||
      tags.find((t) => !pseudo(t) && !pseudo(tag) && primary(t) === primary(tag))
    );
  };

  const query = new URLSearchParams(location.search);
  let chosen;
  let locale;
  for (const name of ["lang", "page_lang"]) {
    const value = query.get(name);
    if (chosen || value == null) continue;
    chosen = serve(value);
    locale = value;
    if (!chosen) {
      warn(`the ${name === "lang" ? "host setting lang" : "host page's language"} "${value}" has no catalog (${tags.filter((t) => !pseudo(t)).join(", ")}); trying the next choice.`);
    }
  }
  for (const value of navigator.languages || [navigator.language]) {
    if (chosen || !value) continue;
    chosen = serve(value);
    locale = value;
  }
  if (!chosen) [chosen, locale] = ["en", "en"];

  // Each prerendered page as it is parsed (or, in the module, as it is):
  // the visitor's is shown, the others removed, so the browser draws the
  // example as soon as that page is parsed, while it parses the rest.
  const wanted = locale.toLowerCase();
  const embedded = /^(1|true)$/.test(query.get("embed")) || self !== top;
  const onlyKnownSettings = !location.hash.slice(1) && [...query.keys()].every((k) => /^(lang|page_lang|embed)$/.test(k));
  // A save other than the worked example's own opens another page.
  const saved = (example) => {
    try {
      return Object.entries(localStorage).some(([key, value]) => key.startsWith("social8020.") && value !== example);
    } catch {
      return false; // no storage: the wasm finds no save either
    }
  };
  const place = (page) => {
    if (!page.hidden) return;
    if (!onlyKnownSettings || !page.dataset.locales.split(" ").includes(wanted) || saved(page.dataset.example)) {
      page.remove();
      return;
    }
    if (embedded) page.dataset.embed = "";
    document.documentElement.lang = page.dataset.lang;
    document.documentElement.dir = page.dataset.dir;
    document.title = page.dataset.title;
    page.hidden = false;
  };
  for (const page of document.querySelectorAll("body > [data-locales]")) place(page);
  if (document.readyState === "loading" && document.body) {
    const parsed = new MutationObserver((records) => {
      for (const record of records) for (const node of record.addedNodes) if (node.dataset?.locales) place(node);
    });
    parsed.observe(document.body, { childList: true });
    document.addEventListener("DOMContentLoaded", () => parsed.disconnect(), { once: true });
  }
  return [chosen, locale];
};
