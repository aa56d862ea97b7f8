// Shared set-up for the end-to-end tests: every page fails its test on a
// CSP violation, a console error or an uncaught exception.
import { test as base, expect } from "@playwright/test";

export const test = base.extend({
  page: async ({ page }, use) => {
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
    await use(page);
    expect(problems, "the page reported problems").toEqual([]);
  },
});

export { expect };

/** Opens the widget and waits until the app has rendered. */
export async function openWidget(page, path = "") {
  await page.goto(path);
  await expect(page.getByRole("button", { name: "Add activity" })).toBeVisible();
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
