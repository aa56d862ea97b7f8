// The size budget of docs/spec.md §8 as a test: what a visitor downloads to
// see the widget in one language (wasm + JS + CSS + that language's
// catalog), brotli at quality 11, must stay within 150 KB in every language. Bytes are
// deterministic for a given build, so unlike timings this can fail a build.
// Also fails if index.html points at another origin or at a file that is
// not in dist/, since either breaks a self-hosted, CSP-strict embed.
// Usage: node tools/size-guard.mjs [dist]   (SIZE_BUDGET overrides bytes)
import { readFileSync, readdirSync, existsSync } from "node:fs";
import { join, relative, extname, resolve } from "node:path";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";
import { pathToFileURL } from "node:url";

export const BUDGET = 150 * 1024; // 153,600 bytes
export const STRETCH = 120 * 1024;
export const EMBED_BUDGET = 2 * 1024; // the host page's loader, if built

export const gzip = (buf) => gzipSync(buf, { level: 9 }).length;
// Quality 11 with a size hint is what a host's static pre-compression
// (brotli -q 11) produces; on-the-fly servers often use less, so this is
// the best case a host can reach, the fair thing to hold a budget to.
export const brotli = (buf) =>
  brotliCompressSync(buf, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: 11,
      [constants.BROTLI_PARAM_SIZE_HINT]: buf.length,
    },
  }).length;

/** Every file under dir, as paths relative to it, sorted. */
export function files(dir) {
  const out = [];
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      e.isDirectory() ? walk(p) : out.push(relative(dir, p));
    }
  };
  walk(dir);
  return out.sort();
}

/** Every src/href/data-js/data-wasm in index.html: { attr, url, path },
 *  path being the file in dist/ for a relative URL, else null. */
export function references(dist) {
  const html = readFileSync(join(dist, "index.html"), "utf8");
  // Minified HTML drops the quotes, so all three attribute spellings count.
  const attrs = /\b(src|href|data-js|data-wasm)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/gi;
  return [...html.matchAll(attrs)].map(([, attr, dq, sq, bare]) => {
    const url = dq ?? sq ?? bare;
    const local = !/^([a-z][a-z0-9+.-]*:|\/\/|#|$)/i.test(url);
    const path = local ? decodeURIComponent(url.replace(/[?#].*$/, "").replace(/^\.?\//, "")) : null;
    return { attr, url, path };
  });
}

/** Problems with index.html's references: absolute URLs, missing files. */
export function checkReferences(dist) {
  const problems = [];
  for (const { attr, url, path } of references(dist)) {
    if (/^(https?:)?\/\//i.test(url)) {
      problems.push(`index.html ${attr}="${url}" is an absolute URL: the widget must load nothing from another origin.`);
    } else if (path !== null && !existsSync(join(dist, path))) {
      problems.push(`index.html ${attr}="${url}" names a file that is not in ${dist}/.`);
    }
  }
  return problems;
}

/** The catalog of each language the start script offers (not the
 *  pseudo-locales of the tests): { tag: path in dist }. */
export function catalogFiles(dist) {
  const list = join(dist, "i18n", "languages.json");
  if (!existsSync(list)) return {};
  const { files } = JSON.parse(readFileSync(list, "utf8"));
  return Object.fromEntries(
    Object.entries(files)
      .filter(([tag]) => !/-X[AB]$/.test(tag))
      .map(([tag, url]) => [tag, url.replace(/^\.\//, "")]),
  );
}

/** The code and styles the widget page loads: what index.html references
 *  (the glue with the start script, the wasm, the CSS) plus wasm-bindgen's snippets,
 *  which the glue imports. Other pages in dist/ (the embed builder) and
 *  embed.js, which runs on the host page, are not the widget. */
export function bundleFiles(dist) {
  const code = (f) => /\.(wasm|m?js|css)$/.test(f);
  const referenced = references(dist).map((r) => r.path).filter((p) => p && code(p) && existsSync(join(dist, p)));
  const snippets = files(dist).filter((f) => f.startsWith("snippets/") && code(f));
  return new Set([...referenced, ...snippets]);
}

function main() {
  const dist = resolve(process.argv[2] ?? "dist");
  const budget = Number(process.env.SIZE_BUDGET ?? BUDGET);
  if (!existsSync(join(dist, "index.html"))) {
    console.error(`size-guard: no ${dist}/index.html; run \`make build\` first.`);
    process.exit(1);
  }
  const problems = checkReferences(dist);
  const bundle = bundleFiles(dist);
  const catalogs = catalogFiles(dist);
  const catalogOf = Object.fromEntries(Object.entries(catalogs).map(([tag, f]) => [f, tag]));
  const catalogBytes = {};
  let total = 0;
  const rows = [];
  for (const f of files(dist)) {
    const buf = readFileSync(join(dist, f));
    const b = brotli(buf);
    if (bundle.has(f)) total += b;
    else if (catalogOf[f]) catalogBytes[catalogOf[f]] = b;
    else if (f === "embed.js" && b > EMBED_BUDGET) {
      problems.push(`${f} is ${b} bytes brotli, over its budget of ${EMBED_BUDGET} bytes (docs/spec.md §8).`);
    }
    const note = bundle.has(f) ? "" : catalogOf[f] ? `  (${catalogOf[f]} catalog)` : f === "embed.js" ? `  (host page; budget ${EMBED_BUDGET})` : "  (not the widget's code)";
    rows.push(`  ${f.padEnd(44)} ${String(buf.length).padStart(9)} raw ${String(b).padStart(9)} brotli${note}`);
  }
  console.log(`size-guard: ${dist}\n${rows.join("\n")}`);
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  if (!Object.keys(catalogBytes).length) problems.push(`no catalogs in ${dist}/i18n/languages.json: the widget cannot start.`);
  const lines = [];
  for (const [tag, bytes] of Object.entries(catalogBytes)) {
    const sum = total + bytes;
    const line = `${tag.padEnd(5)} wasm + JS + CSS ${total} + catalog ${bytes} = ${sum} bytes (${kb(sum)}) of ${budget} (${kb(budget)})`;
    lines.push(line);
    if (sum > budget) {
      problems.push(`${line}: OVER BUDGET by ${sum - budget} bytes. Find what grew with \`twiggy top\` or \`wasm-opt --metrics\` on the wasm (see ARCHITECTURE.md, "Size").`);
    }
  }
  console.log(`size-guard: brotli q11, per language (stretch goal ${kb(STRETCH)}):\n  ${lines.join("\n  ")}`);
  if (problems.length) {
    for (const p of problems) console.error(`size-guard: FAIL: ${p}`);
    process.exit(1);
  }
  console.log(`size-guard: pass: the largest language is ${kb(total + Math.max(...Object.values(catalogBytes)))}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) main();
