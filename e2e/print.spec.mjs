// The printed report (docs/spec.md §6): the insight, the score, the chart and
// the table, the share link and the date; no buttons and no inputs.
import { test, expect, openWidget } from "./fixtures.mjs";

for (const format of ["A4", "Letter"]) {
  test(`the ${format} report shows the results and hides the controls`, async ({ page }, info) => {
    await openWidget(page);
    // What print to PDF does first; the report fills in the share link then.
    await page.evaluate(() => window.dispatchEvent(new Event("beforeprint")));
    await page.emulateMedia({ media: "print" });
    await expect(page.getByTestId("headline")).toBeVisible();
    await expect(page.getByRole("meter", { name: "Following vs community score" })).toBeVisible();
    await expect(page.getByTestId("breakdown-table")).toBeVisible();
    await expect(page.getByText("Open these numbers again:")).toContainText("#s=1");
    await expect(page.getByText(/^Social 80\/20 report, /)).toBeVisible();
    for (const role of ["button", "textbox", "combobox", "slider"]) {
      await expect(page.getByRole(role).filter({ visible: true })).toHaveCount(0);
    }
    const pdf = await page.pdf({ format, printBackground: true });
    await info.attach(`report-${format}.pdf`, { body: pdf, contentType: "application/pdf" });
    // A report of the worked example fits on at most three pages.
    const pages = (pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    expect(pages).toBeGreaterThan(0);
    expect(pages).toBeLessThanOrEqual(3);
  });
}
