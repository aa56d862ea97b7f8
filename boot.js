// Starts the widget: picks the language, downloads its catalog while the
// wasm downloads, and runs the wasm with it (docs/spec.md §9).
//
// tools/post-build.mjs appends this file to wasm-bindgen's JS glue module,
// so the page needs no request of its own for it and runs under
// `script-src 'self' 'wasm-unsafe-eval'` without a hash, and replaces
// CATALOGS below with the catalogs of the build: their content-hashed file
// names and the version of the key list they were written for.
//
// The language: the host setting `lang`, else the host page's language
// (`page_lang`, which the loader passes), else the browser's languages,
// else English. A value given by the host that no catalog serves is
// warned about in the console and the chain goes on. A tag is served by
// the catalog of the same tag, else of the same language (`de-AT` by
// `de`, `pt-PT` by `pt-BR`); the pseudo-locales of the tests (`en-XA`,
// `ar-XB`) only by their own tag.
const CATALOGS = "__CATALOGS__";

{
  const warn = (text) => console.warn(`Social 80/20: ${text}`);
  const tags = Object.keys(CATALOGS.files);
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

  const load = async (tag) => {
    const response = await fetch(CATALOGS.files[tag]);
    const text = response.ok ? await response.text() : "";
    if (!text.startsWith(`#social8020 ${tag} ${CATALOGS.hash}\n`)) throw new Error(`status ${response.status}`);
    return text;
  };
  const catalog = load(chosen).catch((error) => {
    if (chosen === "en") throw error;
    warn(`the ${chosen} catalog did not load (${error.message}); showing English.`);
    [chosen, locale] = ["en", "en"];
    return load("en");
  });

  const tag = document.querySelector("script[data-wasm]");
  Promise.all([catalog, __wbg_init({ module_or_path: tag.dataset.wasm })])
    .then(([text]) => start(text, locale))
    .catch((error) => {
      console.error("Social 80/20 could not start:", error);
      for (const node of document.querySelectorAll("body > [inert]")) node.remove();
      const note = document.createElement("p");
      note.className = "boot-failed";
      note.textContent = "Social 80/20 could not load. Check your connection and reload the page.";
      document.body.append(note);
    });

  // The worked example as the wasm will render it, prerendered at build
  // time in each language (tools/prerender.mjs), on screen while the
  // catalog and the wasm download: only when the wasm would render
  // exactly that page (no fragment, no saved scenario, no host setting but
  // the language and embedding). Inert, so that no click or keystroke
  // lands on it and is lost; Yew's mount replaces it in one task.
  const snapshot = [...document.querySelectorAll("template[data-locales]")].find((t) =>
    t.dataset.locales.split(" ").includes(locale.toLowerCase()),
  );
  // A save other than the worked example's own (which the widget writes
  // on a first visit) opens another page.
  const saved = () => {
    try {
      return Object.entries(localStorage).some(([key, value]) => key.startsWith("social8020.") && value !== snapshot.dataset.example);
    } catch {
      return false; // no storage: the wasm finds no save either
    }
  };
  if (
    snapshot &&
    !location.hash.slice(1) &&
    [...query.keys()].every((k) => /^(lang|page_lang|embed)$/.test(k)) &&
    !saved()
  ) {
    const page = snapshot.content.cloneNode(true);
    for (const node of page.children) node.inert = true;
    if (/^(1|true)$/.test(query.get("embed")) || self !== top) page.querySelector(".app").classList.add("app--embed");
    document.documentElement.lang = snapshot.dataset.lang;
    document.documentElement.dir = snapshot.dataset.dir;
    document.title = snapshot.dataset.title;
    document.body.append(page);
  }
}
