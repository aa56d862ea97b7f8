// A static file server for dist/ that sends the headers a host should send:
// the strict CSP, the wasm MIME type, and no caching of index.html. Files
// are also sent with `Access-Control-Allow-Origin: *`: a frame sandboxed
// without allow-same-origin has an opaque origin, so its module scripts and
// its wasm are cross-origin requests that need it (they are public files).
//
// Who may frame the widget: the sites listed in <dir>/frame-ancestors.txt,
// read on every request, so a web person edits the list without a rebuild
// or a restart. With entries, the CSP gets `frame-ancestors 'self' <list>`;
// without (the file missing, or comments only), any site may frame it.
// script-src names the hash of index.html's one inline script, read from
// the file as it is (tools/start-script.mjs).
//
// It answers 400 to a path that does not decode and never serves a file
// outside <dir> (the real path, after symbolic links, must be inside it).
// Usage: node tools/serve.mjs <dir> <port> [base path, default "/"]
import { createServer } from "node:http";
import { readFile, realpath, stat } from "node:fs/promises";
import { readFileSync } from "node:fs";
import { extname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { startHashIn } from "./start-script.mjs";

const [dir = "dist", port = "8080", base = "/"] = process.argv.slice(2);
const root = resolve(dir);

/** The sources of dist/frame-ancestors.txt, or [] for "any site". */
export function frameAncestors(folder) {
  let text;
  try {
    text = readFileSync(join(folder, "frame-ancestors.txt"), "utf8");
  } catch {
    return [];
  }
  return text
    .split(/\r?\n/)
    .map((line) => line.replace(/#.*/, "").trim())
    .filter((line) => line !== "")
    .filter((source) => {
      // A scheme and host (with an optional `*.` and port), or a quoted
      // keyword: nothing that could end the directive or the header.
      const ok = /^(https?:\/\/(\*\.)?[a-z0-9.-]+(:\d{1,5})?|'self'|'none')$/i.test(source);
      if (!ok) console.warn(`frame-ancestors.txt: ignored ${JSON.stringify(source)}; write an origin such as https://example.com`);
      return ok;
    });
}

/** The CSP for a response: the app's, with the hash of index.html's start
 * script (tools/start-script.mjs) and frame-ancestors when listed. */
export function cspFor(folder) {
  const start = startHashIn(folder);
  const csp = start ? CSP.replace("'wasm-unsafe-eval'", `'wasm-unsafe-eval' ${start}`) : CSP;
  const list = frameAncestors(folder);
  if (list.length === 0) return csp;
  const sources = list.includes("'none'") ? ["'none'"] : ["'self'", ...list.filter((s) => s !== "'self'")];
  return `${csp}; frame-ancestors ${sources.join(" ")}`;
}

/** The file under root that a request path names, or null if it is outside. */
async function fileFor(path) {
  const file = resolve(root, "." + sep + path);
  const inside = (target, folder) => {
    const rel = relative(folder, target);
    return rel === "" || (!rel.startsWith("..") && !isAbsolute(rel));
  };
  if (!inside(file, root)) return null;
  const real = await realpath(file);
  return inside(real, await realpath(root)) ? real : null;
}

export const CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join("; ");

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".txt": "text/plain; charset=utf-8",
};

const server = createServer(async (req, res) => {
  let path;
  try {
    const url = new URL(req.url, "http://localhost");
    if (!url.pathname.startsWith(base)) {
      res.writeHead(404).end("not found");
      return;
    }
    path = decodeURIComponent(url.pathname.slice(base.length));
  } catch {
    res.writeHead(400, { "Content-Type": "text/plain" }).end("bad request");
    return;
  }
  if (path.includes("\0") || path.includes("\\")) {
    res.writeHead(400, { "Content-Type": "text/plain" }).end("bad request");
    return;
  }
  if (path === "" || path.endsWith("/")) path += "index.html";
  try {
    const file = await fileFor(path);
    if (file === null) {
      res.writeHead(403, { "Content-Type": "text/plain" }).end("forbidden");
      return;
    }
    if (!(await stat(file)).isFile()) throw new Error("not a file");
    const body = await readFile(file);
    res.writeHead(200, {
      "Content-Type": TYPES[extname(file)] ?? "application/octet-stream",
      "Content-Security-Policy": cspFor(root),
      "X-Content-Type-Options": "nosniff",
      "Access-Control-Allow-Origin": "*",
      "Referrer-Policy": "no-referrer",
      "Cache-Control": file.endsWith(".html") ? "no-cache" : "public, max-age=3600",
    });
    res.end(body);
  } catch {
    if (!res.headersSent) res.writeHead(404, { "Content-Type": "text/plain" }).end("not found");
  }
});

server.listen(Number(port), "127.0.0.1", () => {
  console.log(`Serving ${dir} on http://127.0.0.1:${port}${base}`);
});
