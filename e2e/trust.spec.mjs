// Trust boundaries (docs/spec.md §11), each against the attack it stops: URL
// settings on the widget's own address, share links sent to another site,
// framing by any site, formulas in an exported CSV (read by LibreOffice
// Calc with each separator), names that disguise themselves, saves that
// get overwritten, imports read in the wrong encoding, a frame too tall to
// show, and the dev server's paths. The widget is served by the config's
// web server on 127.0.0.1; host pages come from servers started here on
// localhost, another origin.
import { createServer, get } from "node:http";
import { execFile } from "node:child_process";
import { cp, mkdtemp, mkdir, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { spawn } from "node:child_process";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { test, expect, activity, enterActivities, openWidget } from "./fixtures.mjs";
import { PORT, BASE, freePort } from "./playwright.config.mjs";

const WIDGET = `http://127.0.0.1:${PORT}${BASE}`;
const DIST = resolve(import.meta.dirname, "..", "dist");
const EVIL = "cta-url=https://evil.example/login&cta-label=Get+your+full+report&share-url=https://evil.example/grab";
const DANGER = ["=", "+", "-", "@", "\t", "\r"];

/** A host page with the loader and one placeholder with these attributes. */
function hostPage(widget, attributes = "") {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A consultancy</title></head>
  <body><div id="calc" data-social8020 ${attributes}></div><script src="${widget}embed.js" async></script></body></html>`;
}

/** Starts a server on a port the system picks (`server.port`; a port
 * chosen ahead, next to the tests' own, was at times taken by the
 * browser's own connections) that answers every path with `html()`. */
async function hostServer(html) {
  const server = createServer((req, res) => {
    if (req.url === "/favicon.ico") return res.writeHead(204).end();
    res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" }).end(html(req.url));
  });
  await new Promise((done) => server.listen(0, "127.0.0.1", done));
  server.port = server.address().port;
  return server;
}
const close = (server) => new Promise((done) => server.close(done));

/** The widget's frame as a Frame, to evaluate in. */
const widgetFrame = (page, base = WIDGET) => page.frames().find((f) => f.url().startsWith(`${base}index.html`));

/** Console warnings of a page, as they come. */
function warnings(page) {
  const seen = [];
  page.on("console", (msg) => msg.type() === "warning" && seen.push(msg.text()));
  return seen;
}

test.describe("URL settings", () => {
  test("opened on its own, the widget shows no call to action and links to itself", async ({ page }) => {
    const warned = warnings(page);
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
    await openWidget(page, `index.html?${EVIL}`);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(page.getByText("Get your full report")).toHaveCount(0);
    await expect(page.locator("a[href*='evil']")).toHaveCount(0);
    await page.getByRole("button", { name: "Copy link" }).click();
    await expect(page.getByText("✓ Link copied")).toBeVisible();
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link).toMatch(new RegExp(`^${WIDGET.replace(/[.]/g, "\\.")}index\\.html#s=1`));
    for (const setting of ["cta-url", "share-url"]) {
      await expect.poll(() => warned.some((w) => w.includes(`"${setting}" was ignored`))).toBe(true);
    }
  });

  test("in a frame, share-url counts only on the embedding page's origin", async ({ page }) => {
    const warned = warnings(page);
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
    let host;
    const server = await hostServer((path) =>
      path.startsWith("/own")
        ? hostPage(WIDGET, `data-share-url="${host}/own.html" data-cta-url="https://example.com/book"`)
        : hostPage(WIDGET, 'data-share-url="https://evil.example/grab" data-cta-url="https://example.com/book"'),
    );
    host = `http://localhost:${server.port}`;
    try {
      const copied = async () => {
        const frame = page.frameLocator("#calc iframe");
        await frame.getByRole("button", { name: "Copy link" }).click();
        await expect(frame.getByText("✓ Link copied")).toBeVisible();
        return page.evaluate(() => navigator.clipboard.readText());
      };
      // Another site's share page: ignored, with a warning; links go to
      // the widget's own page. The host's call to action stays.
      await page.goto(`${host}/evil.html`);
      const frame = page.frameLocator("#calc iframe");
      await expect(frame.getByRole("link", { name: "Book a free call" })).toBeVisible();
      expect(await copied()).toMatch(new RegExp(`^${WIDGET.replace(/[.]/g, "\\.")}index\\.html#s=1`));
      await expect.poll(() => warned.some((w) => w.includes('"share-url" was ignored'))).toBe(true);

      // The host's own page: honoured. The loader's frame sends the host's
      // origin as its referrer, for browsers without ancestorOrigins.
      await page.goto(`${host}/own.html`);
      expect(await copied()).toMatch(new RegExp(`^${host.replace(/[.]/g, "\\.")}/own\\.html#s=1`));
      expect(await widgetFrame(page).evaluate(() => document.referrer)).toBe(`${host}/`);
      expect(await widgetFrame(page).evaluate(() => location.ancestorOrigins[0])).toBe(host);
    } finally {
      await close(server);
    }
  });

  test("the loader's cross-origin frame is sandboxed and the widget still works in it", async ({ page }) => {
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
    await page.context().route("https://example.com/**", (route) =>
      route.fulfill({ contentType: "text/html", body: "<title>Booking</title>" }),
    );
    const server = await hostServer(() => hostPage(WIDGET, 'data-cta-url="https://example.com/book"'));
    try {
      await page.goto(`http://localhost:${server.port}/`);
      const iframe = page.locator("#calc iframe");
      await expect(iframe).toHaveAttribute(
        "sandbox",
        "allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox allow-downloads",
      );
      await expect(iframe).toHaveAttribute("referrerpolicy", "strict-origin-when-cross-origin");
      const frame = page.frameLocator("#calc iframe");
      await expect(frame.getByTestId("headline")).toHaveText(/^3 of 8 activities/);
      // Clipboard, downloads and the call to action's new tab all work.
      await frame.getByRole("button", { name: "Copy link" }).click();
      await expect(frame.getByText("✓ Link copied")).toBeVisible();
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        frame.getByRole("button", { name: "Export CSV" }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/^social-80-20-.*\.csv$/);
      const [popup] = await Promise.all([
        page.waitForEvent("popup"),
        frame.getByRole("link", { name: "Book a free call" }).click(),
      ]);
      await expect(popup).toHaveTitle("Booking");
    } finally {
      await close(server);
    }
  });
});

/** Serves a copy of dist/ with tools/serve.mjs; the copy's folder and a stop. */
async function serveCopy() {
  const folder = await mkdtemp(join(tmpdir(), "social8020-trust-"));
  const site = join(folder, "site");
  await cp(DIST, site, { recursive: true });
  const port = await freePort();
  const server = spawn("node", ["tools/serve.mjs", site, String(port), BASE], {
    cwd: resolve(import.meta.dirname, ".."),
    stdio: ["ignore", "pipe", "inherit"],
  });
  await new Promise((done, fail) => {
    server.stdout.on("data", (chunk) => String(chunk).includes("Serving") && done());
    server.on("exit", (code) => fail(new Error(`serve.mjs exited with ${code}`)));
  });
  return {
    folder,
    site,
    port,
    base: `http://127.0.0.1:${port}${BASE}`,
    stop: async () => {
      server.kill();
      await rm(folder, { recursive: true, force: true });
    },
  };
}

/** A raw GET of `path` from `served`, as written (no URL normalisation):
 * status and body. */
function rawGet(served, path) {
  return new Promise((done, fail) => {
    get({ host: "127.0.0.1", port: served.port, path }, (res) => {
      let body = "";
      res.on("data", (chunk) => (body += chunk));
      res.on("end", () => done({ status: res.statusCode, body, csp: res.headers["content-security-policy"] }));
    }).on("error", fail);
  });
}

test.describe("serving", () => {
  // A fresh page, not the fixture's: the refused frame is a console error
  // by design here.
  test("only the sites in dist/frame-ancestors.txt may frame the widget, edited without a restart", async ({ browser }) => {
    const page = await browser.newPage();
    const served = await serveCopy();
    const allowed = await hostServer(() => hostPage(served.base));
    const other = await hostServer(() => hostPage(served.base));
    try {
      // As shipped: the file is in dist/, with no list, so any site may
      // frame the widget.
      expect((await rawGet(served, `${BASE}frame-ancestors.txt`)).body).toContain("# Sites allowed to show this widget");
      expect((await rawGet(served, `${BASE}index.html`)).csp).not.toContain("frame-ancestors");
      await writeFile(
        join(served.site, "frame-ancestors.txt"),
        `# our sites\nhttp://localhost:${allowed.port}\nhttps://*.example.com\nbad; script-src *\n`,
      );
      const { csp } = await rawGet(served, `${BASE}index.html`);
      expect(csp).toContain(`frame-ancestors 'self' http://localhost:${allowed.port} https://*.example.com`);
      expect(csp).not.toContain("script-src *");

      await page.goto(`http://localhost:${allowed.port}/`);
      await expect(page.frameLocator("#calc iframe").getByRole("button", { name: "Add activity" })).toBeVisible();

      // Another site gets no widget: the browser refuses to show it.
      const blocked = page.waitForEvent("console", (msg) => msg.text().includes("frame-ancestors"));
      await page.goto(`http://localhost:${other.port}/`);
      await blocked;
      const frame = page.frames().find((f) => f.url().startsWith(served.base));
      expect(frame ? await frame.locator("button").count() : 0).toBe(0);
    } finally {
      await page.close();
      await close(allowed);
      await close(other);
      await served.stop();
    }
  });

  test("the dev server answers 400 to a malformed path and serves nothing outside its folder", async () => {
    const served = await serveCopy();
    try {
      await writeFile(join(served.folder, "secret.txt"), "secret");
      await mkdir(join(served.folder, "site-old"));
      await writeFile(join(served.folder, "site-old", "x"), "secret");
      await symlink(join(served.folder, "secret.txt"), join(served.site, "link.txt"));
      expect((await rawGet(served, `${BASE}%`)).status).toBe(400);
      expect((await rawGet(served, `${BASE}%E0%A4%A`)).status).toBe(400);
      // Still up after them.
      expect((await rawGet(served, `${BASE}index.html`)).status).toBe(200);
      for (const path of [
        `${BASE}..%2fsite-old/x`,
        `${BASE}..%2f..%2fsite-old/x`,
        `${BASE}..%2fsecret.txt`,
        `${BASE}%2e%2e/secret.txt`,
        `${BASE}..%5csecret.txt`,
        `${BASE}link.txt`,
      ]) {
        const { status, body } = await rawGet(served, path);
        expect(status, path).toBeGreaterThanOrEqual(400);
        expect(body, path).not.toContain("secret");
      }
    } finally {
      await served.stop();
    }
  });
});

// Names built to break a guard that looks only at a cell's start or at one
// separator. Each would show 42007 if a spreadsheet ran it.
const FORMULA_NAMES = [
  "Ads;=42000+7;x",
  "Reels,=42000+7",
  "Tips;+42000+7",
  "Lives;-42000-7+84014",
  "=42000+7",
  "Q&A; =42000+7",
];

/** The cells of a CSV split on `separator` and line breaks, ignoring quotes. */
const naiveCells = (csv, separator) =>
  csv.split(/\r\n|\n|\r/).flatMap((line) => line.split(separator)).map((cell) => cell.replace(/^[ "]+/, ""));

/** LibreOffice Calc's reading of a CSV file split on `separator`, as HTML. */
async function calc(csv, separator) {
  const folder = await mkdtemp(join(tmpdir(), "social8020-calc-"));
  try {
    const file = join(folder, "export.csv");
    await writeFile(file, csv);
    const code = { ",": 44, ";": 59, "\t": 9 }[separator];
    await promisify(execFile)(
      "soffice",
      [
        `-env:UserInstallation=file://${folder}/profile`,
        "--headless",
        `--infilter=CSV:${code},34,76,1`,
        "--convert-to",
        "html",
        "--outdir",
        folder,
        file,
      ],
      { timeout: 90_000 },
    );
    return await readFile(join(folder, "export.html"), "utf8");
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

test.describe("exports", () => {
  test.setTimeout(240_000);

  test("no split of the exported CSV starts a formula, and LibreOffice Calc runs none", async ({ page }) => {
    await openWidget(page);
    await enterActivities(page, FORMULA_NAMES.map((name, i) => [name, 1, 10 + i]));
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Export CSV" }).click(),
    ]);
    const csv = await readFile(await download.path(), "utf8");
    expect(csv.split("\r\n")[0]).toBe(
      "rank,activity,type,hours,results,result_share_pct,cumulative_share_pct,time_share_pct,results_per_hour,leverage,group",
    );
    for (const separator of [",", ";", "\t"]) {
      for (const cell of naiveCells(csv, separator)) {
        expect(DANGER.some((d) => cell.startsWith(d)), `${JSON.stringify(cell)} split on ${JSON.stringify(separator)}`).toBe(false);
      }
    }
    // The check can fail: the same row without the guard runs in Calc.
    const unguarded = `rank,activity\r\n1,Ads;=42000+7;x\r\n`;
    expect(await calc(unguarded, ";")).toContain("42007");
    for (const separator of [",", ";", "\t"]) {
      const html = await calc(csv, separator);
      expect(html, `split on ${JSON.stringify(separator)}`).toContain("42000+7");
      expect(html, `split on ${JSON.stringify(separator)}`).not.toContain("42007");
    }
    // Read with "," the numbers stay machine-readable.
    const html = await calc(csv, ",");
    expect(html).toMatch(/>\s*vital_few\s*</);
  });
});

test.describe("names", () => {
  test("bidi overrides and invisible characters never reach the screen or the exports", async ({ page }) => {
    await openWidget(page);
    await enterActivities(page, [
      ["Ads\u202Egnp.exe", 1, 50],
      ["Zero\u200Bwidth\uFEFF posts", 1, 40],
      ["👩\u200D👧 stories", 1, 30],
    ]);
    const table = page.getByRole("table").first();
    await expect(table).toContainText("Adsgnp.exe");
    await expect(table).toContainText("Zerowidth posts");
    const text = await page.locator(".app").evaluate((app) => app.innerText);
    for (const hidden of ["\u202E", "\u200B", "\uFEFF"]) expect(text).not.toContain(hidden);
    // The joiner of an emoji sequence is part of what is seen: it stays.
    expect(text).toContain("👩\u200D👧 stories");
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Export JSON" }).click(),
    ]);
    const json = await readFile(await download.path(), "utf8");
    const names = JSON.parse(json).scenario.activities.map((a) => a.name);
    expect(names).toEqual(["Adsgnp.exe", "Zerowidth posts", "👩\u200D👧 stories"]);
    // A link made now holds the cleaned names.
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
    await page.getByRole("button", { name: "Copy link" }).click();
    const link = await page.evaluate(() => navigator.clipboard.readText());
    const fresh = await page.context().newPage();
    await fresh.goto(link);
    await expect(activity(fresh, 1).getByRole("textbox", { name: /^Name/ })).toHaveValue("Adsgnp.exe");
    await fresh.close();
  });
});

test.describe("imports", () => {
  const importFile = async (page, name, buffer) => {
    await page.getByRole("button", { name: "Clear all" }).click();
    if (!(await page.locator("details.import").evaluate((details) => details.open))) {
      await page.getByText("Paste or import rows").click();
    }
    await page.getByLabel("Import CSV file").setInputFiles({ name, mimeType: "text/csv", buffer });
  };
  const nameOf = (page, n) => activity(page, n).getByRole("textbox", { name: /^Name/ });

  test("Windows-1252, UTF-16 and UTF-8 files read correctly, others are refused", async ({ page }) => {
    await openWidget(page);
    const rows = "Café crème,2,30\r\nNaïve “quotes”,1,20\r\n";
    const utf16 = (bom, le) => {
      const body = Buffer.from(rows, "utf16le");
      if (!le) body.swap16();
      return Buffer.concat([Buffer.from(bom), body]);
    };
    for (const [file, buffer] of [
      ["windows-1252.csv", Buffer.from([...Buffer.from("Caf\xe9 cr\xe8me,2,30\r\nNa\xefve \x93quotes\x94,1,20\r\n", "latin1")])],
      ["utf-8-bom.csv", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(rows)])],
      ["utf-8.csv", Buffer.from(rows)],
      ["utf-16le.csv", utf16([0xff, 0xfe], true)],
      ["utf-16be.csv", utf16([0xfe, 0xff], false)],
    ]) {
      await importFile(page, file, buffer);
      await expect(page.getByTestId("import-outcome"), file).toHaveText("Added 2 activities.");
      await expect(nameOf(page, 1), file).toHaveValue("Café crème");
      await expect(nameOf(page, 2), file).toHaveValue("Naïve “quotes”");
    }
    await importFile(page, "undefined-byte.csv", Buffer.from([0x41, 0x81, 0x2c, 0x31, 0x2c, 0x32]));
    await expect(page.getByTestId("import-outcome")).toContainText("No rows were added.");
    await expect(page.getByTestId("import-outcome")).toContainText("save it as CSV UTF-8");
    await expect(page.getByTestId("import-outcome")).not.toContainText("\uFFFD");
  });

  test("the summary counts rows that need fixing, not problems", async ({ page }) => {
    await openWidget(page);
    await importFile(page, "rows.csv", Buffer.from("Posts,1,2\nAds,x,y,z\nReels,1,-\n"));
    const outcome = page.getByTestId("import-outcome");
    await expect(outcome.locator("p")).toHaveText("Added 1 activity. 2 rows need fixing.");
    await expect(outcome.locator("li")).toHaveCount(4);
  });
});

test.describe("saves", () => {
  test("an unreadable save is kept aside, the visitor told once, and only then autosave starts", async ({ page }) => {
    await openWidget(page);
    await page.evaluate(() => localStorage.setItem("social8020.scenario", "2made-by-a-newer-version"));
    await page.reload();
    const notice = page.getByTestId("saved-set-aside");
    await expect(notice).toContainText("Your saved numbers could not be read");
    await expect(page.getByTestId("headline")).toHaveText(/^3 of 8 activities/);
    expect(await page.evaluate(() => localStorage.getItem("social8020.scenario.unreadable"))).toBe(
      "2made-by-a-newer-version",
    );
    // Autosave goes on under the usual key; a second unreadable save does
    // not overwrite the first one kept aside.
    await expect.poll(() => page.evaluate(() => localStorage.getItem("social8020.scenario"))).toMatch(/^1/);
    await page.evaluate(() => localStorage.setItem("social8020.scenario", "1damaged"));
    await page.reload();
    await expect(notice).toBeVisible();
    expect(
      await page.evaluate(() => [
        localStorage.getItem("social8020.scenario.unreadable"),
        localStorage.getItem("social8020.scenario.unreadable.2"),
      ]),
    ).toEqual(["2made-by-a-newer-version", "1damaged"]);
    // Told once: the next visit reads its own save.
    await expect.poll(() => page.evaluate(() => localStorage.getItem("social8020.scenario"))).toMatch(/^1e/);
    await page.reload();
    await expect(page.getByRole("button", { name: "Add activity" })).toBeVisible();
    await expect(notice).toHaveCount(0);
  });

  test("an unreadable save that cannot be kept aside is never overwritten", async ({ page }) => {
    await openWidget(page);
    await page.evaluate(() => localStorage.setItem("social8020.scenario", "2made-by-a-newer-version"));
    // A full storage: every new key is refused.
    await page.addInitScript(() => {
      const setItem = Storage.prototype.setItem;
      Storage.prototype.setItem = function (key, value) {
        if (key.includes("unreadable")) throw new DOMException("full", "QuotaExceededError");
        return setItem.call(this, key, value);
      };
    });
    await page.reload();
    await expect(page.getByTestId("saved-set-aside")).toContainText("nothing is saved on this page");
    await enterActivities(page, [["Posts", 1, 2]]);
    await expect(page.getByTestId("headline")).toHaveText(/^1 of 1 activity/);
    expect(await page.evaluate(() => localStorage.getItem("social8020.scenario"))).toBe("2made-by-a-newer-version");
  });

  test("Keep this one leaves the link in the address until its scenario is saved", async ({ page }) => {
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
    await openWidget(page);
    await enterActivities(page, [["Shared posts", 3, 90]]);
    await page.getByRole("button", { name: "Copy link" }).click();
    const link = await page.evaluate(() => navigator.clipboard.readText());
    await page.getByRole("button", { name: "Show the example" }).click();

    // Storage refuses the write: the link stays, the only copy.
    const refusing = await page.context().newPage();
    await refusing.addInitScript(() => {
      Storage.prototype.setItem = () => {
        throw new DOMException("full", "QuotaExceededError");
      };
    });
    await refusing.goto(link);
    await refusing.getByRole("button", { name: "Keep this one" }).click();
    await expect(refusing.getByTestId("shared-banner")).toHaveCount(0);
    expect(new URL(refusing.url()).hash).toMatch(/^#s=1/);
    await refusing.close();

    // Storage takes it: saved first, then the link leaves the address.
    await page.goto(link);
    await page.getByRole("button", { name: "Keep this one" }).click();
    await expect.poll(() => new URL(page.url()).hash).toBe("");
    expect(await page.evaluate(() => localStorage.getItem("social8020.scenario"))).toBe(new URL(link).hash.slice(3));
  });

  // Host pages on 127.0.0.1 at other ports: other origins of the widget's
  // own site, so the browser gives all of them one storage, unpartitioned.
  test("widgets that different pages embed keep separate saves", async ({ page }) => {
    const servers = [await hostServer(() => hostPage(WIDGET)), await hostServer(() => hostPage(WIDGET))];
    const sites = servers.map((server) => `http://127.0.0.1:${server.port}`);
    try {
      await openWidget(page);
      await page.evaluate(() => localStorage.clear());
      for (const [i, site] of sites.entries()) {
        await page.goto(`${site}/`);
        const frame = page.frameLocator("#calc iframe");
        await expect(frame.getByRole("button", { name: "Add activity" })).toBeVisible();
        await enterActivities(frame, [[`Site ${i + 1} posts`, 2, 20]]);
        await expect(frame.getByTestId("headline")).toHaveText(/^1 of 1 activity/);
      }
      // Each embedding origin reads back its own, and the widget on its own
      // page still has the example.
      for (const [i, site] of sites.entries()) {
        await page.goto(`${site}/`);
        const name = activity(page.frameLocator("#calc iframe"), 1).getByRole("textbox", { name: /^Name/ });
        await expect(name).toHaveValue(`Site ${i + 1} posts`);
      }
      await openWidget(page);
      await expect(page.getByTestId("headline")).toHaveText(/^3 of 8 activities/);
      expect(await page.evaluate(() => Object.keys(localStorage).sort())).toEqual(
        ["social8020.scenario", ...sites.map((site) => `social8020.scenario@${site}`)].sort(),
      );
    } finally {
      for (const server of servers) await close(server);
    }
  });
});

test.describe("height", () => {
  test.setTimeout(120_000);

  test("a frame taller than the cap stops at it and scrolls inside", async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 700 });
    const server = await hostServer(() => hostPage(WIDGET));
    try {
      await page.goto(`http://localhost:${server.port}/`);
      const frame = page.frameLocator("#calc iframe");
      await expect(frame.getByRole("button", { name: "Add activity" })).toBeVisible();
      await frame.getByText("Paste or import rows").click();
      const rows = Array.from({ length: 100 }, (_, i) => `Activity number ${i + 1}\t${i + 1}\t${(i * 37) % 101}`);
      await frame.getByLabel("Paste rows from a spreadsheet").fill(rows.join("\n"));
      await frame.getByRole("button", { name: "Clear all" }).click();
      await frame.getByRole("button", { name: "Add pasted rows" }).click();
      await expect(frame.getByTestId("import-outcome")).toContainText("Added 100 activities.");
      const content = () =>
        widgetFrame(page).evaluate(() => {
          const app = document.querySelector(".app");
          return app.offsetTop + app.offsetHeight;
        });
      await expect.poll(content, { timeout: 20_000 }).toBeGreaterThan(20000);
      const iframe = page.locator("#calc iframe");
      await expect
        .poll(() => iframe.evaluate((el) => Math.round(el.getBoundingClientRect().height)))
        .toBe(20000);
      await expect(iframe).toHaveAttribute("scrolling", "auto");
      // The bottom of the widget can be reached inside the frame.
      const scrolled = await widgetFrame(page).evaluate(() => {
        window.scrollTo(0, document.documentElement.scrollHeight);
        return window.scrollY;
      });
      expect(scrolled).toBeGreaterThan(0);
    } finally {
      await close(server);
    }
  });
});
