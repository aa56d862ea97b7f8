//! Exports: the breakdown as CSV and the whole result as a JSON report
//! (docs/spec.md §6), and the names of the files they are saved under.
//! While a visitor compares with an earlier result, also the comparison
//! as CSV ([`comparison_csv`]) and the report with its `comparison` object
//! ([`comparison_report_json`]), docs/spec.md §10.
//!
//! Both exports read their figures from the [`Analysis`] (the
//! [`Breakdown`] and the [`Score`]) that the screen shows, so a file never
//! disagrees with the page. They only
//! round and spell: hours and results exactly as entered, every other figure
//! rounded half up to at most two decimals.
//!
//! ```
//! use social8020_core::{example, export, pareto};
//!
//! let breakdown = pareto::breakdown(example::bakery()).unwrap();
//! let csv = export::breakdown_csv(&breakdown);
//! let mut lines = csv.split("\r\n");
//! assert_eq!(lines.next(), Some(export::CSV_COLUMNS.join(",").as_str()));
//! assert_eq!(
//!     lines.next(),
//!     Some("1,Replying to comments and messages,community,6,5200,35.99,35.99,7.79,866.67,4.62,vital_few"),
//! );
//! assert_eq!(export::file_name("2026-11-25", "csv"), "social-80-20-2026-11-25.csv");
//! ```
//!
//! # CSV
//!
//! The columns of [`CSV_COLUMNS`], one record per activity in ranked order,
//! as RFC 4180 has it: records end with CRLF (the last one too). Every
//! cell, the header's too, goes through one rule, [`push_csv_cell`], though
//! only an activity's name can trigger it:
//!
//! - **No cell a spreadsheet makes starts a formula.** A spreadsheet may
//!   split the file on `,`, `;` or tab, and one that splits on `;` or tab
//!   does not see the double quotes around a cell, so `x;=1+1` would give
//!   it a cell `=1+1`. So a `'` goes before every place where any of these
//!   splits could start a cell that begins (after spaces, double quotes
//!   and `'`s) with `=`, `+`, `-`, `@`, tab or carriage return (or a full-width
//!   `＝＋－＠`): the start of the text, and after every `,`, `;`, tab, CR
//!   and LF in it. `x;=1+1` is written `"x;'=1+1"`.
//! - **Quoted** in double quotes, with its own quotes doubled, when it holds
//!   `"`, `,`, `;`, tab, CR or LF.
//!
//! The import takes exactly those `'`s off again ([`restore_cell`]), so a
//! name comes back as it was, even one with a `'` of its own there. Numbers use `.` as the decimal
//! mark, no grouping and no trailing zeros (`12.5`, `50`); an empty cell
//! means "none". The text has no byte-order mark.
//!
//! # The JSON report, version 2
//!
//! One object; every field is always present, and `null` stands for
//! "none" or "not available". It holds numbers and machine names only, the
//! same in every language (docs/spec.md §9); version 1 also carried English
//! texts (`label`, `measure`, `message`). Numbers follow one convention:
//!
//! - a **share** is a percentage from 0 to 100 with at most two decimals,
//!   in a field whose name ends in `_pct`;
//! - hours, results and signals are the numbers entered (at most two
//!   decimals); results per hour, leverage, sub-scores and contributions
//!   are rounded to at most two decimals;
//! - weights are the host's numbers as given, to at most six decimals;
//! - whole numbers are written without a fraction (`50`, not `50.0`), and
//!   no number is ever NaN or infinite.
//!
//! ```text
//! {
//!   "format": "social8020-report",          always this text
//!   "version": 2,                           a new version for any change a
//!                                           reader could trip on
//!   "scenario": {
//!     "period": "month",                    "week" | "month"
//!     "unit": { "kind": "currency", "text": "USD" },   or "count", "leads"
//!     "threshold_pct": 80,
//!     "activities": [                       in entry order
//!       { "number": 1, "name": "...", "type": "following", "hours": 22,
//!         "results": 1200 } ],              type: "following" | "community"
//!     "signals": { "likes", "comments", "shares", "customers",
//!                  "repeat_customers", "referred_customers" }  number | null
//!   },
//!   "breakdown": null | {
//!     "vital_few": 3,                       how many rows, from the top
//!     "rows": [                             ranked; the CSV's columns, plus
//!       { "rank": 1, "activity_number": 2,  the activity's entry number
//!         "activity": "...", "type", "hours", "results",
//!         "result_share_pct", "cumulative_share_pct",
//!         "time_share_pct" | null, "results_per_hour" | null,
//!         "leverage" | null, "group": "vital_few" | "trivial_many" } ],
//!     "headline": { "activity_count", "vital_count", "vital_count_pct",
//!       "vital_result_pct", "vital_time_pct" | null, "trivial_hours",
//!       "trivial_result_pct", "total_hours", "total_results",
//!       "community_in_vital_few" }
//!   },
//!   "breakdown_unavailable": null | { "reason": "no_results" },
//!   "score": null | {
//!     "value": 54, "exact": 53.7,
//!     "band": { "key": "growing_community" },
//!     "signals_used": 5,                    of 5
//!     "biggest_lever": "time" | null,       a signal key
//!     "signals": [                          all five, in table order
//!       { "key": "time", "used": true,
//!         "measure_pct" | null, "sub_score" | null, "weight",
//!         "weight_share_pct", "target_pct" | null, "contribution" } ]
//!   },
//!   "score_unavailable": null | { "reason": "no_signals" },
//!   "config": {
//!     "weights": { "time", "results", "conversation", "loyalty", "advocacy" },
//!     "targets_pct": { "conversation", "loyalty", "advocacy" },
//!     "bands": { "growing": 40, "community": 70 }   where each band starts
//!   },
//!   "share_link": "https://...#s=..." | null,
//!   "comparison": null | {                  while comparing (docs/spec.md §10);
//!                                           the fields above are the now side
//!     "before": { "scenario", "breakdown", "breakdown_unavailable",
//!                 "score", "score_unavailable" },   as above, earlier side
//!     "conversion": null | { "from": "week", "to": "month" },
//!     "results_compared_as": "results" | "shares",
//!     "score": { "before", "now", "change" },       whole numbers | null
//!     "signals": [ { "key": "time", "before", "now", "change" } ],
//!                                           sub-scores, all five | null
//!     "community_hours": { "before", "now", "change" },
//!     "rows": [                             the comparison CSV's records
//!       { "activity", "status": "matched" | "new" | "dropped",
//!         "hours_before", "hours_now", "hours_change", "results_before",
//!         "results_now", "results_change",  numbers | null, as the CSV
//!         "vital_before", "vital_now",      true | false | null
//!         "move": "entered" | "left" | "stayed_in" | "stayed_out" } ]
//!   }
//! }
//! ```
//!
//! In `comparison`, figures of the before side are per the now side's
//! period, and a `change` is the difference of the two figures as written,
//! so it may be below zero. With `results_compared_as` `"shares"`, the
//! results fields are result shares in percent.
//!
//! The report has its own types, separate from the model's, so that the
//! model can change without changing the file a visitor's tools read.

use crate::analysis::Analysis;
use crate::compare::{Basis, Change, Comparison, Move, Status};
use crate::number::Amount;
use crate::pareto::{Breakdown, TOLERANCE};
use crate::scenario::{Activity, ResultUnit, Scenario};
use crate::score::{Score, ScoreConfig, Signal};

/// The CSV header, in the order of docs/spec.md §6.
pub const CSV_COLUMNS: [&str; 11] = [
    "rank",
    "activity",
    "type",
    "hours",
    "results",
    "result_share_pct",
    "cumulative_share_pct",
    "time_share_pct",
    "results_per_hour",
    "leverage",
    "group",
];

/// The `format` field of every JSON report.
pub const REPORT_FORMAT: &str = "social8020-report";
/// The `version` field of the JSON report this module writes.
pub const REPORT_VERSION: u32 = 2;

/// The stem of every exported file's name.
const FILE_STEM: &str = "social-80-20";

/// The breakdown as CSV text; see the module documentation for the format.
pub fn breakdown_csv(breakdown: &Breakdown) -> String {
    let mut out = String::new();
    push_record(&mut out, CSV_COLUMNS);
    for row in rows(breakdown) {
        let figure = |hundredths: Option<u64>| hundredths.map_or_else(String::new, spell);
        push_record(
            &mut out,
            [
                row.rank.to_string(),
                row.activity.name.clone(),
                row.activity.kind.key().to_owned(),
                row.activity.hours.to_string(),
                row.activity.results.to_string(),
                figure(row.result_share_pct),
                figure(row.cumulative_share_pct),
                figure(row.time_share_pct),
                figure(row.results_per_hour),
                figure(row.leverage),
                group(row.vital).to_owned(),
            ],
        );
    }
    out
}

/// The JSON report of a scenario: what was entered, its breakdown, its
/// score with every signal, the score settings in force and the share link.
/// See the module documentation for the schema.
///
/// A part the analysis lacks is `null` in the report, with its reason
/// beside it.
pub fn report_json(analysis: &Analysis, share_link: Option<&str>) -> String {
    report(analysis, None, share_link)
}

/// The JSON report of the scenario on screen while it is compared with an
/// earlier one (docs/spec.md §10): [`report_json`] of the now side, whose
/// `comparison` object holds the earlier side and the "Before and after"
/// table. `share_link` is the comparison link (`#s=<now>&b=<before>`).
pub fn comparison_report_json(comparison: &Comparison, share_link: Option<&str>) -> String {
    report(comparison.now(), Some(comparison), share_link)
}

fn report(
    analysis: &Analysis,
    comparison: Option<&Comparison>,
    share_link: Option<&str>,
) -> String {
    let mut json = Json::new();
    json.open('{');
    json.text("format", Some(REPORT_FORMAT));
    json.count("version", REPORT_VERSION as usize);
    write_analysis(&mut json, analysis);
    write_config(&mut json, analysis.config());
    json.text("share_link", share_link);
    match comparison {
        Some(comparison) => write_comparison(&mut json, comparison),
        None => json.raw("comparison", None),
    }
    json.close('}');
    json.out.push('\n');
    json.out
}

/// The scenario, its breakdown and its score, each with the reason when
/// it is missing.
fn write_analysis(json: &mut Json, analysis: &Analysis) {
    write_scenario(json, analysis.scenario());
    match analysis.breakdown() {
        Ok(breakdown) => write_breakdown(json, breakdown),
        Err(_) => json.raw("breakdown", None),
    }
    let no_breakdown = analysis.breakdown().err();
    unavailable(
        json,
        "breakdown_unavailable",
        no_breakdown.map(|reason| reason.key()),
    );
    match analysis.score() {
        Ok(score) => write_score(json, score),
        Err(_) => json.raw("score", None),
    }
    let no_score = analysis.score().err();
    unavailable(
        json,
        "score_unavailable",
        no_score.map(|reason| reason.key()),
    );
}

/// The name to save an export under: `social-80-20-2026-11-25.csv`.
///
/// The core has no clock, so the caller gives the date. A date that is not
/// digits and dashes (at most 10 characters) is left out, and so is an
/// extension that is not 1 to 8 ASCII letters or digits; a leading `.` on
/// the extension is allowed. The name is therefore always safe to offer
/// to a browser or a file system.
///
/// ```
/// use social8020_core::export::file_name;
/// assert_eq!(file_name("2026-11-25", "json"), "social-80-20-2026-11-25.json");
/// assert_eq!(file_name("../../etc", ".csv"), "social-80-20.csv");
/// ```
pub fn file_name(date_iso: &str, extension: &str) -> String {
    let date = date_iso.trim();
    let date_ok = (1..=10).contains(&date.len())
        && date.bytes().all(|b| b.is_ascii_digit() || b == b'-')
        && date.bytes().any(|b| b.is_ascii_digit());
    let extension = extension
        .trim()
        .strip_prefix('.')
        .unwrap_or(extension.trim());
    let extension_ok =
        (1..=8).contains(&extension.len()) && extension.bytes().all(|b| b.is_ascii_alphanumeric());
    let mut name = FILE_STEM.to_owned();
    if date_ok {
        name.push('-');
        name.push_str(date.trim_matches('-'));
    }
    if extension_ok {
        name.push('.');
        name.push_str(&extension.to_ascii_lowercase());
    }
    name
}

// ---------------------------------------------------------------------------
// Figures shared by both exports

/// One activity's line of the breakdown, with its figures already rounded
/// to hundredths, so that the CSV and the JSON report cannot differ.
struct Row<'a> {
    /// 1 for the most results.
    rank: usize,
    /// 1-based position in entry order, as "Activity N" on screen.
    number: usize,
    activity: &'a Activity,
    result_share_pct: Option<u64>,
    cumulative_share_pct: Option<u64>,
    time_share_pct: Option<u64>,
    results_per_hour: Option<u64>,
    leverage: Option<u64>,
    vital: bool,
}

fn rows(breakdown: &Breakdown) -> impl Iterator<Item = Row<'_>> {
    breakdown.rows().map(|ranked| {
        let figures = ranked.figures;
        Row {
            rank: ranked.rank,
            number: ranked.number,
            activity: ranked.activity,
            result_share_pct: hundredths(figures.result_share * 100.0),
            cumulative_share_pct: hundredths(figures.cumulative_share * 100.0),
            time_share_pct: figures.time_share.and_then(|t| hundredths(t * 100.0)),
            results_per_hour: figures.results_per_hour.and_then(hundredths),
            leverage: figures.leverage.and_then(hundredths),
            vital: ranked.vital,
        }
    })
}

/// `value` in hundredths, rounded half up; `None` for what is not a finite
/// number of 0 or more (which the model never produces).
///
/// The tolerance makes a half that binary arithmetic left a hair short
/// (0.625 % computed as 0.62499999…) round up, as by hand.
fn hundredths(value: f64) -> Option<u64> {
    let scaled = (value * 100.0 + 0.5 + TOLERANCE).floor();
    // The range leaves out NaN, infinities and anything from 2^64 (exactly
    // representable) up, which would saturate.
    (0.0..18_446_744_073_709_551_616.0)
        .contains(&scaled)
        .then_some(scaled as u64)
}

/// Hundredths in the plain, minimal form: `38.46`, `50`, `12.5`.
fn spell(hundredths: u64) -> String {
    Amount::from_hundredths(hundredths).to_string()
}

fn group(vital: bool) -> &'static str {
    if vital {
        "vital_few"
    } else {
        "trivial_many"
    }
}

// ---------------------------------------------------------------------------
// CSV

/// Appends one record: its cells, each through [`push_cell`], then CRLF.
fn push_record<S: AsRef<str>>(out: &mut String, cells: impl IntoIterator<Item = S>) {
    for (i, cell) in cells.into_iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        push_cell(out, cell.as_ref());
    }
    out.push_str("\r\n");
}

/// Appends one cell; see [`push_csv_cell`].
fn push_cell(out: &mut String, text: &str) {
    push_csv_cell(out, text);
}

/// What a spreadsheet may run as a formula, or read as a cell that is not
/// what it seems, when a cell starts with it: `=`, `+`, `-`, `@`, tab and
/// carriage return, and the full-width `＝`, `＋`, `－` and `＠`, which some
/// spreadsheets read as their ASCII forms.
pub const CSV_DANGER: [char; 10] = [
    '=', '+', '-', '@', '\t', '\r', '\u{ff1d}', '\u{ff0b}', '\u{ff0d}', '\u{ff20}',
];

/// Where a spreadsheet may start a new cell, whichever separator it was
/// told to split on: `,`, `;`, tab, and a line break (a spreadsheet that
/// splits on another character than `,` does not see the double quotes
/// around a cell, so a line break inside one starts a new row there).
pub const CSV_SPLITS: [char; 5] = [',', ';', '\t', '\r', '\n'];

/// Appends one CSV cell to `out`: the one rule for every CSV this crate
/// writes, so that no cell, read with `,`, `;` or tab as the separator,
/// starts with a character of [`CSV_DANGER`] once a spreadsheet splits it.
///
/// 1. **Defused** ([`defuse_cell`]): a `'` goes before every place where a
///    spreadsheet could start a cell that begins, after spaces, double
///    quotes and `'`s, with a character of [`CSV_DANGER`]: the start of the
///    text and the place after each character of [`CSV_SPLITS`].
/// 2. **Quoted** as RFC 4180 has it when the text then holds `"` or a
///    character of [`CSV_SPLITS`]: in double quotes, its own quotes doubled.
///
/// ```
/// use social8020_core::export::push_csv_cell;
///
/// let mut out = String::new();
/// push_csv_cell(&mut out, "x;=1+1;y");
/// assert_eq!(out, "\"x;'=1+1;y\"");
/// // Whichever separator splits it, no piece starts with `=`.
/// for separator in [',', ';', '\t'] {
///     assert!(out.split(separator).all(|piece| !piece.trim_start_matches([' ', '"']).starts_with('=')));
/// }
/// ```
pub fn push_csv_cell(out: &mut String, text: &str) {
    let defused = defuse_cell(text);
    if defused.contains(CSV_SPLITS) || defused.as_bytes().contains(&b'"') {
        out.push('"');
        out.push_str(&defused.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(&defused);
    }
}

/// `text` with a `'` before every place where a spreadsheet could start a
/// cell with a character of [`CSV_DANGER`]; see [`push_csv_cell`].
pub fn defuse_cell(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 1);
    let mut at_start = true;
    for (at, c) in text.char_indices() {
        if at_start && starts_dangerously(&text[at..]) {
            out.push('\'');
        }
        out.push(c);
        at_start = CSV_SPLITS.contains(&c);
    }
    out
}

/// Takes off the `'`s that [`defuse_cell`] put in, for reading an exported
/// file back: `restore_cell(&defuse_cell(text)) == text` for every text.
pub fn restore_cell(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut at_start = true;
    for (at, c) in text.char_indices() {
        if at_start && c == '\'' && starts_dangerously(&text[at + 1..]) {
            at_start = false;
        } else {
            out.push(c);
            at_start = CSV_SPLITS.contains(&c);
        }
    }
    out
}

/// True when `text`, past any spaces, double quotes and `'`s, starts with a
/// character of [`CSV_DANGER`]. The `'`s count so that a text's own `'` in
/// such a place gets one more, and [`restore_cell`] gives back every text
/// exactly.
fn starts_dangerously(text: &str) -> bool {
    // By byte: the skipped characters are ASCII, and a char-array pattern
    // would bring a searcher into the wasm.
    let skipped = text
        .bytes()
        .take_while(|b| matches!(b, b' ' | b'"' | b'\''))
        .count();
    text[skipped..].starts_with(CSV_DANGER)
}

// ---------------------------------------------------------------------------
// JSON report: written field by field, so that the model stays free to change
// and the widget carries no serialiser (a hand-written writer is a third of
// the size of the serde_json code it replaced, measured in the wasm).

/// A pretty-printed JSON document under construction: two spaces an
/// indent, `"key": value`, as the report has always looked.
struct Json {
    out: String,
    depth: usize,
    /// No value yet in the object or array being written: no comma.
    first: bool,
    /// A key was written: its value follows on the same line.
    after_key: bool,
}

impl Json {
    fn new() -> Json {
        Json {
            out: String::new(),
            depth: 0,
            first: true,
            after_key: false,
        }
    }

    fn newline(&mut self) {
        self.out.push('\n');
        for _ in 0..self.depth {
            self.out.push_str("  ");
        }
    }

    /// Starts a value: after its key, or as the next member or item.
    fn begin(&mut self) {
        if self.after_key {
            self.after_key = false;
            return;
        }
        if self.depth > 0 {
            if !self.first {
                self.out.push(',');
            }
            self.newline();
        }
        self.first = false;
    }

    fn key(&mut self, name: &str) {
        self.begin();
        self.string(name);
        self.out.push_str(": ");
        self.after_key = true;
    }

    fn open(&mut self, bracket: char) {
        self.begin();
        self.out.push(bracket);
        self.depth += 1;
        self.first = true;
    }

    fn close(&mut self, bracket: char) {
        self.depth = self.depth.saturating_sub(1);
        if !self.first {
            self.newline();
        }
        self.out.push(bracket);
        self.first = false;
    }

    fn string(&mut self, text: &str) {
        self.out.push('"');
        for c in text.chars() {
            match c {
                '"' => self.out.push_str("\\\""),
                '\\' => self.out.push_str("\\\\"),
                '\n' => self.out.push_str("\\n"),
                '\r' => self.out.push_str("\\r"),
                '\t' => self.out.push_str("\\t"),
                c if u32::from(c) < 0x20 => {
                    self.out.push_str("\\u00");
                    for shift in [4, 0] {
                        let digit = (u32::from(c) >> shift) & 0xf;
                        self.out.push(char::from_digit(digit, 16).unwrap_or('0'));
                    }
                }
                c => self.out.push(c),
            }
        }
        self.out.push('"');
    }

    fn text(&mut self, key: &str, value: Option<&str>) {
        self.key(key);
        self.begin();
        match value {
            Some(text) => self.string(text),
            None => self.out.push_str("null"),
        }
    }

    /// A number already spelled, or `null`.
    fn raw(&mut self, key: &str, value: Option<String>) {
        self.key(key);
        self.begin();
        self.out.push_str(value.as_deref().unwrap_or("null"));
    }

    fn count(&mut self, key: &str, value: usize) {
        self.raw(key, Some(value.to_string()));
    }

    /// Hundredths, spelled as the CSV spells them: `38.46`, `50`.
    fn figure(&mut self, key: &str, hundredths: Option<u64>) {
        self.raw(key, hundredths.map(spell));
    }

    fn object(&mut self, key: &str) {
        self.key(key);
        self.open('{');
    }

    fn array(&mut self, key: &str) {
        self.key(key);
        self.open('[');
    }
}

/// `value` rounded to hundredths as the CSV rounds it.
fn round(value: f64) -> Option<u64> {
    hundredths(value)
}

/// A share from 0 to 1 as a percentage in hundredths.
fn pct(share: f64) -> Option<u64> {
    hundredths(share * 100.0)
}

fn unavailable(json: &mut Json, key: &str, reason: Option<&str>) {
    match reason {
        Some(reason) => {
            json.object(key);
            json.text("reason", Some(reason));
            json.close('}');
        }
        None => json.raw(key, None),
    }
}

fn write_scenario(json: &mut Json, scenario: &Scenario) {
    json.object("scenario");
    json.text("period", Some(scenario.period().key()));
    json.object("unit");
    let (kind, text) = match scenario.unit() {
        ResultUnit::Currency(code) => ("currency", code),
        ResultUnit::Count(label) => ("count", label),
    };
    json.text("kind", Some(kind));
    json.text("text", Some(text));
    json.close('}');
    json.count("threshold_pct", scenario.threshold().percent().into());
    json.array("activities");
    for (index, activity) in scenario.activities().iter().enumerate() {
        json.open('{');
        json.count("number", index + 1);
        json.text("name", Some(&activity.name));
        json.text("type", Some(activity.kind.key()));
        json.figure("hours", Some(activity.hours.hundredths()));
        json.figure("results", Some(activity.results.hundredths()));
        json.close('}');
    }
    json.close(']');
    json.object("signals");
    let signals = scenario.signals();
    let named = [
        ("likes", signals.likes),
        ("comments", signals.comments),
        ("shares", signals.shares),
        ("customers", signals.customers),
        ("repeat_customers", signals.repeat_customers),
        ("referred_customers", signals.referred_customers),
    ];
    for (key, value) in named {
        json.figure(key, value.map(Amount::hundredths));
    }
    json.close('}');
    json.close('}');
}

fn write_breakdown(json: &mut Json, breakdown: &Breakdown) {
    let headline = breakdown.headline();
    json.object("breakdown");
    json.count("vital_few", breakdown.vital_count());
    json.array("rows");
    for row in rows(breakdown) {
        json.open('{');
        json.count("rank", row.rank);
        json.count("activity_number", row.number);
        json.text("activity", Some(&row.activity.name));
        json.text("type", Some(row.activity.kind.key()));
        json.figure("hours", Some(row.activity.hours.hundredths()));
        json.figure("results", Some(row.activity.results.hundredths()));
        json.figure("result_share_pct", row.result_share_pct);
        json.figure("cumulative_share_pct", row.cumulative_share_pct);
        json.figure("time_share_pct", row.time_share_pct);
        json.figure("results_per_hour", row.results_per_hour);
        json.figure("leverage", row.leverage);
        json.text("group", Some(group(row.vital)));
        json.close('}');
    }
    json.close(']');
    json.object("headline");
    json.count("activity_count", headline.activity_count);
    json.count("vital_count", headline.vital_count);
    json.figure("vital_count_pct", pct(headline.vital_count_share));
    json.figure("vital_result_pct", pct(headline.vital_result_share));
    json.figure("vital_time_pct", headline.vital_time_share.and_then(pct));
    json.figure("trivial_hours", round(headline.trivial_hours));
    json.figure("trivial_result_pct", pct(headline.trivial_result_share));
    json.figure("total_hours", round(breakdown.total_hours()));
    json.figure("total_results", round(breakdown.total_results()));
    json.count("community_in_vital_few", breakdown.community_in_vital_few());
    json.close('}');
    json.close('}');
}

fn write_score(json: &mut Json, score: &Score) {
    json.object("score");
    json.count("value", score.value.into());
    json.figure("exact", round(score.exact));
    json.object("band");
    json.text("key", Some(score.band.key()));
    json.close('}');
    json.count("signals_used", score.signals_used);
    json.text(
        "biggest_lever",
        score.biggest_lever().map(|lever| lever.signal.key()),
    );
    json.array("signals");
    for s in &score.signals {
        json.open('{');
        json.text("key", Some(s.signal.key()));
        json.raw("used", Some(s.is_used().to_string()));
        json.figure("measure_pct", s.measure.and_then(pct));
        json.figure("sub_score", s.sub_score.and_then(round));
        json.raw("weight", Some(weight(s.weight)));
        json.figure("weight_share_pct", pct(s.weight_share));
        json.figure("target_pct", s.target.and_then(pct));
        json.figure("contribution", round(s.contribution));
        json.close('}');
    }
    json.close(']');
    json.close('}');
}

/// A weight as the host gave it, to at most six decimals.
fn weight(value: f64) -> String {
    crate::number::decimal(value, 6)
}

fn write_config(json: &mut Json, config: &ScoreConfig) {
    let (weights, targets, bands) = (config.weights(), config.targets(), config.bands());
    json.object("config");
    json.object("weights");
    for signal in Signal::ALL {
        json.raw(signal.key(), Some(weight(weights.get(signal))));
    }
    json.close('}');
    json.object("targets_pct");
    for signal in [Signal::Conversation, Signal::Loyalty, Signal::Advocacy] {
        json.figure(signal.key(), targets.get(signal).and_then(pct));
    }
    json.close('}');
    json.object("bands");
    json.count("growing", bands.growing.into());
    json.count("community", bands.community.into());
    json.close('}');
    json.close('}');
}

// ---------------------------------------------------------------------------
// The comparison (docs/spec.md §10): CSV and the report's `comparison`

/// The comparison CSV's header, in the order of docs/spec.md §10.
pub const COMPARISON_CSV_COLUMNS: [&str; 10] = [
    "activity",
    "status",
    "hours_before",
    "hours_now",
    "hours_change",
    "results_before",
    "results_now",
    "results_change",
    "vital_before",
    "vital_now",
];

/// The "Before and after" table as CSV (docs/spec.md §10): the header of
/// [`COMPARISON_CSV_COLUMNS`], then one record per row of
/// [`Comparison::rows`], in its order.
///
/// - `status` is `matched`, `new` or `dropped`; `vital_before` and
///   `vital_now` are `yes` or `no`.
/// - On the side where an activity is absent, its hours, results and vital
///   cells are empty.
/// - Hours and results are per the now side's period (the before side
///   converted, 1 month = 52/12 weeks), rounded half up to at most two
///   decimals and spelled as in the breakdown CSV (`12.5`, `43.33`).
/// - When the result units differ, the results columns hold each
///   activity's result share in percent (`62.5` for 62.5 %), empty on a
///   side whose results are all zero.
/// - A change is the now cell minus the before cell, as written, so that
///   every record adds up in a spreadsheet; an absent side counts as 0, and
///   a side with an empty share leaves the change empty. A drop is written
///   with a leading `-` (`-2.5`).
///
/// Text cells (the header, the name, `status`, `yes`/`no`) go through the
/// same cell rule as the breakdown CSV, so a name cannot become a formula.
/// Number cells are written as they are: they hold only digits, one `.` and
/// perhaps a leading `-`, which every spreadsheet reads as a number, never
/// as a formula, and defusing them would turn `-2.5` into text.
pub fn comparison_csv(comparison: &Comparison) -> String {
    let mut out = String::new();
    push_record(&mut out, COMPARISON_CSV_COLUMNS);
    for record in records(comparison) {
        push_cell(&mut out, record.name);
        out.push(',');
        push_cell(&mut out, record.status.key());
        for number in &record.figures {
            out.push(',');
            out.push_str(number);
        }
        for vital in record.vital {
            out.push(',');
            push_cell(&mut out, vital.map_or("", yes_no));
        }
        out.push_str("\r\n");
    }
    out
}

/// One row of the comparison with its figures spelled, so that the CSV
/// and the JSON report cannot differ.
struct Record<'a> {
    name: &'a str,
    status: Status,
    /// hours before, now, change; results (or shares) before, now, change.
    /// Empty for none.
    figures: [String; 6],
    /// Before and now; `None` where the activity is absent.
    vital: [Option<bool>; 2],
    movement: Move,
}

fn records(comparison: &Comparison) -> impl Iterator<Item = Record<'_>> {
    let shares = comparison.basis() == Basis::Shares;
    comparison.rows().map(move |row| {
        let sides = (row.before.is_some(), row.now.is_some());
        let [hours_before, hours_now, hours_change] = figure_cells(row.hours, sides, 1.0);
        let [results_before, results_now, results_change] = if shares {
            figure_cells(row.result_share, sides, 100.0)
        } else {
            figure_cells(row.results, sides, 1.0)
        };
        Record {
            name: row.name,
            status: row.status,
            figures: [
                hours_before,
                hours_now,
                hours_change,
                results_before,
                results_now,
                results_change,
            ],
            vital: [row.vital_before(), row.vital_now()],
            movement: row.movement,
        }
    })
}

/// The before, now and change cells of one figure, the figure times
/// `scale`; see [`comparison_csv`].
fn figure_cells(
    change: Change,
    (before_present, now_present): (bool, bool),
    scale: f64,
) -> [String; 3] {
    // Outer `None`: absent (counts as 0); inner `None`: unknown.
    let side = |present: bool, value: Option<f64>| {
        present.then(|| value.and_then(|v| hundredths(v * scale)))
    };
    let (before, now) = (
        side(before_present, change.before),
        side(now_present, change.now),
    );
    let counted = |side: Option<Option<u64>>| side.unwrap_or(Some(0)).map(i128::from);
    let difference = counted(before)
        .zip(counted(now))
        .map(|(before, now)| now - before);
    let cell = |side: Option<Option<u64>>| side.flatten().map_or_else(String::new, spell);
    [
        cell(before),
        cell(now),
        difference.map_or_else(String::new, signed),
    ]
}

/// Signed hundredths, spelled as [`spell`] does with a leading `-` below
/// zero: `-2.5`.
fn signed(hundredths: i128) -> String {
    let magnitude = u64::try_from(hundredths.unsigned_abs()).unwrap_or(u64::MAX);
    if hundredths < 0 {
        format!("-{}", spell(magnitude))
    } else {
        spell(magnitude)
    }
}

fn yes_no(vital: bool) -> &'static str {
    if vital {
        "yes"
    } else {
        "no"
    }
}

/// The `comparison` object of the JSON report; see the module
/// documentation.
fn write_comparison(json: &mut Json, comparison: &Comparison) {
    json.object("comparison");
    json.object("before");
    write_analysis(json, comparison.before());
    json.close('}');
    match comparison.conversion() {
        Some(conversion) => {
            json.object("conversion");
            json.text("from", Some(conversion.from.key()));
            json.text("to", Some(conversion.to.key()));
            json.close('}');
        }
        None => json.raw("conversion", None),
    }
    json.text("results_compared_as", Some(comparison.basis().key()));
    json.object("score");
    let value = |score: Result<&Score, crate::score::NoScore>| {
        score.ok().map(|score| score.value.to_string())
    };
    json.raw("before", value(comparison.score_before()));
    json.raw("now", value(comparison.score_now()));
    json.raw("change", comparison.score_change().map(|c| c.to_string()));
    json.close('}');
    json.array("signals");
    for signal in comparison.signal_changes() {
        json.open('{');
        json.text("key", Some(signal.signal.key()));
        change_fields(json, signal.sub_score);
        json.close('}');
    }
    json.close(']');
    json.object("community_hours");
    change_fields(json, comparison.community_hours());
    json.close('}');
    json.array("rows");
    for record in records(comparison) {
        json.open('{');
        json.text("activity", Some(record.name));
        json.text("status", Some(record.status.key()));
        let keys = &COMPARISON_CSV_COLUMNS[2..8];
        for (key, figure) in keys.iter().zip(&record.figures) {
            json.raw(key, (!figure.is_empty()).then(|| figure.clone()));
        }
        for (key, vital) in ["vital_before", "vital_now"].into_iter().zip(record.vital) {
            json.raw(key, vital.map(|v| v.to_string()));
        }
        json.text("move", Some(record.movement.key()));
        json.close('}');
    }
    json.close(']');
    json.close('}');
}

/// `before`, `now` and `change` of a figure that both sides may lack:
/// each rounded half up to two decimals, the change the difference of the
/// two as written; `null` where a side lacks it.
fn change_fields(json: &mut Json, change: Change) {
    let before = change.before.and_then(hundredths);
    let now = change.now.and_then(hundredths);
    json.figure("before", before);
    json.figure("now", now);
    json.raw(
        "change",
        before
            .zip(now)
            .map(|(before, now)| signed(i128::from(now) - i128::from(before))),
    );
}
