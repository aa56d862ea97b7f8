// Accessibility (docs/spec.md §7): zero axe-core violations for the WCAG 2.0,
// 2.1 and 2.2 A and AA rules in the states a visitor meets, and a keyboard
// walk that operates the widget without a mouse.
import { test, expect, openWidget, activity, enterActivities, axeViolations } from "./fixtures.mjs";

async function openAllDetails(page) {
  const closed = page.locator("details:not([open]) > summary");
  while (await closed.count()) await closed.first().click();
}

const STATES = {
  "the worked example": async () => {},
  "a filled scenario": async (page) => {
    await enterActivities(page, [
      ["Replying to reviews", 3, 900, "Community"],
      ["Reels", 12, 300],
      ["Partner shout-outs", 2, 450, "Community"],
    ]);
  },
  "invalid input": async (page) => {
    await activity(page, 1).getByRole("textbox", { name: /^Hours/ }).fill("lots");
    await activity(page, 2).getByRole("textbox", { name: /^Name/ }).fill("");
    await page.getByLabel("Customers", { exact: true }).fill("5");
    await expect(page.locator("[aria-invalid=true]").first()).toBeVisible();
  },
  "an empty form": async (page) => {
    await page.getByRole("button", { name: "Clear all" }).click();
  },
};

for (const [name, reach] of Object.entries(STATES)) {
  for (const [theme, width] of [["light", 1200], ["dark", 1200], ["light", 320]]) {
    test(`no axe violations: ${name}, ${theme}, ${width} px`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: theme });
      await page.setViewportSize({ width, height: 900 });
      await openWidget(page);
      await reach(page);
      await openAllDetails(page);
      expect(await axeViolations(page)).toEqual([]);
    });
  }
}

test("the keyboard reaches and operates add, remove, threshold, copy and export", async ({ page, context }) => {
  test.slow(); // a Tab press and a look at the focus for each control on the way
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await openWidget(page);
  const focusedName = () =>
    page.evaluate(() => {
      const el = document.activeElement;
      const text = el?.getAttribute("aria-label") || el?.labels?.[0]?.textContent || el?.textContent || "";
      return text.replace(/^\+/, "");
    });
  // Tab until a control with this name has focus, as a keyboard user would.
  async function tabTo(name, limit = 200) {
    for (let i = 0; i < limit; i++) {
      await page.keyboard.press("Tab");
      if ((await focusedName()).trim().startsWith(name)) return;
    }
    throw new Error(`Tab never reached ${name}`);
  }

  await tabTo("Copy link");
  await page.keyboard.press("Enter");
  await expect(page.getByText("✓ Link copied")).toBeVisible();

  await tabTo("Export CSV");
  const [download] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Enter")]);
  expect(download.suggestedFilename()).toMatch(/\.csv$/);

  await tabTo("Threshold");
  await page.keyboard.press("ArrowRight");
  await expect(page.getByRole("slider", { name: "Threshold" })).toHaveValue("85");

  await tabTo("Remove activity 8");
  await page.keyboard.press("Enter");
  await expect(activity(page, 8)).toHaveCount(0);
  // Focus moves to "Add activity" rather than getting lost.
  await expect(page.getByRole("button", { name: "Add activity" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(activity(page, 8)).toBeVisible();

  // Focus is visible: the focused control draws an outline.
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  expect(outline).not.toBe("none");
});
