// The main flows in every language of LANGUAGES, through the words of that
// language's catalog (docs/spec.md §7, §9): entering activities, the
// score, the share link opened in another language, the exports, the
// import, axe-core; then axe in the pseudo-locales, ar-XB right to left, the
// layout at 320 and 1280 px in the longest language and en-XA, and the
// menus' choices in every language.
// Every word expected comes from the catalog (`words`), every number from
// the page's own `Intl` (`formatted`): a view that kept an English word, or
// wrote a number the English way, fails here in the other languages.
import { mkdir, readFile } from "node:fs/promises";
import { test, expect, axeViolations } from "./fixtures.mjs";
import { LANGUAGES, LONGEST, formatted, served, words } from "./languages.mjs";

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
    words(tag, "activity.kind.community"),
    n.hours,
    n.results,
    n.share,
    n.share,
    n.time,
    n.perHour,
    /×$/,
  ]);
}

// The audience signals typed in the score step, by their catalog keys.
// Conversation (20 + 20) / 60 = 67 %, past the 40 % target: 100. Loyalty
// 25 / 50 = 50 %, past 40 %: 100. Advocacy 30 / 50 = 60 %, past 50 %: 100.
const SIGNALS = {
  "signals.likes": 20,
  "signals.comments": 20,
  "signals.shares": 20,
  "signals.customers": 50,
  "signals.repeat": 25,
  "signals.referred": 30,
};

/**
 * Checks the score card of ROWS in `tag`'s words. Before the signals
 * (`full` false): time on community 7 / 19 h = 36.8 % (weight 20) and
 * results from community 2,050 / 2,500 = 82 % (weight 25) give
 * (736.8 + 2,050) / 45 = 61.9: 62, a growing community, on 2 of 5 signals.
 * With SIGNALS (`full`), conversation (weight 15), loyalty and advocacy
 * (20 each) at 100: (736.8 + 2,050 + 1,500 + 2,000 + 2,000) / 100 = 82.9:
 * 83, a community, on 5 of 5. The biggest lever is time on community
 * either way (20 x 63.2 of weighted headroom).
 */
async function expectScore(page, tag, full) {
  const [value, band, used] = full ? [83, "community", 5] : [62, "growing_community", 2];
  const n = await formatted(page, tag, { value: ["number", value], max: ["number", 100], used: ["number", used], all: ["number", 5] });
  const meter = page.getByRole("meter", { name: words(tag, "score.meter.name"), exact: true });
  await expect(meter).toHaveAttribute("aria-valuenow", String(value));
  await expect(meter).toHaveAttribute(
    "aria-valuetext",
    words(tag, "score.meter.value", { value: n.value, max: n.max, band: words(tag, `score.band.${band}`) }),
  );
  await expect(meter.locator(".meter__band")).toHaveText(words(tag, `score.band.${band}`));
  await expect(page.locator(".meter__basis")).toHaveText(
    words(tag, full ? "score.basis" : "score.basis_partial", { count: n.used, total: n.all }),
  );
  await expect(page.getByRole("heading", { name: words(tag, "score.title"), exact: true })).toBeVisible();
  // The vital few: Workshops (community) and Reels (following).
  await expect(page.locator(".score__vital")).toHaveText(words(tag, "score.vital.some", { count: 1, total: 2 }));
  await expect(page.getByTestId("biggest-lever").locator(".lever__title")).toHaveText(
    words(tag, "score.lever.title", { signal: words(tag, "score.signal.time") }),
  );
  await expect(page.getByTestId("biggest-lever").locator(".lever__headline")).toHaveText(
    words(tag, "score.advice.time.headline"),
  );
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

/** axe's violations with every disclosure open. */
async function violations(page) {
  const closed = page.locator("details:not([open]) > summary");
  while (await closed.count()) await closed.first().click();
  return axeViolations(page);
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

      await test.step("the score: its band, the signals typed by their labels, the lever, the panel", async () => {
        await expectScore(page, tag, false);
        for (const [key, value] of Object.entries(SIGNALS)) {
          await page.getByRole("textbox", { name: words(tag, key), exact: true }).fill(String(value));
        }
        await expectScore(page, tag, true);
        // "How is this calculated?", opened by its name.
        const how = page.locator("details.how");
        await expect(how).not.toHaveAttribute("open");
        await page.getByText(words(tag, "score.how.summary"), { exact: true }).click();
        await expect(how).toHaveAttribute("open");
        const region = how.getByRole("region", { name: words(tag, "score.how.table"), exact: true });
        await expect(region).toBeVisible();
        const signals = ["time", "results", "conversation", "loyalty", "advocacy"];
        await expect(region.locator("tbody th")).toHaveText(signals.map((s) => words(tag, `score.signal.${s}`)));
        await expect(region.locator("tfoot th")).toHaveText(words(tag, "score.how.total"));
        const r = await formatted(page, tag, { 0: ["number", 0], 39: ["number", 39], 40: ["number", 40], 69: ["number", 69], 70: ["number", 70], 100: ["number", 100] });
        await expect(how.getByText(words(tag, "score.how.bands", {
          following: `${r[0]}–${r[39]}`,
          growing: `${r[40]}–${r[69]}`,
          community: `${r[70]}–${r[100]}`,
        }), { exact: true })).toBeVisible();
        await expect(how.getByRole("heading", { name: words(tag, "score.how.sources"), exact: true })).toBeVisible();
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
        await expectScore(opened, other, true);
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
      const decimal = (await formatted(page, tag, { d: ["number", 2.5] })).d;
      await expect(outcome.locator("li")).toHaveText([
        words(tag, "problem.import.row", {
          row: 2,
          problem: words(tag, "problem.import.hours_not_a_number", { text: "abc", decimal }),
        }),
        words(tag, "problem.import.row", {
          row: 3,
          problem: words(tag, "problem.import.results_negative", { text: "-5" }),
        }),
      ]);
      await expect(nameOf(1)).toHaveValue("Podcasts");
      await expect(row(page, tag, 1).getByRole("combobox", { name: words(tag, "activities.type") })).toHaveValue("community");
      await expect(page.getByRole("status")).toContainText(first);

      // Two good, one bad: two added, one to fix.
      await paste.fill(["Live streams\t6\t1000", "Pinterest\t2,5\t80\tfollowing", "\t3\t30"].join("\n"));
      await add.click();
      const second = `${words(tag, "import.added", { count: 2 })} ${words(tag, "import.to_fix", { count: 1 })}`;
      await expect(outcome.locator("p").first()).toHaveText(second);
      await expect(outcome.locator("li")).toHaveText([
        words(tag, "problem.import.row", { row: 3, problem: words(tag, "problem.import.name_missing") }),
      ]);
      await expect(nameOf(2)).toHaveValue("Live streams");
      await expect(nameOf(3)).toHaveValue("Pinterest");
      // "2,5" read as two and a half hours, not 25 (the field shows it as
      // the editor writes numbers; which mark it uses is not this test's).
      await expect(
        row(page, tag, 3).getByRole("textbox", { name: words(tag, "page.hours_per_month"), exact: true }),
      ).toHaveValue(/^2[.,]5$/);
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
    await mkdir(SHOTS, { recursive: true });
    await page.screenshot({ path: new URL("every-language-ar-XB.png", SHOTS).pathname });
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

/**
 * The choices of the visible menus (`<select>`) whose words do not fit in
 * the menu: each option's text, measured in the menu's font, against the
 * menu's content box less the part of the arrow that lies beyond its
 * padding. The arrow's room is Chromium's own: what a copy of the menu with
 * an empty option takes at its natural width, less its padding and border
 * (20 px here, 8 of them past the 12 px padding). So a type menu of 134 px
 * inside shows 102 px of text: "Comunidade" (101 px) whole, "Communauté"
 * (108 px) under the arrow, as the screenshots show.
 */
function clippedChoices() {
  const context = document.createElement("canvas").getContext("2d");
  const px = (value) => parseFloat(value) || 0;
  const clipped = [];
  for (const menu of document.querySelectorAll("select")) {
    const box = menu.getBoundingClientRect();
    if (box.width <= 1 || box.height <= 1) continue;
    const style = getComputedStyle(menu);
    context.font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    const probe = menu.cloneNode(false);
    probe.removeAttribute("id");
    probe.append(new Option(""));
    Object.assign(probe.style, { position: "absolute", visibility: "hidden", width: "auto", minWidth: "0", maxWidth: "none" });
    menu.after(probe);
    const padding = px(style.paddingLeft) + px(style.paddingRight);
    const arrow = probe.getBoundingClientRect().width - padding - px(style.borderLeftWidth) - px(style.borderRightWidth);
    probe.remove();
    const room = menu.clientWidth - padding - Math.max(0, arrow - px(style.paddingRight));
    const label = document.querySelector(`label[for="${menu.id}"]`)?.textContent.trim();
    for (const option of menu.options) {
      const needed = context.measureText(option.text).width;
      if (needed > room) clipped.push(`${label}: "${option.text}" is ${Math.ceil(needed)} px wide, the menu shows ${Math.floor(room)} px`);
    }
  }
  return [...new Set(clipped)];
}

/** Opens the busiest screen in `tag` at `width`: the example loaded again
 *  (so the undo bar shows), the link copied, every disclosure open. */
async function busiest(page, context, request, tag, width) {
  await context.grantPermissions(CLIPBOARD);
  const say = LANGUAGES.includes(tag) ? (key, args) => words(tag, key, args) : await served(request, tag);
  await page.setViewportSize({ width, height: 900 });
  await page.goto(`?lang=${tag}`);
  await expect(page.locator("html")).toHaveAttribute("lang", tag);
  await page.getByRole("button", { name: say("page.clear_all"), exact: true }).click();
  await page.getByRole("button", { name: say("page.show_example"), exact: true }).click();
  await expect(page.getByRole("group", { name: say("activities.group", { number: 8 }), exact: true })).toBeVisible();
  await page.getByRole("button", { name: say("share.copy"), exact: true }).click();
  await expect(page.getByText(say("share.copied"), { exact: true })).toBeVisible();
  const closed = page.locator("details:not([open]) > summary");
  while (await closed.count()) await closed.first().click();
}

test.describe("layout", () => {
  for (const tag of [LONGEST, "en-XA"]) {
    for (const width of [320, 1280]) {
      test(`${tag} at ${width} px: no sideways scroll, no clipped button, nothing out of its card`, async ({ page, context, request }) => {
        await busiest(page, context, request, tag, width);
        await mkdir(SHOTS, { recursive: true });
        const shot = (name) => new URL(`every-language-${tag}-${width}${name}.png`, SHOTS).pathname;
        await page.screenshot({ path: shot(""), fullPage: true });
        // The page also in screen-sized parts, to look at.
        const height = await page.evaluate(() => document.documentElement.scrollHeight);
        for (let y = 0, part = 1; y < height; y += 1200, part++) {
          const clip = { x: 0, y, width, height: Math.min(1200, height - y) };
          await page.screenshot({ path: shot(`-part${part}`), fullPage: true, clip });
        }
        expect(await page.evaluate(layoutProblems)).toEqual([]);
      });
    }
  }

  for (const tag of [...LANGUAGES, "en-XA"]) {
    for (const width of [320, 1280]) {
      test(`${tag} at ${width} px: every menu shows each of its choices whole`, async ({ page, context, request }) => {
        await busiest(page, context, request, tag, width);
        expect(await page.evaluate(clippedChoices)).toEqual([]);
      });
    }
  }
});
