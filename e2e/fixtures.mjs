// Shared set-up for the end-to-end tests: every page, the test's own and
// every page a test opens in a context of its own (`visitor`), fails its
// test on a CSP violation, a console error or an uncaught exception.
import { test as base, expect } from "@playwright/test";

/**
 * Watches a page and the frames in it; returns the list of problems it
 * reports, which grows as they happen. The `page` and `visitor` fixtures
 * expect it to be empty when the test ends.
 */
export async function watch(page) {
  const problems = [];
  page.on("console", (msg) => {
    if (msg.type() === "error") problems.push(`console error: ${msg.text()}`);
  });
  page.on("pageerror", (err) => problems.push(`page error: ${err.message}`));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI}`);
    });
  });
  return problems;
}

export const test = base.extend({
  page: async ({ page }, use) => {
    const problems = await watch(page);
    await use(page);
    expect(problems, "the page reported problems").toEqual([]);
  },
  /**
   * Opens a page for another visitor: a new browser context (nothing
   * saved, no permissions) with the config's base URL and locale, watched
   * like `page`. Pass context options such as `{ permissions: [...] }`.
   */
  visitor: async ({ browser, baseURL, locale }, use) => {
    const opened = [];
    await use(async (options = {}) => {
      const context = await browser.newContext({ baseURL, locale, ...options });
      const page = await context.newPage();
      opened.push({ context, problems: await watch(page) });
      return page;
    });
    for (const { context, problems } of opened) {
      await context.close();
      expect(problems, "another visitor's page reported problems").toEqual([]);
    }
  },
});

export { expect };

/**
 * Opens the widget and waits until the app has rendered: the live page,
 * not the prerendered one that boot.js shows before (inert, see
 * tools/prerender.mjs).
 */
export async function openWidget(page, path = "") {
  await page.goto(path);
  await expect(page.getByRole("button", { name: "Add activity" })).toBeVisible();
  await expect(page.locator("[inert]")).toHaveCount(0);
}

/** The row group "Activity n" (1-based), as docs/spec.md §7 names it. */
export function activity(page, n) {
  return page.getByRole("group", { name: `Activity ${n}`, exact: true });
}

/** Replaces the scenario with the given rows: [name, hours, results, type?]. */
export async function enterActivities(page, rows) {
  await page.getByRole("button", { name: "Clear all" }).click();
  for (const [i, [name, hours, results, type]] of rows.entries()) {
    if (i > 0) await page.getByRole("button", { name: "Add activity" }).click();
    const row = activity(page, i + 1);
    await row.getByLabel(/^Name/).fill(name);
    await row.getByLabel(/^Hours/).fill(String(hours));
    await row.getByLabel(/^Results/).fill(String(results));
    if (type) await row.getByLabel(/^Type/).selectOption({ label: type });
  }
}
