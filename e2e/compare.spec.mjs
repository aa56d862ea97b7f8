// Before and after (docs/spec.md §10): both ways in (an earlier link, an
// earlier JSON report), the comparison link round trip, a damaged `b=`,
// the exports, the status region, axe-core and the phone layout. Words come
// from the catalogs, so the German run checks the German screen.
import { readFileSync } from "node:fs";
import { test, expect, openWidget, activity, axeViolations } from "./fixtures.mjs";
import { words } from "./languages.mjs";

const CLIPBOARD = { permissions: ["clipboard-read", "clipboard-write"] };
const w = (key, args) => words("en", key, args);
/** The words of `key` up to its first placeholder. */
const opening = (tag, key) => words(tag, key).split("{")[0];

/** The visitor's page with the worked example, and its share link. */
async function example(visitor, query = "") {
  const page = await visitor(CLIPBOARD);
  await openWidget(page, query);
  await page.getByRole("button", { name: w("share.copy") }).click();
  await expect(page.getByRole("status")).toContainText(w("notice.link_copied"));
  return { page, link: await page.evaluate(() => navigator.clipboard.readText()) };
}

/** Moves 10 hours of the example's first activity elsewhere: today's numbers. */
async function workedOnIt(page) {
  const hours = activity(page, 1).getByRole("textbox", { name: /^Hours/ });
  await hours.fill("12");
  await activity(page, 2).getByRole("textbox", { name: /^Hours/ }).fill("16");
}

async function compareWithLink(page, link) {
  await page.getByRole("button", { name: w("compare.open") }).click();
  await page.getByRole("textbox", { name: w("compare.link_label") }).fill(link);
  await page.getByRole("button", { name: w("compare.link_submit"), exact: true }).click();
}

const table = (page) => page.getByRole("table", { name: w("compare.caption") });

test("an earlier link opens the comparison, and the own numbers stay", async ({ visitor }) => {
  const { page, link } = await example(visitor);
  await workedOnIt(page);
  await compareWithLink(page, link);
  const section = page.getByRole("region", { name: w("compare.title"), exact: true });
  await expect(section).toBeVisible();
  await expect(table(page).getByRole("row")).toHaveCount(9);
  // Replying went from 6 to 16 hours: +10, shown with a sign.
  const replying = table(page).getByRole("row", { name: /^Replying to comments/ });
  await expect(replying.getByRole("cell").nth(2)).toHaveText("+10");
  await expect(section).toContainText(opening("en", "compare.score"));
  await expect(page.getByRole("status")).toContainText("Comparing with the earlier result.");
  // The visitor's own form is untouched.
  await expect(activity(page, 1).getByRole("textbox", { name: /^Hours/ })).toHaveValue("12");
  await page.getByRole("button", { name: w("compare.stop") }).click();
  await expect(section).toHaveCount(0);
  await expect(activity(page, 2).getByRole("textbox", { name: /^Hours/ })).toHaveValue("16");
});

test("Copy link while comparing gives #s=&b=, which opens the same comparison", async ({ visitor }) => {
  const { page, link } = await example(visitor);
  await workedOnIt(page);
  await compareWithLink(page, link);
  await page.getByRole("button", { name: w("share.copy") }).click();
  const both = await page.evaluate(() => navigator.clipboard.readText());
  expect(both).toMatch(/#s=1[\w-]+&b=1[\w-]+$/);
  expect(both.length).toBeLessThanOrEqual(1000);
  const other = await visitor();
  await other.goto(both);
  await expect(table(other).getByRole("row")).toHaveCount(9);
  await expect(activity(other, 2).getByRole("textbox", { name: /^Hours/ })).toHaveValue("16");
});

test("a damaged b= opens the s= part and says the comparison could not open", async ({ visitor }) => {
  const { link } = await example(visitor);
  const page = await visitor();
  await page.goto(`${link}&b=1AAAA`);
  await expect(page.getByRole("alert")).toContainText(opening("en", "compare.link_problem").trim());
  await expect(table(page)).toHaveCount(0);
  await expect(activity(page, 1).getByRole("textbox", { name: /^Name/ })).toHaveValue(/\S/);
});

test("an earlier JSON report opens the comparison; a damaged or newer one says why", async ({ visitor }) => {
  const { page } = await example(visitor);
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: w("export.json") }).click();
  const report = readFileSync(await (await download).path(), "utf8");
  await workedOnIt(page);
  await page.getByRole("button", { name: w("compare.open") }).click();
  const file = page.getByLabel(w("compare.file_label"));
  const choose = (text) => file.setInputFiles({ name: "earlier.json", mimeType: "application/json", buffer: Buffer.from(text) });
  await choose("not a report");
  await expect(page.getByRole("alert")).toHaveText(w("compare.file_damaged"));
  await choose(report.replace(/"version": \d+/, '"version": 99'));
  await expect(page.getByRole("alert")).toHaveText(w("compare.file_newer"));
  await choose(report);
  await expect(table(page).getByRole("row")).toHaveCount(9);
});

test("the comparison exports as CSV and in the JSON report", async ({ visitor }) => {
  const { page, link } = await example(visitor);
  await workedOnIt(page);
  await compareWithLink(page, link);
  let download = page.waitForEvent("download");
  await page.getByRole("button", { name: w("compare.export_csv") }).click();
  const csv = readFileSync(await (await download).path(), "utf8").split("\r\n");
  expect(csv[0]).toBe("activity,status,hours_before,hours_now,hours_change,results_before,results_now,results_change,vital_before,vital_now");
  expect(csv.filter((line) => line.includes(",matched,"))).toHaveLength(8);
  download = page.waitForEvent("download");
  await page.getByRole("button", { name: w("export.json") }).click();
  const report = JSON.parse(readFileSync(await (await download).path(), "utf8"));
  expect(report.comparison.rows).toHaveLength(8);
  expect(report.share_link).toMatch(/&b=1/);
});

test("the comparison has no axe-core violations and fits a 320 px phone", async ({ visitor }) => {
  const { page, link } = await example(visitor);
  await page.setViewportSize({ width: 320, height: 800 });
  await workedOnIt(page);
  await compareWithLink(page, link);
  await expect(table(page)).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  await page.screenshot({ path: "e2e/results/compare-phone.png", fullPage: true });
});

test("in German the comparison speaks German", async ({ visitor }) => {
  const { page, link } = await example(visitor);
  const german = await visitor();
  await german.goto("?lang=de");
  await german.getByRole("button", { name: words("de", "compare.open") }).click();
  await german.getByRole("textbox", { name: words("de", "compare.link_label") }).fill(link);
  await german.getByRole("button", { name: words("de", "compare.link_submit"), exact: true }).click();
  await expect(german.getByRole("table", { name: words("de", "compare.caption") })).toBeVisible();
  // The same example on both sides: the score stayed.
  await expect(german.getByRole("region", { name: words("de", "compare.title"), exact: true })).toContainText(opening("de", "compare.score_same"));
  await page.close();
});
