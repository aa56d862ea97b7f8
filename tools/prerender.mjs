// Prerenders the worked example into dist/index.html, so that a first visit
// sees it before the wasm has arrived (docs/spec.md §8, first render).
//
// The release build is opened in headless Chromium, once per locale below,
// as a visitor whose browser speaks that locale; the page the wasm renders
// is written into index.html's <body> as a hidden, inert <div> of its own,
// with the values of its fields and the page's language, direction and
// title. Locales whose page is the same share one. Before them comes
// start.js, inline (its hash goes into the CSP meta tag), which shows the
// page of the visitor's locale as soon as it is parsed, where the
// wasm would render exactly that page (no share link or saved scenario and
// no host setting but the language and embedding), and removes the others;
// Yew's mount then empties <body> and renders the live page in the same
// task, so no frame shows both or neither. The pages are parsed as part of
// the HTML rather than cloned from templates by the module: the browser
// draws the example while the module and the wasm still download.
//
// What is prerendered is what the wasm renders, not a copy of it: every
// build makes it anew, and it fails the build where a prerendered page
// could not look like the live one (an inline style, which the CSP would
// drop; an attribute on <html> that start.js does not set; an embedded page
// that differs from the page on its own by more than its class).
//
// Usage: node tools/prerender.mjs <dist>
import { spawn } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { startElement } from "./start-script.mjs";

// Each language's own tag and the regional tags that browsers send most
// often for it and that format the example's numbers and dollars the same
// way. A visitor whose tag has none waits for the wasm. Each page adds
// about 36 KB of HTML (3.5 KB brotli) that every visitor downloads and
// parses (about 3 ms here), so there is one per language.
const LOCALES = {
  en: ["en", "en-US"],
  de: ["de", "de-DE"],
  es: ["es", "es-ES"],
  fr: ["fr", "fr-FR"],
  "pt-BR": ["pt-BR", "pt"],
};

const dist = process.argv[2] ?? "dist";
const htmlFile = join(dist, "index.html");
const fail = (message) => {
  console.error(`prerender: ${message}`);
  process.exit(1);
};

const freePort = () =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

const port = await freePort();
const server = spawn(process.execPath, ["tools/serve.mjs", dist, String(port)], { stdio: "ignore" });
const origin = `http://127.0.0.1:${port}/`;
for (let i = 0; ; i++) {
  try {
    await fetch(origin);
    break;
  } catch {
    if (i === 100) fail("the server did not start");
    await new Promise((r) => setTimeout(r, 100));
  }
}

// Runs in the page: the rendered page as it is to be prerendered. The
// fields' values, which Yew sets as properties, are written as attributes.
function capture() {
  for (const input of document.querySelectorAll("input")) {
    if (input.type === "checkbox" || input.type === "radio") input.toggleAttribute("checked", input.checked);
    else input.setAttribute("value", input.value);
  }
  for (const option of document.querySelectorAll("option")) option.toggleAttribute("selected", option.selected);
  for (const area of document.querySelectorAll("textarea")) area.textContent = area.value;
  // Marks boot.js sets as the page is drawn (data-drawn on <body> after the
  // first frame, data-skipped on <html> while the browser skips the
  // breakdown card), not part of what the wasm renders; only <body>'s
  // content is kept, and <html>'s language and direction.
  const html = document.documentElement;
  return {
    extra: [...html.attributes].map((a) => a.name).filter((name) => !["lang", "dir", "data-skipped"].includes(name)),
    lang: html.lang,
    dir: html.dir,
    title: document.title,
    body: document.body.innerHTML,
  };
}

// Debian's Chromium once crashed while starting in a fresh-clone build here
// (SIGSEGV before its first page: "Target page, context or browser has been
// closed"), which failed the build. A second launch, with the first failure
// reported, keeps such a crash from failing it; a second failure still does.
const launch = async () => {
  const options = {
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  };
  try {
    return await chromium.launch(options);
  } catch (error) {
    console.warn(`prerender: Chromium did not start (${error.message.split("\n")[0]}); launching it once more`);
    return chromium.launch(options);
  }
};
const browser = await launch();
const render = async (locale, query = "") => {
  const context = await browser.newContext({ locale });
  const page = await context.newPage();
  const problems = [];
  page.on("pageerror", (e) => problems.push(e.message));
  page.on("console", (m) => m.type() === "error" && problems.push(m.text()));
  const read = async () => {
    await page.locator('[data-testid="headline"]').filter({ hasText: /./ }).waitFor();
    await page.waitForLoadState("networkidle");
    // Effects that run after the first render (announcements, the frame's
    // height) settle before the page is read.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 100))));
    return page.evaluate(capture);
  };
  await page.goto(origin + query);
  const first = await read();
  // The widget saves the worked example as the visitor's scenario: a
  // return visit opens that save, and must see the same page for the
  // prerendered one to stand for it (start.js compares the save with
  // `example`).
  const example = await page.evaluate(() => localStorage.getItem("social8020.scenario"));
  await page.reload();
  const again = await read();
  await context.close();
  if (problems.length) fail(`the page in ${locale} reported: ${problems.join("; ")}`);
  if (JSON.stringify(again) !== JSON.stringify(first)) fail(`the page in ${locale} differs once its save is opened`);
  return { ...first, example };
};

let prerendered = [];
try {
  for (const [language, locales] of Object.entries(LOCALES)) {
    const pages = new Map();
    for (const locale of locales) {
      const page = await render(locale);
      if (page.lang !== language) fail(`a browser in ${locale} got the page in ${page.lang}, not ${language}`);
      if (page.extra.length) fail(`<html> has attributes start.js does not set: ${page.extra.join(", ")}`);
      if (/\sstyle="/.test(page.body)) fail(`the page in ${locale} has an inline style, which the CSP drops from static HTML`);
      const key = JSON.stringify(page);
      pages.set(key, { page, locales: [...(pages.get(key)?.locales ?? []), locale] });
    }
    // start.js marks an embedded page by its class: nothing else may differ.
    const alone = [...pages.values()][0].page;
    const { example: _, ...embedded } = await render(locales[0], "?embed=1");
    if (embedded.body !== alone.body.replace('class="app"', 'class="app app--embed"')) {
      fail(`the embedded page in ${language} differs from the page on its own by more than the class app--embed`);
    }
    prerendered.push(...pages.values());
  }
} finally {
  await browser.close();
  server.kill();
}

const attribute = (text) => text.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
const written = prerendered
  .map(
    ({ page, locales }) =>
      `<div hidden inert data-locales="${locales.join(" ").toLowerCase()}" data-lang="${page.lang}" data-dir="${page.dir}" data-title="${attribute(page.title)}" data-example="${attribute(page.example ?? "")}">${page.body}</div>`,
  )
  .join("\n");
// start.js, inlined before the pages, shows the visitor's one as soon as it
// is parsed and removes the others; the CSP names its hash.
const { tags } = JSON.parse(readFileSync(join(dist, "i18n", "languages.json"), "utf8"));
const start = startElement(tags);
let html = readFileSync(htmlFile, "utf8");
if (html.includes("data-locales")) fail(`${htmlFile} has prerendered pages already`);
if (!html.includes("</body>")) fail(`${htmlFile} has no </body>`);
const policy = "script-src 'self' 'wasm-unsafe-eval'";
if (!html.includes(`${policy};`)) fail(`${htmlFile} has no CSP meta tag with ${policy}`);
html = html.replace(`${policy};`, () => `${policy} ${start.hash};`);
writeFileSync(htmlFile, html.replace("</body>", () => `${start.html}\n${written}\n</body>`));
console.log(
  `prerender: ${prerendered.length} pages (${prerendered.map((t) => t.locales.join(" ")).join("; ")}), index.html ${html.length} -> ${readFileSync(htmlFile).length} bytes, start script ${start.hash}`,
);
