// The page's one inline script: start.js, which shows the prerendered
// worked example as soon as index.html is parsed (see start.js and
// tools/prerender.mjs), and its hash, which the CSP's script-src names
// (docs/spec.md §8 allows one). The script's text does not depend on the
// build (the catalogs' tags are an attribute of the element, not part of
// the text), so its hash changes only when start.js does; the README's
// server settings carry it, and e2e/foundation.spec.mjs checks that they
// name the hash of the build.
import { createHash } from "node:crypto";
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { transformSync } from "esbuild";

/** The CSP source for a script's text: `'sha256-…'`. */
const hashSource = (text) => `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;

/** The inline script's text: start.js, minified, and its call. */
function startScript() {
  const source = readFileSync(new URL("../start.js", import.meta.url), "utf8");
  const call = 'social8020Start(document.currentScript.dataset.languages.split(" "), () => {});';
  const text = transformSync(`${source}\n${call}`, { minify: true, target: "es2020" }).code.trim();
  if (text.includes("</")) throw new Error("start.js, minified, contains </, which would end its <script> early");
  return text;
}

/** The inline <script> element for the catalogs' `tags`, and the CSP
 * source of its hash. The element's form is the one startHashIn reads. */
export function startElement(tags) {
  const text = startScript();
  return { html: `<script data-languages="${tags.join(" ")}">${text}</script>`, hash: hashSource(text) };
}

/** index.html files read: their modification time and the hash found. */
const read = new Map();

/** The CSP source of the inline script in <folder>/index.html, or null.
 * Read again only when the file changes (a rebuild while serving). */
export function startHashIn(folder) {
  const file = join(folder, "index.html");
  let changed;
  try {
    changed = statSync(file).mtimeMs;
  } catch {
    return null;
  }
  const known = read.get(file);
  if (known?.changed === changed) return known.hash;
  const script = readFileSync(file, "utf8").match(/<script data-languages="[^"]*">([\s\S]*?)<\/script>/);
  const hash = script ? hashSource(script[1]) : null;
  read.set(file, { changed, hash });
  return hash;
}

