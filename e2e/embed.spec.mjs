// Embedding (docs/spec.md §5): the loader, auto-height, host settings, share
// links onto the host page, events and a sandboxed frame. The widget is
// served by the config's web server on 127.0.0.1; the host pages come from
// a server started here on localhost, a different origin, with a strict CSP
// of their own (the loader needs no inline script or style).
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { test, expect, activity, enterActivities } from "./fixtures.mjs";
import { PORT, BASE } from "./playwright.config.mjs";

const WIDGET = `http://127.0.0.1:${PORT}${BASE}`;
const HOST_PORT = Number(process.env.E2E_HOST_PORT ?? PORT + 1);
const HOST = `http://localhost:${HOST_PORT}`;
const HOST_CSP = [
  "default-src 'self'",
  `script-src 'self' ${WIDGET}`,
  `frame-src 'self' ${WIDGET}`,
  "style-src 'self'",
].join("; ");

/** A host page: a placeholder with these attributes and the loader. */
function hostPage({ attributes = "", before = "", after = "" } = {}) {
  return `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8"><title>A consultancy</title></head>
  <body>
    <h1>Where do your results come from?</h1>
    ${before}
    <div id="calc" data-social8020 ${attributes}><a href="${WIDGET}">Open the calculator</a></div>
    <script src="${WIDGET}embed.js" async></script>
    ${after}
    <p id="below">Below the calculator.</p>
  </body>
</html>`;
}

const AXE_SOURCE = await readFile(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"];

/** axe-core's violations in a page or frame, as in a11y.spec.mjs. */
async function violations(target) {
  await target.evaluate(AXE_SOURCE);
  const result = await target.evaluate(
    (tags) => window.axe.run(document, { runOnly: { type: "tag", values: tags } }),
    AXE_TAGS,
  );
  return result.violations.map((v) => ({
    rule: v.id,
    nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(" ")}: ${n.failureSummary}`),
  }));
}

const pages = new Map([["/blank.html", "<!doctype html><title>Blank</title><p>Nothing here."]]);
let server;

test.beforeAll(async () => {
  server = createServer((req, res) => {
    const path = new URL(req.url, HOST).pathname;
    if (path === "/favicon.ico") return res.writeHead(204).end();
    const html = pages.get(path);
    if (!html) return res.writeHead(404).end("not found");
    res.writeHead(200, { "Content-Type": "text/html; charset=utf-8", "Content-Security-Policy": HOST_CSP });
    res.end(html);
  });
  await new Promise((resolve) => server.listen(HOST_PORT, "127.0.0.1", resolve));
});

test.afterAll(() => new Promise((resolve) => server.close(resolve)));

/** Serves a host page at a fresh path and returns its URL. */
let served = 0;
function serve(html) {
  const path = `/page-${++served}.html`;
  pages.set(path, html);
  return `${HOST}${path}`;
}

/** Records every social8020:* event that reaches the host document. */
async function recordEvents(page) {
  await page.addInitScript(() => {
    window.events = [];
    for (const name of ["ready", "result", "share", "cta", "height"]) {
      document.addEventListener(`social8020:${name}`, (e) =>
        window.events.push({ name, target: e.target.id, detail: e.detail }),
      );
    }
  });
}
const events = (page, name) => page.evaluate((n) => window.events.filter((e) => e.name === n), name);

/** Opens a host page and waits for the widget in its frame. */
async function openHost(page, url) {
  await page.goto(url);
  const frame = page.frameLocator("#calc iframe");
  await expect(frame.getByRole("button", { name: "Add activity" })).toBeVisible();
  return frame;
}

/** The widget's frame as a Frame, to evaluate in. */
const widgetFrame = (page) => page.frames().find((f) => f.url().startsWith(`${WIDGET}index.html`));

const frameHeight = (page) =>
  page.locator("#calc iframe").evaluate((el) => Math.round(el.getBoundingClientRect().height));
const contentHeight = (page) =>
  widgetFrame(page).evaluate(() => {
    const app = document.querySelector(".app");
    return app.offsetTop + app.offsetHeight;
  });

async function expectFrameFitsContent(page) {
  await expect
    .poll(async () => Math.abs((await frameHeight(page)) - (await contentHeight(page))))
    .toBeLessThanOrEqual(2);
}

test("the loader makes a titled frame that follows its content's height", async ({ page }) => {
  await page.setViewportSize({ width: 1100, height: 700 });
  const frame = await openHost(page, serve(hostPage()));
  const iframe = page.locator("#calc iframe");
  await expect(iframe).toHaveAttribute("title", "Social 80/20 calculator");
  await expect(iframe).toHaveAttribute("loading", "lazy");
  await expect(iframe).toHaveAttribute("allow", "clipboard-write");
  await expect(page.getByRole("link", { name: "Open the calculator" })).toHaveCount(0);
  await expectFrameFitsContent(page);
  const start = await frameHeight(page);

  for (let i = 0; i < 4; i++) await frame.getByRole("button", { name: "Add activity" }).click();
  await expect(activity(frame, 12)).toBeVisible();
  await expect.poll(() => frameHeight(page)).toBeGreaterThan(start + 100);
  await expectFrameFitsContent(page);

  for (let n = 12; n > 2; n--) await frame.getByRole("button", { name: `Remove activity ${n}` }).click();
  await expect(activity(frame, 3)).toHaveCount(0);
  await expect.poll(() => frameHeight(page)).toBeLessThan(start - 100);
  await expectFrameFitsContent(page);
  // The frame is never shorter than its content, so nothing scrolls inside.
  const inner = await widgetFrame(page).evaluate(() => [document.documentElement.scrollHeight, innerHeight]);
  expect(inner[0]).toBeLessThanOrEqual(inner[1] + 2);
  await expect(page.locator("#below")).toBeAttached();
});

test("forged messages from other windows or with bad heights are ignored", async ({ page }) => {
  await recordEvents(page);
  // Another frame on the widget's own origin, and one on the host's.
  const url = serve(
    hostPage({
      after: `<iframe id="same-origin" title="Same origin as the widget" src="${WIDGET}boot.js"></iframe>
              <iframe id="host-origin" title="Same origin as the host" src="/blank.html"></iframe>`,
    }),
  );
  await openHost(page, url);
  await expectFrameFitsContent(page);
  const height = await frameHeight(page);
  // A listener added after the loader's sees each message after it did.
  await page.evaluate(() => {
    window.seen = 0;
    addEventListener("message", (e) => e.data?.forged && window.seen++);
  });

  const forge = (m) => ({ type: "social8020:height", version: 1, height: 777, forged: true, ...m });
  const fromWidgetOrigin = page.frames().find((f) => f.url() === `${WIDGET}boot.js`);
  const fromHostOrigin = page.frames().find((f) => f.url() === `${HOST}/blank.html`);
  const post = (frame, messages) => frame.evaluate((ms) => ms.forEach((m) => parent.postMessage(m, "*")), messages);
  await post(fromWidgetOrigin, [forge(), forge({ type: "social8020:event", name: "cta", detail: {} })]);
  await post(fromHostOrigin, [forge()]);
  await page.evaluate((m) => postMessage(m, "*"), forge());
  // The widget's own window, but nothing a widget would send.
  await post(widgetFrame(page), [
    forge({ height: 12.5 }),
    forge({ height: "777" }),
    forge({ height: 150 }),
    forge({ height: Infinity }), // a large whole height is capped instead (trust.spec.mjs)
    forge({ version: 2 }),
    forge({ type: "social8020:heights" }),
    forge({ type: "social8020:event", name: "alert", detail: {} }),
  ]);
  await expect.poll(() => page.evaluate(() => window.seen)).toBe(11);
  expect(await frameHeight(page)).toBe(height);
  expect(await events(page, "cta")).toEqual([]);

  // The same message from the widget's window is heard: the checks above
  // are what kept the frame's height.
  await post(widgetFrame(page), [forge()]);
  await expect.poll(() => frameHeight(page)).toBe(777);
});

test("host settings apply: accent, theme, currency, locale, weights and the call to action", async ({ page }) => {
  const attributes = [
    'data-accent="#c2255c"',
    'data-theme="light"',
    'data-currency="EUR"',
    'data-locale="de-DE"',
    'data-cta-url="https://example.com/book?from=widget"',
    'data-cta-label="Book a free call"',
    'data-weights="40,15,15,15,15"',
  ].join(" ");
  await page.emulateMedia({ colorScheme: "dark" });
  const frame = await openHost(page, serve(hostPage({ attributes })));
  const root = frame.locator("html");
  await expect(root).toHaveAttribute("data-theme", "light");
  await expect(frame.getByRole("button", { name: "Copy link" })).toHaveCSS("background-color", "rgb(194, 37, 92)");

  // The worked example in euros, formatted the German way.
  await expect(frame.getByRole("combobox", { name: "Result unit" })).toHaveValue("EUR");
  await expect(frame.getByRole("table").getByText(/^5\.200\s€$/).first()).toBeVisible();

  const cta = frame.getByRole("link", { name: "Book a free call" });
  await expect(cta).toHaveAttribute("href", "https://example.com/book?from=widget");
  await expect(cta).toHaveAttribute("target", "_blank");
  await expect(cta).toHaveAttribute("rel", "noopener");

  // The score panel shows the host's weights: 40 of 100 for time.
  await frame.getByText("How is this calculated?").click();
  await expect(frame.getByRole("row", { name: /^Time on community/ })).toContainText("40 (40 %)");
});

test("a script URL never becomes a link, and bad settings are only warned about", async ({ page }) => {
  const warnings = [];
  page.on("console", (msg) => msg.type() === "warning" && warnings.push(msg.text()));
  const attributes = [
    'data-cta-url="javascript:alert(document.domain)"',
    'data-cta-label="Book a free call"',
    'data-share-url="javascript:alert(1)"',
    'data-accent="red;background:url(x)"',
    'data-currency="euro"',
    'data-weights="1,2,3"',
  ].join(" ");
  const frame = await openHost(page, serve(hostPage({ attributes })));
  await expect(frame.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(frame.getByText("Book a free call")).toHaveCount(0);
  await expect(frame.locator("a[href]")).toHaveCount(0);
  await expect(frame.locator("html")).not.toHaveAttribute("data-accent");
  await expect(frame.getByRole("combobox", { name: "Result unit" })).toHaveValue("USD");
  for (const setting of ["accent", "currency", "cta-url", "share-url", "weights"]) {
    await expect
      .poll(() => warnings.some((w) => w.includes(`host setting "${setting}" was ignored`)))
      .toBe(true);
  }
  expect(warnings.join("\n")).not.toContain("alert(");
});

test("a link copied inside the frame opens the host page with the same scenario", async ({ page, browser }) => {
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  const url = serve("");
  pages.set(new URL(url).pathname, hostPage({ attributes: `data-share-url="${url}" data-accent="#c2255c"` }));
  const frame = await openHost(page, url);
  await enterActivities(frame, [
    ["Live Q&A sessions", 4, 1200, "Community"],
    ["Boosted posts", 9, 300],
    ["Newsletter swaps", 2, 500, "Community"],
  ]);
  const expected = "2 of 3 activities (67 %) bring 85 % of your results, using 40 % of your time.";
  await expect(frame.getByTestId("headline")).toHaveText(expected);
  await frame.getByRole("button", { name: "Copy link" }).click();
  await expect(frame.getByText("✓ Link copied")).toBeVisible();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  // The host's page, the scenario in the fragment, no host settings.
  expect(link).toMatch(new RegExp(`^${url.replace(/[.]/g, "\\.")}#s=1[A-Za-z0-9_-]+$`));

  // A different visitor, with nothing saved, opens the link.
  const other = await browser.newContext();
  const fresh = await other.newPage();
  await fresh.goto(link);
  const shared = fresh.frameLocator("#calc iframe");
  await expect(shared.getByTestId("headline")).toHaveText(expected);
  await expect(shared.getByTestId("shared-banner")).toBeVisible();
  await expect(activity(shared, 1).getByRole("textbox", { name: /^Name/ })).toHaveValue("Live Q&A sessions");
  // Back to mine: the link leaves the host page's address too, so a reload
  // does not offer it again.
  await shared.getByRole("button", { name: "Back to mine" }).click();
  await expect.poll(() => new URL(fresh.url()).hash).toBe("");
  await fresh.reload();
  await expect(shared.getByTestId("headline")).toHaveText(/^3 of 8 activities/);
  await expect(shared.getByTestId("shared-banner")).toHaveCount(0);
  await other.close();
});

test("a share link pasted into an open host page reaches the frame", async ({ page, browser }) => {
  const url = serve("");
  pages.set(new URL(url).pathname, hostPage({ attributes: `data-share-url="${url}"` }));
  const context = await browser.newContext();
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const first = await context.newPage();
  const frame = await openHost(first, url);
  await enterActivities(frame, [["Podcast guesting", 3, 900, "Community"]]);
  await frame.getByRole("button", { name: "Copy link" }).click();
  await expect(frame.getByText("✓ Link copied")).toBeVisible();
  const link = await first.evaluate(() => navigator.clipboard.readText());
  await context.close();

  const open = await openHost(page, url);
  await expect(open.getByTestId("headline")).toHaveText(/^3 of 8 activities/);
  await page.goto(link);
  await expect(open.getByTestId("shared-banner")).toBeVisible();
  await expect(open.getByTestId("headline")).toHaveText(/^1 of 1 activity/);
});

test("events reach the placeholder: ready, result, share and cta", async ({ page }) => {
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.context().route("https://example.com/**", (route) =>
    route.fulfill({ contentType: "text/html", body: "<title>Booking</title>" }),
  );
  await recordEvents(page);
  const attributes = 'data-cta-url="https://example.com/book"';
  const frame = await openHost(page, serve(hostPage({ attributes })));
  await expect.poll(async () => (await events(page, "ready")).map((e) => e.target)).toEqual(["calc"]);

  // The worked example: 3 of 8 activities bring 81 % of the results in
  // 18 % of the time; the score is 54, a growing community.
  await expect
    .poll(async () => (await events(page, "result")).map((e) => e.detail))
    .toEqual([
      {
        score: 54,
        band: "growing_community",
        signalsUsed: 5,
        activities: 8,
        vitalFew: 3,
        resultSharePct: 81,
        timeSharePct: 18,
      },
    ]);

  // Typing settles into one more result, not one per keystroke.
  const hours = activity(frame, 1).getByRole("textbox", { name: /^Hours/ });
  await hours.click();
  await hours.press("End");
  await hours.pressSequentially("00");
  await expect(hours).toHaveValue("2200");
  await expect.poll(async () => (await events(page, "result")).length).toBe(2);
  const [, second] = await events(page, "result");
  expect(second.detail.timeSharePct).toBeLessThan(18);

  await frame.getByRole("button", { name: "Copy link" }).click();
  await expect.poll(() => events(page, "share")).toEqual([
    { name: "share", target: "calc", detail: { activities: 8, clipboard: 1 } },
  ]);

  const popup = page.waitForEvent("popup");
  await frame.getByRole("link", { name: "Book a free call" }).click();
  await (await popup).close();
  const latest = (await events(page, "result")).at(-1).detail.score;
  await expect.poll(async () => (await events(page, "cta")).map((e) => e.detail)).toEqual([{ score: latest }]);
  // The widget never sends a height as an event.
  expect(await events(page, "height")).toEqual([]);
});

test("the loader works when loaded twice and before its placeholders exist", async ({ page }) => {
  const script = `<script src="${WIDGET}embed.js"></script>`;
  const url = serve(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Twice</title>
    ${script}<script src="${WIDGET}embed.js" async></script></head>
    <body><div id="calc" data-social8020></div><div id="later"></div>${script}</body></html>`);
  await page.goto(url);
  await expect(page.locator("iframe")).toHaveCount(1);
  await page.evaluate(() => {
    const more = document.createElement("div");
    more.id = "more";
    more.setAttribute("data-social8020", "");
    more.setAttribute("data-currency", "GBP");
    document.getElementById("later").append(more);
  });
  await expect(page.locator("#more iframe")).toHaveCount(1);
  await expect(page.locator("iframe")).toHaveCount(2);
  await expect(page.locator("#more iframe")).toHaveAttribute("src", /currency=GBP/);
  // Lazy: the frame loads once it comes near the viewport.
  await page.locator("#more").scrollIntoViewIfNeeded();
  const more = page.frameLocator("#more iframe");
  await expect(more.getByRole("combobox", { name: "Result unit" })).toHaveValue("GBP");
});

test("embed mode drops the page chrome but keeps the heading", async ({ page }) => {
  await page.goto(`${WIDGET}index.html`);
  await expect(page.getByText("Social 80/20", { exact: true })).toBeVisible();
  await page.goto(`${WIDGET}index.html?embed=1`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Where do your social media results really come from?");
  await expect(page.getByText("Social 80/20", { exact: true })).toBeHidden();
  // The layout takes its height from its content, never from the window.
  const heights = async () => page.evaluate(() => document.querySelector(".app").offsetHeight);
  const before = await heights();
  await page.setViewportSize({ width: 1280, height: 3000 });
  expect(await heights()).toBe(before);
});

test("the widget works in a frame sandboxed without allow-same-origin", async ({ page }) => {
  const frameErrors = [];
  page.on("console", (msg) => msg.type() === "error" && frameErrors.push(msg.text()));
  const src = `${WIDGET}index.html?currency=EUR&accent=%23c2255c`;
  const url = serve(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sandboxed</title></head>
    <body><iframe id="calc" sandbox="allow-scripts" title="Social 80/20 calculator" src="${src}"></iframe></body></html>`);
  await page.goto(url);
  const frame = page.frameLocator("#calc");
  await expect(frame.getByTestId("headline")).toHaveText(/^3 of 8 activities/);
  await expect(frame.getByRole("combobox", { name: "Result unit" })).toHaveValue("EUR");
  // The stylesheet loads too (its integrity is checked over CORS).
  await expect(frame.getByRole("button", { name: "Copy link" })).toHaveCSS("background-color", "rgb(194, 37, 92)");
  await frame.getByRole("button", { name: "Add activity" }).click();
  await expect(activity(frame, 9)).toBeVisible();
  // No clipboard here: the link is shown to copy by hand, without the
  // query string that holds the host settings.
  await frame.getByRole("button", { name: "Copy link" }).click();
  const field = frame.getByRole("textbox", { name: "Share link" });
  await expect(field).toHaveValue(new RegExp(`^${WIDGET.replace(/[.]/g, "\\.")}index\\.html#s=1`));
  expect(frameErrors).toEqual([]);
});

test("the embed builder previews the settings and writes both snippets", async ({ page }) => {
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto(`${WIDGET}builder.html`);
  await page.getByLabel("Accent colour", { exact: true }).fill("#c2255c");
  await page.getByLabel("Currency").fill("EUR");
  await page.getByLabel("Button text").fill("Book a free call");
  await page.getByLabel("Button link").fill("javascript:alert(1)");
  await expect(page.getByText("Use an https:// address")).toBeVisible();
  await expect(page.getByLabel("Button link")).toHaveAttribute("aria-invalid", "true");
  await page.getByLabel("Button link").fill("https://example.com/book");
  await expect(page.getByLabel("Button link")).toHaveAttribute("aria-invalid", "false");

  const loader = page.getByLabel(/^Loader/);
  await expect(loader).toHaveValue(
    `<div data-social8020 data-accent="#c2255c" data-currency="EUR" data-cta-label="Book a free call"` +
      ` data-cta-url="https://example.com/book"></div>\n<script src="${WIDGET}embed.js" async></script>`,
  );
  await expect(page.getByLabel(/^Plain iframe/)).toHaveValue(
    new RegExp(`^<iframe src="${WIDGET.replace(/[.]/g, "\\.")}index\\.html\\?embed=1&amp;accent=%23c2255c&amp;currency=EUR`),
  );
  const preview = page.frameLocator("#preview iframe");
  await expect(preview.getByRole("link", { name: "Book a free call" })).toBeVisible();
  await expect(preview.getByRole("button", { name: "Copy link" })).toHaveCSS("background-color", "rgb(194, 37, 92)");
  await expect(page.locator("#events li").first()).toBeVisible();

  await page.getByRole("button", { name: "Copy loader snippet" }).click();
  await expect(page.locator("#copy-status")).toHaveText("✓ Copied the loader snippet.");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await loader.inputValue());
});

// Whatever the host's accent, text stays readable: a pale yellow and a
// near-black accent, each in the light and the dark theme, inside the frame.
for (const accent of ["#ffd43b", "#1b1b1b"]) {
  for (const scheme of ["light", "dark"]) {
    test(`no axe violations with accent ${accent} in the ${scheme} theme`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      const attributes = `data-accent="${accent}" data-cta-url="https://example.com/book"`;
      const frame = await openHost(page, serve(hostPage({ attributes })));
      await expect(frame.locator("html")).toHaveAttribute("data-accent", "");
      const closed = frame.locator("details:not([open]) > summary");
      while (await closed.count()) await closed.first().click();
      expect(await violations(widgetFrame(page))).toEqual([]);
    });
  }
}

for (const scheme of ["light", "dark"]) {
  test(`no axe violations in the embed builder, ${scheme} theme`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(`${WIDGET}builder.html`);
    await page.getByText("Score weights and targets").click();
    await page.getByLabel("Button link").fill("ftp://example.com");
    await expect(page.getByText("Use an https:// address")).toBeVisible();
    await expect(page.frameLocator("#preview iframe").getByRole("button", { name: "Add activity" })).toBeVisible();
    expect(await violations(page)).toEqual([]);
  });
}
