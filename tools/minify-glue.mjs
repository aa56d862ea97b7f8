// Trunk post_build hook: minifies wasm-bindgen's JS glue and the embed.js loader in a release build.
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
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { transformSync } from "esbuild";

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error("minify-glue: run me as a Trunk hook (TRUNK_STAGING_DIR is unset)");
if (process.env.TRUNK_PROFILE !== "release") process.exit(0);

const sri = (bytes) => `sha384-${createHash("sha384").update(bytes).digest("base64")}`;

const glue = readdirSync(dir).filter((f) => /^social8020-[0-9a-f]+\.js$/.test(f));
if (glue.length !== 1) throw new Error(`minify-glue: expected one glue file in ${dir}, found ${glue.length}`);
const file = join(dir, glue[0]);
const before = readFileSync(file);
const { code } = transformSync(before.toString("utf8"), { format: "esm", minify: true, target: "es2020" });
writeFileSync(file, code);

const htmlFile = join(dir, "index.html");
const html = readFileSync(htmlFile, "utf8");
const old = sri(before);
if (!html.includes(old)) throw new Error(`minify-glue: index.html has no integrity ${old} for ${glue[0]}`);
writeFileSync(htmlFile, html.replace(old, sri(code)));
console.log(`minify-glue: ${glue[0]} ${before.length} -> ${Buffer.byteLength(code)} bytes`);

// The loader that host pages include (embed.js) is minified too: its budget
// is what a host page downloads (docs/spec.md §8), and its comments are for
// the repository, not for every visitor of a consultancy's site.
const loader = join(dir, "embed.js");
const source = readFileSync(loader, "utf8");
const { code: small } = transformSync(source, { minify: true, target: "es2019" });
writeFileSync(loader, small);
console.log(`minify-glue: embed.js ${Buffer.byteLength(source)} -> ${Buffer.byteLength(small)} bytes`);
