// The foundation: the worked example, data entry through the docs/spec.md §7
// labels, validation that keeps what was typed, undo, and the strict CSP.
import { test, expect, openWidget, activity, enterActivities } from "./fixtures.mjs";

const headline = (page) => page.getByTestId("headline");

test("a new visitor sees the worked example and its insight", async ({ page }) => {
  await openWidget(page);
  await expect(headline(page)).toHaveText(
    "3 of 8 activities (38 %) bring 81 % of your results, using 18 % of your time.",
  );
  await expect(page.getByText("You spend 63 hours a month on activities that bring 19 % of your results.")).toBeVisible();
  for (let n = 1; n <= 8; n++) await expect(activity(page, n)).toBeVisible();
  await expect(activity(page, 9)).toHaveCount(0);
});

test("every control carries its docs/spec.md §7 label", async ({ page }) => {
  await openWidget(page);
  const row = activity(page, 2);
  await expect(row.getByRole("textbox", { name: /^Name/ })).toHaveValue("Replying to comments and messages");
  await expect(row.getByRole("textbox", { name: /^Hours/ })).toHaveValue("6");
  await expect(row.getByRole("textbox", { name: /^Results/ })).toHaveValue("5200");
  const type = row.getByRole("combobox", { name: /^Type/ });
  await expect(type).toHaveValue("community");
  await expect(type.locator("option")).toHaveText(["Following", "Community"]);
  await expect(row.getByRole("button", { name: "Remove activity 2" })).toBeVisible();
  for (const name of ["Add activity", "Clear all"]) {
    await expect(page.getByRole("button", { name, exact: true })).toBeVisible();
  }
  await expect(page.getByRole("combobox", { name: "Period" })).toHaveValue("month");
  await expect(page.getByRole("combobox", { name: "Result unit" })).toHaveValue("USD");
  await expect(page.getByRole("slider", { name: "Threshold" })).toHaveValue("80");
  for (const name of [
    "Likes per post",
    "Comments per post",
    "Shares per post",
    "Customers",
    "Repeat customers",
    "Referred customers",
  ]) {
    await expect(page.getByLabel(name, { exact: true })).toBeVisible();
  }
});

test("the headline follows the visitor's typing", async ({ page }) => {
  await openWidget(page);
  await enterActivities(page, [
    ["Webinars", 10, 800, "Community"],
    ["Reels", 5, 150],
    ["Ads", 5, 50],
  ]);
  await expect(headline(page)).toHaveText(
    "1 of 3 activities (33 %) brings 80 % of your results, using 50 % of your time.",
  );
  await expect(page.getByText("You spend 10 hours a month on activities that bring 20 % of your results.")).toBeVisible();

  await page.getByRole("combobox", { name: "Period" }).selectOption("week");
  await expect(activity(page, 1).getByLabel("Hours per week")).toBeVisible();
  await expect(page.getByText("You spend 10 hours a week on")).toBeVisible();

  await page.getByRole("slider", { name: "Threshold" }).fill("95");
  await expect(headline(page)).toHaveText(
    "2 of 3 activities (67 %) bring 95 % of your results, using 75 % of your time.",
  );
  await expect(page.getByRole("status")).toHaveCount(1);
  await expect(page.getByRole("status")).toContainText("2 of 3 activities", { timeout: 5_000 });
});

test("bad input is marked on its field, kept, and the last results stay", async ({ page }) => {
  await openWidget(page);
  const hours = activity(page, 1).getByRole("textbox", { name: /^Hours/ });
  await hours.fill("lots");
  await expect(hours).toHaveAttribute("aria-invalid", "true");
  const message = page.locator(`#${await hours.getAttribute("aria-describedby")}`);
  await expect(message).toHaveText(/Enter a number using digits/);
  await expect(hours).toHaveValue("lots");
  await expect(headline(page)).toHaveText(/^3 of 8 activities/);
  await expect(page.getByText("Showing your last complete numbers.", { exact: false })).toBeVisible();

  const results = activity(page, 2).getByRole("textbox", { name: /^Results/ });
  await results.fill("-5");
  await expect(results).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("Enter 0 or more; this cannot be negative.")).toBeVisible();

  await page.getByLabel("Customers", { exact: true }).fill("40");
  await expect(page.getByLabel("Repeat customers", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("Enter at most the number of Customers.")).toBeVisible();

  await hours.fill("22");
  await results.fill("5200");
  await page.getByLabel("Repeat customers", { exact: true }).fill("12");
  await expect(hours).not.toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("Showing your last complete numbers.", { exact: false })).toHaveCount(0);
});

test("clear all leaves one empty row, and undo brings the example back", async ({ page }) => {
  await openWidget(page);
  await page.getByRole("button", { name: "Clear all" }).click();
  await expect(activity(page, 1)).toBeVisible();
  await expect(activity(page, 2)).toHaveCount(0);
  await expect(activity(page, 1).getByRole("textbox", { name: /^Name/ })).toHaveValue("");
  await expect(headline(page)).toHaveText("Start with one activity.");
  await page.getByRole("button", { name: "Undo" }).click();
  await expect(activity(page, 8)).toBeVisible();
  await expect(headline(page)).toHaveText(/^3 of 8 activities/);
});

test("rows can be added and removed by their labels", async ({ page }) => {
  await openWidget(page);
  await page.getByRole("button", { name: "Add activity" }).click();
  await expect(activity(page, 9)).toBeVisible();
  // A blank new row does not hide the results.
  await expect(headline(page)).toHaveText(/^3 of 8 activities/);
  await page.getByRole("button", { name: "Remove activity 2" }).click();
  await expect(activity(page, 9)).toHaveCount(0);
  await expect(activity(page, 2).getByRole("textbox", { name: /^Name/ })).toHaveValue("Paid Facebook and Instagram ads");
  await expect(headline(page)).toHaveText(/of 7 activities/);
});

test("zero results ask for results instead of a breakdown", async ({ page }) => {
  await openWidget(page);
  await enterActivities(page, [["Posts", 3, 0]]);
  await expect(headline(page)).toHaveText("No results to break down yet.");
});

test("the app runs under the strict CSP, with no inline script", async ({ page }) => {
  const response = await page.goto("");
  const csp = response.headers()["content-security-policy"];
  expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
  expect(csp).not.toContain("unsafe-inline");
  expect(csp).not.toMatch(/(^|\s)'unsafe-eval'/);
  await expect(page.getByRole("button", { name: "Add activity" })).toBeVisible();
  const inline = await page.locator("script:not([src])").count();
  expect(inline).toBe(0);
  const requests = [];
  page.on("request", (r) => requests.push(r.url()));
  await page.reload();
  await expect(page.getByRole("button", { name: "Add activity" })).toBeVisible();
  for (const url of requests) expect(new URL(url).origin).toBe(new URL(page.url()).origin);
});

test("the phone layout fits 320 px without sideways scrolling", async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await openWidget(page);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(overflow).toBeLessThanOrEqual(320);
  await expect(activity(page, 1).getByText("Hours per month")).toBeVisible();
});
