// The Pareto breakdown (docs/spec.md §2, §6): the table, the what-if and the
// exports, checked against figures worked out by hand.
import { readFile } from "node:fs/promises";
import { test, expect, openWidget, enterActivities, activity } from "./fixtures.mjs";

const ROWS = [
  ["Webinars", 10, 800, "Community"],
  ["=SUM(A1)", 5, 150, "Following"],
  ["Ads, paid", 5, 50, "Following"],
  ['Say "hi" posts', 0, 0, "Community"],
];

// Totals: 1,000 results, 20 hours. Webinars alone reach exactly 80 %.
const EXPECTED_CSV = [
  "rank,activity,type,hours,results,result_share_pct,cumulative_share_pct,time_share_pct,results_per_hour,leverage,group",
  "1,Webinars,community,10,800,80,80,50,80,1.6,vital_few",
  "2,'=SUM(A1),following,5,150,15,95,25,30,0.6,trivial_many",
  '3,"Ads, paid",following,5,50,5,100,25,10,0.2,trivial_many',
  '4,"Say ""hi"" posts",community,0,0,0,100,0,,,trivial_many',
].map((line) => `${line}\r\n`).join("");

async function downloaded(page, buttonName) {
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: buttonName }).click(),
  ]);
  const path = await download.path();
  return { name: download.suggestedFilename(), text: await readFile(path, "utf8") };
}

test("Export CSV writes exactly the docs/spec.md §6 columns and values", async ({ page }) => {
  await openWidget(page);
  await enterActivities(page, ROWS);
  await expect(page.getByTestId("headline")).toHaveText(
    "1 of 4 activities (25 %) brings 80 % of your results, using 50 % of your time.",
  );
  const csv = await downloaded(page, "Export CSV");
  expect(csv.name).toMatch(/^social-80-20-\d{4}-\d{2}-\d{2}\.csv$/);
  expect(csv.text).toBe(EXPECTED_CSV);
});

test("Export JSON holds the scenario, breakdown, score and share link", async ({ page }) => {
  await openWidget(page);
  await enterActivities(page, ROWS);
  const json = await downloaded(page, "Export JSON");
  expect(json.name).toMatch(/\.json$/);
  const report = JSON.parse(json.text);
  expect(report.format).toBe("social8020-report");
  expect(report.scenario.activities).toHaveLength(4);
  expect(report.breakdown.vital_few).toBe(1);
  expect(report.breakdown.rows[1].activity).toBe("=SUM(A1)");
  // Time 10 / 20 = 50; results 800 / 1000 = 80: (20 x 50 + 25 x 80) / 45 = 66.7 -> 67.
  expect(report.score.value).toBe(67);
  expect(report.share_link).toMatch(/#s=1/);
});

/** The widget with ROWS entered: the breakdown table and its row names,
 * checked in their first order. */
async function openRanked(page) {
  await openWidget(page);
  await enterActivities(page, ROWS);
  const table = page.getByTestId("breakdown-table");
  const names = table.locator("tbody th[scope=row]");
  await expect(names).toHaveText(["Webinars", "=SUM(A1)", "Ads, paid", 'Say "hi" posts']);
  return { table, names };
}

test("the table lists every activity in order, vital few first", async ({ page }) => {
  const { table, names } = await openRanked(page);
  await expect(table.locator(".is-vital")).toHaveCount(1);
  // Zero hours: no results per hour and no leverage, never 0 or infinity.
  const last = table.locator("tbody tr").last();
  await expect(last.locator("td").nth(7)).toHaveText("—");
  await expect(last.locator("td").nth(8)).toHaveText("—");
  await expect(table).not.toContainText("Infinity");
  await expect(table).not.toContainText("NaN");

  await page.getByRole("slider", { name: "Threshold" }).fill("90");
  await expect(table.locator(".is-vital")).toHaveCount(2);
});

test("a row that changes rank is moved, not rebuilt", async ({ page }) => {
  // Rebuilding every row that changes place made a re-ranking edit of 100
  // activities cost a whole frame more (make bench): the rows are keyed.
  const { table, names } = await openRanked(page);
  const sum = table.locator("tbody tr", { hasText: "=SUM(A1)" });
  await sum.evaluate((row) => (row.dataset.marked = "yes"));
  // 150 -> 40: "=SUM(A1)" falls behind "Ads, paid"; both stay trivial.
  await activity(page, 2).getByLabel(/^Results/).fill("40");
  await expect(names).toHaveText(["Webinars", "Ads, paid", "=SUM(A1)", 'Say "hi" posts']);
  await expect(table.locator(".is-vital")).toHaveCount(1);
  await expect(table.locator("tbody tr[data-marked=yes] th")).toHaveText("=SUM(A1)");
});

test("rows that change group are moved, not rebuilt", async ({ page }) => {
  // With a row group per tbody, Yew rebuilt every row that left one group
  // for the other: a third of a re-ranking edit's script at 100 activities
  // (make bench). Both groups are now one keyed list in one tbody.
  const { table, names } = await openRanked(page);
  for (const name of ["Webinars", "=SUM(A1)"]) {
    await table.locator("tbody tr", { hasText: name }).evaluate((row, name) => (row.dataset.marked = name), name);
  }
  // 150 -> 5,000: "=SUM(A1)" alone brings 85 % and is the vital few;
  // Webinars joins the trivial many.
  await activity(page, 2).getByLabel(/^Results/).fill("5000");
  await expect(names).toHaveText(["=SUM(A1)", "Webinars", "Ads, paid", 'Say "hi" posts']);
  await expect(table.locator(".breakdown__group-head")).toHaveText([/^Vital few: 1 activity/, /^Trivial many: 3 activities/]);
  await expect(table.locator('tbody tr[data-marked="=SUM(A1)"] th')).toHaveText("=SUM(A1)");
  await expect(table.locator("tbody tr[data-marked=Webinars] th")).toHaveText("Webinars");
  await expect(table.locator(".is-vital")).toHaveCount(1);
  await expect(table.locator('tbody tr[data-marked="=SUM(A1)"] .is-vital')).toHaveCount(1);
});

test("the what-if moves trivial hours into the vital few and says its assumption", async ({ page }) => {
  await openWidget(page);
  await enterActivities(page, ROWS);
  // Trivial many: 10 hours bring 200. Vital few: 800 in 10 hours = 80 an hour.
  // Moving 50 %: -100 + 5 x 80 = +300, from 1,000 to 1,300 (+30 %).
  await expect(page.getByTestId("what-if")).toHaveText(
    "Moving 5 hours a month would take your results from $1,000 to about $1,300 (+30 %).",
  );
  await expect(page.getByText("This assumes results per hour stay as they are.", { exact: false })).toBeVisible();
  await page.getByLabel("Share of trivial-many hours to move").fill("100");
  await expect(page.getByTestId("what-if")).toContainText("from $1,000 to about $1,600 (+60 %)");
});

test("the chart has one bar per activity, the vital few marked, and a threshold line", async ({ page }) => {
  await openWidget(page);
  const chart = page.getByTestId("pareto-chart");
  await expect(chart).toHaveAttribute("role", "img");
  await expect(chart.locator(".chart__bar")).toHaveCount(8);
  await expect(chart.locator(".chart__bar--vital")).toHaveCount(3);
  await expect(chart.getByTestId("threshold-line")).toHaveCount(1);
  await expect(chart.locator("desc")).toContainText("The first 3, the vital few, reach 81 % of results");

  await enterActivities(page, ROWS);
  await expect(chart.locator(".chart__bar")).toHaveCount(4);
  await expect(chart.locator(".chart__bar--vital")).toHaveCount(1);

  await page.getByRole("button", { name: "Time vs results" }).click();
  await expect(page.getByRole("button", { name: "Time vs results" })).toHaveAttribute("aria-pressed", "true");
  await expect(chart.locator(".chart__bar")).toHaveCount(4);
  await expect(chart.locator(".chart__time-bar")).toHaveCount(4);
});

test("a hundred activities stay readable and fast to enter", async ({ page }) => {
  test.slow(); // 99 clicks and 30 fields, each re-rendering up to 100 rows
  await openWidget(page);
  await page.getByRole("button", { name: "Clear all" }).click();
  for (let i = 1; i < 100; i++) await page.getByRole("button", { name: "Add activity" }).click();
  await expect(page.getByRole("button", { name: "Add activity" })).toBeDisabled();
  for (let i = 1; i <= 100; i += 11) {
    const row = page.getByRole("group", { name: `Activity ${i}`, exact: true });
    await row.getByLabel(/^Name/).fill(`Activity number ${i} with a rather long name`);
    await row.getByLabel(/^Hours/).fill(String(i % 7));
    await row.getByLabel(/^Results/).fill(String(i * 10));
  }
  await expect(page.getByTestId("pareto-chart").locator(".chart__bar")).toHaveCount(10);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(await page.evaluate(() => window.innerWidth));
});
