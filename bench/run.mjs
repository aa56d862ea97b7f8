// `make bench`: the budgets of docs/spec.md §8 side by side with what the
// release build in dist/ does. Prints one table, writes bench/out/bench.json.
// Timings are reported, never pass/fail: the machine is shared and noisy, so
// browser timings come with a plain-JS baseline page measured in the same
// run (interleaved), and the widget/baseline ratio is the steadier number.
// Flags: --no-native, --no-browser (quick iterations); BENCH_LOADS (page
// loads for the first render and first edit, default 15), BENCH_RUNS (page
// loads for the edits, default 5).
import { execFileSync, spawn } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { createServer } from "node:net";
import { cpus, tmpdir, totalmem } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "@playwright/test";
import { BUDGET, STRETCH, EMBED_BUDGET, brotli, gzip, files, bundleFiles, catalogFiles, checkReferences } from "../tools/size-guard.mjs";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const DIST = join(ROOT, "dist");
const OUT = join(ROOT, "bench", "out");
const RUNS = Math.max(5, Number(process.env.BENCH_RUNS ?? 5));
// A load is one sample, against 10 for an edit, and first-render medians of
// 5 loads moved by a third between runs here: 15 keep a run's verdict from
// being a coin toss near a budget.
const LOADS = Math.max(5, Number(process.env.BENCH_LOADS ?? 15));
const EDITS = 10; // edits per page load; medians are over RUNS x EDITS samples
const BASE = "/tools/80-20/"; // a sub-path, as e2e uses, to keep dist/ honest
const args = new Set(process.argv.slice(2));

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : NaN;
};

// ---------------------------------------------------------------- bytes
function sizes() {
  if (!existsSync(join(DIST, "index.html"))) throw new Error("no dist/index.html: run `make build` first");
  const bundle = bundleFiles(DIST);
  return files(DIST).map((file) => {
    const buf = readFileSync(join(DIST, file));
    return { file, raw: buf.length, gzip: gzip(buf), brotli: brotli(buf), bundle: bundle.has(file) };
  });
}

// --------------------------------------------------------------- native
function cargo(argv) {
  // stderr passes through so a cold compile shows progress, not silence.
  return execFileSync("cargo", argv, { cwd: ROOT, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"], maxBuffer: 1 << 26 });
}

/** Divan prints a tree ("├─ breakdown" then "│  ├─ 10  <fastest> │ <slowest> │ <median> ..."):
 *  turns it into { "breakdown/10": median in ns }. */
function parseDivan(text) {
  const unit = { ns: 1, "µs": 1e3, us: 1e3, ms: 1e6, s: 1e9 };
  const out = {};
  const path = [];
  // The tree's "│" is also the column separator, so columns are cut at the
  // separators' positions in the header line rather than split on "│".
  const lines = text.split("\n");
  const header = lines.find((l) => /fastest\s*│\s*slowest/.test(l)) ?? "";
  const seps = [...header].flatMap((c, i) => (c === "│" ? [i] : []));
  const cut = (line) => [0, ...seps].map((start, i) => line.slice(i ? start + 1 : 0, seps[i] ?? line.length));
  for (const line of lines) {
    if (line === header || seps.length < 5) continue;
    const cells = cut(line);
    const m = cells[0].match(/^([├╰│─\s]*)(\S+)\s*(\S+ \S+)?\s*$/);
    if (!m || m[2] === "Timer") continue;
    const depth = Math.round([...m[1]].length / 3);
    path.length = depth;
    path[depth] = m[2];
    const med = cells[2].trim().match(/^([\d.]+)\s*(ns|µs|us|ms|s)$/);
    if (depth > 0 && med) out[path.slice(1).join("/")] = Number(med[1]) * unit[med[2]];
  }
  return out;
}

function native() {
  console.error("bench: share-link lengths (cargo run --example link_lengths)...");
  const links = JSON.parse(cargo(["run", "-q", "--release", "-p", "social8020-core", "--example", "link_lengths"]));
  if (args.has("--no-native")) return { links, divan: {}, raw: "" };
  console.error("bench: native core benches (cargo bench, about a minute)...");
  const raw = cargo(["bench", "-q", "-p", "social8020-core", "--bench", "core"]);
  return { links, divan: parseDivan(raw), raw };
}

// -------------------------------------------------------------- browser
function freePort() {
  return new Promise((ok, fail) => {
    const s = createServer().once("error", fail);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => ok(port));
    });
  });
}

// Servers die with this script, however it ends.
const children = [];
process.on("exit", () => children.forEach((c) => c.kill()));

/** tools/serve.mjs, the production headers and CSP, for widget and baseline alike. */
async function serve(dir, base) {
  const port = await freePort();
  const child = spawn(process.execPath, [join(ROOT, "tools", "serve.mjs"), dir, String(port), base], { stdio: "ignore" });
  children.push(child);
  const url = `http://127.0.0.1:${port}${base}`;
  for (let i = 0; i < 100; i++) {
    try {
      await fetch(url); // any answer, even a 404, means it listens
      return { url, child };
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill();
  throw new Error(`server for ${dir} did not start`);
}

// The page scripts below report their figure as a console message, which
// the bench hears without running anything in the page: waiting with
// page.waitForFunction put Playwright's own script (about 9 ms to compile
// and run) into the page's main thread between the widget's first render
// and its first edit, which made the first edit 28-30 ms later (two A/B
// runs of 21 loads each; the baseline's edit is over before it). The
// prefix is passed to each script as its `REPORT` argument.
const REPORT = "social8020-bench:";

/** The JSON the page reports with `console.debug(REPORT, json)`, once;
 * an error after 30 s without it, as page.waitForFunction would. */
function reported(page) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`bench: no report from ${page.url()} in 30 s`)), 30_000);
    page.on("console", (message) => {
      const [prefix, json] = message.text().split(" ");
      if (prefix !== REPORT) return;
      clearTimeout(timer);
      resolve(JSON.parse(json));
    });
  });
}

// Runs in the page before any of its scripts. performance.now() counts from
// navigation start. A MutationObserver callback runs right after the task
// that changed the DOM, so `dom` is when the task that inserted an enabled
// "Add activity" button ended (Yew attaches its event listeners before it
// renders, so the button then works). `frame` is a message posted from the
// next requestAnimationFrame: it runs after that frame's style, layout and
// paint, so it is when the button is first on screen.
// With `rows`, the page must also show that many activity rows, so that a
// page which would draw something else first and the link's rows later is
// timed to the rows.
function watchFirstRender({ rows, REPORT }) {
  // At 100 activities the button is rightly disabled, so presence counts.
  // A prerendered page that start.js has not shown yet (hidden) is not on
  // screen.
  const ready = () =>
    [...document.querySelectorAll("button")].some((b) => b.textContent.includes("Add activity") && !b.closest("[hidden]")) &&
    (!rows || document.querySelector(`[role="group"][aria-label="Activity ${rows}"]`));
  const seen = (t) => {
    const r = { dom: t };
    requestAnimationFrame(() => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => {
        r.frame = performance.now();
        console.debug(REPORT, JSON.stringify(r));
      };
      ch.port2.postMessage(0);
    });
  };
  const mo = new MutationObserver(() => ready() && (mo.disconnect(), seen(performance.now())));
  mo.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ["hidden"] });
}

// Runs in the page before its scripts: the first edit a visitor could make.
// As soon as Activity 1's hours field and the headline are there, it adds 7
// hours (the example's headline then changes), and records when the changed
// headline is on screen (the frame after the change), in ms from navigation.
function firstEdit({ REPORT }) {
  // An inert field (the prerendered page before the wasm runs, see
  // start.js) takes no typing: the visitor's first edit lands on the live one.
  const hours = () =>
    [...document.querySelectorAll('[role="group"][aria-label="Activity 1"] input')].find((input) =>
      !input.closest("[inert]") &&
      /^Hours/.test((input.labels?.[0]?.textContent ?? input.getAttribute("aria-label") ?? "").trim()),
    );
  const edit = () => {
    const input = hours();
    const headline = document.querySelector('[data-testid="headline"]');
    if (!input || !headline?.textContent) return false;
    const before = headline.textContent;
    const changed = new MutationObserver(() => {
      if (headline.textContent === before) return;
      changed.disconnect();
      requestAnimationFrame(() => {
        const ch = new MessageChannel();
        ch.port1.onmessage = () => console.debug(REPORT, JSON.stringify(performance.now()));
        ch.port2.postMessage(0);
      });
    });
    changed.observe(document.body, { childList: true, subtree: true, characterData: true });
    input.value = String(Number(input.value) + 7);
    input.dispatchEvent(new Event("input", { bubbles: true }));
    return true;
  };
  const mo = new MutationObserver(() => edit() && mo.disconnect());
  mo.observe(document, { childList: true, subtree: true });
}

// Runs in the page: one edit of `input`, dispatched at the start of a frame
// (inside requestAnimationFrame) so that the measure is the edit's own work
// plus the rendering of the frame it lands in, not the wait for vsync.
// `dom`: dispatch -> the last DOM change it caused before that frame (a
// MutationObserver callback runs right after the task or microtask that
// changed the DOM, so after Yew's deferred render too).
// `frame`: dispatch -> a message posted from the frame's rAF runs: that is
// after the frame's style, layout and paint. Should the DOM change only after
// the frame (a render deferred to a later task), the next frame counts.
// `rest`: dispatch -> the last DOM change up to the frame after that one:
// what the widget leaves to the task after the frame (the breakdown card,
// when the browser skips drawing it) is done by then.
async function editOnce([input, value]) {
  const headline = document.querySelector('[data-testid="headline"]');
  const before = headline.textContent;
  const afterFrame = () => new Promise((r) => requestAnimationFrame(() => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => r(performance.now());
    ch.port2.postMessage(0);
  }));
  return new Promise((resolve) => {
    requestAnimationFrame(() => {
      let t0, tDom, tLast, framed = false, late = false;
      const done = (tFrame) => {
        framed = true;
        afterFrame().then(() => {
          mo.disconnect();
          resolve({ dom: tDom - t0, frame: tFrame - t0, rest: tLast - t0, late, changed: headline.textContent !== before });
        });
      };
      const mo = new MutationObserver(() => {
        const first = tDom === undefined;
        tLast = performance.now();
        if (!framed) tDom = tLast;
        if (first && late) afterFrame().then(done);
      });
      mo.observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true });
      const ch = new MessageChannel();
      ch.port1.onmessage = () => (tDom === undefined ? (late = true) : done(performance.now()));
      // An edit that changes nothing would hang the run: give up after 2 s.
      setTimeout(() => tDom === undefined && (mo.disconnect(), resolve({ dom: NaN, frame: NaN, rest: NaN, late, changed: false })), 2000);
      t0 = performance.now();
      ch.port2.postMessage(0);
      input.value = value;
      input.dispatchEvent(new Event("input", { bubbles: true }));
    });
  });
}

// The widget's first screen with no script at all: dist/index.html without
// its scripts and preloads, and with the English prerendered page shown (the
// others removed), beside its stylesheet. Timed like the widget, it is what
// the page's own HTML and CSS cost the first render: the floor that no work
// on the wasm or its loading can go below. A new temporary folder, which
// the caller removes.
function staticCopy() {
  const dir = mkdtempSync(join(tmpdir(), "social8020-static-"));
  for (const file of readdirSync(DIST)) if (file.endsWith(".css")) copyFileSync(join(DIST, file), join(dir, file));
  const page = /<div hidden inert data-locales="([^"]*)"[\s\S]*?(?=<div hidden inert data-locales=|<\/body>)/g;
  const html = readFileSync(join(DIST, "index.html"), "utf8")
    .replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, "")
    .replace(/<link\b[^>]*\brel=(?:modulepreload|preload)\b[^>]*>/g, "")
    .replace(page, (whole, locales) => (locales.split(" ").includes("en") ? whole.replace("<div hidden inert ", "<div ") : ""));
  if (/<script/.test(html) || !/<div data-locales="en/.test(html)) throw new Error("bench: index.html no longer has the shape staticCopy expects");
  writeFileSync(join(dir, "index.html"), html);
  return dir;
}

// Two edits: typing that keeps the ranking (one more unit on a middle row)
// and the worst case, a value that moves the row between first and last
// rank, so that every ranked view (table, chart) reorders.
const EDIT_KINDS = {
  typing: (e, original) => String(Number(original) + (e % 2 ? 0 : 1)),
  rank: (e) => (e % 2 ? "1" : "10000000"),
};

async function browserBench(links) {
  const app = await serve(DIST, BASE);
  const base = await serve(join(ROOT, "bench"), "/");
  const stillDir = staticCopy();
  const still = await serve(stillDir, "/");
  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
  const page = async () => {
    const context = await browser.newContext({ locale: "en-US" }); // fresh cache: a first visit
    const p = await context.newPage();
    p.on("pageerror", (e) => console.error(`bench: page error: ${e.message}`));
    return { context, page: p };
  };
  const urls = { widget: app.url, baseline: `${base.url}baseline.html` };
  try {
    // Requests to show the widget, counted once, up to network idle.
    const { context, page: p } = await page();
    const requests = [];
    p.on("request", (r) => /^https?:/.test(r.url()) && requests.push(r.url()));
    await p.goto(urls.widget);
    await p.getByRole("button", { name: "Add activity" }).waitFor();
    await p.waitForLoadState("networkidle");
    const origin = new URL(app.url).origin;
    const foreign = requests.filter((u) => new URL(u).origin !== origin);
    await context.close();

    // First render, widget and baseline interleaved so that noise hits both:
    // the worked example (a first visit), and opening share links of 100
    // activities, realistic and the largest (which includes its decode).
    const opens = {
      example: { widget: urls.widget, baseline: urls.baseline, static: still.url, rows: 0 },
      link100: { widget: `${urls.widget}#s=${links.payloads[100]}`, baseline: `${urls.baseline}#n=100`, rows: 100 },
      largest: { widget: `${urls.widget}#s=${links.payloads.largest}`, baseline: `${urls.baseline}#n=100`, rows: 100 },
    };
    const first = {};
    for (const [what, target] of Object.entries(opens)) {
      const pages = Object.keys(target).filter((k) => k !== "rows");
      first[what] = Object.fromEntries(pages.map((which) => [which, []]));
      for (let i = 0; i < LOADS; i++) {
        for (const which of pages) {
          const { context, page: p } = await page();
          const report = reported(p);
          await p.addInitScript(watchFirstRender, { rows: target.rows, REPORT });
          await p.goto(target[which]);
          const render = await report;
          // The widget times its decode of a share link as a performance
          // measure (src/browser/location.rs): the decode in wasm itself.
          const decode = await p.evaluate(() => performance.getEntriesByName("social8020:decode")[0]?.duration);
          // The browser's own first-render figure: when the first frame with
          // content was presented (it arrives a little after that frame).
          await p.waitForFunction(() => performance.getEntriesByName("first-contentful-paint").length > 0);
          const fcp = await p.evaluate(() => performance.getEntriesByName("first-contentful-paint")[0].startTime);
          first[what][which].push({ ...render, decode, fcp });
          await context.close();
        }
      }
    }

    // The first edit answered, from navigation start, widget and baseline
    // interleaved.
    const firstEdits = { widget: [], baseline: [] };
    for (let i = 0; i < LOADS; i++) {
      for (const which of ["widget", "baseline"]) {
        const { context, page: p } = await page();
        const report = reported(p);
        await p.addInitScript(firstEdit, { REPORT });
        await p.goto(urls[which]);
        firstEdits[which].push(await report);
        await context.close();
      }
    }

    // Edits with 10 and 100 activities: the widget opens them from a share
    // link (no typing needed), the baseline builds them from #n=.
    const edits = {};
    for (const n of [10, 100]) {
      edits[n] = { unchanged: 0 };
      const target = {
        widget: `${urls.widget}#s=${links.payloads[n]}`,
        baseline: `${urls.baseline}#n=${n}`,
      };
      for (let i = 0; i < RUNS; i++) {
        for (const which of ["widget", "baseline"]) {
          const { context, page: p } = await page();
          await p.goto(target[which]);
          const row = p.getByRole("group", { name: `Activity ${Math.ceil(n / 2)}`, exact: true });
          await p.getByRole("group", { name: `Activity ${n}`, exact: true }).waitFor();
          const input = await row.getByLabel(/^Results/).elementHandle();
          const original = await input.inputValue();
          // Chromium's own counters split the edits' main-thread time into
          // script, style and layout (cumulative seconds, read around them).
          const cdp = await context.newCDPSession(p);
          await cdp.send("Performance.enable");
          const counters = async () => Object.fromEntries((await cdp.send("Performance.getMetrics")).metrics.map((m) => [m.name, m.value]));
          for (const [kind, value] of Object.entries(EDIT_KINDS)) {
            const slot = ((edits[n][kind] ??= { widget: [], baseline: [], widget_split: [], baseline_split: [] }));
            const before = await counters();
            for (let e = 0; e < EDITS; e++) {
              const r = await p.evaluate(editOnce, [input, value(e, original)]);
              if (kind === "rank" && !r.changed) edits[n].unchanged++;
              slot[which].push(r);
            }
            const after = await counters();
            const split = (k) => ((after[k] - before[k]) * 1000) / EDITS;
            slot[`${which}_split`].push({ script: split("ScriptDuration"), style: split("RecalcStyleDuration"), layout: split("LayoutDuration") });
          }
          await context.close();
        }
      }
    }
    return { chromium: browser.version(), requests, foreign, first, firstEdits, edits };
  } finally {
    await browser.close();
    app.child.kill();
    base.child.kill();
    still.child.kill();
    rmSync(stillDir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------- table
const int = (n) => (n === undefined || Number.isNaN(n) ? "-" : Math.round(n).toLocaleString("en-US"));
const ms = (n) => (n === undefined || Number.isNaN(n) ? "-" : `${n.toFixed(n < 10 ? 2 : 1)} ms`);
const time = (ns) => (ns === undefined ? "-" : ns >= 1e6 ? `${(ns / 1e6).toFixed(2)} ms` : ns >= 1e3 ? `${(ns / 1e3).toFixed(2)} µs` : `${ns.toFixed(0)} ns`);
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

function table(r) {
  const rows = [];
  const head = (title, a, b, c) => rows.push({ head: true, cells: [title, a, b, c, "budget", ""] });
  const row = (...cells) => rows.push({ cells: cells.map((c) => c ?? "") });
  // Bytes and requests are deterministic: pass/OVER. Timings: within/over, never a failure.
  const mark = (ok, kind = "bytes") => (kind === "bytes" ? (ok ? "pass" : "OVER") : ok ? "within" : "over");

  head("bytes (dist/)", "raw", "gzip -9", "brotli 11");
  for (const a of r.assets) row(a.file, int(a.raw), int(a.gzip), int(a.brotli));
  const bundle = r.assets.filter((a) => a.bundle);
  const sum = (xs, k) => xs.reduce((s, a) => s + a[k], 0);
  const bb = sum(bundle, "brotli");
  row("wasm + JS + CSS of the widget", int(sum(bundle, "raw")), int(sum(bundle, "gzip")), `${int(bb)} (${kb(bb)})`);
  // What a visitor downloads in each language: the code plus that catalog.
  for (const [tag, path] of Object.entries(catalogFiles(DIST))) {
    const c = r.assets.find((a) => a.file === path);
    if (!c) continue;
    const total = bb + c.brotli;
    row(`  + ${tag} catalog (${int(c.brotli)} B brotli)`, int(sum(bundle, "raw") + c.raw), int(sum(bundle, "gzip") + c.gzip), `${int(total)} (${kb(total)})`, `≤ 150 KB (stretch 120)`, mark(total <= BUDGET) + (total <= STRETCH ? " (stretch too)" : ""));
  }
  const dl = r.download;
  row(`downloaded to show the widget (${dl.files.length} files)`, int(sum(dl.files, "raw")), int(sum(dl.files, "gzip")), int(sum(dl.files, "brotli")));
  const embed = r.assets.find((a) => /(^|\/)embed\.js$/.test(a.file));
  row("embed.js on the host page", embed ? int(embed.raw) : "not built", "", embed ? int(embed.brotli) : "", "≤ 2 KB", embed ? mark(embed.brotli <= EMBED_BUDGET) : "n/a");
  if (r.browser) {
    const b = r.browser;
    row("requests to show the widget", String(b.requests.length), "", `${b.foreign.length} third-party`, "≤ 5, none third-party", mark(b.requests.length <= 5 && !b.foreign.length));

    head(`browser, median (${LOADS} loads; edits: ${RUNS}x${EDITS})`, "widget", "baseline", "ratio");
    const pair = (label, w, base, budget, limit) =>
      row(label, ms(w), ms(base), `${(w / base).toFixed(1)}x`, budget, limit === undefined ? "" : mark(w < limit, "time"));
    const f = (what, which, k) => median(b.first[what][which].map((x) => x[k]));
    pair("first render: control in DOM", f("example", "widget", "dom"), f("example", "baseline", "dom"));
    const ratio = (label, w, base, limit) =>
      row(label, ms(w), ms(base), `${(w / base).toFixed(1)}x`, `≤ ${limit}x the baseline`, mark(w / base <= limit, "time"));
    ratio("first render: on screen (frame)", f("example", "widget", "frame"), f("example", "baseline", "frame"), 1.5);
    pair("  the same page as static HTML + CSS, no script", f("example", "static", "frame"), f("example", "baseline", "frame"));
    pair("  first contentful paint (the browser's figure)", f("example", "widget", "fcp"), f("example", "baseline", "fcp"));
    pair("  the same for the static HTML + CSS", f("example", "static", "fcp"), f("example", "baseline", "fcp"));
    ratio("first edit answered on screen", median(b.firstEdits.widget), median(b.firstEdits.baseline), 2.5);
    pair("  opening a link of 100 activities", f("link100", "widget", "frame"), f("link100", "baseline", "frame"));
    pair(`  opening the largest link (${int(r.native.links.largest.len)} chars)`, f("largest", "widget", "frame"), f("largest", "baseline", "frame"));
    for (const [what, label] of [["link100", "a link of 100 activities"], ["largest", "the largest link"]]) {
      const d = f(what, "widget", "decode");
      row(`  of which decoding ${label} (wasm)`, ms(d), "", "", "< 5 ms", d === undefined ? "" : mark(d < 5, "time"));
    }
    const label = { typing: "typing", rank: "row jumps rank" };
    for (const n of [10, 100]) {
      for (const kind of Object.keys(EDIT_KINDS)) {
        const x = b.edits[n][kind];
        const e = (which, k) => median(x[which].map((y) => y[k]));
        pair(`edit (${label[kind]}) -> DOM, ${n} activities`, e("widget", "dom"), e("baseline", "dom"));
        pair(`edit (${label[kind]}) -> frame, ${n} activities`, e("widget", "frame"), e("baseline", "frame"), n === 100 ? "< 16 ms" : "", n === 100 ? 16 : undefined);
        if (n !== 100) continue;
        // What the widget leaves until the frame is drawn (the breakdown card
        // while the browser skips it), done by then; the split below counts it.
        pair("  -> the last DOM change, after the frame too", e("widget", "rest"), e("baseline", "rest"));
        const s = (which, k) => median(x[`${which}_split`].map((y) => y[k]));
        for (const k of ["script", "style", "layout"]) pair(`  of which ${k} (CDP, per edit)`, s("widget", k), s("baseline", k));
      }
    }
  }
  const d = r.native.divan;
  if (Object.keys(d).length) {
    head("native core (divan median)", "10", "100", "10,000");
    const per = (label, k) => row(label, time(d[`${k}/10`]), time(d[`${k}/100`]), "n/a (max 100)");
    per("pareto::breakdown", "breakdown");
    per("score::score", "score");
    row("breakdown + headline + score", time(d["analysis/10"]), time(d["analysis/100"]), `${time(d.analysis_x100)} (100 x 100)`);
    head("native codec (divan median)", "chars", "encode", "decode");
    const L = r.native.links;
    row("100 x 60-char ASCII names", int(L.largest_ascii60), time(d["codec_/encode_100_ascii60"]), time(d["codec_/decode_100_ascii60"]), "decode < 5 ms", mark(d["codec_/decode_100_ascii60"] < 5e6, "time"));
    row(`largest link (100 x ${L.largest.name_chars} CJK chars)`, int(L.largest.len), time(d["codec_/encode_largest"]), time(d["codec_/decode_largest"]), "decode < 5 ms", mark(d["codec_/decode_largest"] < 5e6, "time"));
  }
  head("share link, realistic names (~20 chars)", "1", "10 / 30", "100");
  const l = r.native.links.lengths;
  row("payload chars after #s=", int(l[1]), `${int(l[10])} / ${int(l[30])}`, int(l[100]), `≤ ${int(r.native.links.max)} (format limit)`, mark(l[100] <= r.native.links.max));

  const widths = [0, 1, 2, 3, 4, 5].map((i) => Math.max(...rows.map((x) => String(x.cells[i]).length)));
  const fmt = (x) => x.cells.map((c, i) => (i === 0 || i >= 4 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join("  ").trimEnd();
  const rule = "-".repeat(widths.reduce((s, w) => s + w + 2, -2));
  return rows.map((x) => (x.head ? `${rule}\n${fmt(x)}\n${rule}` : fmt(x))).join("\n");
}

// ----------------------------------------------------------------- main
const result = {
  date: new Date().toISOString(),
  machine: { cpu: cpus()[0]?.model, cores: cpus().length, memory_gb: Math.round(totalmem() / 2 ** 30), node: process.version },
  assets: sizes(),
};
const problems = checkReferences(DIST);
result.native = native();
if (!args.has("--no-browser")) {
  console.error(`bench: headless Chromium, ${LOADS} loads each, ${RUNS} for the edits...`);
  result.browser = await browserBench(result.native.links);
}
// What a visitor downloads: the files the page requested, or all of dist/.
const requested = new Set((result.browser?.requests ?? []).map((u) => decodeURIComponent(new URL(u).pathname.slice(BASE.length)) || "index.html"));
result.download = { files: result.assets.filter((a) => !result.browser || requested.has(a.file)) };
const rawDivan = result.native.raw;
delete result.native.raw;
mkdirSync(OUT, { recursive: true });
writeFileSync(join(OUT, "bench.json"), JSON.stringify(result, null, 2));

console.log(`Social 80/20 benchmark, ${result.date}: ${result.machine.cores} x ${result.machine.cpu}, ${result.machine.memory_gb} GB, node ${process.version}${result.browser ? `, Chromium ${result.browser.chromium}` : ""}`);
console.log(table(result));
// Should divan change its layout, show its own table rather than nothing.
if (rawDivan && !Object.keys(result.native.divan).length) console.log(`divan output (not parsed):\n${rawDivan}`);
if (result.browser?.foreign.length) console.log(`third-party requests: ${result.browser.foreign.join(", ")}`);
for (const n of [10, 100]) if (result.browser?.edits[n].unchanged) console.log(`warning: ${result.browser.edits[n].unchanged} edits with ${n} activities left the headline unchanged`);
for (const p of problems) console.log(`warning: ${p}`);
console.log(`Timings are informational (within/over), never a failure. JSON: ${join("bench", "out", "bench.json")}`);
