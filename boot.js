// Starts the widget: downloads the catalog of the visitor's language while
// the wasm downloads, and runs the wasm with it (docs/spec.md §9).
//
// tools/post-build.mjs appends this file to wasm-bindgen's JS glue module,
// so the page needs no request of its own for it and runs under
// `script-src 'self' 'wasm-unsafe-eval'` without a hash, and replaces
// CATALOGS below with the catalogs of the build: their content-hashed file
// names and the version of the key list they were written for.
//
// The language and the prerendered page come from start.js, which
// tools/post-build.mjs puts before this file.
const CATALOGS = "__CATALOGS__";

{
  const warn = (text) => console.warn(`Social 80/20: ${text}`);
  let [chosen, locale] = social8020Start(Object.keys(CATALOGS.files), warn);

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

  Promise.all([catalog, __wbg_init({ module_or_path: self.social8020Wasm })])
    .then(([text]) => {
      start(text, locale);
      // The breakdown card is skipped while far from the viewport only once
      // the first frame of the live page is drawn (styles/20-layout.css): a
      // frame callback runs as its frame begins; the task it queues, once
      // that frame is drawn. A background tab draws no frame until shown.
      requestAnimationFrame(() => setTimeout(() => document.body.setAttribute("data-drawn", "")));
    })
    .catch((error) => {
      console.error("Social 80/20 could not start:", error);
      for (const node of document.querySelectorAll("body > [inert]")) node.remove();
      const note = document.createElement("p");
      note.className = "boot-failed";
      note.textContent = "Social 80/20 could not load. Check your connection and reload the page.";
      document.body.append(note);
    });
}

// The browser skips drawing the breakdown card while it is far from the
// viewport (content-visibility: auto, styles/20-layout.css) and says when it
// starts and stops; <html> carries that as data-skipped, which the wasm
// reads to draw the card after an edit's frame (Numbers in
// src/view/breakdown.rs). The event does not bubble: it is heard as it
// passes down; the activity rows, skipped the same way, say it too.
addEventListener(
  "contentvisibilityautostatechange",
  (event) => {
    if (event.target.matches(".numbers")) document.documentElement.toggleAttribute("data-skipped", event.skipped);
  },
  true,
);
