// Paste rows from a spreadsheet and import a CSV file (docs/spec.md §6): good
// rows are added, bad rows are listed with their row number and reason,
// nothing entered is lost, and the import can be undone.
import { readFile } from "node:fs/promises";
import { test, expect, openWidget, activity } from "./fixtures.mjs";

const headline = (page) => page.getByTestId("headline");
const nameOf = (page, n) => activity(page, n).getByRole("textbox", { name: /^Name/ });

test("pasted rows are added, bad ones listed, and undo takes them back", async ({ page }) => {
  await openWidget(page);
  await page.getByText("Paste or import rows").click();
  await page.getByLabel("Paste rows from a spreadsheet").fill(
    ["Activity\tHours\tResults\tType", "Podcast guesting\t4\t1 200\tcommunity", "Flyers\tabc\t10", "Pinterest\t2,5\t80"].join("\n"),
  );
  await page.getByRole("button", { name: "Add pasted rows" }).click();
  const outcome = page.getByTestId("import-outcome");
  await expect(outcome).toContainText("Added 2 activities. 1 row needs fixing.");
  await expect(outcome).toContainText("Row 3:");
  await expect(nameOf(page, 9)).toHaveValue("Podcast guesting");
  await expect(activity(page, 9).getByRole("combobox", { name: /^Type/ })).toHaveValue("community");
  await expect(activity(page, 10).getByRole("textbox", { name: /^Hours/ })).toHaveValue("2.5");
  await expect(nameOf(page, 1)).toHaveValue("Instagram posts of the daily bakes");
  await page.getByRole("button", { name: "Undo" }).click();
  await expect(activity(page, 9)).toHaveCount(0);
});

test("pasting spreadsheet cells into the activity list adds rows", async ({ page }) => {
  await openWidget(page);
  await page.getByRole("button", { name: "Clear all" }).click();
  await nameOf(page, 1).focus();
  await page.evaluate(() => {
    const data = new DataTransfer();
    data.setData("text/plain", "Live streams\t6\t1000\nEmail list\t3\t200\n");
    document.activeElement.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
  });
  await expect(nameOf(page, 1)).toHaveValue("Live streams");
  await expect(nameOf(page, 2)).toHaveValue("Email list");
  // A screen reader hears what the paste did, with the new results.
  await expect(page.getByRole("status")).toContainText("Added 2 activities. 1 of 2 activities");
  await expect(headline(page)).toHaveText("1 of 2 activities (50 %) brings 83 % of your results, using 67 % of your time.");
});

test("an exported CSV imports back to the same breakdown", async ({ page }) => {
  await openWidget(page);
  const before = await headline(page).textContent();
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Export CSV" }).click(),
  ]);
  const csv = await readFile(await download.path());
  await page.getByRole("button", { name: "Clear all" }).click();
  await page.getByText("Paste or import rows").click();
  await page.getByLabel("Import CSV file").setInputFiles({ name: "export.csv", mimeType: "text/csv", buffer: csv });
  await expect(page.getByTestId("import-outcome")).toHaveText("Added 8 activities.");
  await expect(headline(page)).toHaveText(before);
});
