// Share links (docs/spec.md §4): copy, open in a fresh page, keep or go back;
// damaged links never crash and never overwrite what the visitor saved.
import { test, expect, openWidget, activity, enterActivities } from "./fixtures.mjs";

const headline = (page) => page.getByTestId("headline");

test("a copied link opens the same breakdown in a fresh page", async ({ page, context, visitor }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await openWidget(page);
  await enterActivities(page, [
    ["Live Q&A sessions", 4, 1200, "Community"],
    ["Boosted posts", 9, 300],
    ["Newsletter swaps", 2, 500, "Community"],
  ]);
  const expected = "2 of 3 activities (67 %) bring 85 % of your results, using 40 % of your time.";
  await expect(headline(page)).toHaveText(expected);
  await page.getByRole("button", { name: "Copy link" }).click();
  await expect(page.getByText("✓ Link copied")).toBeVisible();
  await expect(page.getByRole("status")).toContainText("Link copied.");
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toMatch(/#s=1[A-Za-z0-9_-]+$/);

  // A different visitor: a fresh context with nothing saved.
  const fresh = await visitor();
  await fresh.goto(link);
  await expect(headline(fresh)).toHaveText(expected);
  await expect(activity(fresh, 1).getByRole("textbox", { name: /^Name/ })).toHaveValue("Live Q&A sessions");
  // The decode is timed for the browser's tools and `make bench`.
  const decodes = await fresh.evaluate(() => performance.getEntriesByName("social8020:decode").length);
  expect(decodes).toBe(1);
  await expect(fresh.getByTestId("shared-banner")).toBeVisible();
  await fresh.getByRole("button", { name: "Keep this one" }).click();
  await expect(fresh.getByTestId("shared-banner")).toHaveCount(0);
  expect(new URL(fresh.url()).hash).toBe("");
  await fresh.reload();
  await expect(headline(fresh)).toHaveText(expected);
});

const CLIPBOARD = { permissions: ["clipboard-read", "clipboard-write"] };

/** The share link of the worked example, copied by another visitor. */
async function exampleLink(visitor) {
  const page = await visitor(CLIPBOARD);
  await openWidget(page);
  await page.getByRole("button", { name: "Copy link" }).click();
  await expect(page.getByText("✓ Link copied")).toBeVisible();
  return page.evaluate(() => navigator.clipboard.readText());
}

test("opening a link does not overwrite the visitor's own scenario", async ({ page, visitor }) => {
  const link = await exampleLink(visitor);
  await openWidget(page);
  await enterActivities(page, [["My own work", 5, 100]]);
  await expect(headline(page)).toHaveText(/^1 of 1 activity/);
  await page.reload();
  const name = activity(page, 1).getByRole("textbox", { name: /^Name/ });
  await expect(name).toHaveValue("My own work");

  await page.goto(link);
  await expect(page.getByTestId("shared-banner")).toBeVisible();
  await expect(headline(page)).toHaveText(/^3 of 8 activities/);
  // Edits to a shared scenario are not saved over the visitor's own.
  await activity(page, 1).getByRole("textbox", { name: /^Hours/ }).fill("2");
  await page.getByRole("button", { name: "Back to mine" }).click();
  await expect(name).toHaveValue("My own work");
  await page.goto(link.split("#")[0]);
  await expect(name).toHaveValue("My own work");
});

test("without storage, a kept link stays in the address so a reload still has it", async ({ page, visitor }) => {
  const making = await visitor(CLIPBOARD);
  await openWidget(making);
  await enterActivities(making, [["Podcast guesting", 3, 900, "Community"]]);
  await making.getByRole("button", { name: "Copy link" }).click();
  await expect(making.getByText("✓ Link copied")).toBeVisible();
  const link = await making.evaluate(() => navigator.clipboard.readText());

  // As in a third-party frame whose browser blocks storage.
  await page.addInitScript(() =>
    Object.defineProperty(window, "localStorage", {
      get() {
        throw new DOMException("Access is denied for this document.", "SecurityError");
      },
    }),
  );
  await page.goto(link);
  await expect(headline(page)).toHaveText(/^1 of 1 activity/);
  await page.getByRole("button", { name: "Keep this one" }).click();
  await expect(page.getByTestId("shared-banner")).toHaveCount(0);
  expect(new URL(page.url()).hash).toMatch(/^#s=1/);
  await page.reload();
  await expect(headline(page)).toHaveText(/^1 of 1 activity/);
});

for (const [kind, fragment] of [
  ["truncated", "#s=1eNpjYGBgZGBkYGJgYGBgAAAAAP"],
  ["empty", "#s="],
  ["newer-version", "#s=2eNpjYGBgZGBkYGJg"],
  ["garbage", "#s=%%%<script>alert(1)</script>"],
  ["huge", `#s=1${"A".repeat(20000)}`],
]) {
  test(`a ${kind} link says so and opens the visitor's own numbers`, async ({ page }) => {
    await openWidget(page);
    await enterActivities(page, [["Saved before", 3, 30]]);
    await page.reload();
    await expect(activity(page, 1).getByRole("textbox", { name: /^Name/ })).toHaveValue("Saved before");
    await page.goto(`${new URL(page.url()).pathname}${fragment}`);
    await page.reload();
    await expect(page.getByRole("alert")).toContainText("This link could not be opened.");
    await expect(activity(page, 1).getByRole("textbox", { name: /^Name/ })).toHaveValue("Saved before");
    await page.goto(new URL(page.url()).pathname);
    await expect(activity(page, 1).getByRole("textbox", { name: /^Name/ })).toHaveValue("Saved before");
  });
}

test("a damaged link opened over a shared scenario brings back the visitor's own numbers", async ({ page, visitor }) => {
  const link = await exampleLink(visitor);
  await openWidget(page);
  await enterActivities(page, [["Saved before", 3, 30]]);
  await page.goto(link);
  await expect(page.getByTestId("shared-banner")).toBeVisible();
  await expect(headline(page)).toHaveText(/^3 of 8 activities/);

  // A damaged link pasted into the same page changes only the fragment.
  await page.evaluate(() => (location.hash = "#s=1eNpjYGBgZGBkYGJgYGBgAAAAAP"));
  await expect(page.getByRole("alert")).toContainText("You are seeing your own numbers instead.");
  await expect(activity(page, 1).getByRole("textbox", { name: /^Name/ })).toHaveValue("Saved before");
  await expect(headline(page)).toHaveText(/^1 of 1 activity/);
  await expect(page.getByTestId("shared-banner")).toHaveCount(0);
  // They are the visitor's own again: edits are saved as before.
  await activity(page, 1).getByRole("textbox", { name: /^Hours/ }).fill("4");
  await page.goto(new URL(page.url()).pathname);
  await expect(activity(page, 1).getByRole("textbox", { name: /^Hours/ })).toHaveValue("4");
});
