// The embed builder holds no copy of the widget's rules: it passes what was
// typed to its preview, and the widget reports which settings it took and
// why it ignored the others. Each case below is one where a hand-written
// copy of the rules once drifted from the widget; the builder must now give
// the widget's own answer, word for word, and leave the setting out of the
// snippet.
import { test, expect } from "./fixtures.mjs";

/** Opens the builder and collects the preview's console warnings. */
async function openBuilder(page) {
  const warnings = [];
  page.on("console", (msg) => {
    if (msg.type() === "warning") warnings.push(msg.text());
  });
  await page.goto("builder.html");
  await expect(page.locator("#check-status")).toHaveText(/^The widget takes/);
  return warnings;
}

const loader = (page) => page.getByLabel(/^Loader/);

const refused = [
  // [what, field to type into, text, the setting the widget names]
  ["a port beyond 65535", "Button link", "https://example.com:99999/book", "cta-url"],
  ["a URL over 2,000 characters", "Page that share links open", `https://example.com/${"a".repeat(2001)}`, "share-url"],
  ["a currency in small letters", "Currency", "eur", "currency"],
  ["a weight of 1e21", "Time on community", "1e21", "weights"],
];

for (const [what, label, text, setting] of refused) {
  test(`the builder gives the widget's answer for ${what}`, async ({ page }) => {
    const warnings = await openBuilder(page);
    if (setting === "weights") await page.getByText("Score weights and targets").click();
    await page.getByLabel(label, { exact: true }).fill(text);
    const field = setting === "weights" ? "score" : setting;
    const error = page.locator(`#${field}-error`);
    await expect(error).toBeVisible();
    await expect(page.locator("#check-status")).toHaveText(/ignores the settings marked/);
    // The same words the widget in the preview wrote to the console.
    const message = await error.textContent();
    expect(warnings).toContainEqual(`Social 80/20: the host setting "${setting}" was ignored. ${message}`);
    await expect(loader(page)).not.toHaveValue(new RegExp(`data-${setting}=`));
  });
}

test("a target the widget takes is passed on exactly, however small", async ({ page }) => {
  await openBuilder(page);
  await page.getByText("Score weights and targets").click();
  await page.getByLabel("Conversation and amplification").nth(1).fill("0.001");
  await expect(loader(page)).toHaveValue(/data-targets="0\.00001,0\.4,0\.5"/);
  await expect(page.locator("#score-error")).toBeHidden();
});

test("a label without a link is left out, as the widget leaves it out", async ({ page }) => {
  const warnings = await openBuilder(page);
  await page.getByLabel("Button text").fill("Call us");
  await expect(page.locator("#cta-label-error")).toContainText("a label alone shows nothing");
  expect(warnings.some((w) => w.includes('"cta-label" was ignored'))).toBe(true);
  await expect(loader(page)).not.toHaveValue(/data-cta-label/);
});

test("a forged settings report from another frame is ignored", async ({ page }) => {
  await openBuilder(page);
  await page.getByLabel("Currency").fill("EUR");
  await expect(loader(page)).toHaveValue(/data-currency="EUR"/);
  // The page itself, not the preview's frame, claims nothing was accepted.
  await page.evaluate(() =>
    window.postMessage({ type: "social8020:settings", version: 1, accepted: [], warnings: [["currency", "forged"]] }, "*"),
  );
  await page.waitForTimeout(300);
  await expect(page.locator("#currency-error")).toBeHidden();
  await expect(loader(page)).toHaveValue(/data-currency="EUR"/);
});
