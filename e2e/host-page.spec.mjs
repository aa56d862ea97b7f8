// What a consultancy's web team wires up around the frame (README,
// "Google Tag Manager and GA4" and "The host page does not jump"): events
// pushed onto window.dataLayer, and the checked social8020:scroll message.
// Host pages come from a server started here on localhost, another origin
// than the widget's 127.0.0.1, with a strict CSP of their own.
import { createServer } from "node:http";
import { test, expect, activity } from "./fixtures.mjs";
import { PORT, BASE } from "./playwright.config.mjs";

const WIDGET = `http://127.0.0.1:${PORT}${BASE}`;
// The host pages' origin, on a port the system picks (see beforeAll).
let HOST;

const pages = new Map([
  ["/blank.html", "<!doctype html><title>Blank</title><p>Nothing here."],
  // A tag manager that was there first: its own dataLayer and push.
  ["/gtm.js", "window.dataLayer = [{ event: 'gtm.js' }]; window.tagged = []; dataLayer.push = function (e) { tagged.push(e); return Array.prototype.push.call(this, e); };"],
]);
let server;

test.beforeAll(async () => {
  server = createServer((req, res) => {
    const path = new URL(req.url, HOST).pathname;
    if (path === "/favicon.ico") return res.writeHead(204).end();
    const body = pages.get(path);
    if (!body) return res.writeHead(404).end("not found");
    res.writeHead(200, {
      "Content-Type": path.endsWith(".js") ? "text/javascript" : "text/html; charset=utf-8",
      "Content-Security-Policy": `default-src 'self'; script-src 'self' ${WIDGET}; frame-src 'self' ${WIDGET}; style-src 'self'`,
    });
    res.end(body);
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  HOST = `http://localhost:${server.address().port}`;
});

test.afterAll(() => new Promise((resolve) => server.close(resolve)));

let served = 0;
/** Serves a host page: `head` scripts, content above, the placeholder with
 * these attributes, content below. Returns its URL. */
function hostPage({ attributes = "", head = "", above = "", below = "" } = {}) {
  const path = `/host-${++served}.html`;
  pages.set(
    path,
    `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8"><title>A consultancy</title>${head}</head>
  <body>
    <h1>Where do your results come from?</h1>
    ${above}
    <div id="calc" data-social8020 ${attributes}></div>
    <script src="${WIDGET}embed.js" async></script>
    ${below}
  </body>
</html>`,
  );
  return `${HOST}${path}`;
}

/** Opens a host page and waits for the widget in its frame. */
async function openHost(page, url) {
  await page.goto(url);
  const frame = page.frameLocator("#calc iframe");
  await expect(frame.getByRole("button", { name: "Add activity" })).toBeVisible();
  return frame;
}

const widgetFrame = (page) => page.frames().find((f) => f.url().startsWith(`${WIDGET}index.html`));
const dataLayer = (page) => page.evaluate(() => window.dataLayer);
// (+ 0: never -0, which toBe(0) refuses.)
const frameTop = (page) =>
  page.locator("#calc iframe").evaluate((el) => Math.round(el.getBoundingClientRect().top) + 0);
const scrollY = (page) => page.evaluate(() => Math.round(window.scrollY));

/** Records every social8020:scroll message the host page receives, as
 * "top-bottom". */
async function recordScrolls(page) {
  await page.addInitScript(() => {
    window.scrolls = [];
    addEventListener("message", (e) => {
      if (e.data?.type === "social8020:scroll") window.scrolls.push(`${e.data.top}-${e.data.bottom}`);
    });
  });
}
const scrolls = (page) => page.evaluate(() => window.scrolls);
/** The requests to show the frame's top: content replaced. */
const topRequests = async (page) => (await scrolls(page)).filter((s) => s === "0-0").length;

test("with data-datalayer, every event reaches dataLayer as a GTM event with numbers only", async ({ page }) => {
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.context().route("https://example.com/**", (route) =>
    route.fulfill({ contentType: "text/html", body: "<title>Booking</title>" }),
  );
  const url = hostPage({
    attributes: 'data-datalayer data-cta-url="https://example.com/book"',
    below: `<iframe id="other" title="Another frame" src="/blank.html"></iframe>`,
  });
  const frame = await openHost(page, url);
  // The array is created: this page had none.
  await expect.poll(() => dataLayer(page)).toEqual([
    { event: "social8020_ready" },
    {
      event: "social8020_result",
      score: 54,
      signalsUsed: 5,
      activities: 8,
      vitalFew: 3,
      resultSharePct: 81,
      timeSharePct: 18,
    },
  ]);

  // A name the visitor types never gets there.
  await activity(frame, 1).getByRole("textbox", { name: /^Name/ }).fill("Secret launch of Ada's Bakes");
  await activity(frame, 1).getByRole("textbox", { name: /^Hours/ }).fill("30");
  await expect.poll(async () => (await dataLayer(page)).length).toBe(3);
  await frame.getByRole("button", { name: "Copy link" }).click();
  const popup = page.waitForEvent("popup");
  await frame.getByRole("link", { name: "Book a free call" }).click();
  await (await popup).close();
  await expect.poll(async () => (await dataLayer(page)).map((e) => e.event)).toEqual([
    "social8020_ready",
    "social8020_result",
    "social8020_result",
    "social8020_share",
    "social8020_cta",
  ]);
  const layer = await dataLayer(page);
  expect(layer[3]).toEqual({ event: "social8020_share", activities: 8, clipboard: 1 });
  expect(layer[4]).toEqual({ event: "social8020_cta", score: layer[2].score });
  expect(JSON.stringify(layer)).not.toContain("Secret");

  // Whatever the message holds, only numbers go through, and the event
  // name is the loader's own; a message from another window goes nowhere.
  await widgetFrame(page).evaluate(() =>
    parent.postMessage(
      {
        type: "social8020:event",
        version: 1,
        name: "share",
        detail: { activities: "Ada's Bakes", clipboard: 1, event: 7, nested: { a: 1 }, huge: Infinity },
      },
      "*",
    ),
  );
  await page.frames().find((f) => f.url() === `${HOST}/blank.html`).evaluate(() =>
    parent.postMessage({ type: "social8020:event", version: 1, name: "cta", detail: { score: 1 } }, "*"),
  );
  await expect.poll(async () => (await dataLayer(page)).length).toBe(6);
  expect((await dataLayer(page))[5]).toEqual({ event: "social8020_share", clipboard: 1 });
  await page.waitForTimeout(300);
  expect((await dataLayer(page)).length).toBe(6);
});

test("an existing dataLayer is pushed to, through its own push", async ({ page }) => {
  const frame = await openHost(page, hostPage({ attributes: "data-datalayer", head: `<script src="/gtm.js"></script>` }));
  await expect(frame.getByTestId("headline")).toBeVisible();
  await expect
    .poll(() => page.evaluate(() => window.tagged.map((e) => e.event)))
    .toEqual(["social8020_ready", "social8020_result"]);
  expect((await dataLayer(page))[0]).toEqual({ event: "gtm.js" });
});

test("without data-datalayer nothing is pushed", async ({ page }) => {
  await page.addInitScript(() => {
    window.results = 0;
    document.addEventListener("social8020:result", () => window.results++);
  });
  await openHost(page, hostPage());
  await expect.poll(() => page.evaluate(() => window.results)).toBe(1);
  expect(await dataLayer(page)).toBeUndefined();
});

test("the widget takes no focus on load and the page does not move", async ({ page }) => {
  await page.setViewportSize({ width: 1000, height: 700 });
  await recordScrolls(page);
  await page.goto(hostPage({ above: "<p>Above.</p>".repeat(20), below: "<p>Below.</p>".repeat(40) }));
  await expect(page.frameLocator("#calc iframe").getByTestId("headline")).toHaveText(/^3 of 8 activities/);
  await expect.poll(() => widgetFrame(page)?.evaluate(() => document.readyState)).toBe("complete");
  await page.waitForTimeout(1000);
  expect(await scrollY(page)).toBe(0);
  expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);
  expect(await widgetFrame(page).evaluate(() => document.activeElement === document.body)).toBe(true);
  expect(await scrolls(page)).toEqual([]);
});

test("replacing most of the content brings the frame's top back into view", async ({ page }) => {
  await page.setViewportSize({ width: 1000, height: 700 });
  await recordScrolls(page);
  const frame = await openHost(page, hostPage({ above: "<p>Above.</p>".repeat(20), below: "<p>Below.</p>".repeat(80) }));
  await expect(frame.getByTestId("headline")).toHaveText(/^3 of 8 activities/);
  // Typing asks for no new top (focus in a field only asks that the
  // field be shown, which it is).
  await activity(frame, 1).getByRole("textbox", { name: /^Hours/ }).fill("30");
  await expect(frame.getByTestId("headline")).not.toHaveText(/18 % of your time/);
  expect(await topRequests(page)).toBe(0);

  // "Clear all", low in the frame, with the frame's top scrolled away.
  await frame.getByRole("button", { name: "Clear all" }).scrollIntoViewIfNeeded();
  expect(await frameTop(page)).toBeLessThan(-500);
  await frame.getByRole("button", { name: "Clear all" }).click();
  await expect.poll(() => frameTop(page)).toBe(0);
  expect(await topRequests(page)).toBe(1);

  // An import, low in the frame: the top again, with the new headline.
  await frame.getByText("Paste or import rows").click();
  await frame.getByLabel("Paste rows from a spreadsheet").fill("Webinars,10,800,community\nAds,5,50");
  await frame.getByRole("button", { name: "Add pasted rows" }).scrollIntoViewIfNeeded();
  await page.evaluate(() => scrollBy(0, 200));
  expect(await frameTop(page)).toBeLessThan(0);
  await frame.getByRole("button", { name: "Add pasted rows" }).click();
  await expect(frame.getByTestId("headline")).toHaveText(/^1 of 2 activities/);
  await expect.poll(() => frameTop(page)).toBe(0);
  expect(await topRequests(page)).toBe(2);
});

test("a scroll request is checked: forged or malformed ones are ignored", async ({ page }) => {
  await page.setViewportSize({ width: 1000, height: 700 });
  await recordScrolls(page);
  const url = hostPage({
    above: "<p>Above.</p>".repeat(40),
    below: `<p>Below.</p>
      <iframe id="same-origin" title="Same origin as the widget" src="${WIDGET}builder.css"></iframe>
      <iframe id="host-origin" title="Same origin as the host" src="/blank.html"></iframe>`,
  });
  await openHost(page, url);
  const valid = { type: "social8020:scroll", version: 1, top: 0, bottom: 0 };
  const post = (frame, list) => frame.evaluate((ms) => ms.forEach((m) => parent.postMessage(m, "*")), list);
  // A request while the frame's top is in view, or below the viewport,
  // moves nothing.
  await page.evaluate(() => scrollTo(0, document.getElementById("calc").offsetTop - 100));
  await post(widgetFrame(page), [valid]);
  await expect.poll(async () => (await scrolls(page)).length).toBe(1);
  await page.waitForTimeout(200);
  expect(await frameTop(page)).toBe(100);
  await page.evaluate(() => scrollTo(0, 0));
  expect(await frameTop(page)).toBeGreaterThan(700);
  await post(widgetFrame(page), [valid]);
  await expect.poll(async () => (await scrolls(page)).length).toBe(2);
  await page.waitForTimeout(200);
  expect(await scrollY(page)).toBe(0);

  await page.evaluate(() => scrollTo(0, document.body.scrollHeight));
  const y = await scrollY(page);
  expect(await frameTop(page)).toBeLessThan(-1000);
  await post(page.frames().find((f) => f.url() === `${WIDGET}builder.css`), [valid]);
  await post(page.frames().find((f) => f.url() === `${HOST}/blank.html`), [valid]);
  await page.evaluate((m) => postMessage(m, "*"), valid);
  await post(widgetFrame(page), [
    { ...valid, version: 2 },
    { ...valid, top: -5 },
    { ...valid, top: 10, bottom: 5 },
    { ...valid, top: 0.5, bottom: 1 },
    { ...valid, bottom: "100" },
    { ...valid, bottom: 20001 },
    { type: "social8020:scroll", version: 1 },
  ]);
  await expect.poll(async () => (await scrolls(page)).length).toBe(12);
  expect(await scrollY(page)).toBe(y);

  // The same request from the widget's window is heard.
  await post(widgetFrame(page), [valid]);
  await expect.poll(() => frameTop(page)).toBe(0);
});

test("the embed builder offers the dataLayer, in the loader snippet only", async ({ page }) => {
  await page.goto(`${WIDGET}builder.html`);
  const loader = page.getByLabel(/^Loader/);
  await expect(loader).toHaveValue(/^<div data-social8020><\/div>/);
  await page.getByLabel("Send events to Google Tag Manager").check();
  await expect(loader).toHaveValue(/^<div data-social8020 data-datalayer><\/div>\n<script /);
  await expect(page.getByLabel(/^Plain iframe/)).not.toHaveValue(/datalayer/);
  // The preview is wired the same way: the builder page's own dataLayer.
  await expect
    .poll(() => page.evaluate(() => (window.dataLayer ?? []).map((e) => e.event)))
    .toContain("social8020_ready");
});
