//! The Pareto 80/20 breakdown of a scenario (PRODUCT.md §2).

use crate::scenario::Scenario;

/// Tolerance when comparing a cumulative share with the threshold, so that
/// a share that reaches it exactly counts despite rounding.
pub const TOLERANCE: f64 = 1e-9;

/// One activity's place in the breakdown.
#[derive(Clone, Debug, PartialEq)]
pub struct Ranked {
    /// Position in the scenario's entry order (0-based).
    pub index: usize,
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

/// The breakdown of a scenario whose results add up to more than zero.
#[derive(Clone, Debug, PartialEq)]
pub struct Breakdown {
    /// Every activity, most results first; ties by fewer hours, then by
    /// entry order.
    pub ranked: Vec<Ranked>,
    /// How many of `ranked`, from the top, are the vital few (at least 1).
    pub vital_few: usize,
    pub total_results: f64,
    pub total_hours: f64,
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

impl std::fmt::Display for NoBreakdown {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            NoBreakdown::NoResults => f.write_str(
                "Enter the results of at least one activity to see where your results come from.",
            ),
        }
    }
}

/// Breaks a scenario down into the vital few and the trivial many.
///
/// ```
/// use social8020_core::{example, pareto};
/// let breakdown = pareto::breakdown(&example::bakery()).unwrap();
/// assert!(breakdown.vital_few >= 1);
/// ```
pub fn breakdown(scenario: &Scenario) -> Result<Breakdown, NoBreakdown> {
    let activities = scenario.activities();
    // Sums in hundredths are exact in u64 (at most 100 x 10^14 < 2^64);
    // their f64 shares are within 1e-16 of the truth.
    let total_results: u64 = activities.iter().map(|a| a.results.hundredths()).sum();
    let total_hours: u64 = activities.iter().map(|a| a.hours.hundredths()).sum();
    if total_results == 0 {
        return Err(NoBreakdown::NoResults);
    }

    // Entry order breaks the remaining ties (the sort is stable).
    let order = crate::sorted_indices(activities.len(), &|a, b| {
        let (x, y) = (&activities[a], &activities[b]);
        y.results.cmp(&x.results).then(x.hours.cmp(&y.hours))
    });

    let threshold = scenario.threshold().fraction();
    let total_results_f = total_results as f64;
    let mut running: u64 = 0;
    let ranked = order
        .into_iter()
        .map(|index| {
            let activity = &activities[index];
            running += activity.results.hundredths();
            let cumulative_share = running as f64 / total_results_f;
            let result_share = activity.results.hundredths() as f64 / total_results_f;
            let time_share =
                (total_hours > 0).then(|| activity.hours.hundredths() as f64 / total_hours as f64);
            let results_per_hour = (activity.hours.hundredths() > 0)
                .then(|| activity.results.as_f64() / activity.hours.as_f64());
            let leverage = time_share.filter(|t| *t > 0.0).map(|t| result_share / t);
            Ranked {
                index,
                result_share,
                cumulative_share,
                time_share,
                results_per_hour,
                leverage,
            }
        })
        .collect::<Vec<_>>();
    // The shortest prefix whose cumulative share reaches the threshold. The
    // last cumulative share is exactly 1, so one always exists.
    let vital_few = ranked
        .iter()
        .position(|r| r.cumulative_share >= threshold - TOLERANCE)
        .map_or(ranked.len(), |p| p + 1);

    Ok(Breakdown {
        ranked,
        vital_few,
        total_results: total_results_f / 100.0,
        total_hours: total_hours as f64 / 100.0,
    })
}

impl Breakdown {
    pub fn vital(&self) -> &[Ranked] {
        &self.ranked[..self.vital_few]
    }

    pub fn trivial(&self) -> &[Ranked] {
        &self.ranked[self.vital_few..]
    }

    /// The numbers of the headline, given the scenario it was made from.
    pub fn headline(&self, scenario: &Scenario) -> Headline {
        let activities = scenario.activities();
        let vital_result_share = self.vital().last().map_or(0.0, |r| r.cumulative_share);
        let vital_time_share = (self.total_hours > 0.0).then(|| {
            self.vital()
                .iter()
                .filter_map(|r| r.time_share)
                .sum::<f64>()
        });
        let trivial_hours = self
            .trivial()
            .iter()
            .filter_map(|r| activities.get(r.index))
            .map(|a| a.hours.as_f64())
            .sum();
        Headline {
            vital_count: self.vital_few,
            activity_count: self.ranked.len(),
            vital_count_share: self.vital_few as f64 / self.ranked.len() as f64,
            vital_result_share,
            vital_time_share,
            trivial_hours,
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
    /// Every activity is in the vital few, so there is nothing to move.
    NoTrivialMany,
    /// The trivial many take no hours.
    NoHoursToMove,
    /// The vital few take no hours, so their results per hour are unknown.
    VitalFewUntimed,
}

impl std::fmt::Display for NoProjection {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            NoProjection::NoTrivialMany => {
                "Every activity is part of your vital few, so there are no hours to move."
            }
            NoProjection::NoHoursToMove => {
                "Your other activities take no hours, so there are no hours to move."
            }
            NoProjection::VitalFewUntimed => {
                "Enter the hours of your vital few to see what more time on them would bring."
            }
        })
    }
}

impl Breakdown {
    /// Moves `share` (0 to 1, clamped) of every trivial activity's hours into
    /// the vital few, spread in proportion to their current hours, so the
    /// vital few keep their own average results per hour.
    pub fn reallocate(&self, scenario: &Scenario, share: f64) -> Result<Projection, NoProjection> {
        let share = if share.is_finite() {
            share.clamp(0.0, 1.0)
        } else {
            0.0
        };
        let activities = scenario.activities();
        let sum = |rows: &[Ranked], value: fn(&crate::scenario::Activity) -> f64| -> f64 {
            rows.iter()
                .filter_map(|r| activities.get(r.index))
                .map(value)
                .sum()
        };
        if self.trivial().is_empty() {
            return Err(NoProjection::NoTrivialMany);
        }
        let trivial_hours = sum(self.trivial(), |a| a.hours.as_f64());
        if trivial_hours <= 0.0 {
            return Err(NoProjection::NoHoursToMove);
        }
        let vital_hours = sum(self.vital(), |a| a.hours.as_f64());
        if vital_hours <= 0.0 {
            return Err(NoProjection::VitalFewUntimed);
        }
        let vital_rate = sum(self.vital(), |a| a.results.as_f64()) / vital_hours;
        let moved_hours = share * trivial_hours;
        // Results per hour stay as they are, so each trivial activity loses
        // the same share of its results as of its hours.
        let lost_results = share * sum(self.trivial(), |a| a.results.as_f64());
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
