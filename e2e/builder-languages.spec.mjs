// The embed builder speaks the languages of the catalogs. Every word the
// tests expect is read from the builder's catalog files of the build, as
// the builder reads them (i18n/languages.json names the files and the keys
// in order, under `builder`), never from a copy here: a test written in
// English words cannot pass on a page that stayed English.
import { test, expect } from "./fixtures.mjs";

/** The builder's catalogs: names, files and the words of each, by tag. */
async function catalogs(request) {
  const languages = await (await request.get("i18n/languages.json")).json();
  const { hash, files, keys } = languages.builder;
  const words = async (tag) => {
    const lines = (await (await request.get(files[tag])).text()).split("\n");
    expect(lines[0]).toBe(`#social8020 ${tag} ${hash}`);
    return new Map(keys.map((key, i) => [key, lines[i + 1]]));
  };
  return { names: languages.names, keys, words };
}

const loader = (page) => page.locator("#snippet-loader");
const iframe = (page) => page.locator("#snippet-iframe");
const preview = (page) => page.locator("#preview iframe");

test.describe("in a German browser", () => {
  test.use({ locale: "de-DE" });

  test("the builder speaks German, from the German catalog", async ({ page, request }) => {
    const { keys, words } = await catalogs(request);
    const [de, en] = [await words("de"), await words("en")];
    expect(de.get("builder.title")).not.toBe(en.get("builder.title"));

    await page.goto("builder.html");
    await expect(page.locator("html")).toHaveAttribute("lang", "de");
    await expect(page.locator("html")).toHaveAttribute("dir", "ltr");
    await expect(page).toHaveTitle(de.get("builder.page_title"));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(de.get("builder.title"));
    await expect(page.locator("#check-status")).toHaveText(de.get("builder.all_taken"));
    for (const key of ["builder.accent", "builder.widget_language", "builder.currency", "builder.cta_url"]) {
      await expect(page.getByLabel(de.get(key), { exact: true })).toBeVisible();
    }
    await expect(page.getByRole("button", { name: de.get("builder.copy_loader") })).toBeVisible();
    await expect(page.getByLabel(de.get("builder.accent_picker"))).toBeVisible();
    await expect(page.getByLabel(de.get("builder.locale"), { exact: true })).toHaveAttribute(
      "placeholder",
      de.get("builder.locale_placeholder"),
    );
    // A sentence with code in it: the code elements stand where the
    // placeholders are.
    const hint = de.get("builder.datalayer_hint");
    await expect(page.locator("#datalayer-hint")).toHaveText(
      hint
        .replace("{datalayer}", "dataLayer")
        .replace(/\{(ready|result|share|cta)\}/g, (_, name) => `social8020_${name}`),
    );
    await expect(page.locator("#datalayer-hint code")).toHaveCount(5);
    // Every key the page names is a key of the catalogs (a typo would
    // leave its element empty).
    const named = await page.evaluate(() =>
      [...document.querySelectorAll("[data-t], [data-t-placeholder], [data-t-label], [data-copied]")].flatMap((e) =>
        [e.dataset.t, e.dataset.tPlaceholder, e.dataset.tLabel, e.dataset.copied].filter(Boolean),
      ),
    );
    expect(named.length).toBeGreaterThan(50);
    expect(named.filter((key) => !keys.includes(key))).toEqual([]);

    // The preview is the widget on a German page: it is told the page's
    // language, and its frame is titled in German.
    await expect(preview(page)).toHaveAttribute("src", /[?&]page_lang=de(&|$)/);
    await expect(preview(page)).toHaveAttribute("title", de.get("builder.frame_title"));
    await expect(page.frameLocator("#preview iframe").locator("html")).toHaveAttribute("lang", "de");
    // The plain iframe, which cannot ask, is titled in the page's language.
    await expect(iframe(page)).toHaveValue(new RegExp(`title="${de.get("builder.frame_title")}"`));
  });
});

test("choosing the widget's language puts data-lang in the snippet", async ({ page, request }) => {
  const { names, words } = await catalogs(request);
  const fr = await words("fr");
  await page.goto("builder.html");
  await expect(loader(page)).toHaveValue(/^<div data-social8020><\/div>/);
  const menu = page.getByLabel("Language of the widget");
  // Automatic first, then every catalog by its own name.
  await expect(menu.locator("option")).toHaveText(["Automatic — the visitor's language", ...Object.values(names)]);

  await menu.selectOption({ label: names.fr });
  await expect(loader(page)).toHaveValue(/^<div data-social8020 data-lang="fr"><\/div>\n<script /);
  await expect(iframe(page)).toHaveValue(/index\.html\?embed=1&amp;lang=fr"/);
  await expect(iframe(page)).toHaveValue(new RegExp(`title="${fr.get("builder.frame_title")}"`));
  await expect(page.locator("#lang-error")).toBeHidden();
  // The preview speaks French, and its frame is titled in French; the
  // builder itself stays English.
  await expect(preview(page)).toHaveAttribute("title", fr.get("builder.frame_title"));
  await expect(page.frameLocator("#preview iframe").locator("html")).toHaveAttribute("lang", "fr");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");

  await menu.selectOption({ label: "Automatic — the visitor's language" });
  await expect(loader(page)).toHaveValue(/^<div data-social8020><\/div>/);
});

test("the page's own menu switches its language and keeps it in the address", async ({ page, request }) => {
  const { names, words } = await catalogs(request);
  const es = await words("es");
  await page.goto("builder.html");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.getByLabel("Language of this page").selectOption({ label: names.es });
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(es.get("builder.title"));
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  await expect(page).toHaveURL(/builder\.html\?lang=es$/);
  // The preview follows the page, as on a Spanish host page.
  await expect(page.frameLocator("#preview iframe").locator("html")).toHaveAttribute("lang", "es");
  await expect(page.locator("#check-status")).toHaveText(es.get("builder.all_taken"));

  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(es.get("builder.title"));
});

test("the right-to-left pseudo-locale turns the builder's page around", async ({ page, request }) => {
  const rtl = await (await catalogs(request)).words("ar-XB");
  await page.goto("builder.html?lang=ar-XB");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(rtl.get("builder.title"));
  // The settings card starts on the right.
  const settings = await page.locator("#settings").boundingBox();
  const snippets = await page.locator(".snippets").boundingBox();
  expect(settings.x).toBeGreaterThan(snippets.x);
});
