// The prerendered worked example (tools/prerender.mjs, start.js): on screen
// before the wasm has arrived, the very page the wasm then renders, inert
// until it is live, and never shown where the wasm would render another page.
import { test, expect, openWidget, activity } from "./fixtures.mjs";

/** Holds the wasm download until the returned function is called. */
async function holdWasm(page) {
  let release;
  const held = new Promise((resolve) => (release = resolve));
  await page.route(/\.wasm$/, async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

/** The page's words and what the fields hold, prerendered or live. The
 * DOM's text, not innerText: once the live page is drawn, cards far from
 * the viewport are skipped (content-visibility) and innerText leaves them
 * out. */
const seen = (page) =>
  page.evaluate(() => ({
    text: document.querySelector(".app").textContent,
    values: [...document.querySelectorAll("input, select")].map((field) => field.value),
    lang: document.documentElement.lang,
    title: document.title,
  }));

test("the worked example is on screen before the wasm arrives, inert, and is the page the wasm renders", async ({ page }) => {
  const release = await holdWasm(page);
  await page.goto("");
  const headline = page.getByTestId("headline");
  await expect(headline).toHaveText(/^3 of 8 activities/);
  await expect(page.getByRole("button", { name: "Add activity" })).toBeVisible();
  // Every part of it is inert: a click on a field focuses nothing.
  expect(await page.evaluate(() => [...document.body.children].filter((n) => !n.inert && !/^(SCRIPT|NOSCRIPT)$/.test(n.tagName)).length)).toBe(0);
  const box = await activity(page, 1).getByRole("textbox", { name: /^Hours/ }).boundingBox();
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);
  const before = await seen(page);
  // The fields hold the example's values, as the wasm will set them.
  expect(before.values.filter((value) => value !== "").length).toBeGreaterThan(16);

  release();
  await expect(page.locator("[inert]")).toHaveCount(0);
  expect(await seen(page)).toEqual(before);
  // Live: an edit is answered.
  const said = await headline.textContent();
  await activity(page, 1).getByRole("textbox", { name: /^Hours/ }).fill("40");
  await expect(headline).not.toHaveText(said);
});

test("a German browser gets the German prerendered page, the same as the live one", async ({ visitor }) => {
  const page = await visitor({ locale: "de-DE" });
  const release = await holdWasm(page);
  await page.goto("");
  await expect(page.locator("[inert]").first()).toBeAttached();
  const before = await seen(page);
  expect(before.lang).toBe("de");
  expect(before.text).toContain("3 von 8");
  release();
  await expect(page.locator("[inert]")).toHaveCount(0);
  expect(await seen(page)).toEqual(before);
});

test("no prerendered page where the wasm renders another: a share link, a host setting, a save of the visitor's own", async ({ page, visitor }) => {
  // A save of the visitor's own numbers.
  await openWidget(page);
  await activity(page, 1).getByRole("textbox", { name: /^Hours/ }).fill("40");
  await expect(page.getByTestId("headline")).not.toHaveText(/18 % of your time/);
  const link = await page.evaluate(() => location.href.split("#")[0]);
  const release = await holdWasm(page);
  await page.reload();
  await page.waitForLoadState("domcontentloaded");
  await page.waitForTimeout(300);
  await expect(page.getByTestId("headline")).toHaveCount(0);
  release();
  await expect(activity(page, 1).getByRole("textbox", { name: /^Hours/ })).toHaveValue("40");

  for (const path of ["?accent=%23aa3300", "?currency=EUR", "#s=1abc"]) {
    const other = await visitor();
    await holdWasm(other);
    await other.goto(new URL(path, link).href);
    await other.waitForLoadState("domcontentloaded");
    await other.waitForTimeout(300);
    await expect(other.getByTestId("headline"), path).toHaveCount(0);
  }
});

test("a return visit that saved only the worked example still gets the prerendered page", async ({ page }) => {
  await openWidget(page);
  expect(await page.evaluate(() => localStorage.getItem("social8020.scenario"))).toBeTruthy();
  const release = await holdWasm(page);
  await page.reload();
  await expect(page.getByTestId("headline")).toHaveText(/^3 of 8 activities/);
  await expect(page.locator("[inert]").first()).toBeAttached();
  release();
  await expect(page.locator("[inert]")).toHaveCount(0);
});

test("a wasm that does not load takes the prerendered page away with the notice", async ({ browser, baseURL }) => {
  // A context of its own: the failure is logged as an error on purpose.
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await page.route(/\.wasm$/, (route) => route.abort());
  await page.goto("");
  await expect(page.getByText("Social 80/20 could not load.")).toBeVisible();
  await expect(page.locator("[inert]")).toHaveCount(0);
  await expect(page.getByTestId("headline")).toHaveCount(0);
  await context.close();
});

test("in a frame, the prerendered page is the embedded one: no brand line, as the live page", async ({ page }) => {
  const release = await holdWasm(page);
  await page.goto("?embed=1");
  await expect(page.getByTestId("headline")).toHaveText(/^3 of 8 activities/);
  await expect(page.locator(".app__brand")).toBeHidden();
  const before = await seen(page);
  release();
  await expect(page.locator("[inert]")).toHaveCount(0);
  await expect(page.locator(".app__brand")).toBeHidden();
  expect(await seen(page)).toEqual(before);
});

test("served under a CSP without the start script's hash, the module shows the prerendered page itself", async ({ browser, baseURL }) => {
  // A context of its own: the refused inline script is logged on purpose.
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  const refused = [];
  page.on("console", (m) => m.type() === "error" && refused.push(m.text()));
  await page.route(/\/(index\.html)?(\?.*)?$/, async (route) => {
    const response = await route.fetch();
    const without = (text) => text.replace(/ 'sha256-[^']*'/g, "");
    const headers = { ...response.headers(), "content-security-policy": without(response.headers()["content-security-policy"]) };
    await route.fulfill({ response, headers, body: without(await response.text()) });
  });
  const release = await holdWasm(page);
  await page.goto("");
  await expect(page.getByTestId("headline")).toHaveText(/^3 of 8 activities/);
  expect(await page.locator("body > [data-locales]").count()).toBe(1);
  expect(refused.join("\n")).toMatch(/Content Security Policy/);
  release();
  await expect(page.locator("[inert]")).toHaveCount(0);
  await expect(page.getByTestId("headline")).toHaveText(/^3 of 8 activities/);
  await context.close();
});

test("a wasm served with another type still starts, compiled from its bytes", async ({ browser, baseURL }) => {
  // A context of its own: the browser may warn about the type.
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await page.route(/\.wasm$/, async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, headers: { ...response.headers(), "content-type": "application/octet-stream" } });
  });
  await page.goto("");
  await expect(page.locator("[inert]")).toHaveCount(0);
  const headline = page.getByTestId("headline");
  await expect(headline).toHaveText(/^3 of 8 activities/);
  const said = await headline.textContent();
  await activity(page, 1).getByRole("textbox", { name: /^Hours/ }).fill("40");
  await expect(headline).not.toHaveText(said);
  await context.close();
});
