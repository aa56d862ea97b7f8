// Embedding (docs/spec.md §5): the loader, auto-height, host settings, share
// links onto the host page, events and a sandboxed frame. The widget is
// served by the config's web server; the host pages come from a server
// started here on another free port of the same host name (so a different
// origin), with a strict CSP of their own (the loader needs no inline
// script or style).
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { test, expect, activity, enterActivities, axeViolations } from "./fixtures.mjs";
import { PORT, BASE, HOST_NAME } from "./playwright.config.mjs";

const WIDGET = `http://${HOST_NAME}:${PORT}${BASE}`;
/** The host pages' origin, once their server listens. */
let HOST;
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

/** A frozen share link's payload (one activity), as a host page receives it. */
const FROZEN = (await readFile(new URL("../core/tests/vectors/v1.txt", import.meta.url), "utf8")).split("\t")[0];

const pages = new Map([["/blank.html", "<!doctype html><title>Blank</title><p>Nothing here."]]);
/** Headers of a page that replace the standard ones, by path. */
const headers = new Map();
let server;

test.beforeAll(async () => {
  server = createServer((req, res) => {
    const path = new URL(req.url, "http://host").pathname;
    if (path === "/favicon.ico") return res.writeHead(204).end();
    const html = pages.get(path);
    if (!html) return res.writeHead(404).end("not found");
    res.writeHead(200, {
      "Content-Type": "text/html; charset=utf-8",
      "Content-Security-Policy": HOST_CSP,
      ...headers.get(path),
    });
    res.end(html);
  });
  await new Promise((resolve) => server.listen(0, HOST_NAME, resolve));
  HOST = `http://${HOST_NAME}:${server.address().port}`;
});

test.afterAll(() => new Promise((resolve) => server.close(resolve)));

/** Serves a host page at a fresh path and returns its URL. */
let served = 0;
function serve(html) {
  const path = `/page-${++served}.html`;
  pages.set(path, html);
  return `${HOST}${path}`;
}

/**
 * Records every social8020:* event that reaches the host document, and
 * every message that reaches its window (what the widget posts, before the
 * loader's checks), in every document of the page.
 */
async function recordEvents(page) {
  await page.addInitScript(() => {
    window.events = [];
    window.messages = [];
    for (const name of ["ready", "result", "share", "cta"]) {
      document.addEventListener(`social8020:${name}`, (e) =>
        window.events.push({ name, target: e.target.id, detail: e.detail }),
      );
    }
    addEventListener("message", (e) => window.messages.push(e.data));
  });
}
const events = (page, name) => page.evaluate((n) => window.events.filter((e) => e.name === n), name);
const messages = (page) => page.evaluate(() => window.messages);

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
  test.slow(); // 14 clicks, each resizing the frame
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
      after: `<iframe id="same-origin" title="Same origin as the widget" src="${WIDGET}builder.css"></iframe>
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
  const fromWidgetOrigin = page.frames().find((f) => f.url() === `${WIDGET}builder.css`);
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

/** A host page at a fresh path whose share links open on itself. */
function sharePage(options = {}) {
  const url = serve("");
  pages.set(new URL(url).pathname, hostPage({ ...options, attributes: `data-share-url="${url}"` }));
  return url;
}

/** Blocks local storage in the widget's frame, as many browsers do in a third-party frame. */
const blockFrameStorage = (page) =>
  page.addInitScript(() => {
    if (window === top) return;
    Object.defineProperty(window, "localStorage", {
      get() {
        throw new DOMException("Access is denied for this document.", "SecurityError");
      },
    });
  });

test("keeping a shared scenario in a frame takes the link out of the host page's address", async ({ page }) => {
  const url = sharePage();
  const frame = await openHost(page, `${url}#s=${FROZEN}`);
  await expect(frame.getByTestId("shared-banner")).toBeVisible();
  await expect(frame.getByTestId("headline")).toHaveText(/^1 of 1 activity/);
  await frame.getByRole("button", { name: "Keep this one" }).click();
  await expect.poll(() => new URL(page.url()).hash).toBe("");
  // Kept and saved: a reload shows it as the visitor's own.
  await page.reload();
  await expect(frame.getByTestId("headline")).toHaveText(/^1 of 1 activity/);
  await expect(frame.getByTestId("shared-banner")).toHaveCount(0);
});

test("without storage in the frame, a kept link stays in the host page's address", async ({ page }) => {
  await recordEvents(page);
  await blockFrameStorage(page);
  const url = sharePage();
  const frame = await openHost(page, `${url}#s=${FROZEN}`);
  await frame.getByRole("button", { name: "Keep this one" }).click();
  await expect(frame.getByTestId("shared-banner")).toHaveCount(0);
  // A message the widget posts later arrives after anything posted at the
  // click, so by then a link-settled would have been heard.
  await frame.getByRole("button", { name: "Copy link" }).click();
  await expect.poll(async () => (await events(page, "share")).length).toBe(1);
  expect((await messages(page)).filter((m) => m?.type === "social8020:link-settled")).toEqual([]);
  expect(new URL(page.url()).hash).toBe(`#s=${FROZEN}`);
  // The link is the only copy, and a reload still has it.
  await page.reload();
  await expect(frame.getByTestId("headline")).toHaveText(/^1 of 1 activity/);
});

test("a forged link-settled message leaves the host page's address alone", async ({ page }) => {
  const url = sharePage({
    after: `<iframe id="same-origin" title="Same origin as the widget" src="${WIDGET}builder.css"></iframe>
            <iframe id="host-origin" title="Same origin as the host" src="/blank.html"></iframe>`,
  });
  await openHost(page, `${url}#s=${FROZEN}`);
  await page.evaluate(() => {
    window.seen = 0;
    addEventListener("message", (e) => e.data?.forged && window.seen++);
  });
  const settled = (m) => ({ type: "social8020:link-settled", version: 1, forged: true, ...m });
  const post = (frame, m) => frame.evaluate((m) => parent.postMessage(m, "*"), m);
  await post(page.frames().find((f) => f.url() === `${WIDGET}builder.css`), settled());
  await post(page.frames().find((f) => f.url() === `${HOST}/blank.html`), settled());
  await page.evaluate((m) => postMessage(m, "*"), settled());
  await post(widgetFrame(page), settled({ version: 2 }));
  await expect.poll(() => page.evaluate(() => window.seen)).toBe(4);
  expect(new URL(page.url()).hash).toBe(`#s=${FROZEN}`);
  // The same message from the widget's window is heard.
  await post(widgetFrame(page), settled());
  await expect.poll(() => new URL(page.url()).hash).toBe("");
});

test("the loader passes on only known keys, each a number, null or a band name", async ({ page }) => {
  await recordEvents(page);
  await openHost(page, serve(hostPage()));
  const forge = (detail) =>
    widgetFrame(page).evaluate(
      (detail) => parent.postMessage({ type: "social8020:event", version: 1, name: "share", detail }, "*"),
      detail,
    );
  // Text a visitor could have typed, in every place a detail has room for it.
  await forge({
    activities: "Anna's bakery, Main St",
    band: "Anna's bakery",
    clipboard: 1,
    score: Infinity,
    vitalFew: { name: "Anna" },
    resultSharePct: null,
    timeSharePct: "12",
    anna: 5,
  });
  await forge({ band: "growing_community", score: 54 });
  await expect.poll(async () => (await events(page, "share")).map((e) => e.detail)).toEqual([
    { clipboard: 1, resultSharePct: null },
    { band: "growing_community", score: 54 },
  ]);
});

test("a widget that cannot know its parent's origin posts nothing", async ({ page }) => {
  await recordEvents(page);
  // A host page with an opaque origin that sends no referrer: neither
  // location.ancestorOrigins nor document.referrer can name it.
  const url = serve(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Unknown origin</title></head>
    <body><iframe id="calc" title="Social 80/20 calculator" src="${WIDGET}index.html?embed=1"></iframe></body></html>`);
  headers.set(new URL(url).pathname, {
    "Content-Security-Policy": `${HOST_CSP}; sandbox allow-scripts`,
    "Referrer-Policy": "no-referrer",
  });
  await page.goto(url);
  await expect(page.frameLocator("#calc").getByTestId("headline")).toHaveText(/^3 of 8 activities/);
  const widget = widgetFrame(page);
  expect(await widget.evaluate(() => [location.ancestorOrigins[0], document.referrer])).toEqual(["null", ""]);
  // Ready is posted at the first render and a height one animation frame
  // after a resize; a marker posted after two more frames comes after them.
  await widget.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  await widget.evaluate(() => parent.postMessage({ marker: true }, "*"));
  await expect.poll(() => messages(page)).toEqual([{ marker: true }]);
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

test("a link copied inside the frame opens the host page with the same scenario", async ({ page, visitor }) => {
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
  const fresh = await visitor();
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
});

test("a share link pasted into an open host page reaches the frame", async ({ page, visitor }) => {
  const url = serve("");
  pages.set(new URL(url).pathname, hostPage({ attributes: `data-share-url="${url}"` }));
  const first = await visitor({ permissions: ["clipboard-read", "clipboard-write"] });
  const frame = await openHost(first, url);
  await enterActivities(frame, [["Podcast guesting", 3, 900, "Community"]]);
  await frame.getByRole("button", { name: "Copy link" }).click();
  await expect(frame.getByText("✓ Link copied")).toBeVisible();
  const link = await first.evaluate(() => navigator.clipboard.readText());

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

  // Typing settles into one more result, not one per keystroke. 22 hours
  // of posts become 220 after the first keystroke (the vital few then use
  // 5 % of the time) and 2200 after the second (1 %): only the second may
  // be heard, and once.
  const hours = activity(frame, 1).getByRole("textbox", { name: /^Hours/ });
  await hours.click();
  await hours.press("End");
  await hours.pressSequentially("00");
  await expect(hours).toHaveValue("2200");
  const timeShares = async () => (await events(page, "result")).map((e) => e.detail.timeSharePct);
  await expect.poll(async () => (await timeShares()).at(-1)).toBe(1);

  // The share event comes after anything the widget posted before it, so
  // by then a second result for the same settle would have arrived too.
  await frame.getByRole("button", { name: "Copy link" }).click();
  await expect.poll(() => events(page, "share")).toEqual([
    { name: "share", target: "calc", detail: { activities: 8, clipboard: 1 } },
  ]);
  expect(await timeShares()).toEqual([18, 1]);

  const popup = page.waitForEvent("popup");
  await frame.getByRole("link", { name: "Book a free call" }).click();
  await (await popup).close();
  const latest = (await events(page, "result")).at(-1).detail.score;
  await expect.poll(async () => (await events(page, "cta")).map((e) => e.detail)).toEqual([{ score: latest }]);
  // What the widget posted: heights as whole pixels, and events of the four
  // names only (never a height as an event), each heard once above.
  const posted = (await messages(page)).filter((m) => m?.type?.startsWith("social8020:"));
  const names = posted.filter((m) => m.type === "social8020:event").map((m) => m.name);
  expect(names.toSorted()).toEqual(["cta", "ready", "result", "result", "share"]);
  // Besides events, only heights and (keyboard focus or replaced content)
  // bands to scroll into view, each in whole pixels.
  for (const m of posted.filter((m) => m.type !== "social8020:event")) {
    if (m.type === "social8020:scroll") {
      expect(m).toEqual({ type: "social8020:scroll", version: 1, top: expect.any(Number), bottom: expect.any(Number) });
      expect(Number.isInteger(m.top) && Number.isInteger(m.bottom)).toBe(true);
    } else {
      expect(m).toEqual({ type: "social8020:height", version: 1, height: expect.any(Number) });
      expect(Number.isInteger(m.height)).toBe(true);
    }
  }
});

test("the loader works when loaded twice and before its placeholders exist", async ({ page }) => {
  // Each frame then shows the host's example in its own currency, rather
  // than what the first frame autosaved.
  await blockFrameStorage(page);
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
      expect(await axeViolations(widgetFrame(page))).toEqual([]);
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
    expect(await axeViolations(page)).toEqual([]);
  });
}
