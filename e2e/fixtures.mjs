// Shared set-up for the end-to-end tests: every page, the test's own and
// every page a test opens in a context of its own (`visitor`), fails its
// test on a CSP violation, a console error or an uncaught exception.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { test as base, expect } from "@playwright/test";

const AXE_SOURCE = await readFile(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
/** The rules of docs/spec.md §7: WCAG 2.0, 2.1 and 2.2, A and AA. */
const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"];

/**
 * axe-core's violations in a page or frame, up to five nodes each. axe is
 * evaluated through the driver, so the page's CSP stays as strict as in
 * production.
 */
export async function axeViolations(target) {
  await target.evaluate(AXE_SOURCE);
  const result = await target.evaluate(
    (tags) => window.axe.run(document, { runOnly: { type: "tag", values: tags } }),
    AXE_TAGS,
  );
  return result.violations.map((v) => ({
    rule: v.id,
    impact: v.impact,
    nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(" ")}: ${n.failureSummary}`),
  }));
}

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
 * not the prerendered one that start.js shows before (inert, see
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
