// The main flows in every language of LANGUAGES, through the words of that
// language's catalog (docs/spec.md §7, §9): entering activities, the share
// link opened in another language, the exports, the import, axe-core, and
// the layout at 320 px in the longest language and in the pseudo-locales.
// Every word expected comes from the catalog (`words`), every number from
// the page's own `Intl` (`formatted`): a view that kept an English word, or
// wrote a number the English way, fails here in the other languages.
import { mkdir, readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { test, expect } from "./fixtures.mjs";
import { LANGUAGES, LONGEST, formatted, served, words } from "./languages.mjs";

const require = createRequire(import.meta.url);
const AXE_SOURCE = await readFile(require.resolve("axe-core/axe.min.js"), "utf8");
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"];
const CLIPBOARD = ["clipboard-read", "clipboard-write"];
const SHOTS = new URL("./results/", import.meta.url);

// The tests of a language share nothing with another's: two workers.
test.describe.configure({ mode: "parallel" });

/** The machine header of docs/spec.md §6, the same in every language. */
const CSV_HEADER =
  "rank,activity,type,hours,results,result_share_pct,cumulative_share_pct,time_share_pct,results_per_hour,leverage,group";

// Three activities, entered in this order: [name, hours, results, type].
// Ranked: Workshops 1,800 (72 %), Reels 450 (18 %, 90 % cumulative),
// Newsletter 250 (10 %). Total 2,500 results in 19 hours. The vital few at
// 80 %: Workshops and Reels, 2 of 3 activities (67 %), 90 % of the results
// in 16.5 of 19 hours (87 %). The trivial many: 2.5 hours, 10 %. The hours
// have decimals, so that the decimal mark of each language shows.
const ROWS = [
  ["Workshops", 4.5, 1800, "community"],
  ["Reels", 12, 450, "following"],
  ["Newsletter", 2.5, 250, "community"],
];

/** The next language of LANGUAGES, to open a link made in `tag`. */
const nextLanguage = (tag) => LANGUAGES[(LANGUAGES.indexOf(tag) + 1) % LANGUAGES.length];

/** Opens the widget in `tag` (and `hash`) and waits until it has rendered. */
async function open(page, tag, hash = "") {
  await page.goto(`?lang=${tag}${hash}`);
  await expect(page.locator("html")).toHaveAttribute("lang", tag);
  await expect(page.getByRole("button", { name: words(tag, "activities.add"), exact: true })).toBeVisible();
}

/** The row group "Activity n" in the words of `tag`. */
const row = (page, tag, n) =>
  page.getByRole("group", { name: words(tag, "activities.group", { number: n }), exact: true });

/** The headline and its detail, in `tag`'s words with the page's numbers,
 *  for the scenario of ROWS (a month, threshold 80 %). */
async function expectedHeadline(page, tag) {
  const n = await formatted(page, tag, {
    vital: ["number", 2],
    total: ["number", 3],
    share: ["percent", 2 / 3],
    results: ["percent", 0.9],
    time: ["percent", 16.5 / 19],
    trivialHours: ["number", 2.5],
    trivialShare: ["percent", 0.1],
  });
  return {
    main: words(tag, "headline.vital", {
      count: n.vital,
      total: n.total,
      share: n.share,
      results: n.results,
      time: n.time,
    }, 2),
    detail: words(tag, "headline.trivial_month", { count: n.trivialHours, share: n.trivialShare }, 2.5),
  };
}

/** Checks the headline and the breakdown table of ROWS in `tag`'s words. */
async function expectBreakdown(page, tag) {
  const { main, detail } = await expectedHeadline(page, tag);
  await expect(page.getByTestId("headline")).toHaveText(main);
  await expect(page.locator(".insight__detail")).toHaveText(detail);
  await expect(page.getByRole("heading", { name: words(tag, "breakdown.title"), exact: true })).toBeVisible();
  const table = page.getByRole("table", { name: words(tag, "breakdown.caption"), exact: true });
  await expect(table).toBeVisible();
  const n = await formatted(page, tag, {
    two: ["number", 2],
    one: ["number", 1],
    vital: ["percent", 0.9],
    trivial: ["percent", 0.1],
    threshold: ["percent", 0.8],
    hours: ["number", 4.5],
    results: ["money", 1800],
    share: ["precise", 0.72],
    time: ["precise", 4.5 / 19],
    perHour: ["money", 400],
  });
  await expect(table.locator(".breakdown__group-head")).toHaveText([
    words(tag, "breakdown.vital_group", { count: n.two, share: n.vital, threshold: n.threshold }, 2),
    words(tag, "breakdown.trivial_group", { count: n.one, share: n.trivial }, 1),
  ]);
  await expect(table.locator("thead th")).toHaveText(
    ["rank", "activity", "type", "hours", "results", "result_share", "cumulative", "time_share", "per_hour", "leverage"].map(
      (column) => words(tag, `breakdown.col_${column}`),
    ),
  );
  // The first row, Workshops: the type in words, every number for the locale.
  await expect(table.locator("tbody tr:not(.breakdown__group-head)").first().locator("td, th")).toHaveText([
    "1",
    "Workshops",
    words(tag, "breakdown.type_community"),
    n.hours,
    n.results,
    n.share,
    n.share,
    n.time,
    n.perHour,
    /×$/,
  ]);
}

/** Downloads what the button named `name` saves: its name and text. */
async function download(page, name) {
  const [file] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name, exact: true }).click(),
  ]);
  return { name: file.suggestedFilename(), text: await readFile(await file.path(), "utf8") };
}

/** Every key of a JSON value, at any depth. */
function keysOf(value, into = new Set()) {
  if (Array.isArray(value)) for (const item of value) keysOf(item, into);
  else if (value && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      into.add(key);
      keysOf(item, into);
    }
  }
  return into;
}

/** Every value of `key` at any depth of a JSON value. */
function valuesOf(value, key, into = []) {
  if (Array.isArray(value)) for (const item of value) valuesOf(item, key, into);
  else if (value && typeof value === "object") {
    for (const [k, item] of Object.entries(value)) {
      if (k === key) into.push(item);
      valuesOf(item, key, into);
    }
  }
  return into;
}

/** Runs axe with the WCAG 2.2 A and AA rules (as e2e/a11y.spec.mjs does),
 *  with every disclosure open. */
async function violations(page) {
  const closed = page.locator("details:not([open]) > summary");
  while (await closed.count()) await closed.first().click();
  await page.evaluate(AXE_SOURCE);
  const result = await page.evaluate(
    (tags) => window.axe.run(document, { runOnly: { type: "tag", values: tags } }),
    TAGS,
  );
  return result.violations.map((v) => ({
    rule: v.id,
    nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(" ")}: ${n.failureSummary}`),
  }));
}

for (const tag of LANGUAGES) {
  test.describe(`in ${tag}`, () => {
    test(`${tag}: enter activities, share the link into ${nextLanguage(tag)}, export`, async ({ page, context, visitor }) => {
      await context.grantPermissions(CLIPBOARD);
      await open(page, tag);

      await test.step("an empty form, then three activities typed by their labels", async () => {
        await page.getByRole("button", { name: words(tag, "page.clear_all"), exact: true }).click();
        await expect(page.locator(".undo-bar__text")).toHaveText(words(tag, "undone.cleared"));
        await expect(page.getByTestId("headline")).toHaveText(words(tag, "headline.start"));
        await expect(row(page, tag, 2)).toHaveCount(0);
        const hoursLabel = words(tag, "page.hours_per_month");
        const resultsLabel = words(tag, "page.results_in", { unit: "USD" });
        const typed = await formatted(page, tag, Object.fromEntries(ROWS.map(([name, hours]) => [name, ["number", hours]])));
        for (const [i, [name, hours, results, type]] of ROWS.entries()) {
          if (i > 0) await page.getByRole("button", { name: words(tag, "activities.add"), exact: true }).click();
          const group = row(page, tag, i + 1);
          await group.getByRole("textbox", { name: words(tag, "activities.name"), exact: true }).fill(name);
          // Hours as the visitor's language writes them: "4,5" in German.
          await group.getByRole("textbox", { name: hoursLabel, exact: true }).fill(typed[name]);
          await group.getByRole("textbox", { name: resultsLabel, exact: true }).fill(String(results));
          const select = group.getByRole("combobox", { name: words(tag, "activities.type"), exact: true });
          await expect(select.locator("option")).toHaveText([
            words(tag, "activity.kind.following"),
            words(tag, "activity.kind.community"),
          ]);
          await select.selectOption({ label: words(tag, `activity.kind.${type}`) });
          await expect(select).toHaveValue(type);
        }
        await expectBreakdown(page, tag);
        // Screen readers hear the same words once the typing settles.
        const { main } = await expectedHeadline(page, tag);
        await expect(page.getByRole("status")).toContainText(main.replace(/\s+/g, " "), { timeout: 5_000 });
      });

      let link;
      await test.step("the copy-link button, its notice, and the link", async () => {
        await page.getByRole("button", { name: words(tag, "share.copy"), exact: true }).click();
        await expect(page.getByText(words(tag, "share.copied"), { exact: true })).toBeVisible();
        await expect(page.getByRole("status")).toContainText(words(tag, "notice.link_copied"));
        link = await page.evaluate(() => navigator.clipboard.readText());
        expect(link).toMatch(/#s=1[A-Za-z0-9_-]+$/);
        // The link holds no language: the visitor who opens it chooses.
        expect(new URL(link).search).toBe("");
      });

      const other = nextLanguage(tag);
      let opened;
      await test.step(`the link opens in ${other}, with the same numbers in ${other}'s words`, async () => {
        opened = await visitor({ permissions: CLIPBOARD });
        const url = new URL(link);
        url.search = `?lang=${other}`;
        await open(opened, other, url.hash);
        await expect(opened.getByTestId("shared-banner")).toContainText(words(other, "share.shared_title"));
        await expect(
          opened.getByRole("button", { name: words(other, "share.keep"), exact: true }),
        ).toBeVisible();
        await expectBreakdown(opened, other);
        await expect(
          row(opened, other, 1).getByRole("textbox", { name: words(other, "activities.name"), exact: true }),
        ).toHaveValue("Workshops");
        // The same link in every language (docs/spec.md §9).
        await opened.getByRole("button", { name: words(other, "share.copy"), exact: true }).click();
        await expect(opened.getByText(words(other, "share.copied"), { exact: true })).toBeVisible();
        expect(await opened.evaluate(() => navigator.clipboard.readText())).toBe(link);
      });

      await test.step("Export CSV: the file named in the language, the columns in none", async () => {
        const date = await page.evaluate(() => {
          const now = new Date();
          const two = (n) => String(n).padStart(2, "0");
          return `${now.getFullYear()}-${two(now.getMonth() + 1)}-${two(now.getDate())}`;
        });
        const csv = await download(page, words(tag, "export.csv"));
        expect(csv.name).toBe(`${words(tag, "export.file_breakdown", { date })}.csv`);
        await expect(page.getByRole("status")).toContainText(words(tag, "notice.downloaded", { file: csv.name }));
        const lines = csv.text.split("\r\n");
        expect(lines[0]).toBe(CSV_HEADER);
        const records = lines.slice(1, -1).map((line) => line.split(","));
        expect(records.map((r) => [r[1], r[2], r[3], r[10]])).toEqual([
          ["Workshops", "community", "4.5", "vital_few"],
          ["Reels", "following", "12", "vital_few"],
          ["Newsletter", "community", "2.5", "trivial_many"],
        ]);
        expect(lines.at(-1)).toBe("");
        // Byte for byte the file of the same numbers in the other language.
        const elsewhere = await download(opened, words(other, "export.csv"));
        expect(elsewhere.name).toBe(`${words(other, "export.file_breakdown", { date })}.csv`);
        expect(elsewhere.text).toBe(csv.text);

        const json = await download(page, words(tag, "export.json"));
        expect(json.name).toBe(`${words(tag, "export.file_report", { date })}.json`);
        const report = JSON.parse(json.text);
        expect(report.format).toBe("social8020-report");
        // Keys are machine words in every language: ASCII snake case.
        const keys = [...keysOf(report)];
        expect(keys.filter((key) => !/^[a-z][a-z0-9_]*$/.test(key))).toEqual([]);
        for (const key of ["scenario", "breakdown", "score", "share_link", "activities", "rows"]) {
          expect(keys, `the report has a "${key}"`).toContain(key);
        }
        expect(valuesOf(report.scenario, "type")).toEqual(["community", "following", "community"]);
        expect(valuesOf(report.breakdown, "group")).toEqual(["vital_few", "vital_few", "trivial_many"]);
        expect(report.share_link).toBe(link);
        const report2 = await download(opened, words(other, "export.json"));
        expect(report2.name).toBe(`${words(other, "export.file_report", { date })}.json`);
        expect(report2.text).toBe(json.text);
      });
    });

    test(`${tag}: paste rows, with the summary in the right plural`, async ({ page }) => {
      await open(page, tag);
      await page.getByRole("button", { name: words(tag, "page.clear_all"), exact: true }).click();
      await page.getByText(words(tag, "import.open"), { exact: true }).click();
      const paste = page.getByRole("textbox", { name: words(tag, "import.paste_label"), exact: true });
      const add = page.getByRole("button", { name: words(tag, "import.add_pasted"), exact: true });
      await expect(page.getByText(words(tag, "import.file_button"), { exact: true })).toBeVisible();
      const outcome = page.getByTestId("import-outcome");
      const nameOf = (n) => row(page, tag, n).getByRole("textbox", { name: words(tag, "activities.name"), exact: true });

      // One good row, two bad: one added, two to fix.
      await paste.fill(["Podcasts\t4\t1200\tcommunity", "Flyers\tabc\t10", "Stories\t2\t-5"].join("\n"));
      await add.click();
      const first = `${words(tag, "import.added", { count: 1 })} ${words(tag, "import.to_fix", { count: 2 })}`;
      await expect(outcome.locator("p").first()).toHaveText(first);
      await expect(outcome.locator("li")).toHaveCount(2);
      await expect(nameOf(1)).toHaveValue("Podcasts");
      await expect(row(page, tag, 1).getByRole("combobox", { name: words(tag, "activities.type") })).toHaveValue("community");
      await expect(page.getByRole("status")).toContainText(first);

      // Two good, one bad: two added, one to fix.
      await paste.fill(["Live streams\t6\t1000", "Pinterest\t2,5\t80\tfollowing", "\t3\t30"].join("\n"));
      await add.click();
      const second = `${words(tag, "import.added", { count: 2 })} ${words(tag, "import.to_fix", { count: 1 })}`;
      await expect(outcome.locator("p").first()).toHaveText(second);
      await expect(nameOf(2)).toHaveValue("Live streams");
      await expect(nameOf(3)).toHaveValue("Pinterest");
      await expect(
        row(page, tag, 3).getByRole("textbox", { name: words(tag, "page.hours_per_month"), exact: true }),
      ).toHaveValue("2.5");
      await expect(page.getByRole("status")).toContainText(second);

      // The import is undone in the language too.
      await expect(page.locator(".undo-bar__text")).toHaveText(words(tag, "import.added", { count: 2 }));
      await page.getByRole("button", { name: words(tag, "page.undo"), exact: true }).click();
      await expect(row(page, tag, 2)).toHaveCount(0);
      await expect(nameOf(1)).toHaveValue("Podcasts");
    });

    test(`${tag}: no axe violations in the worked example`, async ({ page }) => {
      await open(page, tag);
      await expect(row(page, tag, 8)).toBeVisible();
      expect(await violations(page)).toEqual([]);
    });
  });
}

test.describe("pseudo-locales", () => {
  for (const tag of ["en-XA", "ar-XB"]) {
    test(`${tag}: no axe violations in the worked example`, async ({ page, request }) => {
      const pseudo = await served(request, tag);
      await page.goto(`?lang=${tag}`);
      await expect(page.locator("html")).toHaveAttribute("lang", tag);
      await expect(page.getByRole("group", { name: pseudo("activities.group", { number: 8 }), exact: true })).toBeVisible();
      expect(await violations(page)).toEqual([]);
    });
  }

  test("ar-XB: the page is right to left, and its text starts at the right", async ({ page, request }) => {
    const pseudo = await served(request, "ar-XB");
    await page.goto("?lang=ar-XB");
    await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
    const heading = page.getByRole("heading", { name: pseudo("activities.title"), exact: true });
    await expect(heading).toBeVisible();
    // Where the heading's text lies in its card: against the right edge
    // (after the card's padding), far from the left one.
    const { text, content } = await heading.evaluate((h) => {
      const range = document.createRange();
      range.selectNodeContents(h);
      const card = h.closest(".card");
      const style = getComputedStyle(card);
      const box = card.getBoundingClientRect();
      return {
        text: range.getBoundingClientRect().toJSON(),
        content: {
          left: box.left + parseFloat(style.borderLeftWidth) + parseFloat(style.paddingLeft),
          right: box.right - parseFloat(style.borderRightWidth) - parseFloat(style.paddingRight),
        },
      };
    });
    expect(Math.abs(content.right - text.right), "the text ends at the card's right edge").toBeLessThanOrEqual(2);
    expect(text.left - content.left, "and leaves room on the left").toBeGreaterThan(40);
    // The add button and the first field of a row follow the same way.
    const add = await page.getByRole("button", { name: pseudo("activities.add"), exact: true }).boundingBox();
    const list = await page.locator(".activities__list").boundingBox();
    expect(list.x + list.width - (add.x + add.width)).toBeLessThan(add.x - list.x);
  });
});

/** What sticks out at this width: sideways scrolling of the page, clipped
 *  button or label texts, and boxes or texts that leave their card. */
function layoutProblems() {
  const describe = (el) => {
    const id = el.id ? `#${el.id}` : "";
    const classes = typeof el.className === "string" && el.className ? `.${el.className.trim().split(/\s+/).join(".")}` : "";
    const text = (el.textContent || el.getAttribute("aria-label") || "").trim().replace(/\s+/g, " ").slice(0, 50);
    return `${el.tagName.toLowerCase()}${id}${classes} "${text}"`;
  };
  const shown = (el) => {
    const r = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    return r.width > 1 && r.height > 1 && style.visibility !== "hidden" && style.clip !== "rect(0px, 0px, 0px, 0px)";
  };
  const scrolls = (el) => ["auto", "scroll"].includes(getComputedStyle(el).overflowX);
  const problems = [];
  const width = document.documentElement.scrollWidth;
  if (width > innerWidth) problems.push(`the page scrolls sideways: ${width} px in ${innerWidth} px`);
  for (const el of document.querySelectorAll("button, .button, a, label, summary")) {
    if (shown(el) && el.scrollWidth > el.clientWidth + 1) {
      problems.push(`clipped: ${describe(el)} (${el.scrollWidth} px of text in ${el.clientWidth} px)`);
    }
  }
  for (const card of document.querySelectorAll(".card, .insight, .undo-bar, .banner")) {
    if (!shown(card)) continue;
    const box = card.getBoundingClientRect();
    const out = (r) => r.width > 0 && (r.left < box.left - 1 || r.right > box.right + 1);
    const inScroller = (node) => {
      for (let el = node.parentElement; el && el !== card; el = el.parentElement) if (scrolls(el)) return true;
      return false;
    };
    for (const el of card.querySelectorAll("*")) {
      if (shown(el) && !inScroller(el) && out(el.getBoundingClientRect())) {
        problems.push(`out of ${describe(card).slice(0, 40)}…: ${describe(el)}`);
      }
    }
    const walker = document.createTreeWalker(card, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!node.textContent.trim() || inScroller(node) || !shown(node.parentElement)) continue;
      range.selectNodeContents(node);
      if (out(range.getBoundingClientRect())) {
        problems.push(`text out of ${describe(card).slice(0, 40)}…: "${node.textContent.trim().slice(0, 50)}"`);
      }
    }
  }
  return [...new Set(problems)];
}

test.describe("layout", () => {
  for (const tag of [LONGEST, "en-XA"]) {
    for (const width of [320, 1280]) {
      test(`${tag} at ${width} px: no sideways scroll, no clipped button, nothing out of its card`, async ({ page, context, request }) => {
        await context.grantPermissions(CLIPBOARD);
        const say = LANGUAGES.includes(tag) ? (key, args) => words(tag, key, args) : await served(request, tag);
        await page.setViewportSize({ width, height: 900 });
        await page.goto(`?lang=${tag}`);
        await expect(page.locator("html")).toHaveAttribute("lang", tag);
        // The busiest screen: the example loaded again (so the undo bar
        // shows), the link copied, every disclosure open.
        await page.getByRole("button", { name: say("page.clear_all"), exact: true }).click();
        await page.getByRole("button", { name: say("page.show_example"), exact: true }).click();
        await expect(page.getByRole("group", { name: say("activities.group", { number: 8 }), exact: true })).toBeVisible();
        await page.getByRole("button", { name: say("share.copy"), exact: true }).click();
        await expect(page.getByText(say("share.copied"), { exact: true })).toBeVisible();
        const closed = page.locator("details:not([open]) > summary");
        while (await closed.count()) await closed.first().click();
        await mkdir(SHOTS, { recursive: true });
        const shot = (name) => new URL(`every-language-${tag}-${width}${name}.png`, SHOTS).pathname;
        await page.screenshot({ path: shot(""), fullPage: true });
        // The phone's page, also in screen-sized parts, to look at.
        const height = await page.evaluate(() => document.documentElement.scrollHeight);
        for (let y = 0, part = 1; width < 400 && y < height; y += 1200, part++) {
          const clip = { x: 0, y, width, height: Math.min(1200, height - y) };
          await page.screenshot({ path: shot(`-part${part}`), fullPage: true, clip });
        }
        expect(await page.evaluate(layoutProblems)).toEqual([]);
      });
    }
  }
});
