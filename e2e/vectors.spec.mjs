// Frozen share links (core/tests/vectors/) opened in the release build.
// core/tests/codec_vectors.rs proves them natively; here the wasm decodes
// each one and, as it does for every link and autosave, re-compresses the
// scenario to check that the link is canonical. miniz_oxide has code that
// differs on wasm32: if its output differed there, every old link and every
// autosave would read as damaged while the native tests pass.
import { readFile } from "node:fs/promises";
import { test, expect, openWidget } from "./fixtures.mjs";

// Written before names were cleaned of control characters (docs/spec.md
// §11): it opens the same scenario, with the cleaned names, and is saved
// as the link of those (core/tests/codec_vectors.rs checks the same).
const WRITTEN_BEFORE_CLEANING = ["names with URL and markup characters"];

const VECTORS = (await readFile(new URL("../core/tests/vectors/v1.txt", import.meta.url), "utf8"))
  .split("\n")
  .filter(Boolean)
  .map((line) => line.split("\t"));

test("every frozen version 1 link opens in the browser build and is saved byte for byte", async ({ page }) => {
  test.slow(); // 31 links, up to 100 activities each
  expect(VECTORS).toHaveLength(31);
  await openWidget(page);
  for (const [payload, description] of VECTORS) {
    await page.evaluate((p) => (location.hash = `#s=${p}`), payload);
    await expect(page.getByTestId("shared-banner"), description).toBeVisible();
    await expect(page.getByRole("alert"), description).toHaveCount(0);
    // Kept, the scenario is autosaved as a payload that the wasm encodes:
    // it must be the frozen one, byte for byte.
    await page.getByRole("button", { name: "Keep this one" }).click();
    await expect(page.getByTestId("shared-banner"), description).toHaveCount(0);
    const saved = () => page.evaluate(() => localStorage.getItem("social8020.scenario"));
    if (WRITTEN_BEFORE_CLEANING.includes(description)) {
      await expect.poll(saved, { message: description }).toMatch(/^1/);
      expect(await saved(), description).not.toBe(payload);
    } else {
      await expect.poll(saved, { message: description }).toBe(payload);
    }
  }
});
