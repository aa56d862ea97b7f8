// An edit that re-ranks 100 activities (docs/spec.md §8: one frame, the worst
// case included). The breakdown card is not laid out or painted while it is
// far from the viewport (content-visibility: auto, styles/20-layout.css),
// and while it is skipped an edit rewrites its table in the task after the
// edit's frame (Numbers in src/view/breakdown.rs). So these tests check
// what that must never change: a table on screen is right in the very frame
// of the edit; the off-screen table is right in the DOM, in the
// accessibility tree a screen reader reads and for find in page within
// moments, it is right once scrolled to, and the page has its true height,
// skipped or not.
import config from "./playwright.config.mjs";
import { test, expect, openWidget, activity } from "./fixtures.mjs";

// Chromium builds its accessibility tree as it does for a screen reader that
// runs from the start (without the flag, a tree asked for later over the
// DevTools protocol leaves out what was never on screen; a screen reader's
// mode does not).
const { launchOptions } = config.use;
test.use({ launchOptions: { ...launchOptions, args: [...launchOptions.args, "--force-renderer-accessibility"] } });

const COUNT = 100;
/** Channel 100 brings the most results, Channel 1 the fewest. */
const ROWS = Array.from({ length: COUNT }, (_, i) => `Channel ${i + 1}\t${(i % 9) + 1}\t${1000 + 10 * (i + 1)}`);

/** A hundred activities, pasted into the list as from a spreadsheet. */
async function openHundred(page) {
  await openWidget(page);
  await page.getByRole("button", { name: "Clear all" }).click();
  await activity(page, 1).getByRole("textbox", { name: /^Name/ }).focus();
  await page.evaluate((text) => {
    const data = new DataTransfer();
    data.setData("text/plain", text);
    document.activeElement.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
  }, ROWS.join("\n"));
  await expect(activity(page, COUNT).getByRole("textbox", { name: /^Name/ })).toHaveValue(`Channel ${COUNT}`);
}

/** The table's header cells in order, from the DOM: group headings and names. */
const domHeaders = (page) =>
  page.getByTestId("breakdown-table").evaluate((table) => [...table.querySelectorAll("tbody th")].map((th) => th.textContent));

/** The same, as Chromium's accessibility tree has them (row headers). */
async function axHeaders(page) {
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = await cdp.send("Accessibility.getFullAXTree");
  await cdp.detach();
  const table = nodes.find((n) => n.role?.value === "table" && n.name?.value === "Every activity, most results first");
  if (!table) return [];
  const byId = new Map(nodes.map((n) => [n.nodeId, n]));
  const headers = [];
  const walk = (node) => {
    if (!node.ignored && node.role?.value === "rowheader") headers.push(node.name?.value);
    for (const id of node.childIds ?? []) if (byId.has(id)) walk(byId.get(id));
  };
  walk(table);
  return headers;
}

/** Whether the table is skipped (not laid out) right now. */
const skipped = (page) => page.getByTestId("breakdown-table").evaluate((table) => !table.checkVisibility({ contentVisibilityAuto: true }));

/** Scrolls a row into view and checks that it is there and drawn: the
 * point at its centre belongs to it. */
async function expectDrawn(row) {
  await row.scrollIntoViewIfNeeded();
  await expect(row).toBeVisible();
  const hit = await row.evaluate((tr) => {
    const box = tr.getBoundingClientRect();
    return tr.contains(document.elementFromPoint(box.left + box.width / 4, box.top + box.height / 2));
  });
  expect(hit).toBe(true);
}

test("a re-ranking edit at 100 activities is right off screen, for a screen reader, for find in page and once scrolled to", async ({ page }) => {
  test.slow(); // 100 pasted rows, two re-rankings, two accessibility trees
  await page.setViewportSize({ width: 1280, height: 720 });
  await openHundred(page);
  const table = page.getByTestId("breakdown-table");
  const names = table.locator("tbody th[scope=row]");
  await expect(names.first()).toHaveText("Channel 100");

  for (const [results, first, last, vital] of [
    ["10000000", "Channel 50", "Channel 1", "Vital few: 1 activity"],
    ["1", "Channel 100", "Channel 50", "Vital few: "],
  ]) {
    // Typed into row 50, in the middle of the list: the table is far below.
    await activity(page, 50).getByRole("textbox", { name: /^Results/ }).fill(results);
    await expect(names.first()).toHaveText(first);
    expect(await skipped(page), "the table is off screen and skipped while the edit lands").toBe(true);
    const dom = await domHeaders(page);
    expect(dom).toHaveLength(COUNT + 2);
    expect(dom[0]).toMatch(new RegExp(`^${vital}`));
    expect(dom[1]).toBe(first);
    expect(dom.at(-1)).toBe(last);
    // What a screen reader reads is what the DOM says, skipped or not.
    await expect.poll(() => axHeaders(page)).toEqual(dom);
    // Find in page finds the new words in the skipped table and shows them.
    expect(await page.evaluate((words) => window.find(words), dom[0])).toBe(true);
    expect(await skipped(page)).toBe(false);
    await expect(table.locator(".breakdown__group-head").first()).toBeInViewport();
    // Scrolled to, the first and the last rows show the same.
    await expectDrawn(table.locator("tbody tr", { has: page.locator(`th:text-is("${first}")`) }));
    await expect(names.first()).toHaveText(first);
    await expectDrawn(table.locator("tbody tr").last());
    await expect(names.last()).toHaveText(last);
    await page.evaluate(() => scrollTo(0, 0));
  }
});

test("the page has its true height from the start, and skipping the table keeps it", async ({ page }) => {
  // The table is skipped only once the page's first frame is drawn, so it
  // has been laid out once; a skipped table keeps the height it last had.
  await page.setViewportSize({ width: 1280, height: 720 });
  await openHundred(page);
  await page.reload(); // the hundred activities are saved: they open at once
  await expect(activity(page, COUNT)).toBeVisible();
  await expect.poll(() => skipped(page)).toBe(true);
  const height = () => page.evaluate(() => document.querySelector(".app").getBoundingClientRect().height);
  const skippedHeight = await height();
  await page.setViewportSize({ width: 1280, height: 20000 });
  await expect.poll(() => skipped(page)).toBe(false);
  expect(await height()).toBe(skippedHeight);
  await page.setViewportSize({ width: 1280, height: 720 });
  await expect.poll(() => skipped(page)).toBe(true);
  expect(await height()).toBe(skippedHeight);
});

/** Types `value` into row 50's results and returns the table's first name
 * as the edit's frame begins (the frame callback asked for right after the
 * edit runs before the widget's own). */
const editInFrame = (page, value) =>
  activity(page, 50).getByRole("textbox", { name: /^Results/ }).evaluate(
    (input, value) =>
      new Promise((resolve) => {
        input.value = value;
        input.dispatchEvent(new Event("input", { bubbles: true }));
        requestAnimationFrame(() =>
          resolve(document.querySelector('[data-testid="breakdown-table"] tbody th[scope=row]').textContent),
        );
      }),
    value,
  );

test("an edit rewrites the table in its own frame when the table is on screen, and just after it when the table is skipped", async ({ page }) => {
  test.slow(); // 100 pasted rows
  await page.setViewportSize({ width: 1280, height: 720 });
  await openHundred(page);
  const table = page.getByTestId("breakdown-table");
  const first = table.locator("tbody th[scope=row]").first();
  await expect(first).toHaveText("Channel 100");

  // Far below the edited row, skipped: the edit's frame leaves the table as
  // it was, and it is right just after.
  await expect.poll(() => skipped(page)).toBe(true);
  expect(await editInFrame(page, "10000000")).toBe("Channel 100");
  await expect(first).toHaveText("Channel 50");
  expect(await editInFrame(page, "1")).toBe("Channel 50");
  await expect(first).toHaveText("Channel 100");

  // On screen: the edit's own frame shows the new first row.
  await first.scrollIntoViewIfNeeded();
  await expect.poll(() => skipped(page)).toBe(false);
  expect(await editInFrame(page, "10000000")).toBe("Channel 50");
  expect(await editInFrame(page, "1")).toBe("Channel 100");
});
