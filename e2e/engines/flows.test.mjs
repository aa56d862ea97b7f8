// The same visitor flows in Chromium, Firefox and WebKit, each driven by its
// own WebDriver server (see drivers.mjs), against the release build in dist/
// served with the production CSP. One pass per engine, in order: every
// engine must show the same numbers for the same input and the same link.
// Run by `make engines` (part of `make test`): node --test e2e/engines/
import { words } from "../languages.mjs";
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { createServer, request } from "node:http";
import { networkInterfaces } from "node:os";
import { readFile, readdir } from "node:fs/promises";
import { join } from "node:path";
import { By, Key } from "selenium-webdriver";
import { ENGINES, startEngine } from "./drivers.mjs";

// E2E_PORT is the Playwright suite's; this one takes the ten ports after it.
const PORT = Number(process.env.ENGINES_PORT ?? Number(process.env.E2E_PORT ?? 8181) + 10);
const BASE = "/tools/80-20/";
const WIDGET = `http://127.0.0.1:${PORT}${BASE}`;
// The host page is on another origin (localhost, another port), as on a
// consultancy's site.
const HOST = `http://localhost:${PORT + 1}`;

// The worked example (a bakery), as every engine must show it.
const EXAMPLE_HEADLINE = "3 of 8 activities (38 %) bring 81 % of your results, using 18 % of your time.";
const EXAMPLE_SCORE = "54";

// Typed by hand. Totals: 1,000 results in 20 hours; Webinars alone bring
// exactly 80 %. Score: (20 x 50 + 25 x 80) / 45 = 66.7, so 67.
const ROWS = [
  ["Webinars", "10", "800", "Community"],
  ["Boosted posts", "5", "150", "Following"],
  ["Ads", "5", "50", "Following"],
];
const TYPED_HEADLINE = "1 of 3 activities (33 %) brings 80 % of your results, using 50 % of your time.";
const TYPED_SCORE = "67";
const TYPED_CSV = [
  "rank,activity,type,hours,results,result_share_pct,cumulative_share_pct,time_share_pct,results_per_hour,leverage,group",
  "1,Webinars,community,10,800,80,80,50,80,1.6,vital_few",
  "2,Boosted posts,following,5,150,15,95,25,30,0.6,trivial_many",
  "3,Ads,following,5,50,5,100,25,10,0.2,trivial_many",
]
  .map((line) => `${line}\r\n`)
  .join("");
// A scenario has exactly one payload (PRODUCT.md §4), whichever engine made
// it: this is the one every engine must put in the link of ROWS.
const TYPED_PAYLOAD =
  "1eNoBNADL_wMIV2ViaW5hcnMBFMAMDUJvb3N0ZWQgcG9zdHMACqwCA0FkcwAKZAEAA1VTRFAAAAAAAACQpwzf";

// Pasted rows (comma separated, one per line) added to the typed ones:
// 2,000 results in 30 hours; Webinars and the podcast bring 85 %.
const PASTED = "Podcast guesting,6,900,community\nCold emails,4,100";
const PASTED_HEADLINE = "2 of 5 activities (40 %) bring 85 % of your results, using 53 % of your time.";

// ---------------------------------------------------------------- servers

let widgetServer;
let hostServer;
let insecureServer;
// The widget at this machine's first address other than loopback, or null.
let insecureWidget = null;
const hostPages = new Map();

function hostPage(attributes) {
  return `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8"><title>A consultancy</title></head>
  <body>
    <h1>Where do your results come from?</h1>
    <p id="above">Above the calculator.</p>
    <div id="calc" data-social8020 ${attributes}></div>
    <script src="${WIDGET}embed.js" async></script>
    <p id="below">Below the calculator.</p>
  </body>
</html>`;
}

before(async () => {
  widgetServer = spawn(process.execPath, ["tools/serve.mjs", "dist", String(PORT), BASE], {
    cwd: new URL("../..", import.meta.url),
    stdio: ["ignore", "pipe", "inherit"],
  });
  await new Promise((resolve, reject) => {
    widgetServer.stdout.once("data", resolve);
    widgetServer.once("exit", (code) => reject(new Error(`tools/serve.mjs exited with ${code}`)));
  });
  hostServer = createServer((req, res) => {
    const html = hostPages.get(new URL(req.url, HOST).pathname);
    if (!html) return res.writeHead(404).end("not found");
    res.writeHead(200, {
      "Content-Type": "text/html; charset=utf-8",
      "Content-Security-Policy": `default-src 'self'; script-src 'self' ${WIDGET}; frame-src ${WIDGET}; style-src 'self'`,
    });
    res.end(html);
  });
  await new Promise((resolve) => hostServer.listen(PORT + 1, "127.0.0.1", resolve));

  // The same files through an address that is not loopback, so not a
  // secure context: a page without the clipboard API in every engine.
  const address = Object.values(networkInterfaces())
    .flat()
    .find((a) => a.family === "IPv4" && !a.internal)?.address;
  if (address) {
    insecureServer = createServer((req, res) => {
      const upstream = request({ host: "127.0.0.1", port: PORT, path: req.url, headers: req.headers }, (answer) => {
        res.writeHead(answer.statusCode, answer.headers);
        answer.pipe(res);
      });
      upstream.on("error", () => res.writeHead(502).end());
      req.pipe(upstream);
    });
    await new Promise((resolve) => insecureServer.listen(PORT + 5, address, resolve));
    insecureWidget = `http://${address}:${PORT + 5}${BASE}`;
  }
});

after(async () => {
  widgetServer?.kill();
  for (const server of [hostServer, insecureServer]) {
    await new Promise((resolve) => (server ? server.close(resolve) : resolve()));
  }
});

// ---------------------------------------------------------------- helpers

/** Polls `probe` until it returns a truthy value; fails with `what`. */
async function until(probe, what, timeout = 10_000) {
  const deadline = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      last = await probe();
      if (last) return last;
    } catch (error) {
      last = error.message;
    }
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${what} (last: ${JSON.stringify(last)})`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Waits until `read()` equals `expected`, then asserts it. */
async function expectValue(read, expected, what) {
  let seen;
  await until(async () => (seen = await read()) === expected, `${what} to be ${JSON.stringify(expected)}`).catch(
    () => assert.equal(seen, expected, what),
  );
}

const $ = (driver, css) => driver.findElement(By.css(css));
const $$ = (driver, css) => driver.findElements(By.css(css));
const text = async (driver, css) => (await (await $(driver, css)).getText()).trim();

/** A button by its name: its label, its text, or its text beside an icon. */
const button = (driver, name) => {
  const n = xpathString(name);
  return driver.findElement(By.xpath(`//button[@aria-label=${n} or normalize-space(.)=${n} or text()[normalize-space(.)=${n}]]`));
};
const xpathString = (s) => (s.includes("'") ? `concat('${s.split("'").join(`', "'", '`)}')` : `'${s}'`);

/** The field of activity row n (1-based) whose label begins with `label`.
 * Asked again until the row holds still: a click that replaces the rows
 * (Clear all) renders them after the click returns, and a row found before
 * that is gone. */
function rowField(driver, n, label) {
  return until(async () => {
    const row = await $(driver, `[role=group][aria-label="Activity ${n}"]`);
    const id = await row
      .findElement(By.xpath(`.//label[starts-with(normalize-space(.), ${xpathString(label)})]`))
      .getAttribute("for");
    return row.findElement(By.id(id));
  }, `the ${label} field of activity ${n}`);
}

/** Replaces a field's text by typing, as a visitor does. A line break is
 * the Enter key (WebKitWebDriver types nothing for "\n"). */
async function retype(field, value) {
  await field.click();
  await field.sendKeys(Key.chord(Key.CONTROL, "a"), Key.BACK_SPACE);
  if (value !== "") await field.sendKeys(value.split("\n").join(Key.ENTER));
}

/** Opens the "Paste or import rows" panel (a click on an open one closes
 * it). Closed, the panel is as tall as its summary in every engine; open,
 * it shows its text box. */
async function openImport(driver) {
  const panel = await $(driver, "details.import");
  const summary = await panel.findElement(By.css("summary"));
  if ((await panel.getAttribute("open")) === null) {
    const [closed, line] = [(await panel.getRect()).height, (await summary.getRect()).height];
    assert.ok(closed < line + 8, `the closed import panel is ${closed}px tall, its summary ${line}px: its content shows`);
    await summary.click();
  }
  const box = await $(driver, "#import-text");
  assert.equal(await box.isDisplayed(), true, "the opened import panel hides its text box");
  return box;
}

/** Picks an option of a select by its label. */
async function choose(select, label) {
  await select.findElement(By.xpath(`./option[normalize-space(.)=${xpathString(label)}]`)).click();
}

/** Clears the form and types the rows: [name, hours, results, type]. */
async function typeRows(driver, rows) {
  await button(driver, "Clear all").click();
  for (const [i, [name, hours, results, type]] of rows.entries()) {
    if (i > 0) await button(driver, "Add activity").click();
    await retype(await rowField(driver, i + 1, "Name"), name);
    await retype(await rowField(driver, i + 1, "Hours"), hours);
    await retype(await rowField(driver, i + 1, "Results"), results);
    await choose(await rowField(driver, i + 1, "Type"), type);
  }
}

const headline = (driver) => text(driver, "[data-testid=headline]");
const score = async (driver) => (await $(driver, "[role=meter]")).getAttribute("aria-valuenow");
const tableNames = async (driver) =>
  Promise.all((await $$(driver, "[data-testid=breakdown-table] tbody th[scope=row]")).map((cell) => cell.getText()));

/** Opens the widget and waits for it to render. */
async function openWidget(driver, url = `${WIDGET}index.html`) {
  await driver.get(url);
  // The live page, not the prerendered one shown before it (inert).
  await until(
    () => driver.executeScript("return !!document.querySelector('[data-testid=headline]') && !document.querySelector('[inert]')"),
    "the widget",
  );
}

/** Puts text on the system clipboard the way a visitor does: typed into a
 * field, selected, Ctrl+C. Ctrl+C waits until the selection is complete
 * (Firefox and WebKitGTK copied nothing when it came in the same breath);
 * the field keeps the text, which they read when it is pasted. */
async function copyByKeyboard(driver, field, value) {
  await retype(field, value);
  await field.sendKeys(Key.chord(Key.CONTROL, "a"));
  await until(
    () => driver.executeScript("const f = arguments[0]; return f.selectionStart === 0 && f.selectionEnd === f.value.length", field),
    "the text selected",
  );
  await field.sendKeys(Key.chord(Key.CONTROL, "c"));
}

/**
 * Works with the widget's frame on a host page. The driver's context is
 * the frame after each call but `top` (the host page's). A control low in
 * the frame is clicked after the host page is scrolled to it, as a visitor
 * scrolls: WebKit scrolls no page for an element inside a frame of another
 * origin, so its driver would click beside it.
 */
function inFrame(driver, iframe) {
  const top = () => driver.executeScript("return Math.round(arguments[0].getBoundingClientRect().top)", iframe);
  return {
    top,
    /** The frame's height when it fits its content (within 2 px), else 0. */
    async fits() {
      await driver.switchTo().parentFrame();
      const outer = await driver.executeScript("return Math.round(arguments[0].getBoundingClientRect().height)", iframe);
      await driver.switchTo().frame(iframe);
      const inner = await driver.executeScript(
        "const app = document.querySelector('.app'); return app.offsetTop + app.offsetHeight",
      );
      return Math.abs(inner - outer) <= 2 ? outer : 0;
    },
    /** Scrolls the host page to the element, checks `before()`, clicks. */
    async click(element, before = async () => {}) {
      const y = await driver.executeScript("return arguments[0].getBoundingClientRect().top", element);
      await driver.switchTo().parentFrame();
      await driver.executeScript(
        "scrollBy(0, arguments[0].getBoundingClientRect().top + arguments[1] - innerHeight / 2)",
        iframe,
        y,
      );
      await before();
      await driver.switchTo().frame(iframe);
      await element.click();
    },
  };
}

// ---------------------------------------------------------------- flows

for (const engine of ENGINES) {
  const missing = engine.missing();
  if (missing) console.error(`# ${engine.name}: skipped, ${missing}`);

  describe(engine.name, { skip: missing ?? false }, () => {
    let session;
    let driver;
    const driverPort = PORT + 2 + ENGINES.indexOf(engine);

    before(async () => {
      session = await startEngine(engine, driverPort);
      driver = session.driver;
      await driver.manage().window().setRect({ width: 1200, height: 900 });
    });
    after(async () => session?.stop());

    it("shows the worked example: headline, score meter, table and chart", async () => {
      await openWidget(driver);
      await expectValue(() => headline(driver), EXAMPLE_HEADLINE, "headline");
      await expectValue(() => score(driver), EXAMPLE_SCORE, "score");
      const meter = await $(driver, "[role=meter]");
      assert.equal(await meter.getAttribute("aria-label"), "Following vs community score");
      assert.equal((await tableNames(driver)).length, 8);
      const chart = await $(driver, "[data-testid=pareto-chart]");
      assert.equal((await chart.findElements(By.css(".chart__bar"))).length, 8);
      assert.equal((await chart.findElements(By.css(".chart__bar--vital"))).length, 3);
      // The chart is drawn, not only in the DOM: its bars have a size.
      const bar = await chart.findElement(By.css(".chart__bar"));
      const { width, height } = await bar.getRect();
      assert.ok(width > 1 && height > 1, `a bar of ${width} x ${height}`);
    });

    it("formats numbers for the host's locale as every other engine does", async () => {
      // Each engine brings its own Intl data (Firefox and Chromium their
      // own ICU, WebKitGTK the system's); the separators must agree.
      for (const [query, amounts, percent] of [
        // The saved example is in dollars; the locale sets the format,
        // percentages included (docs/spec.md §9).
        ["locale=de-DE", ["14.450\u00a0$", "39.400\u00a0$"]],
        ["locale=fr-FR", ["14\u202f450\u00a0$US", "39\u202f400\u00a0$US"]],
      ]) {
        await openWidget(driver, `${WIDGET}index.html?${query}`);
        // The percent sign where this engine's Intl puts it for the locale.
        const percent = `+${await driver.executeScript(
          "return new Intl.NumberFormat(arguments[0], { style: 'percent' }).format(1.73)",
          query.split("=")[1],
        )}`;
        // textContent: WebDriver's element text turns no-break spaces into spaces.
        await expectValue(
          () => driver.executeScript("return document.querySelector('[data-testid=what-if]').textContent.trim()"),
          `Moving 31,5 hours a month would take your results from ${amounts[0]} to about ${amounts[1]} (${percent}).`,
          `the what-if with ${query}`,
        );
      }
      await openWidget(driver);
    });

    it("speaks the language chosen, with its plural forms and numbers", async () => {
      try {
        // German from the host setting; the words from the German catalog.
        await openWidget(driver, `${WIDGET}index.html?lang=de`);
        assert.equal(await driver.executeScript("return document.documentElement.lang"), "de");
        const buttons = await driver.executeScript(
          "return [...document.querySelectorAll('button')].map((b) => b.textContent.trim())",
        );
        const add = words("de", "activities.add");
        assert.ok(buttons.some((text) => text.endsWith(add)), `no "${add}" among ${buttons.join(" | ")}`);
        const headline = await driver.executeScript("return document.querySelector('[data-testid=headline]').textContent");
        const vital = words("de", "headline.vital", { count: 3, total: 8 }).split(" (")[0];
        assert.ok(headline.startsWith(vital), `${headline} does not start with ${vital}`);
        // The pseudo right-to-left locale turns the page around.
        await openWidget(driver, `${WIDGET}index.html?lang=ar-XB`);
        assert.equal(await driver.executeScript("return document.documentElement.dir"), "rtl");
      } finally {
        await openWidget(driver);
      }
    });

    it("answers typing: headline, score, table and chart follow the input", async () => {
      await typeRows(driver, ROWS);
      await expectValue(() => headline(driver), TYPED_HEADLINE, "headline after typing");
      await expectValue(() => score(driver), TYPED_SCORE, "score after typing");
      // The breakdown card, skipped while far below, is drawn in the task
      // after the edit's frame: read until it is.
      await expectValue(async () => (await tableNames(driver)).join(" | "), "Webinars | Boosted posts | Ads", "the table after typing");
      const chart = await $(driver, "[data-testid=pareto-chart]");
      assert.equal((await chart.findElements(By.css(".chart__bar"))).length, 3);
      assert.equal((await chart.findElements(By.css(".chart__bar--vital"))).length, 1);
      // A mistake is marked on its field; the last valid results stay.
      const hours = await rowField(driver, 2, "Hours");
      await retype(hours, "lots");
      await until(async () => (await hours.getAttribute("aria-invalid")) === "true", "hours marked invalid");
      assert.equal(await headline(driver), TYPED_HEADLINE);
      await retype(hours, "5");
      await until(async () => (await hours.getAttribute("aria-invalid")) !== "true", "hours valid again");
    });

    it("exports the breakdown as CSV", { skip: engine.downloads ? false : "the driver cannot catch downloads" }, async () => {
      await button(driver, "Export CSV").click();
      const file = await until(async () => {
        const names = (await readdir(session.downloads)).filter((name) => name.endsWith(".csv"));
        return names.length === 1 && names[0];
      }, "the CSV download");
      assert.match(file, /^social-80-20-\d{4}-\d{2}-\d{2}\.csv$/);
      const csv = await until(async () => {
        const body = await readFile(join(session.downloads, file), "utf8");
        return body.length >= TYPED_CSV.length && body;
      }, "the whole CSV");
      assert.equal(csv, TYPED_CSV);
    });

    let link;
    it("Copy link puts the link on the clipboard, and the link opens the same numbers", async () => {
      await button(driver, "Copy link").click();
      await until(async () => (await $$(driver, ".copy-link__done")).length === 1, "“Link copied”");
      // What the clipboard holds, pasted by a visitor into the import box.
      const box = await openImport(driver);
      await box.click();
      await box.sendKeys(Key.chord(Key.CONTROL, "v"));
      link = await until(async () => (await box.getAttribute("value")).trim(), "the pasted link");
      assert.match(link, new RegExp(`^${WIDGET.replace(/[.]/g, "\\.")}index\\.html#s=1[A-Za-z0-9_-]+$`));
      assert.equal(link.split("#s=")[1], TYPED_PAYLOAD);
      await retype(box, "");

      // Opened in a fresh page, the link shows the shared scenario.
      await driver.get("about:blank");
      await openWidget(driver, link);
      await until(async () => (await $$(driver, "[data-testid=shared-banner]")).length === 1, "the shared banner");
      await expectValue(() => headline(driver), TYPED_HEADLINE, "headline of the shared link");
      await expectValue(() => score(driver), TYPED_SCORE, "score of the shared link");
      await button(driver, "Keep this one").click();
      await until(async () => (await $$(driver, "[data-testid=shared-banner]")).length === 0, "the banner to go");
    });

    it("imports rows pasted from the clipboard", async () => {
      const name = await rowField(driver, 1, "Name");
      // Copied from a text field, as from a spreadsheet, then pasted into
      // the activity list.
      await copyByKeyboard(driver, await openImport(driver), PASTED);
      await name.click();
      await name.sendKeys(Key.END, Key.chord(Key.CONTROL, "v"));
      await expectValue(() => headline(driver), PASTED_HEADLINE, "headline after the paste");
      assert.equal(await name.getAttribute("value"), "Webinars", "the paste went into rows, not the field");
      await expectValue(
        async () => (await tableNames(driver)).join(" | "),
        "Podcast guesting | Webinars | Boosted posts | Cold emails | Ads",
        "the table after the import",
      );
    });

    it("in a host page of another origin: auto-height, no jump on load, events in dataLayer", async () => {
      hostPages.set("/host.html", hostPage("data-datalayer"));
      await driver.get(`${HOST}/host.html`);
      const iframe = await until(async () => (await $$(driver, "#calc iframe"))[0], "the widget's frame");
      assert.equal(await iframe.getAttribute("title"), "Social 80/20 calculator");
      await until(
        () => driver.executeScript("return (window.dataLayer || []).some((e) => e.event === 'social8020_result')"),
        "a social8020_result in dataLayer",
      );
      const layer = await driver.executeScript("return window.dataLayer");
      assert.deepEqual(
        layer.map((entry) => entry.event),
        ["social8020_ready", "social8020_result"],
      );
      for (const [key, value] of Object.entries(layer[1])) {
        if (key !== "event") assert.equal(typeof value, "number", `${key} in dataLayer`);
      }
      // The widget took no focus and the page did not move.
      assert.deepEqual(await driver.executeScript("return [scrollY, document.activeElement === document.body]"), [
        0,
        true,
      ]);

      const frame = inFrame(driver, iframe);
      const start = await until(frame.fits, "the frame to fit its content");
      for (let i = 0; i < 4; i++) await frame.click(await button(driver, "Add activity"));
      await until(async () => {
        const height = await frame.fits();
        return height > start + 100 && height;
      }, "the frame to grow with its content");

      // Clear all, low in the frame with the frame's top scrolled away:
      // the top, with the new headline, comes back into view.
      await frame.click(await button(driver, "Clear all"), async () => {
        assert.ok((await frame.top()) < -300, "the frame's top is above the viewport");
      });
      await until(async () => (await headline(driver)) === "Start with one activity.", "the cleared form");
      await driver.switchTo().parentFrame();
      await until(async () => Math.abs(await frame.top()) <= 1, "the frame's top in view");
      await until(async () => (await frame.fits()) < start - 300, "the frame to shrink");
      await driver.switchTo().parentFrame();
    });

    it("keyboard focus inside the frame stays in view on the host page", async () => {
      await driver.get(`${HOST}/host.html`);
      const iframe = await until(async () => (await $$(driver, "#calc iframe"))[0], "the widget's frame");
      const frame = inFrame(driver, iframe);
      await until(frame.fits, "the frame to fit its content");
      await frame.click(await button(driver, "Show the example"));
      await until(async () => (await $$(driver, '[aria-label="Activity 8"]')).length === 1, "the example's rows");
      await frame.click(await rowField(driver, 1, "Name"));
      // Down the rows by keyboard to the seventh row's name, far below the
      // first screen. (WebKit's Tab skips buttons and selects by default.)
      const where = () =>
        driver.executeScript(`const f = document.activeElement, r = f.getBoundingClientRect();
          return [f.closest("[role=group]")?.getAttribute("aria-label") + " " + f.id.split("-").pop(), r.top, r.bottom]`);
      let focused;
      for (let i = 0; i < 60; i++) {
        await driver.actions().sendKeys(Key.TAB).perform();
        focused = await where();
        if (focused[0] === "Activity 7 name") break;
      }
      assert.equal(focused[0], "Activity 7 name");
      await driver.switchTo().parentFrame();
      const [frameTop, viewport] = await driver.executeScript(
        "return [arguments[0].getBoundingClientRect().top, innerHeight]",
        iframe,
      );
      await until(async () => {
        const top = await frame.top();
        return top + focused[1] >= 0 && top + focused[2] <= viewport;
      }, `the focused ${focused[0]} (at ${Math.round(frameTop + focused[1])} px of a ${viewport} px viewport) in view`);
    });

    it("Copy link without the clipboard shows the link selected, to copy by hand", async () => {
      // An address that is not this machine's loopback is not a secure
      // context: no browser offers the clipboard API there.
      assert.ok(insecureWidget, "no address other than loopback to serve an insecure page from");
      await openWidget(driver, `${insecureWidget}index.html`);
      await button(driver, "Copy link").click();
      const field = await until(async () => (await $$(driver, "#share-link"))[0], "the link to copy by hand");
      const value = await field.getAttribute("value");
      assert.match(value, /^http:\/\/[0-9.]+:\d+\/tools\/80-20\/index\.html#s=1[A-Za-z0-9_-]+$/);
      assert.deepEqual(
        await driver.executeScript(
          "const f = document.activeElement; return [f.id, f.selectionStart, f.selectionEnd]",
        ),
        ["share-link", 0, value.length],
      );
    });

    it("has its true height at load with 100 activities, the breakdown and far rows skipped", async () => {
      // The breakdown card, and in a long list each activity row, is not
      // drawn while far from the viewport (content-visibility: auto), but
      // only once the first frame is drawn, so it keeps the height it had
      // then: the page (and a frame sized to it) never has an estimate. A
      // row never drawn (pasted far below) takes a row's own height. (A
      // table that changes while skipped keeps its old height until drawn,
      // as ARCHITECTURE.md says, so after the paste only the rows count.)
      const heights = (selector) =>
        driver.executeScript(`
          const app = document.querySelector(".app");
          const skippable = [...document.querySelectorAll(arguments[0])];
          const skipped = skippable.filter((e) => !e.firstElementChild.checkVisibility({ contentVisibilityAuto: true })).length;
          const height = app.getBoundingClientRect().height;
          for (const e of skippable) e.style.contentVisibility = "visible";
          const drawn = app.getBoundingClientRect().height;
          for (const e of skippable) e.style.contentVisibility = "";
          return [height, drawn, skipped];`, selector);
      /** The heights once most of `selector` is skipped. */
      const mostlySkipped = (selector, what) =>
        until(async () => {
          const found = await heights(selector);
          return found[2] > 50 && found;
        }, what);
      await openWidget(driver);
      await button(driver, "Clear all").click();
      const rows = Array.from({ length: 100 }, (_, i) => `Channel ${i + 1}\t${(i % 9) + 1}\t${1000 + 10 * i}`).join("\n");
      // Set rather than typed: 2,000 keystrokes take minutes in WebKit.
      await driver.executeScript(
        `arguments[0].value = arguments[1];
         arguments[0].dispatchEvent(new Event("input", { bubbles: true }));`,
        await openImport(driver),
        rows,
      );
      await button(driver, "Add pasted rows").click();
      await until(async () => (await $$(driver, ".activity")).length === 100, "100 activities");
      await driver.executeScript("scrollTo(0, 0)");
      const [pasted, pastedDrawn, pastedSkipped] = await mostlySkipped(".activity", "most pasted rows skipped");
      assert.equal(pasted, pastedDrawn, `the page is as tall as with every row drawn (${pastedSkipped} skipped)`);
      // Saved, so a reload opens them at once.
      await driver.sleep(500);
      await openWidget(driver);
      await until(async () => (await $$(driver, ".activity")).length === 100, "100 activities after the reload");
      await until(
        () => driver.executeScript("return !document.querySelector('.breakdown').checkVisibility({ contentVisibilityAuto: true })"),
        "the table skipped",
      );
      const [height, drawn, skipped] = await mostlySkipped(".numbers, .activity", "the table and most rows skipped");
      assert.equal(height, drawn, `the page is as tall as with the table and every row drawn (${skipped} skipped)`);
    });
  });
}
