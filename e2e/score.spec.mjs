// The following-vs-community score (docs/spec.md §3), read from the meter's
// aria-valuenow for scenarios entered through the docs/spec.md §7 labels. Every expected
// value is worked out by hand in the comments.
import { test, expect, openWidget, enterActivities } from "./fixtures.mjs";

const meter = (page) => page.getByRole("meter", { name: "Following vs community score" });

async function setSignals(page, values) {
  for (const [label, value] of Object.entries(values)) {
    await page.getByLabel(label, { exact: true }).fill(String(value));
  }
}

test("the bakery example scores 54, a growing community", async ({ page }) => {
  await openWidget(page);
  await expect(meter(page)).toHaveAttribute("aria-valuenow", "54");
  await expect(meter(page)).toContainText("Growing community");
  await expect(page.getByText("Based on 5 of 5 signals.")).toBeVisible();
  await expect(page.getByText("All 3 of your vital-few activities are community activities.")).toBeVisible();
  await expect(page.getByTestId("biggest-lever")).toContainText("Your biggest lever: Time on community");
});

test("the score follows the signals entered, re-weighting missing ones", async ({ page }) => {
  await openWidget(page);
  // Time on community: 10 / 40 h = 25 %, sub-score 25, weight 20.
  // Results from community: 600 / 1000 = 60 %, sub-score 60, weight 25.
  // (20 x 25 + 25 x 60) / 45 = 2000 / 45 = 44.4 -> 44.
  await enterActivities(page, [
    ["Customer meet-ups", 10, 600, "Community"],
    ["Promoted posts", 30, 400, "Following"],
  ]);
  await expect(meter(page)).toHaveAttribute("aria-valuenow", "44");
  await expect(meter(page)).toContainText("Growing community");
  await expect(page.getByText("Based on 2 of 5 signals.")).toBeVisible();

  // Conversation: (12 + 8) / (80 + 12 + 8) = 20 %, / 40 % -> 50, weight 15.
  // Loyalty: 10 / 50 = 20 %, / 40 % -> 50, weight 20.
  // Advocacy: 30 / 50 = 60 %, / 50 % -> 120, capped at 100, weight 20.
  // (500 + 1500 + 750 + 1000 + 2000) / 100 = 57.5 -> 58.
  await setSignals(page, {
    "Likes per post": 80,
    "Comments per post": 12,
    "Shares per post": 8,
    Customers: 50,
    "Repeat customers": 10,
    "Referred customers": 30,
  });
  await expect(meter(page)).toHaveAttribute("aria-valuenow", "58");
  await expect(page.getByText("Based on 5 of 5 signals.")).toBeVisible();
  // Weighted headroom: time 20 x 75 = 1500 is the largest.
  await expect(page.getByTestId("biggest-lever")).toContainText("Time on community");

  // Zero customers leaves loyalty and advocacy out:
  // (500 + 1500 + 750) / 60 = 45.8 -> 46.
  await setSignals(page, { "Repeat customers": 0, "Referred customers": 0, Customers: 0 });
  await expect(meter(page)).toHaveAttribute("aria-valuenow", "46");
  await expect(page.getByText("Based on 3 of 5 signals.")).toBeVisible();
});

test("the ends of the scale: all community, all following", async ({ page }) => {
  await openWidget(page);
  await enterActivities(page, [["Community events", 6, 900, "Community"]]);
  await expect(meter(page)).toHaveAttribute("aria-valuenow", "100");
  await expect(meter(page)).toContainText("Community");

  await enterActivities(page, [["Ads", 6, 900, "Following"]]);
  await expect(meter(page)).toHaveAttribute("aria-valuenow", "0");
  await expect(meter(page)).toContainText("Following");
  await expect(page.getByText("Your one vital-few activity is not a community activity.")).toBeVisible();
});

test("the panel explains the calculation with the values in force", async ({ page }) => {
  await openWidget(page);
  await page.getByText("How is this calculated?").click();
  const panel = page.locator("details.how");
  await expect(panel).toContainText("Avinash Kaushik");
  await expect(panel).toContainText("Bain");
  await expect(panel).toContainText("repeat purchase rate");
  await expect(panel).toContainText("Bands: Following 0–39, Growing community 40–69, Community 70–100.");
});
