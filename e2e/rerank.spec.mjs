// An edit that re-ranks 100 activities (docs/spec.md §8: one frame, the worst
// case included). The breakdown card is not laid out or painted while it is
// far from the viewport (content-visibility: auto, styles/20-layout.css),
// and while it is skipped an edit rewrites its table in the task after the
// edit's frame (Numbers in src/view/breakdown.rs). So these tests check
// what that must never change: a table on screen is right in the very frame
// of the edit; the off-screen table is right in the DOM, in the
// accessibility tree a screen reader reads and for find in page within
// moments, it is right once scrolled to, and the page has its true height,
// skipped or not. Activity rows far from the viewport are skipped the same
// way in a list of more than 20 (styles/30-form.css): the keyboard still
// reaches them, they keep their true height, a focused field's ring is not
// clipped, and the worked example's short list is never skipped.
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

/** Whether row `n`'s fields are skipped (not laid out or painted) right now. */
const rowSkipped = (page, n) =>
  activity(page, n).evaluate((row) => !row.querySelector("input").checkVisibility({ contentVisibilityAuto: true }));

test("rows far from the viewport are skipped, the keyboard reaches them, and only the breakdown sets its mark", async ({ page }) => {
  test.slow(); // 100 pasted rows
  await page.setViewportSize({ width: 1280, height: 720 });
  await openHundred(page);
  await page.evaluate(() => scrollTo(0, 0));
  await expect.poll(() => rowSkipped(page, 61)).toBe(true);
  expect(await rowSkipped(page, 100)).toBe(true);

  // Tab from row 60's last field: focus lands in the skipped row 61, which
  // is scrolled to and drawn.
  await activity(page, 60).getByRole("textbox", { name: /^Results/ }).evaluate((input) => input.focus({ preventScroll: true }));
  await page.keyboard.press("Tab"); // row 60's remove button
  await page.keyboard.press("Tab");
  const name61 = activity(page, 61).getByRole("textbox", { name: /^Name/ });
  await expect(name61).toBeFocused();
  await expect(name61).toBeInViewport();
  await expect.poll(() => rowSkipped(page, 61)).toBe(false);
  await page.keyboard.press("End"); // Tab selected the name
  await page.keyboard.type(" and more");
  await expect(name61).toHaveValue("Channel 61 and more");

  // The rows say when they are skipped too; the mark that the breakdown
  // reads follows the breakdown alone.
  const marked = () => page.evaluate(() => document.documentElement.hasAttribute("data-skipped"));
  await page.getByTestId("breakdown-table").scrollIntoViewIfNeeded();
  await expect.poll(() => skipped(page)).toBe(false);
  await expect.poll(() => rowSkipped(page, 1)).toBe(true);
  expect(await marked()).toBe(false);
  await page.evaluate(() => scrollTo(0, 0));
  await expect.poll(() => skipped(page)).toBe(true);
  await expect.poll(marked).toBe(true);
  // Rows come into view while the table stays far below: still marked.
  await activity(page, 30).evaluate((row) => row.scrollIntoView());
  await expect.poll(() => rowSkipped(page, 30)).toBe(false);
  expect(await skipped(page)).toBe(true);
  expect(await marked()).toBe(true);
  await page.getByTestId("breakdown-table").scrollIntoViewIfNeeded();
  await expect.poll(marked).toBe(false);
});

for (const width of [1280, 390]) {
  test(`rows that were never drawn take a row's true height, ${width} px wide`, async ({ page }) => {
    test.slow(); // 100 pasted rows
    await page.setViewportSize({ width, height: 720 });
    await openHundred(page);
    await page.evaluate(() => scrollTo(0, 0));
    // Pasted while row 1 had focus: the rows far below were never drawn.
    await expect.poll(() => rowSkipped(page, COUNT)).toBe(true);
    const height = () => page.evaluate(() => document.querySelector(".activities__list").getBoundingClientRect().height);
    const skippedHeight = await height();
    await page.setViewportSize({ width, height: 40000 });
    await expect.poll(() => rowSkipped(page, COUNT)).toBe(false);
    expect(await height()).toBe(skippedHeight);
  });
}

for (const width of [1280, 320]) {
  test(`a focused field's ring stays inside its row, which clips at its padding, ${width} px wide`, async ({ page }) => {
    test.slow(); // 100 pasted rows
    await page.setViewportSize({ width, height: 900 });
    await openHundred(page);
    const row = activity(page, 2);
    // A long list's rows are skippable, so they clip what they paint.
    expect(await row.evaluate((row) => getComputedStyle(row).contentVisibility)).toBe("auto");
    await row.getByRole("textbox", { name: /^Name/ }).focus();
    // Keyboard focus, so that buttons show their ring too (:focus-visible).
    await page.keyboard.press("Shift+Tab");
    for (let field = 0; field < 5; field++) {
      await page.keyboard.press("Tab");
      const outside = await row.evaluate((row) => {
        const el = document.activeElement;
        const style = getComputedStyle(el);
        const ring = parseFloat(style.outlineWidth) + parseFloat(style.outlineOffset);
        const box = el.getBoundingClientRect();
        const own = getComputedStyle(row);
        const clip = row.getBoundingClientRect();
        const inset = (side) => parseFloat(own[`border${side}Width`]);
        return {
          field: el.getAttribute("aria-label") ?? el.labels?.[0]?.textContent ?? el.tagName,
          inRow: row.contains(el),
          shown: style.outlineStyle !== "none" && ring > 0,
          over: Math.max(
            clip.left + inset("Left") - (box.left - ring),
            box.right + ring - (clip.right - inset("Right")),
            clip.top + inset("Top") - (box.top - ring),
            box.bottom + ring - (clip.bottom - inset("Bottom")),
          ),
        };
      });
      expect(outside.inRow, `field ${field + 1} of the row has focus`).toBe(true);
      expect(outside.shown, `${outside.field} shows a focus ring`).toBe(true);
      expect(outside.over, `${outside.field}: pixels of its ring outside the row's padding box`).toBeLessThanOrEqual(0);
    }
  });
}

test("the worked example's short list is never skipped, even far below the viewport", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 300 });
  await openWidget(page);
  await page.waitForSelector("body[data-drawn]");
  await expect.poll(() => skipped(page)).toBe(true); // the rule is in force: the table far below is skipped
  for (let n = 1; n <= 8; n++) expect(await rowSkipped(page, n), `row ${n}`).toBe(false);
});
