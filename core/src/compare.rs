//! Before and after: an earlier scenario set beside today's
//! (docs/spec.md §10).
//!
//! A [`Comparison`] owns both sides (each an [`Analysis`]) behind private
//! fields, so its rows can never be read against other scenarios. It pairs
//! the activities of the two sides by name and says, for each, how its hours
//! and results changed and whether it entered or left the vital few; above
//! the table, how the score, each signal's sub-score and the community hours
//! changed, and both headlines.
//!
//! ```
//! use social8020_core::compare::{Comparison, Move, Status};
//! use social8020_core::score::ScoreConfig;
//! use social8020_core::testing::line;
//!
//! let before = line("Posts:10/900 Replies:2/100").build();
//! let now = line("replies:4/600 Posts:8/400 Events:1/0").build();
//! let comparison = Comparison::new(before, now, ScoreConfig::standard());
//! let row = comparison.rows().next().unwrap();
//! assert_eq!((row.name, row.status), ("replies", Status::Matched));
//! assert_eq!((row.hours.change, row.results.change), (Some(2.0), Some(500.0)));
//! assert_eq!(row.movement, Move::Entered);
//! ```
//!
//! # Rules
//!
//! - **Pairing.** Names are compared trimmed and with ASCII letters folded
//!   to one case (`Replies`, ` replies `); every other character must be
//!   the same, so `Été` and `été` are two activities. Unicode case folding
//!   would bring its tables into the wasm (docs/spec.md §8), and the crate
//!   folds only ASCII elsewhere too (import headers, types). Duplicates pair
//!   in order of occurrence: the second `Posts` before with the second
//!   `Posts` now. An activity with no partner is [`Status::New`] (now only)
//!   or [`Status::Dropped`] (before only).
//! - **Periods.** When the periods differ, the before side's hours and
//!   results are converted to the now side's period (a month is 52/12
//!   weeks); [`Comparison::conversion`] says which conversion happened.
//!   Shares, scores and the vital few do not depend on the period. The
//!   headlines are each side's own, in that side's period.
//! - **Result units.** When the units differ (a currency code, or a count
//!   label compared as names are), results cannot be set beside each other:
//!   [`Comparison::basis`] is [`Basis::Shares`], and the screen and the CSV
//!   compare each activity's result share instead. Hours are still
//!   compared.
//! - **Changes** are now minus before; a side where the activity is absent
//!   counts as 0. A result share is unknown on a side whose results are all
//!   zero, and so is its change.
//! - **Vital few.** Each side's own breakdown, at its own threshold, decides
//!   membership. A side with no breakdown (all results zero) has no vital
//!   few, so its activities are not in it.
//! - **Order.** The activities present now, in the now side's ranked order
//!   (docs/spec.md §2: most results first, then fewer hours, then entry
//!   order); then the dropped ones in the before side's ranked order.
//!
//! The comparison CSV is [`crate::export::comparison_csv`]; the JSON
//! report with a `comparison` object is
//! [`crate::export::comparison_report_json`].

use std::rc::Rc;

use crate::analysis::Analysis;
use crate::pareto::{Headline, NoBreakdown};
use crate::scenario::{Activity, ActivityKind, Period, ResultUnit, Scenario};
use crate::score::{NoScore, Score, ScoreConfig, Signal};

/// How many weeks a month has (52 weeks over 12 months).
pub const WEEKS_PER_MONTH: f64 = 52.0 / 12.0;

/// Whether an activity is on both sides, or on one only.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Status {
    Matched,
    /// Only now.
    New,
    /// Only before.
    Dropped,
}

impl Status {
    /// The machine name, as the CSV gives it.
    pub fn key(self) -> &'static str {
        match self {
            Status::Matched => "matched",
            Status::New => "new",
            Status::Dropped => "dropped",
        }
    }
}

/// How an activity moved with respect to the vital few. A side where it
/// is absent counts as outside.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Move {
    /// Outside before (or absent), among the vital few now.
    Entered,
    /// Among the vital few before, outside now (or dropped).
    Left,
    StayedIn,
    StayedOut,
}

impl Move {
    /// The machine name, as the JSON report gives it.
    pub fn key(self) -> &'static str {
        match self {
            Move::Entered => "entered",
            Move::Left => "left",
            Move::StayedIn => "stayed_in",
            Move::StayedOut => "stayed_out",
        }
    }

    fn between(before: bool, now: bool) -> Move {
        match (before, now) {
            (false, true) => Move::Entered,
            (true, false) => Move::Left,
            (true, true) => Move::StayedIn,
            (false, false) => Move::StayedOut,
        }
    }
}

/// The conversion of the before side's hours and results to the now
/// side's period.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Conversion {
    pub from: Period,
    pub to: Period,
}

impl Conversion {
    /// What one hour or result per `from` period is per `to` period:
    /// 52/12 from weeks to months, 12/52 from months to weeks.
    pub fn factor(self) -> f64 {
        self.apply(1.0)
    }

    fn apply(self, value: f64) -> f64 {
        match (self.from, self.to) {
            (Period::Week, Period::Month) => value * 52.0 / 12.0,
            (Period::Month, Period::Week) => value * 12.0 / 52.0,
            _ => value,
        }
    }
}

/// What the results columns compare.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Basis {
    /// Both sides count results in the same unit: results themselves.
    Results,
    /// The units differ: each activity's share of its side's results.
    Shares,
}

impl Basis {
    /// The machine name, as the JSON report gives it.
    pub fn key(self) -> &'static str {
        match self {
            Basis::Results => "results",
            Basis::Shares => "shares",
        }
    }
}

/// A figure before and now, and how it changed.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Change {
    /// `None` where the activity is absent before, or the figure unknown.
    pub before: Option<f64>,
    pub now: Option<f64>,
    /// now - before; `None` when either side is unknown.
    pub change: Option<f64>,
}

/// One side's figure for one activity.
#[derive(Clone, Copy)]
enum Value {
    /// The activity is not on this side: counts as 0 in a change.
    Absent,
    /// The activity is there, but the figure has no value (a share of no
    /// results).
    Unknown,
    Known(f64),
}

impl Value {
    fn of(present: bool, value: Option<f64>) -> Value {
        match (present, value) {
            (false, _) => Value::Absent,
            (true, None) => Value::Unknown,
            (true, Some(value)) => Value::Known(value),
        }
    }

    /// What counts in a change; `None` for unknown.
    fn counted(self) -> Option<f64> {
        match self {
            Value::Absent => Some(0.0),
            Value::Unknown => None,
            Value::Known(value) => Some(value),
        }
    }

    fn known(self) -> Option<f64> {
        match self {
            Value::Known(value) => Some(value),
            Value::Absent | Value::Unknown => None,
        }
    }
}

impl Change {
    fn between(before: Value, now: Value) -> Change {
        Change {
            before: before.known(),
            now: now.known(),
            change: before.counted().zip(now.counted()).map(|(b, n)| n - b),
        }
    }

    /// A figure that both sides may lack, where a lacking side is unknown,
    /// not zero.
    fn both(before: Option<f64>, now: Option<f64>) -> Change {
        Change::between(Value::of(true, before), Value::of(true, now))
    }
}

/// One activity on one side.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Side<'a> {
    pub activity: &'a Activity,
    /// 1-based position in that side's entry order.
    pub number: usize,
    /// Among that side's vital few.
    pub vital: bool,
}

/// One row of the "Before and after" table.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Compared<'a> {
    pub status: Status,
    /// The name as it is now, or as it was for a dropped activity.
    pub name: &'a str,
    pub before: Option<Side<'a>>,
    pub now: Option<Side<'a>>,
    /// Hours per period; before converted to the now side's period.
    pub hours: Change,
    /// Results per period in the now side's unit; before converted to the
    /// now side's period. Meaningful only when [`Comparison::basis`] is
    /// [`Basis::Results`].
    pub results: Change,
    /// The share of its side's results, from 0 to 1; unknown on a side
    /// whose results are all zero.
    pub result_share: Change,
    pub movement: Move,
}

impl Compared<'_> {
    /// Among the vital few before; `None` where the activity was absent.
    pub fn vital_before(&self) -> Option<bool> {
        self.before.map(|side| side.vital)
    }

    /// Among the vital few now; `None` where the activity is absent.
    pub fn vital_now(&self) -> Option<bool> {
        self.now.map(|side| side.vital)
    }
}

/// A signal's sub-score before and now.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SignalChange {
    pub signal: Signal,
    /// `change` is `None` unless both sides have the sub-score.
    pub sub_score: Change,
}

/// An earlier scenario set beside today's. Made only by
/// [`Comparison::new`] or [`Comparison::with_now`]; its fields are private
/// so that its rows always belong to the two scenarios it holds.
#[derive(Clone, Debug, PartialEq)]
pub struct Comparison {
    before: Analysis,
    now: Analysis,
    /// Pairs of entry positions (before, now), in the order of the table.
    /// Every position is one of its side's; no pair is (None, None).
    pairs: Vec<(Option<usize>, Option<usize>)>,
    /// Per entry position: among the vital few.
    vital_before: Vec<bool>,
    vital_now: Vec<bool>,
}

impl Comparison {
    /// Compares two scenarios, both scored with `config`.
    pub fn new(
        before: impl Into<Rc<Scenario>>,
        now: impl Into<Rc<Scenario>>,
        config: ScoreConfig,
    ) -> Comparison {
        let now = Analysis::new(now, config);
        Comparison::with_now(before, now)
    }

    /// Compares an earlier scenario with the analysis on screen, which it
    /// keeps as it is; the earlier one is scored with the same settings.
    pub fn with_now(before: impl Into<Rc<Scenario>>, now: Analysis) -> Comparison {
        let before = Analysis::new(before, *now.config());
        let vital_before = vital_flags(&before);
        let vital_now = vital_flags(&now);
        let pairs = pair(&before, &now);
        Comparison {
            before,
            now,
            pairs,
            vital_before,
            vital_now,
        }
    }

    pub fn before(&self) -> &Analysis {
        &self.before
    }

    pub fn now(&self) -> &Analysis {
        &self.now
    }

    /// The conversion applied to the before side, if the periods differ.
    pub fn conversion(&self) -> Option<Conversion> {
        let (from, to) = (
            self.before.scenario().period(),
            self.now.scenario().period(),
        );
        (from != to).then_some(Conversion { from, to })
    }

    /// Whether results or result shares are compared.
    pub fn basis(&self) -> Basis {
        if same_unit(self.before.scenario().unit(), self.now.scenario().unit()) {
            Basis::Results
        } else {
            Basis::Shares
        }
    }

    /// Every activity of both sides exactly once, in the table's order.
    pub fn rows(&self) -> impl ExactSizeIterator<Item = Compared<'_>> + '_ {
        let (before, now) = (self.before.scenario(), self.now.scenario());
        let before_totals = Totals::of(before);
        let now_totals = Totals::of(now);
        let convert = self.converter();
        self.pairs.iter().map(move |&(b, n)| {
            let before_side = side(before, &self.vital_before, b);
            let now_side = side(now, &self.vital_now, n);
            let figure = |side: Option<Side<'_>>, read: &dyn Fn(&Activity) -> f64| {
                Value::of(side.is_some(), side.map(|s| read(s.activity)))
            };
            let share = |side: Option<Side<'_>>, totals: Totals| {
                Value::of(side.is_some(), side.and_then(|s| totals.share(s.activity)))
            };
            let status = match (before_side, now_side) {
                (Some(_), Some(_)) => Status::Matched,
                (None, _) => Status::New,
                (Some(_), None) => Status::Dropped,
            };
            Compared {
                status,
                name: now_side
                    .or(before_side)
                    .map_or("", |s| s.activity.name.as_str()),
                before: before_side,
                now: now_side,
                hours: Change::between(
                    figure(before_side, &|a| convert(a.hours.as_f64())),
                    figure(now_side, &|a| a.hours.as_f64()),
                ),
                results: Change::between(
                    figure(before_side, &|a| convert(a.results.as_f64())),
                    figure(now_side, &|a| a.results.as_f64()),
                ),
                result_share: Change::between(
                    share(before_side, before_totals),
                    share(now_side, now_totals),
                ),
                movement: Move::between(
                    before_side.is_some_and(|s| s.vital),
                    now_side.is_some_and(|s| s.vital),
                ),
            }
        })
    }

    /// All hours per period; before converted.
    pub fn total_hours(&self) -> Change {
        self.totals(|a| a.hours.as_f64(), |_| true)
    }

    /// All results per period; before converted. Meaningful only when
    /// [`Comparison::basis`] is [`Basis::Results`].
    pub fn total_results(&self) -> Change {
        self.totals(|a| a.results.as_f64(), |_| true)
    }

    /// The community activities' hours per period; before converted.
    pub fn community_hours(&self) -> Change {
        self.totals(|a| a.hours.as_f64(), |a| a.kind == ActivityKind::Community)
    }

    pub fn score_before(&self) -> Result<&Score, NoScore> {
        self.before.score()
    }

    pub fn score_now(&self) -> Result<&Score, NoScore> {
        self.now.score()
    }

    /// Score now minus score before, when both sides have one.
    pub fn score_change(&self) -> Option<i16> {
        let before = self.before.score().ok()?.value;
        let now = self.now.score().ok()?.value;
        Some(i16::from(now) - i16::from(before))
    }

    /// Each of the five signals' sub-score before and now, in table order.
    pub fn signal_changes(&self) -> [SignalChange; 5] {
        let sub_score = |analysis: &Analysis, signal: Signal| {
            analysis
                .score()
                .ok()
                .and_then(|score| score.signal(signal).sub_score)
        };
        Signal::ALL.map(|signal| SignalChange {
            signal,
            sub_score: Change::both(
                sub_score(&self.before, signal),
                sub_score(&self.now, signal),
            ),
        })
    }

    /// The before side's headline, in its own period.
    pub fn headline_before(&self) -> Result<Headline, NoBreakdown> {
        self.before.breakdown().map(|b| b.headline())
    }

    pub fn headline_now(&self) -> Result<Headline, NoBreakdown> {
        self.now.breakdown().map(|b| b.headline())
    }

    /// Converts a before figure to the now side's period.
    fn converter(&self) -> impl Fn(f64) -> f64 {
        let conversion = self.conversion();
        move |value| conversion.map_or(value, |c| c.apply(value))
    }

    fn totals(&self, read: fn(&Activity) -> f64, counts: fn(&Activity) -> bool) -> Change {
        let sum = |scenario: &Scenario| -> f64 {
            scenario
                .activities()
                .iter()
                .filter(|a| counts(a))
                .map(read)
                .sum()
        };
        let convert = self.converter();
        Change::both(
            Some(convert(sum(self.before.scenario()))),
            Some(sum(self.now.scenario())),
        )
    }
}

/// The activity at entry position `index` of one side. Every position in
/// a comparison's pairs was taken from its side, so it is there.
fn side<'a>(scenario: &'a Scenario, vital: &[bool], index: Option<usize>) -> Option<Side<'a>> {
    let index = index?;
    Some(Side {
        activity: scenario.activities().get(index)?,
        number: index + 1,
        vital: vital.get(index).copied().unwrap_or(false),
    })
}

/// A side's total results, for result shares.
#[derive(Clone, Copy)]
struct Totals {
    results: u64,
}

impl Totals {
    fn of(scenario: &Scenario) -> Totals {
        Totals {
            results: scenario
                .activities()
                .iter()
                .map(|a| a.results.hundredths())
                .sum(),
        }
    }

    /// `None` when the side's results are all zero.
    fn share(self, activity: &Activity) -> Option<f64> {
        (self.results > 0).then(|| activity.results.hundredths() as f64 / self.results as f64)
    }
}

/// Per entry position: whether the activity is among the vital few.
fn vital_flags(analysis: &Analysis) -> Vec<bool> {
    let mut flags = vec![false; analysis.scenario().activities().len()];
    if let Ok(breakdown) = analysis.breakdown() {
        for row in breakdown.vital() {
            if let Some(flag) = flags.get_mut(row.number - 1) {
                *flag = true;
            }
        }
    }
    flags
}

/// The activities' ranked order on one side: the breakdown's, or, with no
/// breakdown (all results zero), the same rule by hours then entry order.
fn ranked(analysis: &Analysis) -> Vec<usize> {
    match analysis.breakdown() {
        Ok(breakdown) => breakdown.rows().map(|row| row.number - 1).collect(),
        Err(_) => {
            let activities = analysis.scenario().activities();
            crate::sorted_indices(activities.len(), &|a, b| {
                activities[a].hours.cmp(&activities[b].hours)
            })
        }
    }
}

/// Pairs the activities by name; see the module documentation.
fn pair(before: &Analysis, now: &Analysis) -> Vec<(Option<usize>, Option<usize>)> {
    let before_names: Vec<String> = before
        .scenario()
        .activities()
        .iter()
        .map(|a| name_key(&a.name))
        .collect();
    let mut partner_of_now = vec![None; now.scenario().activities().len()];
    let mut taken = vec![false; before_names.len()];
    // In entry order on both sides, so duplicates pair in order of
    // occurrence.
    for (n, activity) in now.scenario().activities().iter().enumerate() {
        let key = name_key(&activity.name);
        let partner = (0..before_names.len()).find(|&b| !taken[b] && before_names[b] == key);
        if let Some(b) = partner {
            taken[b] = true;
            partner_of_now[n] = Some(b);
        }
    }
    let mut pairs: Vec<_> = ranked(now)
        .into_iter()
        .map(|n| (partner_of_now.get(n).copied().flatten(), Some(n)))
        .collect();
    pairs.extend(
        ranked(before)
            .into_iter()
            .filter(|&b| !taken.get(b).copied().unwrap_or(true))
            .map(|b| (Some(b), None)),
    );
    pairs
}

/// The form of a name that pairing compares: trimmed, ASCII letters in
/// lower case.
fn name_key(name: &str) -> String {
    name.trim().to_ascii_lowercase()
}

/// Whether two result units count the same thing: the same currency, or
/// count labels equal up to ASCII case.
fn same_unit(a: &ResultUnit, b: &ResultUnit) -> bool {
    match (a, b) {
        (ResultUnit::Currency(a), ResultUnit::Currency(b)) => a == b,
        (ResultUnit::Count(a), ResultUnit::Count(b)) => name_key(a) == name_key(b),
        _ => false,
    }
}
