// Trunk post_build hook, in every build:
// - copies the catalogs that build.rs wrote (target/web/i18n) into the
//   bundle as i18n/<tag>.<content hash>.txt (and the embed builder's as
//   i18n/<tag>.builder.<content hash>.txt), so a cached catalog is never
//   read by a newer wasm;
// - appends start.js and boot.js, with the catalogs' names written into
//   it, to wasm-bindgen's JS glue module: the page's one script file;
// - writes the frame's title in each catalog's language (the catalog key
//   "builder.frame_title") into the embed.js loader;
// and in a release build minifies that module and the embed.js loader.
//
// Trunk's own JS minifier gives up on the glue (it cannot parse
// `export default`) and leaves it as written: 43 KB raw, 6.7 KB brotli.
// esbuild brings it to about 20 KB raw, 5.2 KB brotli. The glue's import
// object keys must match the wasm's import names; esbuild never renames
// property keys or exports, only local identifiers.
//
// index.html is already written when post_build hooks run, with a
// subresource-integrity hash of the unminified file, so the hash of the
// <link rel=modulepreload> is replaced with the minified file's.
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { transformSync } from "esbuild";
import { renameExportsInGlue, renameInGlue, shortenExports, shortenImports } from "./short-imports.mjs";

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error("post-build: run me as a Trunk hook (TRUNK_STAGING_DIR is unset)");
const release = process.env.TRUNK_PROFILE === "release";

const sri = (bytes) => `sha384-${createHash("sha384").update(bytes).digest("base64")}`;

// The catalogs, under content-hashed names: the widget's (`<tag>.txt`) and
// the embed builder page's (`<tag>.builder.txt`; see build.rs).
const written = "target/web/i18n";
const manifest = JSON.parse(readFileSync(join(written, "manifest.json"), "utf8"));
mkdirSync(join(dir, "i18n"), { recursive: true });
const copyCatalogs = (suffix) => {
  const files = {};
  for (const tag of manifest.tags) {
    const text = readFileSync(join(written, `${tag}${suffix}.txt`));
    const name = `i18n/${tag}${suffix}.${createHash("sha256").update(text).digest("hex").slice(0, 16)}.txt`;
    writeFileSync(join(dir, name), text);
    files[tag] = `./${name}`;
  }
  return files;
};
const files = copyCatalogs("");
const builderFiles = copyCatalogs(".builder");
const catalogs = JSON.stringify({ hash: manifest.hash, files });
// For the embed builder: its language menus, and the keys to read its
// catalogs with (and the widget's, for the size guard and the tests).
writeFileSync(
  join(dir, "i18n", "languages.json"),
  JSON.stringify({ ...manifest, files, builder: { ...manifest.builder, files: builderFiles } }),
);

// The loader titles the widget's frame in the widget's language: one short
// text per catalog, so the loader stays small and needs no catalog download.
const loader = join(dir, "embed.js");
const titleLine = manifest.builder.keys.indexOf("builder.frame_title") + 1;
if (titleLine === 0) throw new Error("post-build: the catalogs lost the key builder.frame_title");
const titles = {};
for (const tag of Object.keys(manifest.names)) {
  titles[tag] = readFileSync(join(written, `${tag}.builder.txt`), "utf8").split("\n")[titleLine];
}
const unfilled = readFileSync(loader, "utf8");
if (!unfilled.includes('"__TITLES__"')) throw new Error("post-build: embed.js lost its TITLES placeholder");
writeFileSync(loader, unfilled.replace('"__TITLES__"', JSON.stringify(titles)));

const glue = readdirSync(dir).filter((f) => /^social8020-[0-9a-f]+\.js$/.test(f));
if (glue.length !== 1) throw new Error(`post-build: expected one glue file in ${dir}, found ${glue.length}`);
const file = join(dir, glue[0]);
const before = readFileSync(file);
const boot = readFileSync("boot.js", "utf8");
if (!boot.includes('"__CATALOGS__"')) throw new Error("post-build: boot.js lost its CATALOGS placeholder");
let joined = `${before}\n${readFileSync("start.js", "utf8")}\n${boot.replace('"__CATALOGS__"', catalogs)}`;
const htmlFile = join(dir, "index.html");
let html = readFileSync(htmlFile, "utf8");
if (release) {
  // Short import names in the wasm and the glue (see tools/short-imports.mjs).
  const wasmFile = join(dir, glue[0].replace(/\.js$/, "_bg.wasm"));
  const wasm = readFileSync(wasmFile);
  const short = shortenImports(wasm, "./social8020_bg.js");
  joined = renameInGlue(joined, "./social8020_bg.js", short.renames);
  const exported = shortenExports(short.wasm);
  joined = renameExportsInGlue(joined, exported.renames);
  writeFileSync(wasmFile, exported.wasm);
  if (!html.includes(sri(wasm))) throw new Error(`post-build: index.html has no integrity for ${wasmFile}`);
  html = html.replace(sri(wasm), sri(exported.wasm));
  console.log(
    `post-build: ${short.renames.size} imports and ${exported.renames.size} exports renamed, wasm ${wasm.length} -> ${exported.wasm.length} bytes`,
  );
}
const code = release ? transformSync(joined, { format: "esm", minify: true, target: "es2020" }).code : joined;
writeFileSync(file, code);

const old = sri(before);
if (!html.includes(old)) throw new Error(`post-build: index.html has no integrity ${old} for ${glue[0]}`);
writeFileSync(htmlFile, html.replace(old, sri(code)));
console.log(`post-build: ${glue[0]} ${before.length} -> ${Buffer.byteLength(code)} bytes, with the start script`);
if (!release) process.exit(0);

// The loader that host pages include (embed.js) is minified too: its budget
// is what a host page downloads (docs/spec.md §8), and its comments are for
// the repository, not for every visitor of a consultancy's site.
const source = readFileSync(loader, "utf8");
const { code: small } = transformSync(source, { minify: true, target: "es2019" });
writeFileSync(loader, small);
console.log(`post-build: embed.js ${Buffer.byteLength(source)} -> ${Buffer.byteLength(small)} bytes`);
