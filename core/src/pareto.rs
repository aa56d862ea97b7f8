//! The Pareto 80/20 breakdown of a scenario (docs/spec.md §2).
//!
//! A [`Breakdown`] owns the scenario it ranks, so its rows carry their
//! activities and a breakdown can never be read against another scenario.

use std::rc::Rc;

use crate::scenario::{Activity, ActivityKind, Scenario};

/// Tolerance when comparing a cumulative share with the threshold, so that
/// a share that reaches it exactly counts despite rounding.
pub const TOLERANCE: f64 = 1e-9;

/// The figures of one activity in the breakdown.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Figures {
    /// results / total results, from 0 to 1.
    pub result_share: f64,
    /// Result share of this activity and all above it.
    pub cumulative_share: f64,
    /// hours / total hours; `None` when no hours were entered at all.
    pub time_share: Option<f64>,
    /// `None` when the activity has no hours.
    pub results_per_hour: Option<f64>,
    /// result share / time share; `None` when the time share is zero or
    /// unknown.
    pub leverage: Option<f64>,
}

/// One activity's place in the breakdown, with the activity itself.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Ranked<'a> {
    /// 1 for the activity with the most results.
    pub rank: usize,
    /// 1-based position in entry order, as in "Activity N" on screen.
    pub number: usize,
    pub activity: &'a Activity,
    /// Among the vital few.
    pub vital: bool,
    pub figures: Figures,
}

/// The breakdown of a scenario whose results add up to more than zero.
/// Made only by [`breakdown`]; its fields are private so that what it says
/// always belongs to the scenario it holds.
#[derive(Clone, Debug, PartialEq)]
pub struct Breakdown {
    scenario: Rc<Scenario>,
    /// Entry positions and figures, most results first; ties by fewer
    /// hours, then by entry order. Every position is one of `scenario`'s.
    order: Vec<(usize, Figures)>,
    /// How many of `order`, from the top, are the vital few (at least 1).
    vital_few: usize,
    total_results: f64,
    total_hours: f64,
}

/// The numbers behind the headline sentence.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Headline {
    pub vital_count: usize,
    pub activity_count: usize,
    /// vital_count / activity_count.
    pub vital_count_share: f64,
    pub vital_result_share: f64,
    /// `None` when no hours were entered.
    pub vital_time_share: Option<f64>,
    pub trivial_hours: f64,
    pub trivial_result_share: f64,
}

/// Why there is no breakdown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoBreakdown {
    /// All results are zero, so there is nothing to share out.
    NoResults,
}

impl NoBreakdown {
    /// A stable name for the reason, as the JSON report gives it.
    pub fn key(self) -> &'static str {
        match self {
            NoBreakdown::NoResults => "no_results",
        }
    }
}

/// Breaks a scenario down into the vital few and the trivial many.
///
/// ```
/// use social8020_core::{example, pareto};
/// let breakdown = pareto::breakdown(example::bakery()).unwrap();
/// assert!(breakdown.vital_count() >= 1);
/// assert_eq!(breakdown.rows().next().unwrap().rank, 1);
/// ```
pub fn breakdown(scenario: impl Into<Rc<Scenario>>) -> Result<Breakdown, NoBreakdown> {
    let scenario = scenario.into();
    let activities = scenario.activities();
    // Sums in hundredths are exact in u64 (at most 100 x 10^14 < 2^64);
    // their f64 shares are within 1e-16 of the truth.
    let total_results: u64 = activities.iter().map(|a| a.results.hundredths()).sum();
    let total_hours: u64 = activities.iter().map(|a| a.hours.hundredths()).sum();
    if total_results == 0 {
        return Err(NoBreakdown::NoResults);
    }

    // Entry order breaks the remaining ties (the sort is stable).
    let sorted = crate::sorted_indices(activities.len(), &|a, b| {
        let (x, y) = (&activities[a], &activities[b]);
        y.results.cmp(&x.results).then(x.hours.cmp(&y.hours))
    });

    let threshold = scenario.threshold().fraction();
    let total_results_f = total_results as f64;
    let mut running: u64 = 0;
    let order = sorted
        .into_iter()
        .map(|index| {
            let activity = &activities[index];
            running += activity.results.hundredths();
            let result_share = activity.results.hundredths() as f64 / total_results_f;
            let time_share =
                (total_hours > 0).then(|| activity.hours.hundredths() as f64 / total_hours as f64);
            let figures = Figures {
                result_share,
                cumulative_share: running as f64 / total_results_f,
                time_share,
                results_per_hour: (activity.hours.hundredths() > 0)
                    .then(|| activity.results.as_f64() / activity.hours.as_f64()),
                leverage: time_share.filter(|t| *t > 0.0).map(|t| result_share / t),
            };
            (index, figures)
        })
        .collect::<Vec<_>>();
    // The shortest prefix whose cumulative share reaches the threshold. The
    // last cumulative share is exactly 1, so one always exists.
    let vital_few = order
        .iter()
        .position(|(_, f)| f.cumulative_share >= threshold - TOLERANCE)
        .map_or(order.len(), |p| p + 1);

    Ok(Breakdown {
        order,
        vital_few,
        total_results: total_results_f / 100.0,
        total_hours: total_hours as f64 / 100.0,
        scenario,
    })
}

impl Breakdown {
    /// The scenario this breakdown ranks.
    pub fn scenario(&self) -> &Rc<Scenario> {
        &self.scenario
    }

    /// Every activity, most results first.
    pub fn rows(&self) -> impl ExactSizeIterator<Item = Ranked<'_>> + '_ {
        let activities = self.scenario.activities();
        self.order
            .iter()
            .enumerate()
            .map(move |(position, &(index, figures))| Ranked {
                rank: position + 1,
                number: index + 1,
                // Every position in `order` was taken from this scenario.
                activity: &activities[index],
                vital: position < self.vital_few,
                figures,
            })
    }

    /// The vital few, most results first.
    pub fn vital(&self) -> impl Iterator<Item = Ranked<'_>> + '_ {
        self.rows().take(self.vital_few)
    }

    /// The trivial many, most results first.
    pub fn trivial(&self) -> impl Iterator<Item = Ranked<'_>> + '_ {
        self.rows().skip(self.vital_few)
    }

    /// How many activities are the vital few (at least 1).
    pub fn vital_count(&self) -> usize {
        self.vital_few
    }

    /// How many activities there are (at least 1).
    pub fn len(&self) -> usize {
        self.order.len()
    }

    /// Never true: a breakdown has at least one activity.
    pub fn is_empty(&self) -> bool {
        self.order.is_empty()
    }

    pub fn total_results(&self) -> f64 {
        self.total_results
    }

    /// 0 when no hours were entered.
    pub fn total_hours(&self) -> f64 {
        self.total_hours
    }

    /// The share of results that the vital few bring.
    pub fn vital_result_share(&self) -> f64 {
        self.order
            .get(self.vital_few.wrapping_sub(1))
            .map_or(0.0, |(_, f)| f.cumulative_share)
    }

    /// How many of the vital few are community activities.
    pub fn community_in_vital_few(&self) -> usize {
        self.vital()
            .filter(|r| r.activity.kind == ActivityKind::Community)
            .count()
    }

    /// The numbers of the headline.
    pub fn headline(&self) -> Headline {
        let vital_result_share = self.vital_result_share();
        let vital_time_share = (self.total_hours > 0.0).then(|| {
            self.vital()
                .filter_map(|r| r.figures.time_share)
                .sum::<f64>()
        });
        Headline {
            vital_count: self.vital_few,
            activity_count: self.len(),
            vital_count_share: self.vital_few as f64 / self.len() as f64,
            vital_result_share,
            vital_time_share,
            trivial_hours: self.trivial().map(|r| r.activity.hours.as_f64()).sum(),
            trivial_result_share: (1.0 - vital_result_share).max(0.0),
        }
    }
}

/// What moving part of the trivial many's hours into the vital few would
/// bring, if results per hour stay as they are.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Projection {
    /// Hours moved from the trivial many into the vital few.
    pub moved_hours: f64,
    /// Results the trivial many lose with those hours.
    pub lost_results: f64,
    /// Results the vital few gain with them.
    pub gained_results: f64,
    pub current_results: f64,
    pub projected_results: f64,
    /// projected / current - 1.
    pub change: f64,
}

/// Why there is no projection.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoProjection {
    /// Every activity is part of the vital few, so there is nothing to move.
    NoTrivialMany,
    /// The trivial many take no hours.
    NoHoursToMove,
    /// The vital few take no hours, so their results per hour are unknown.
    VitalFewUntimed,
}

impl Breakdown {
    /// Moves `share` (0 to 1, clamped) of every trivial activity's hours into
    /// the vital few, spread in proportion to their current hours, so the
    /// vital few keep their own average results per hour.
    pub fn reallocate(&self, share: f64) -> Result<Projection, NoProjection> {
        let share = if share.is_finite() {
            share.clamp(0.0, 1.0)
        } else {
            0.0
        };
        let hours = |rows: &mut dyn Iterator<Item = Ranked<'_>>| -> f64 {
            rows.map(|r| r.activity.hours.as_f64()).sum()
        };
        let results = |rows: &mut dyn Iterator<Item = Ranked<'_>>| -> f64 {
            rows.map(|r| r.activity.results.as_f64()).sum()
        };
        if self.vital_few >= self.len() {
            return Err(NoProjection::NoTrivialMany);
        }
        let trivial_hours = hours(&mut self.trivial());
        if trivial_hours <= 0.0 {
            return Err(NoProjection::NoHoursToMove);
        }
        let vital_hours = hours(&mut self.vital());
        if vital_hours <= 0.0 {
            return Err(NoProjection::VitalFewUntimed);
        }
        let vital_rate = results(&mut self.vital()) / vital_hours;
        let moved_hours = share * trivial_hours;
        // Results per hour stay as they are, so each trivial activity loses
        // the same share of its results as of its hours.
        let lost_results = share * results(&mut self.trivial());
        let gained_results = moved_hours * vital_rate;
        let current_results = self.total_results;
        let projected_results = current_results - lost_results + gained_results;
        Ok(Projection {
            moved_hours,
            lost_results,
            gained_results,
            current_results,
            projected_results,
            change: projected_results / current_results - 1.0,
        })
    }
}
