//! Exports: the breakdown as CSV and the whole result as a JSON report
//! (PRODUCT.md §6), and the names of the files they are saved under.
//!
//! Both exports read their figures from the [`Breakdown`] and the [`Score`]
//! that the screen shows, so a file never disagrees with the page. They only
//! round and spell: hours and results exactly as entered, every other figure
//! rounded half up to at most two decimals.
//!
//! ```
//! use social8020_core::{example, export, pareto};
//!
//! let bakery = example::bakery();
//! let breakdown = pareto::breakdown(&bakery).unwrap();
//! let csv = export::breakdown_csv(&bakery, &breakdown);
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
//! # The JSON report, version 1
//!
//! One object; every field is always present, and `null` stands for
//! "none" or "not available". Numbers follow one convention:
//!
//! - a **share** is a percentage from 0 to 100 with at most two decimals,
//!   in a field whose name ends in `_pct`;
//! - hours, results and signals are the numbers entered (at most two
//!   decimals); results per hour, leverage, sub-scores and contributions
//!   are rounded to at most two decimals;
//! - weights are the host's numbers as given;
//! - whole numbers are written without a fraction (`50`, not `50.0`), and
//!   no number is ever NaN or infinite.
//!
//! ```text
//! {
//!   "format": "social8020-report",          always this text
//!   "version": 1,                           a new version for any change a
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
//!   "breakdown_unavailable": null | { "reason": "no_results", "message" },
//!   "score": null | {
//!     "value": 54, "exact": 53.7,
//!     "band": { "key": "growing_community", "label": "Growing community" },
//!     "signals_used": 5,                    of 5
//!     "biggest_lever": "time" | null,       a signal key
//!     "signals": [                          all five, in table order
//!       { "key": "time", "label", "measure", "used": true,
//!         "measure_pct" | null, "sub_score" | null, "weight",
//!         "weight_share_pct", "target_pct" | null, "contribution" } ]
//!   },
//!   "score_unavailable": null | { "reason": "no_signals", "message" },
//!   "config": {
//!     "weights": { "time", "results", "conversation", "loyalty", "advocacy" },
//!     "targets_pct": { "conversation", "loyalty", "advocacy" },
//!     "bands": { "growing": 40, "community": 70 }   where each band starts
//!   },
//!   "share_link": "https://...#s=..." | null
//! }
//! ```
//!
//! The report has its own types, separate from the model's, so that the
//! model can change without changing the file a visitor's tools read.

use serde::{Serialize, Serializer};

use crate::number::Amount;
use crate::pareto::{self, Breakdown, NoBreakdown, TOLERANCE};
use crate::scenario::{Activity, ResultUnit, Scenario};
use crate::score::{self, NoScore, Score, ScoreConfig, Signal};

/// The CSV header, in the order of PRODUCT.md §6.
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
pub const REPORT_VERSION: u32 = 1;

/// The stem of every exported file's name.
const FILE_STEM: &str = "social-80-20";

/// The breakdown as CSV text; see the module documentation for the format.
/// `breakdown` must come from `scenario`; a row it names that the scenario
/// does not hold is left out rather than panicking.
pub fn breakdown_csv(scenario: &Scenario, breakdown: &Breakdown) -> String {
    let mut out = String::new();
    push_record(&mut out, CSV_COLUMNS);
    for row in rows(scenario, breakdown) {
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
/// `breakdown` is `None` when the scenario has none; the report then says
/// why. `breakdown` and `score` must come from `scenario` and `config`.
pub fn report_json(
    scenario: &Scenario,
    breakdown: Option<&Breakdown>,
    score: Result<&Score, &NoScore>,
    config: &ScoreConfig,
    share_link: Option<&str>,
) -> String {
    let breakdown_unavailable = match breakdown {
        Some(_) => None,
        // The caller had none; ask the model why, so that the reason given
        // is the model's own.
        None => Some(no_breakdown(
            pareto::breakdown(scenario)
                .err()
                .unwrap_or(NoBreakdown::NoResults),
        )),
    };
    let report = Report {
        format: REPORT_FORMAT,
        version: REPORT_VERSION,
        scenario: scenario_report(scenario),
        breakdown: breakdown.map(|b| breakdown_report(scenario, b)),
        breakdown_unavailable,
        score: score.ok().map(score_report),
        score_unavailable: score.err().map(|reason| no_score(*reason)),
        config: config_report(config),
        share_link,
    };
    match serde_json::to_string_pretty(&report) {
        Ok(mut text) => {
            text.push('\n');
            text
        }
        // The report holds only strings, numbers, booleans and fields with
        // string names, which always serialise; this is never taken.
        Err(_) => format!("{{\"format\": \"{REPORT_FORMAT}\", \"version\": {REPORT_VERSION}}}\n"),
    }
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

fn rows<'a>(scenario: &'a Scenario, breakdown: &'a Breakdown) -> impl Iterator<Item = Row<'a>> {
    breakdown
        .ranked
        .iter()
        .enumerate()
        .filter_map(move |(position, ranked)| {
            let activity = scenario.activities().get(ranked.index)?;
            Some(Row {
                rank: position + 1,
                number: ranked.index + 1,
                activity,
                result_share_pct: hundredths(ranked.result_share * 100.0),
                cumulative_share_pct: hundredths(ranked.cumulative_share * 100.0),
                time_share_pct: ranked.time_share.and_then(|t| hundredths(t * 100.0)),
                results_per_hour: ranked.results_per_hour.and_then(hundredths),
                leverage: ranked.leverage.and_then(hundredths),
                vital: position < breakdown.vital_few,
            })
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
    if defused.contains(CSV_SPLITS) || defused.contains('"') {
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
// JSON report: its own types, so that the model stays free to change

/// A number as the report writes it: whole values without a fraction, and
/// never NaN or infinity (those would be written as `null`, but no figure
/// the model produces is one).
#[derive(Clone, Copy, Debug)]
struct Number(f64);

impl Number {
    /// Hundredths as a number: 3846 is `38.46`.
    fn from_hundredths(hundredths: u64) -> Number {
        Number(hundredths as f64 / 100.0)
    }

    /// `value` rounded as the CSV rounds it; `None` when it is not a number.
    fn rounded(value: f64) -> Option<Number> {
        hundredths(value).map(Number::from_hundredths)
    }

    fn amount(amount: Amount) -> Number {
        Number::from_hundredths(amount.hundredths())
    }
}

impl Serialize for Number {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let value = self.0;
        // Below 2^53 every whole f64 is an exact integer.
        if value.is_finite() && value.fract() == 0.0 && value.abs() < 9_007_199_254_740_992.0 {
            serializer.serialize_i64(value as i64)
        } else if value.is_finite() {
            serializer.serialize_f64(value)
        } else {
            serializer.serialize_none()
        }
    }
}

#[derive(Serialize)]
struct Report<'a> {
    format: &'static str,
    version: u32,
    scenario: ScenarioReport<'a>,
    breakdown: Option<BreakdownReport<'a>>,
    breakdown_unavailable: Option<Unavailable>,
    score: Option<ScoreReport>,
    score_unavailable: Option<Unavailable>,
    config: ConfigReport,
    share_link: Option<&'a str>,
}

/// Why a part of the report is `null`: a stable key and the sentence the
/// screen shows.
#[derive(Serialize)]
struct Unavailable {
    reason: &'static str,
    message: String,
}

fn no_breakdown(reason: NoBreakdown) -> Unavailable {
    let key = match reason {
        NoBreakdown::NoResults => "no_results",
    };
    Unavailable {
        reason: key,
        message: reason.to_string(),
    }
}

fn no_score(reason: NoScore) -> Unavailable {
    let key = match reason {
        NoScore::NoSignals => "no_signals",
    };
    Unavailable {
        reason: key,
        message: reason.to_string(),
    }
}

#[derive(Serialize)]
struct ScenarioReport<'a> {
    period: &'static str,
    unit: UnitReport<'a>,
    threshold_pct: u8,
    activities: Vec<ActivityReport<'a>>,
    signals: SignalsReport,
}

#[derive(Serialize)]
struct UnitReport<'a> {
    /// `currency` or `count`.
    kind: &'static str,
    /// The ISO 4217 code or the count label.
    text: &'a str,
}

#[derive(Serialize)]
struct ActivityReport<'a> {
    number: usize,
    name: &'a str,
    #[serde(rename = "type")]
    kind: &'static str,
    hours: Number,
    results: Number,
}

#[derive(Serialize)]
struct SignalsReport {
    likes: Option<Number>,
    comments: Option<Number>,
    shares: Option<Number>,
    customers: Option<Number>,
    repeat_customers: Option<Number>,
    referred_customers: Option<Number>,
}

fn scenario_report(scenario: &Scenario) -> ScenarioReport<'_> {
    let unit = match scenario.unit() {
        ResultUnit::Currency(code) => UnitReport {
            kind: "currency",
            text: code,
        },
        ResultUnit::Count(label) => UnitReport {
            kind: "count",
            text: label,
        },
    };
    let signals = scenario.signals();
    let signal = |value: Option<Amount>| value.map(Number::amount);
    ScenarioReport {
        period: scenario.period().key(),
        unit,
        threshold_pct: scenario.threshold().percent(),
        activities: scenario
            .activities()
            .iter()
            .enumerate()
            .map(|(index, a)| ActivityReport {
                number: index + 1,
                name: &a.name,
                kind: a.kind.key(),
                hours: Number::amount(a.hours),
                results: Number::amount(a.results),
            })
            .collect(),
        signals: SignalsReport {
            likes: signal(signals.likes),
            comments: signal(signals.comments),
            shares: signal(signals.shares),
            customers: signal(signals.customers),
            repeat_customers: signal(signals.repeat_customers),
            referred_customers: signal(signals.referred_customers),
        },
    }
}

#[derive(Serialize)]
struct BreakdownReport<'a> {
    vital_few: usize,
    rows: Vec<RowReport<'a>>,
    headline: HeadlineReport,
}

#[derive(Serialize)]
struct RowReport<'a> {
    rank: usize,
    activity_number: usize,
    activity: &'a str,
    #[serde(rename = "type")]
    kind: &'static str,
    hours: Number,
    results: Number,
    result_share_pct: Option<Number>,
    cumulative_share_pct: Option<Number>,
    time_share_pct: Option<Number>,
    results_per_hour: Option<Number>,
    leverage: Option<Number>,
    group: &'static str,
}

#[derive(Serialize)]
struct HeadlineReport {
    activity_count: usize,
    vital_count: usize,
    vital_count_pct: Option<Number>,
    vital_result_pct: Option<Number>,
    vital_time_pct: Option<Number>,
    trivial_hours: Option<Number>,
    trivial_result_pct: Option<Number>,
    total_hours: Option<Number>,
    total_results: Option<Number>,
    community_in_vital_few: usize,
}

fn breakdown_report<'a>(scenario: &'a Scenario, breakdown: &'a Breakdown) -> BreakdownReport<'a> {
    let figure = |hundredths: Option<u64>| hundredths.map(Number::from_hundredths);
    let pct = |share: f64| Number::rounded(share * 100.0);
    let headline = breakdown.headline(scenario);
    BreakdownReport {
        vital_few: breakdown.vital_few,
        rows: rows(scenario, breakdown)
            .map(|row| RowReport {
                rank: row.rank,
                activity_number: row.number,
                activity: &row.activity.name,
                kind: row.activity.kind.key(),
                hours: Number::amount(row.activity.hours),
                results: Number::amount(row.activity.results),
                result_share_pct: figure(row.result_share_pct),
                cumulative_share_pct: figure(row.cumulative_share_pct),
                time_share_pct: figure(row.time_share_pct),
                results_per_hour: figure(row.results_per_hour),
                leverage: figure(row.leverage),
                group: group(row.vital),
            })
            .collect(),
        headline: HeadlineReport {
            activity_count: headline.activity_count,
            vital_count: headline.vital_count,
            vital_count_pct: pct(headline.vital_count_share),
            vital_result_pct: pct(headline.vital_result_share),
            vital_time_pct: headline.vital_time_share.and_then(pct),
            trivial_hours: Number::rounded(headline.trivial_hours),
            trivial_result_pct: pct(headline.trivial_result_share),
            total_hours: Number::rounded(breakdown.total_hours),
            total_results: Number::rounded(breakdown.total_results),
            community_in_vital_few: score::community_in_vital_few(scenario, breakdown),
        },
    }
}

#[derive(Serialize)]
struct ScoreReport {
    value: u8,
    exact: Option<Number>,
    band: BandReport,
    signals_used: usize,
    biggest_lever: Option<&'static str>,
    signals: Vec<SignalReport>,
}

#[derive(Serialize)]
struct BandReport {
    key: &'static str,
    label: &'static str,
}

#[derive(Serialize)]
struct SignalReport {
    key: &'static str,
    label: &'static str,
    /// How the measure is worked out, in words.
    measure: &'static str,
    used: bool,
    measure_pct: Option<Number>,
    sub_score: Option<Number>,
    weight: Number,
    weight_share_pct: Option<Number>,
    target_pct: Option<Number>,
    contribution: Option<Number>,
}

fn score_report(score: &Score) -> ScoreReport {
    ScoreReport {
        value: score.value,
        exact: Number::rounded(score.exact),
        band: BandReport {
            key: score.band.key(),
            label: score.band.label(),
        },
        signals_used: score.signals_used,
        biggest_lever: score.biggest_lever().map(|lever| lever.signal.key()),
        signals: score
            .signals
            .iter()
            .map(|s| SignalReport {
                key: s.signal.key(),
                label: s.signal.label(),
                measure: s.signal.measure_text(),
                used: s.is_used(),
                measure_pct: s.measure.and_then(|m| Number::rounded(m * 100.0)),
                sub_score: s.sub_score.and_then(Number::rounded),
                weight: Number(s.weight),
                weight_share_pct: Number::rounded(s.weight_share * 100.0),
                target_pct: s.target.and_then(|t| Number::rounded(t * 100.0)),
                contribution: Number::rounded(s.contribution),
            })
            .collect(),
    }
}

/// The weights by signal key; the field names are [`Signal::key`]s.
#[derive(Serialize)]
struct WeightsReport {
    time: Number,
    results: Number,
    conversation: Number,
    loyalty: Number,
    advocacy: Number,
}

#[derive(Serialize)]
struct TargetsReport {
    conversation: Option<Number>,
    loyalty: Option<Number>,
    advocacy: Option<Number>,
}

#[derive(Serialize)]
struct BandsReport {
    growing: u8,
    community: u8,
}

#[derive(Serialize)]
struct ConfigReport {
    weights: WeightsReport,
    targets_pct: TargetsReport,
    bands: BandsReport,
}

fn config_report(config: &ScoreConfig) -> ConfigReport {
    let weights = config.weights();
    let targets = config.targets();
    let weight = |signal| Number(weights.get(signal));
    let target = |signal| targets.get(signal).and_then(|t| Number::rounded(t * 100.0));
    ConfigReport {
        weights: WeightsReport {
            time: weight(Signal::TimeOnCommunity),
            results: weight(Signal::ResultsFromCommunity),
            conversation: weight(Signal::Conversation),
            loyalty: weight(Signal::Loyalty),
            advocacy: weight(Signal::Advocacy),
        },
        targets_pct: TargetsReport {
            conversation: target(Signal::Conversation),
            loyalty: target(Signal::Loyalty),
            advocacy: target(Signal::Advocacy),
        },
        bands: BandsReport {
            growing: config.bands().growing,
            community: config.bands().community,
        },
    }
}
