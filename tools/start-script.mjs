// The page's one inline script: start.js, which shows the prerendered
// worked example as soon as index.html is parsed (see start.js and
// tools/prerender.mjs), and its hash, which the CSP's script-src names
// (docs/spec.md §8 allows one). The script's text does not depend on the
// build (the catalogs' tags are an attribute of the element, not part of
// the text), so its hash changes only when start.js does; the README's
// server settings carry it, and e2e/foundation.spec.mjs checks that they
// name the hash of the build.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { transformSync } from "esbuild";

/** The inline script's text: start.js, minified, and its call. */
export function startScript() {
  const source = readFileSync(new URL("../start.js", import.meta.url), "utf8");
  const call = 'social8020Start(document.currentScript.dataset.languages.split(" "), () => {});';
  return transformSync(`${source}\n${call}`, { minify: true, target: "es2020" }).code.trim();
}

/** The CSP source for a script's text: `'sha256-…'`. */
export const hashSource = (text) => `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;

/** The CSP source of the inline script in <folder>/index.html, or null. */
export function startHashIn(folder) {
  let html;
  try {
    html = readFileSync(join(folder, "index.html"), "utf8");
  } catch {
    return null;
  }
  const script = html.match(/<script data-languages="[^"]*">([\s\S]*?)<\/script>/);
  return script ? hashSource(script[1]) : null;
}
