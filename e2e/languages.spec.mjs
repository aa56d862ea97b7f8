// Which language the widget speaks, and what happens when it cannot
// (docs/spec.md §9): the host setting `lang`, else the host page's language
// (`page_lang`, passed by the loader), else the browser's languages, else
// English; a value no catalog serves is warned about and skipped; a
// catalog that does not load gives English.
import { test, expect } from "./fixtures.mjs";
import { words } from "./languages.mjs";

/** Opens the widget, waits for the live page, and returns `<html lang dir>` and the
 *  console warnings. */
async function open(page, path) {
  const warnings = [];
  page.on("console", (msg) => msg.type() === "warning" && warnings.push(msg.text()));
  await page.goto(path);
  await expect(page.locator("main, [role=main], .app").first()).toBeVisible();
  // The live page's language, not the prerendered page's (inert, shown
  // before the catalog is known to load).
  await expect(page.locator("[inert]")).toHaveCount(0);
  await expect(page.locator("html[lang]:not([lang=''])")).toHaveCount(1);
  const html = await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir]);
  return { lang: html[0], dir: html[1], warnings: warnings.filter((w) => w.startsWith("Social 80/20")) };
}

/** The widget's own announcement-free proof of language: the copy-link
 *  notice key is not on screen, so check a word every screen shows. */
async function showsLanguage(page, tag) {
  await expect(page.locator("html")).toHaveAttribute("lang", tag);
  await expect(page.getByText(words(tag, "notice.copy_by_hand"))).toHaveCount(0);
}

const cases = [
  // [what, browser languages, query, expected tag, expected warning part]
  ["the host setting wins", "fr-FR", "?lang=de", "de", null],
  ["a region is served by its language", "en-US", "?lang=de-AT", "de", null],
  ["Portuguese from Portugal gets Brazil's catalog", "en-US", "?lang=pt-PT", "pt-BR", null],
  ["the host page's language comes next", "fr-FR", "?page_lang=es-MX", "es", null],
  ["lang beats the host page's language", "fr-FR", "?lang=pt-BR&page_lang=es", "pt-BR", null],
  ["an unknown lang is warned about and skipped", "fr-CA", "?lang=xx-YY", "fr", '"xx-YY" has no catalog'],
  ["an unsupported page language is warned about and skipped", "es-ES", "?page_lang=ja", "es", '"ja" has no catalog'],
  ["the browser's languages are tried in order", "ja-JP,it,de-CH,fr", "", "de", null],
  ["no language of ours gives English", "ja-JP,ko", "", "en", null],
  ["real Arabic is not the pseudo-locale", "ar-EG", "", "en", null],
];

for (const [what, languages, query, expected, warning] of cases) {
  test(`language: ${what}`, async ({ visitor }) => {
    const page = await visitor({ locale: languages.split(",")[0] });
    await page.addInitScript((list) => {
      Object.defineProperty(navigator, "languages", { get: () => list });
    }, languages.split(","));
    const { lang, dir, warnings } = await open(page, query);
    expect(lang).toBe(expected);
    expect(dir).toBe("ltr");
    if (warning) expect(warnings.join("\n")).toContain(warning);
    else expect(warnings).toEqual([]);
    await showsLanguage(page, expected);
  });
}

test("the pseudo right-to-left locale turns the page right to left", async ({ page }) => {
  const { lang, dir } = await open(page, "?lang=ar-XB");
  expect([lang, dir]).toEqual(["ar-XB", "rtl"]);
});

test("a catalog that does not load gives English, with a warning, and the widget works", async ({ browser, baseURL }) => {
  // Not the watched `page`: the browser itself logs the failed request as
  // a console error, which is the point here.
  const page = await (await browser.newContext({ baseURL, locale: "en-US" })).newPage();
  const errors = [];
  page.on("pageerror", (error) => errors.push(error.message));
  await page.route(/\/i18n\/de\.[0-9a-f]+\.txt$/, (route) => route.abort());
  const { lang, warnings } = await open(page, "?lang=de");
  expect(lang).toBe("en");
  expect(warnings.join("\n")).toContain("the de catalog did not load");
  await page.getByRole("button", { name: "Add activity" }).click();
  expect(errors).toEqual([]);
  await page.context().close();
});

test("a catalog of another build is refused like a missing one", async ({ page }) => {
  await page.route(/\/i18n\/fr\.[0-9a-f]+\.txt$/, (route) =>
    route.fulfill({ status: 200, contentType: "text/plain", body: "#social8020 fr 00000000\nAjouter\n" }),
  );
  const { lang, warnings } = await open(page, "?lang=fr");
  expect(lang).toBe("en");
  expect(warnings.join("\n")).toContain("the fr catalog did not load");
});

test("five requests show the widget in a language, one of them its catalog", async ({ page }) => {
  const requests = [];
  page.on("request", (r) => requests.push(new URL(r.url()).pathname.split("/").pop() || "index.html"));
  await open(page, "?lang=es");
  const own = requests.filter((r) => r !== "favicon.ico");
  expect(own.filter((r) => /^es\.[0-9a-f]+\.txt$/.test(r))).toHaveLength(1);
  expect(own.filter((r) => /\.txt$/.test(r))).toHaveLength(1);
  // The page, its styles, the JS (glue and start script), the wasm, the catalog.
  expect(own.length, own.join(", ")).toBeLessThanOrEqual(5);
});
