// The foundation: the worked example, data entry through the docs/spec.md §7
// labels, validation that keeps what was typed, undo, and the strict CSP.
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { test, expect, openWidget, activity, enterActivities, watch } from "./fixtures.mjs";

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

/**
 * Checks a CSP against PRODUCT.md §8: `script-src 'self' 'wasm-unsafe-eval'`
 * plus at most one hash, and no `unsafe-inline` or `unsafe-eval` anywhere.
 */
function expectStrict(csp, where) {
  const directives = new Map(
    csp
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...values]) => [name, values]),
  );
  const script = directives.get("script-src") ?? [];
  const hashes = script.filter((v) => /^'sha(256|384|512)-/.test(v));
  expect(script.filter((v) => !hashes.includes(v)), `script-src of ${where}`).toEqual(["'self'", "'wasm-unsafe-eval'"]);
  expect(hashes.length, `hashes in script-src of ${where}`).toBeLessThanOrEqual(1);
  for (const [name, values] of directives) {
    expect(values, `${name} of ${where}`).not.toContain("'unsafe-inline'");
    expect(values, `${name} of ${where}`).not.toContain("'unsafe-eval'");
  }
}

test("the app runs under the strict CSP, with one inline script, named by its hash", async ({ page }) => {
  const response = await page.goto("");
  const header = response.headers()["content-security-policy"];
  expectStrict(header, "the server's header");
  // The meta tag is what a host that sends no header gives: dist/index.html
  // as built, and as the browser read it.
  const built = await readFile(new URL("../dist/index.html", import.meta.url), "utf8");
  const tag = (built.match(/<meta\b[^>]*>/gi) ?? []).find((t) => /http-equiv=["']?content-security-policy/i.test(t));
  const meta = tag?.match(/\bcontent=(?:"([^"]*)"|'([^']*)')/i);
  expect(meta, "dist/index.html has a CSP meta tag").toBeTruthy();
  const policy = meta[1] ?? meta[2];
  expectStrict(policy, "the meta tag of dist/index.html");
  const served = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
  expect(served).toBe(policy);
  // The one inline script is start.js (tools/start-script.mjs), and the one
  // hash in both policies and in the README's server settings is its own.
  const inline = [...built.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)].filter(([, attributes]) => !/\bsrc=/.test(attributes));
  expect(inline.length, "inline scripts in dist/index.html").toBe(1);
  const hash = `'sha256-${createHash("sha256").update(inline[0][2]).digest("base64")}'`;
  expect(policy).toContain(` ${hash};`);
  expect(header).toContain(` ${hash};`);
  const readme = await readFile(new URL("../README.md", import.meta.url), "utf8");
  const documented = [...readme.matchAll(/script-src\s+'self'\s+'wasm-unsafe-eval'(\s+'[^']*')?;/g)];
  expect(documented.length, "CSPs in the README").toBeGreaterThan(2);
  for (const [, named] of documented) expect(named?.trim(), "the hash in the README's CSP").toBe(hash);
  await expect(page.getByRole("button", { name: "Add activity" })).toBeVisible();
  const requests = [];
  page.on("request", (r) => requests.push(r.url()));
  await page.reload();
  await expect(page.getByRole("button", { name: "Add activity" })).toBeVisible();
  for (const url of requests) expect(new URL(url).origin).toBe(new URL(page.url()).origin);
});

// The watcher of fixtures.mjs is what makes every other test fail on a CSP
// violation, a console error or an uncaught exception; here it must catch
// one of each, made on purpose in a watched page.
test("the page watcher catches a CSP violation, a console error and an uncaught exception", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  const problems = await watch(page);
  await openWidget(page);
  expect(problems).toEqual([]);
  await page.evaluate(() => {
    const script = document.createElement("script");
    script.textContent = "window.ran = true";
    document.head.append(script);
  });
  // One report per policy that blocks it: the header's and the meta tag's.
  await expect.poll(() => problems.some((p) => p.includes("CSP violation: script-src"))).toBe(true);
  expect(await page.evaluate(() => window.ran)).toBeUndefined();
  await page.evaluate(() => console.error("deliberate console error"));
  await page.evaluate(() => setTimeout(() => {
    throw new Error("deliberate exception");
  }));
  await expect.poll(() => problems.filter((p) => p.includes("deliberate"))).toEqual([
    "console error: deliberate console error",
    "page error: deliberate exception",
  ]);
  await context.close();
});

test("the phone layout fits 320 px without sideways scrolling", async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await openWidget(page);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(overflow).toBeLessThanOrEqual(320);
  await expect(activity(page, 1).getByText("Hours per month")).toBeVisible();
});
