//! The following-versus-community score (docs/spec.md §3).
//!
//! Five signals each become a sub-score from 0 to 100; the score is their
//! weighted mean, rounded to a whole number. A signal whose inputs are
//! missing is left out and the weights of the others grow to fill its place.
//! Weights, targets and band edges are a [`ScoreConfig`], so that a host can
//! override them and the "How is this calculated?" panel can show the values
//! in force; nothing in the maths has a default of its own.
//!
//! ```
//! use social8020_core::{example, pareto, score};
//! use social8020_core::score::{Band, ScoreConfig, Signal};
//!
//! let bakery = example::bakery();
//! let config = ScoreConfig::standard();
//! let score = score::score(&bakery, &config).unwrap();
//! assert_eq!((score.value, score.band, score.signals_used), (54, Band::GrowingCommunity, 5));
//! assert_eq!(score.band.key(), "growing_community");
//!
//! // The biggest lever is the time given to community; its advice (worded
//! // by the app) has no target to aim for, the advocacy advice has one.
//! let lever = score.biggest_lever().unwrap();
//! assert_eq!(lever.signal, Signal::TimeOnCommunity);
//! assert_eq!(lever.signal.advice(&config).aim, None);
//! assert_eq!(Signal::Advocacy.advice(&config).aim, Some(0.5));
//!
//! // All three of the bakery's vital few are community activities.
//! let breakdown = pareto::breakdown(bakery).unwrap();
//! assert_eq!(breakdown.community_in_vital_few(), 3);
//! ```

use std::fmt;
use std::ops::RangeInclusive;

use crate::number::Amount;
use crate::pareto::TOLERANCE;
use crate::scenario::{Activity, ActivityKind, Scenario};

/// One of the five signals, in the order of the table in docs/spec.md §3.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Signal {
    /// Community hours / all hours.
    TimeOnCommunity,
    /// Community results / all results.
    ResultsFromCommunity,
    /// (Comments + shares) / (likes + comments + shares) per typical post.
    Conversation,
    /// Repeat customers / customers.
    Loyalty,
    /// Referred customers / customers.
    Advocacy,
}

impl Signal {
    /// Every signal, in table order; ties between levers follow it.
    pub const ALL: [Signal; 5] = [
        Signal::TimeOnCommunity,
        Signal::ResultsFromCommunity,
        Signal::Conversation,
        Signal::Loyalty,
        Signal::Advocacy,
    ];

    /// The machine name used in exports and host settings.
    pub fn key(self) -> &'static str {
        match self {
            Signal::TimeOnCommunity => "time",
            Signal::ResultsFromCommunity => "results",
            Signal::Conversation => "conversation",
            Signal::Loyalty => "loyalty",
            Signal::Advocacy => "advocacy",
        }
    }

    pub fn from_key(key: &str) -> Option<Signal> {
        Signal::ALL.into_iter().find(|s| s.key() == key)
    }

    /// What to do about this signal, with the target in force to aim for
    /// where the signal has one; the app words it for a small-business
    /// owner.
    pub fn advice(self, config: &ScoreConfig) -> Advice {
        Advice {
            signal: self,
            aim: config.targets.get(self),
        }
    }
}

/// Concrete advice for one signal, in the spirit of the three questions
/// every strategy should answer: which gap social media can close, which
/// tools close it this week, which metric to watch. The words are the
/// app's; this says which advice, and the number in it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Advice {
    pub signal: Signal,
    /// The measure to aim for, as a fraction: the signal's target, for the
    /// three signals that have one.
    pub aim: Option<f64>,
}

/// The weight of each signal. Only the ratios matter.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Weights {
    pub time_on_community: f64,
    pub results_from_community: f64,
    pub conversation: f64,
    pub loyalty: f64,
    pub advocacy: f64,
}

impl Weights {
    pub fn get(&self, signal: Signal) -> f64 {
        match signal {
            Signal::TimeOnCommunity => self.time_on_community,
            Signal::ResultsFromCommunity => self.results_from_community,
            Signal::Conversation => self.conversation,
            Signal::Loyalty => self.loyalty,
            Signal::Advocacy => self.advocacy,
        }
    }
}

/// The measure at which a signal scores 100, as a fraction. The two time
/// and results signals have none: their sub-score is the share itself.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Targets {
    pub conversation: f64,
    pub loyalty: f64,
    pub advocacy: f64,
}

impl Targets {
    pub fn get(&self, signal: Signal) -> Option<f64> {
        match signal {
            Signal::TimeOnCommunity | Signal::ResultsFromCommunity => None,
            Signal::Conversation => Some(self.conversation),
            Signal::Loyalty => Some(self.loyalty),
            Signal::Advocacy => Some(self.advocacy),
        }
    }
}

/// Where the bands begin: a score of `growing` or more is a growing
/// community, `community` or more a community, anything lower a following.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BandEdges {
    pub growing: u8,
    pub community: u8,
}

/// Weights, targets and band edges: the values the score is computed with.
/// Build one with [`ScoreConfig::standard`] or, for a host's overrides,
/// [`ScoreConfig::new`]; either way it is valid.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ScoreConfig {
    weights: Weights,
    targets: Targets,
    bands: BandEdges,
}

impl ScoreConfig {
    /// The values of docs/spec.md §3.
    pub fn standard() -> ScoreConfig {
        ScoreConfig {
            weights: Weights {
                time_on_community: 20.0,
                results_from_community: 25.0,
                conversation: 15.0,
                loyalty: 20.0,
                advocacy: 20.0,
            },
            targets: Targets {
                conversation: 0.40,
                loyalty: 0.40,
                advocacy: 0.50,
            },
            bands: BandEdges {
                growing: 40,
                community: 70,
            },
        }
    }

    /// Checks a host's values: weights are 0 or more with a sum above 0,
    /// targets lie in (0, 1], and 0 < growing <= community <= 100.
    pub fn new(
        weights: Weights,
        targets: Targets,
        bands: BandEdges,
    ) -> Result<ScoreConfig, ConfigError> {
        let mut sum = 0.0;
        for signal in Signal::ALL {
            let weight = weights.get(signal);
            if !(weight.is_finite() && weight >= 0.0) {
                return Err(ConfigError::Weight(signal));
            }
            sum += weight;
        }
        if !(sum > 0.0 && sum.is_finite()) {
            return Err(ConfigError::NoWeight);
        }
        for signal in Signal::ALL {
            if let Some(target) = targets.get(signal) {
                if !(target > 0.0 && target <= 1.0) {
                    return Err(ConfigError::Target(signal));
                }
            }
        }
        if !(0 < bands.growing && bands.growing <= bands.community && bands.community <= 100) {
            return Err(ConfigError::Bands);
        }
        Ok(ScoreConfig {
            weights,
            targets,
            bands,
        })
    }

    pub fn weights(&self) -> Weights {
        self.weights
    }

    pub fn targets(&self) -> Targets {
        self.targets
    }

    pub fn bands(&self) -> BandEdges {
        self.bands
    }

    /// The band a whole score falls in.
    pub fn band(&self, value: u8) -> Band {
        if value >= self.bands.community {
            Band::Community
        } else if value >= self.bands.growing {
            Band::GrowingCommunity
        } else {
            Band::Following
        }
    }

    /// The whole scores in a band, such as `40..=69`; empty when a host set
    /// both edges to the same value.
    pub fn band_range(&self, band: Band) -> RangeInclusive<u8> {
        let BandEdges { growing, community } = self.bands;
        match band {
            Band::Following => 0..=growing.saturating_sub(1),
            Band::GrowingCommunity => growing..=community.saturating_sub(1),
            Band::Community => community..=100,
        }
    }

    /// The sub-score for a measure: the share in percent, or against the
    /// signal's target, at most 100.
    fn sub_score(&self, signal: Signal, measure: f64) -> f64 {
        let against = self.targets.get(signal).unwrap_or(1.0);
        (measure / against * 100.0).clamp(0.0, 100.0)
    }
}

impl Default for ScoreConfig {
    /// [`ScoreConfig::standard`].
    fn default() -> Self {
        ScoreConfig::standard()
    }
}

/// Why a host's score settings were refused. Each message says how to fix
/// them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ConfigError {
    /// A weight is negative or not a number.
    Weight(Signal),
    /// Every weight is zero.
    NoWeight,
    /// A target is not above 0 and at most 1.
    Target(Signal),
    /// The band edges are not 0 < growing <= community <= 100.
    Bands,
}

/// In English: a message for the host site's web person, in the browser's
/// console and on the embed builder page, not for visitors.
impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // The signal names of the builder page, where these settings are made.
        let name = |signal| match signal {
            Signal::TimeOnCommunity => "Time on community",
            Signal::ResultsFromCommunity => "Results from community",
            Signal::Conversation => "Conversation and amplification",
            Signal::Loyalty => "Loyalty",
            Signal::Advocacy => "Advocacy",
        };
        match *self {
            ConfigError::Weight(signal) => {
                write!(
                    f,
                    "Set the weight of {} to a number of 0 or more.",
                    name(signal)
                )
            }
            ConfigError::NoWeight => f.write_str("Give at least one signal a weight above 0."),
            ConfigError::Target(signal) => write!(
                f,
                "Set the target of {} above 0 % and at most 100 % (0 to 1 as a fraction).",
                name(signal)
            ),
            ConfigError::Bands => {
                f.write_str("Set the band edges so that 0 < growing community <= community <= 100.")
            }
        }
    }
}

impl std::error::Error for ConfigError {}

/// The three bands of the score.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Band {
    Following,
    GrowingCommunity,
    Community,
}

impl Band {
    pub const ALL: [Band; 3] = [Band::Following, Band::GrowingCommunity, Band::Community];

    pub fn key(self) -> &'static str {
        match self {
            Band::Following => "following",
            Band::GrowingCommunity => "growing_community",
            Band::Community => "community",
        }
    }
}

/// One signal's part in the score.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SignalScore {
    pub signal: Signal,
    /// The measure as a fraction from 0 to 1; `None` when its inputs are
    /// missing.
    pub measure: Option<f64>,
    /// 0 to 100; `None` when the measure is.
    pub sub_score: Option<f64>,
    /// The weight in the configuration.
    pub weight: f64,
    /// The target in the configuration, for the three signals that have one.
    pub target: Option<f64>,
    /// This signal's weight over the sum of the weights of the signals
    /// present; 0 when it is missing. The shares of the signals used sum
    /// to 1.
    pub weight_share: f64,
    /// Points of the (unrounded) score that this signal brings:
    /// weight share x sub-score.
    pub contribution: f64,
}

impl SignalScore {
    /// Whether the score rests on this signal: its inputs are there and its
    /// weight is above 0.
    pub fn is_used(&self) -> bool {
        self.sub_score.is_some() && self.weight > 0.0
    }
}

/// A signal worth working on, and by how much.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Lever {
    pub signal: Signal,
    /// weight x (100 - sub-score): what the levers are ranked by.
    pub weighted_headroom: f64,
    /// Points the score would gain if this signal reached 100.
    pub points: f64,
}

/// The score with everything the explanation panel shows.
#[derive(Clone, Debug, PartialEq)]
pub struct Score {
    /// 0 to 100, rounded half away from zero.
    pub value: u8,
    /// The weighted mean before rounding.
    pub exact: f64,
    pub band: Band,
    /// How many of the five signals the score rests on (1 to 5).
    pub signals_used: usize,
    /// Every signal, in [`Signal::ALL`] order, used or not.
    pub signals: [SignalScore; 5],
}

impl Score {
    pub fn signal(&self, signal: Signal) -> &SignalScore {
        // `signals` is built in `Signal::ALL` order, so the position is the
        // discriminant.
        &self.signals[signal as usize]
    }

    /// The signals used that have room to grow, largest weighted headroom
    /// first; ties keep the order of the table.
    pub fn levers(&self) -> Vec<Lever> {
        let levers: Vec<Lever> = self
            .signals
            .iter()
            .filter(|s| s.is_used())
            .filter_map(|s| {
                let headroom = 100.0 - s.sub_score?;
                (headroom > 0.0).then_some(Lever {
                    signal: s.signal,
                    weighted_headroom: s.weight * headroom,
                    points: s.weight_share * headroom,
                })
            })
            .collect();
        // A stable sort, so equal headroom keeps the table order.
        crate::sorted_indices(levers.len(), &|a, b| {
            levers[b]
                .weighted_headroom
                .total_cmp(&levers[a].weighted_headroom)
        })
        .into_iter()
        .map(|i| levers[i])
        .collect()
    }

    /// The signal with the largest weighted headroom; `None` when every
    /// signal used is at 100.
    pub fn biggest_lever(&self) -> Option<Lever> {
        self.levers().first().copied()
    }

    /// The lever after the biggest one.
    pub fn next_lever(&self) -> Option<Lever> {
        self.levers().get(1).copied()
    }
}

/// Why there is no score.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoScore {
    /// No signal with a weight above 0 has its inputs.
    NoSignals,
}

impl NoScore {
    /// A stable name for the reason, as the JSON report gives it.
    pub fn key(self) -> &'static str {
        match self {
            NoScore::NoSignals => "no_signals",
        }
    }
}

/// The measure of each signal, `None` where its inputs are missing.
pub fn measures(scenario: &Scenario) -> [Option<f64>; 5] {
    Signal::ALL.map(|signal| measure(scenario, signal))
}

fn measure(scenario: &Scenario, signal: Signal) -> Option<f64> {
    let signals = scenario.signals();
    match signal {
        Signal::TimeOnCommunity => community_share(scenario, |a| a.hours),
        Signal::ResultsFromCommunity => community_share(scenario, |a| a.results),
        Signal::Conversation => {
            let (likes, comments, shares) = (signals.likes?, signals.comments?, signals.shares?);
            ratio(
                comments.hundredths() + shares.hundredths(),
                likes.hundredths() + comments.hundredths() + shares.hundredths(),
            )
        }
        Signal::Loyalty => ratio(
            signals.repeat_customers?.hundredths(),
            signals.customers?.hundredths(),
        ),
        Signal::Advocacy => ratio(
            signals.referred_customers?.hundredths(),
            signals.customers?.hundredths(),
        ),
    }
}

/// The community activities' share of a column, summed exactly in
/// hundredths.
fn community_share(scenario: &Scenario, column: impl Fn(&Activity) -> Amount) -> Option<f64> {
    let (mut community, mut all) = (0u64, 0u64);
    for activity in scenario.activities() {
        let value = column(activity).hundredths();
        all = all.saturating_add(value);
        if activity.kind == ActivityKind::Community {
            community = community.saturating_add(value);
        }
    }
    ratio(community, all)
}

/// `part / whole`, at most 1; `None` when the whole is 0.
fn ratio(part: u64, whole: u64) -> Option<f64> {
    (whole > 0).then(|| (part as f64 / whole as f64).min(1.0))
}

/// Scores a scenario with the given weights, targets and bands.
pub fn score(scenario: &Scenario, config: &ScoreConfig) -> Result<Score, NoScore> {
    let signals = Signal::ALL.map(|signal| {
        let measure = measure(scenario, signal);
        SignalScore {
            signal,
            measure,
            sub_score: measure.map(|m| config.sub_score(signal, m)),
            weight: config.weights.get(signal),
            target: config.targets.get(signal),
            weight_share: 0.0,
            contribution: 0.0,
        }
    });
    let used = || signals.iter().filter(|s| s.is_used());
    let total_weight: f64 = used().map(|s| s.weight).sum();
    if total_weight.is_nan() || total_weight <= 0.0 {
        return Err(NoScore::NoSignals);
    }
    let weighted_sum: f64 = used()
        .filter_map(|s| s.sub_score.map(|sub| s.weight * sub))
        .sum();
    // A mean lies between the least and the greatest of its numbers; this
    // keeps it so despite rounding in the sums.
    let (least, greatest) = used()
        .filter_map(|s| s.sub_score)
        .fold((100.0_f64, 0.0_f64), |(lo, hi), x| (lo.min(x), hi.max(x)));
    let exact = (weighted_sum / total_weight).max(least).min(greatest);
    // Half away from zero. A half that binary arithmetic left a hair short
    // (14.499999999999998 for 29 / 200 x 100) still rounds up, as by hand.
    let value = (exact + 0.5 + TOLERANCE).floor().clamp(0.0, 100.0) as u8;

    let signals = signals.map(|s| {
        if s.is_used() {
            let weight_share = s.weight / total_weight;
            SignalScore {
                weight_share,
                contribution: weight_share * s.sub_score.unwrap_or(0.0),
                ..s
            }
        } else {
            s
        }
    });
    Ok(Score {
        value,
        exact,
        band: config.band(value),
        signals_used: signals.iter().filter(|s| s.is_used()).count(),
        signals,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::example;
    use crate::pareto;
    use crate::scenario::ScenarioParts;
    use proptest::prelude::*;

    /// A scenario from one line (see [`crate::testing::line`]): `c:H/R` is
    /// a community activity of H hours and R results, `f:H/R` a following
    /// one, and `likes=N` and so on set the audience signals.
    fn scenario(input: &str) -> Scenario {
        crate::testing::line(input).build()
    }

    /// The score in one line: value, band key, signals used, and each used
    /// signal's sub-score to two decimals.
    fn render(result: Result<Score, NoScore>) -> String {
        let score = match result {
            Ok(score) => score,
            Err(NoScore::NoSignals) => return "no score".to_owned(),
        };
        let parts: Vec<String> = score
            .signals
            .iter()
            .filter(|s| s.is_used())
            .map(|s| {
                let sub = format!("{:.2}", s.sub_score.unwrap_or(f64::NAN));
                let sub = sub.trim_end_matches('0').trim_end_matches('.');
                format!("{}={sub}", s.signal.key())
            })
            .collect();
        format!(
            "{} {} ({}/5): {}",
            score.value,
            score.band.key(),
            score.signals_used,
            parts.join(" ")
        )
    }

    /// Checks the score of a one-line scenario under `config`, and the
    /// invariants every score keeps.
    #[track_caller]
    fn check_with(config: &ScoreConfig, input: &str, expected: &str) {
        let result = score(&scenario(input), config);
        if let Ok(score) = &result {
            let shares: f64 = score.signals.iter().map(|s| s.weight_share).sum();
            let points: f64 = score.signals.iter().map(|s| s.contribution).sum();
            assert!((shares - 1.0).abs() < 1e-9, "weight shares sum to {shares}");
            assert!(
                (points - score.exact).abs() < 1e-9,
                "{points} vs {}",
                score.exact
            );
            assert_eq!(score.band, config.band(score.value));
        }
        assert_eq!(render(result), expected, "input {input:?}");
    }

    #[track_caller]
    fn check(input: &str, expected: &str) {
        check_with(&ScoreConfig::standard(), input, expected);
    }

    #[test]
    fn each_signal_alone() {
        check("c:1/0 f:3/0", "25 following (1/5): time=25");
        check("c:0/30 f:0/70", "30 following (1/5): results=30");
        check(
            "f:0/0 likes=80 comments=10 shares=10",
            "50 growing_community (1/5): conversation=50",
        );
        check(
            "f:0/0 customers=100 repeat=10",
            "25 following (1/5): loyalty=25",
        );
        check(
            "f:0/0 customers=100 referred=10",
            "20 following (1/5): advocacy=20",
        );
    }

    #[test]
    fn all_five_signals() {
        // (20 x 25 + 25 x 25 + 15 x 50 + 20 x 50 + 20 x 50) / 100 = 38.75.
        check(
            "c:1/10 f:3/30 likes=80 comments=10 shares=10 customers=100 repeat=20 referred=25",
            "39 following (5/5): time=25 results=25 conversation=50 loyalty=50 advocacy=50",
        );
        check(
            "c:4/9 f:0/1 likes=0 comments=3 shares=1 customers=10 repeat=4 referred=5",
            "98 community (5/5): time=100 results=90 conversation=100 loyalty=100 advocacy=100",
        );
        check(
            "f:4/10 likes=5 comments=0 shares=0 customers=10 repeat=0 referred=0",
            "0 following (5/5): time=0 results=0 conversation=0 loyalty=0 advocacy=0",
        );
    }

    #[test]
    fn missing_signals_are_left_out_and_the_rest_reweighted() {
        // time 25 (20) + loyalty 50 (20): 37.5.
        check(
            "c:1/0 f:3/0 customers=100 repeat=20",
            "38 following (2/5): time=25 loyalty=50",
        );
        // results 25 (25) + conversation 50 (15): 34.375.
        check(
            "c:0/1 f:0/3 likes=8 comments=1 shares=1",
            "34 following (2/5): results=25 conversation=50",
        );
        // conversation 100 (15) + advocacy 20 (20): 54.29.
        check(
            "f:0/0 likes=0 comments=1 shares=0 customers=10 referred=1",
            "54 growing_community (2/5): conversation=100 advocacy=20",
        );
        // Zero customers leave loyalty and advocacy out.
        check(
            "c:1/1 f:1/1 customers=0 repeat=0 referred=0",
            "50 growing_community (2/5): time=50 results=50",
        );
        // A per-post figure not entered, or all of them zero.
        check(
            "c:1/1 likes=10 comments=5",
            "100 community (2/5): time=100 results=100",
        );
        check(
            "c:1/1 likes=0 comments=0 shares=0",
            "100 community (2/5): time=100 results=100",
        );
        // Customers without repeat or referred customers.
        check(
            "c:1/0 f:1/0 customers=10",
            "50 growing_community (1/5): time=50",
        );
        check(
            "f:0/0 customers=10 repeat=2",
            "50 growing_community (1/5): loyalty=50",
        );
    }

    #[test]
    fn every_subset_of_signals_reweights() {
        // Each signal's inputs and sub-score, chosen so that no two subsets
        // share a mean by accident.
        let inputs = [
            ("c:1/0 f:9/0", 10.0),
            ("c:0/3 f:0/7", 30.0),
            ("likes=12 comments=2 shares=1", 50.0),
            ("customers=100 repeat=28", 70.0),
            ("customers=100 referred=45", 90.0),
        ];
        let config = ScoreConfig::standard();
        for mask in 0u32..32 {
            let chosen: Vec<usize> = (0..5).filter(|i| mask & (1 << i) != 0).collect();
            let mut line = String::new();
            // Time and results share the activity rows.
            line.push_str(match (chosen.contains(&0), chosen.contains(&1)) {
                (true, true) => "c:1/3 f:9/7",
                (true, false) => inputs[0].0,
                (false, true) => inputs[1].0,
                (false, false) => "f:0/0",
            });
            for &i in chosen.iter().filter(|&&i| i >= 2) {
                line.push(' ');
                line.push_str(inputs[i].0);
            }
            let result = score(&scenario(&line), &config);
            if chosen.is_empty() {
                assert_eq!(result, Err(NoScore::NoSignals));
                continue;
            }
            let weights: f64 = chosen
                .iter()
                .map(|&i| config.weights.get(Signal::ALL[i]))
                .sum();
            let mean: f64 = chosen
                .iter()
                .map(|&i| config.weights.get(Signal::ALL[i]) * inputs[i].1)
                .sum::<f64>()
                / weights;
            let score = result.expect("a score");
            assert_eq!(score.signals_used, chosen.len(), "{line}");
            assert!(
                (score.exact - mean).abs() < 1e-9,
                "{line}: {} vs {mean}",
                score.exact
            );
            for (i, s) in score.signals.iter().enumerate() {
                assert_eq!(s.is_used(), chosen.contains(&i), "{line}: {:?}", s.signal);
            }
        }
    }

    #[test]
    fn sub_scores_saturate_at_their_targets() {
        check(
            "f:0/0 likes=60 comments=20 shares=20",
            "100 community (1/5): conversation=100",
        );
        check(
            "f:0/0 likes=0 comments=5 shares=5",
            "100 community (1/5): conversation=100",
        );
        check(
            "f:0/0 likes=61 comments=20 shares=19",
            "98 community (1/5): conversation=97.5",
        );
        check(
            "f:0/0 customers=10 repeat=4",
            "100 community (1/5): loyalty=100",
        );
        check(
            "f:0/0 customers=10 repeat=10",
            "100 community (1/5): loyalty=100",
        );
        check(
            "f:0/0 customers=100 repeat=39",
            "98 community (1/5): loyalty=97.5",
        );
        check(
            "f:0/0 customers=10 referred=5",
            "100 community (1/5): advocacy=100",
        );
        check(
            "f:0/0 customers=10 referred=10",
            "100 community (1/5): advocacy=100",
        );
        check(
            "f:0/0 customers=100 referred=49",
            "98 community (1/5): advocacy=98",
        );
        check("c:1/1", "100 community (2/5): time=100 results=100");
    }

    #[test]
    fn bands_change_at_forty_and_seventy() {
        check("c:39/0 f:61/0", "39 following (1/5): time=39");
        check("c:40/0 f:60/0", "40 growing_community (1/5): time=40");
        check("c:69/0 f:31/0", "69 growing_community (1/5): time=69");
        check("c:70/0 f:30/0", "70 community (1/5): time=70");
        check("c:0/0 f:1/0", "0 following (1/5): time=0");
        check("c:1/0", "100 community (1/5): time=100");
    }

    #[test]
    fn halves_round_up() {
        check("c:1/0 f:7/0", "13 following (1/5): time=12.5");
        check("c:1/0 f:199/0", "1 following (1/5): time=0.5");
        check("c:0.49/0 f:99.51/0", "0 following (1/5): time=0.49");
        check("c:79/0 f:121/0", "40 growing_community (1/5): time=39.5");
        // 29 / 200 x 100 is 14.499999999999998 in binary and 113 / 200 x 100
        // is 56.49999999999999; by hand they are halves and round up.
        check("c:29/0 f:171/0", "15 following (1/5): time=14.5");
        check("c:113/0 f:87/0", "57 growing_community (1/5): time=56.5");
        check("c:139/0 f:61/0", "70 community (1/5): time=69.5");
        check(
            "c:138.98/0 f:61.02/0",
            "69 growing_community (1/5): time=69.49",
        );
        // Loyalty 0.3 / 0.4 and advocacy 0.25 / 0.5 with equal weights:
        // (75 + 50) / 2 = 62.5.
        check(
            "f:0/0 customers=100 repeat=30 referred=25",
            "63 growing_community (2/5): loyalty=75 advocacy=50",
        );
    }

    #[test]
    fn no_signals_no_score() {
        check("f:0/0", "no score");
        check("c:0/0 f:0/0 customers=0 repeat=0 referred=0", "no score");
        check("f:0/0 likes=0 comments=0 shares=0", "no score");
        check("f:0/0 likes=4 shares=2 customers=5", "no score");
        assert_eq!(NoScore::NoSignals.key(), "no_signals");
    }

    #[test]
    fn more_repeat_or_referred_than_customers_never_reaches_the_score() {
        for signal in ["repeat", "referred"] {
            let mut parts = scenario("c:1/1").into_parts();
            parts.signals.customers = Some(Amount::whole(10));
            if signal == "repeat" {
                parts.signals.repeat_customers = Some(Amount::whole(11));
            } else {
                parts.signals.referred_customers = Some(Amount::whole(11));
            }
            assert!(Scenario::new(parts).is_err(), "{signal}");
        }
    }

    #[test]
    fn hosts_can_change_weights_targets_and_bands() {
        let config = |weights: [f64; 5], targets: [f64; 3], bands: [u8; 2]| {
            ScoreConfig::new(
                Weights {
                    time_on_community: weights[0],
                    results_from_community: weights[1],
                    conversation: weights[2],
                    loyalty: weights[3],
                    advocacy: weights[4],
                },
                Targets {
                    conversation: targets[0],
                    loyalty: targets[1],
                    advocacy: targets[2],
                },
                BandEdges {
                    growing: bands[0],
                    community: bands[1],
                },
            )
        };
        let all =
            "c:1/10 f:3/30 likes=80 comments=10 shares=10 customers=100 repeat=20 referred=25";
        let only_loyalty =
            config([0.0, 0.0, 0.0, 1.0, 0.0], [0.4, 0.2, 0.5], [40, 70]).expect("valid");
        check_with(&only_loyalty, all, "100 community (1/5): loyalty=100");
        // Without customers, a host that weighs only loyalty gets no score.
        check_with(&only_loyalty, "c:1/1", "no score");
        let equal = config([1.0; 5], [1.0, 1.0, 1.0], [25, 25]);
        check_with(
            &equal.expect("valid"),
            all,
            "23 following (5/5): time=25 results=25 conversation=20 loyalty=20 advocacy=25",
        );
        let strict = config([1.0; 5], [1.0, 1.0, 1.0], [20, 100]).expect("valid");
        assert_eq!(strict.band_range(Band::GrowingCommunity), 20..=99);
        assert_eq!(strict.band(99), Band::GrowingCommunity);
        assert_eq!(strict.band(100), Band::Community);

        use ConfigError::*;
        use Signal::*;
        assert_eq!(
            config([-1.0, 1.0, 1.0, 1.0, 1.0], [0.4; 3], [40, 70]),
            Err(Weight(TimeOnCommunity))
        );
        assert_eq!(
            config([1.0, 1.0, f64::NAN, 1.0, 1.0], [0.4; 3], [40, 70]),
            Err(Weight(Conversation))
        );
        assert_eq!(
            config([1.0, f64::INFINITY, 1.0, 1.0, 1.0], [0.4; 3], [40, 70]),
            Err(Weight(ResultsFromCommunity))
        );
        assert_eq!(config([0.0; 5], [0.4; 3], [40, 70]), Err(NoWeight));
        assert_eq!(config([f64::MAX; 5], [0.4; 3], [40, 70]), Err(NoWeight));
        assert_eq!(
            config([1.0; 5], [0.0, 0.4, 0.4], [40, 70]),
            Err(Target(Conversation))
        );
        assert_eq!(
            config([1.0; 5], [0.4, 1.01, 0.4], [40, 70]),
            Err(Target(Loyalty))
        );
        assert_eq!(
            config([1.0; 5], [0.4, 0.4, f64::NAN], [40, 70]),
            Err(Target(Advocacy))
        );
        assert_eq!(config([1.0; 5], [0.4; 3], [0, 70]), Err(Bands));
        assert_eq!(config([1.0; 5], [0.4; 3], [71, 70]), Err(Bands));
        assert_eq!(config([1.0; 5], [0.4; 3], [40, 101]), Err(Bands));
        assert_eq!(
            config([1.0; 5], [1.0; 3], [1, 100]).map(|c| c.bands().community),
            Ok(100)
        );
        assert!(Target(Loyalty).to_string().contains("Loyalty"));
    }

    #[test]
    fn standard_bands_and_their_ranges() {
        let config = ScoreConfig::standard();
        assert_eq!(
            config,
            ScoreConfig::new(config.weights(), config.targets(), config.bands()).expect("valid")
        );
        assert_eq!(config.band_range(Band::Following), 0..=39);
        assert_eq!(config.band_range(Band::GrowingCommunity), 40..=69);
        assert_eq!(config.band_range(Band::Community), 70..=100);
        for value in 0..=100u8 {
            let band = config.band(value);
            assert!(config.band_range(band).contains(&value), "{value}");
        }
        let no_middle = ScoreConfig::new(
            config.weights(),
            config.targets(),
            BandEdges {
                growing: 50,
                community: 50,
            },
        )
        .expect("valid");
        assert!(no_middle.band_range(Band::GrowingCommunity).is_empty());
        assert_eq!(
            (no_middle.band(49), no_middle.band(50)),
            (Band::Following, Band::Community)
        );
    }

    #[test]
    fn levers_rank_weighted_headroom() {
        let config = ScoreConfig::standard();
        let levers = |input: &str| -> Vec<Signal> {
            score(&scenario(input), &config)
                .expect("a score")
                .levers()
                .iter()
                .map(|l| l.signal)
                .collect()
        };
        use Signal::*;
        // Headroom x weight: 1500, 1875, 750, 1000, 1000; loyalty and
        // advocacy tie and keep the table order.
        assert_eq!(
            levers(
                "c:1/10 f:3/30 likes=80 comments=10 shares=10 customers=100 repeat=20 referred=25"
            ),
            [
                ResultsFromCommunity,
                TimeOnCommunity,
                Loyalty,
                Advocacy,
                Conversation
            ]
        );
        // Signals at 100 are no lever; missing ones neither.
        assert_eq!(levers("c:1/1 customers=10 repeat=1"), [Loyalty]);
        assert_eq!(levers("c:1/1"), []);
        let s = score(&scenario("c:1/1 customers=10 repeat=1"), &config).expect("a score");
        let lever = s.biggest_lever().expect("a lever");
        // Loyalty is 25 and has 20 of the 65 weight: 75 x 20 / 65 points.
        assert_eq!(lever.weighted_headroom, 1500.0);
        assert!((lever.points - 75.0 * 20.0 / 65.0).abs() < 1e-9);
        assert_eq!(s.next_lever(), None);
    }

    #[test]
    fn the_bakery() {
        let bakery = example::bakery();
        let config = ScoreConfig::standard();
        // time 17/77, results 12100/14450, conversation 20/140 of 0.4,
        // loyalty 58/180 of 0.4, advocacy 31/180 of 0.5: 53.70.
        check_with(
            &config,
            &line_of(&bakery),
            "54 growing_community (5/5): time=22.08 results=83.74 conversation=35.71 \
             loyalty=80.56 advocacy=34.44",
        );
        let s = score(&bakery, &config).expect("a score");
        assert!((s.exact - 53.70).abs() < 0.01, "{}", s.exact);
        assert_eq!(
            s.biggest_lever().map(|l| l.signal),
            Some(Signal::TimeOnCommunity)
        );
        assert_eq!(s.next_lever().map(|l| l.signal), Some(Signal::Advocacy));
        let breakdown = pareto::breakdown(bakery).expect("results");
        assert_eq!(breakdown.community_in_vital_few(), 3);
    }

    /// The one-line form of a scenario, so that the bakery goes through the
    /// same helper as every other case.
    fn line_of(scenario: &Scenario) -> String {
        let mut tokens: Vec<String> = scenario
            .activities()
            .iter()
            .map(|a| {
                let kind = match a.kind {
                    ActivityKind::Community => "c",
                    ActivityKind::Following => "f",
                };
                format!("{kind}:{}/{}", a.hours, a.results)
            })
            .collect();
        let s = scenario.signals();
        let named = [
            ("likes", s.likes),
            ("comments", s.comments),
            ("shares", s.shares),
            ("customers", s.customers),
            ("repeat", s.repeat_customers),
            ("referred", s.referred_customers),
        ];
        for (name, value) in named {
            if let Some(value) = value {
                tokens.push(format!("{name}={value}"));
            }
        }
        tokens.join(" ")
    }

    #[test]
    fn community_in_vital_few_counts_only_the_vital_few() {
        let count = |input: &str| {
            pareto::breakdown(scenario(input))
                .expect("results")
                .community_in_vital_few()
        };
        assert_eq!(count("c:1/90 f:1/10"), 1);
        assert_eq!(count("f:1/90 c:1/10"), 0);
        assert_eq!(count("c:1/40 c:1/40 f:1/20"), 2);
    }

    #[test]
    fn every_signal_has_a_key_and_advice_with_the_target_in_force() {
        let keys: Vec<&str> = Signal::ALL.iter().map(|s| s.key()).collect();
        assert_eq!(
            keys,
            ["time", "results", "conversation", "loyalty", "advocacy"]
        );
        for signal in Signal::ALL {
            assert_eq!(Signal::from_key(signal.key()), Some(signal));
        }
        assert_eq!(Signal::from_key("Time"), None);
        let aims = |config: &ScoreConfig| -> Vec<(Signal, Option<f64>)> {
            Signal::ALL
                .iter()
                .map(|s| {
                    let advice = s.advice(config);
                    (advice.signal, advice.aim)
                })
                .collect()
        };
        use Signal::*;
        assert_eq!(
            aims(&ScoreConfig::standard()),
            [
                (TimeOnCommunity, None),
                (ResultsFromCommunity, None),
                (Conversation, Some(0.4)),
                (Loyalty, Some(0.4)),
                (Advocacy, Some(0.5)),
            ]
        );
        // A host's targets are what the advice aims for.
        let standard = ScoreConfig::standard();
        let host = ScoreConfig::new(
            standard.weights(),
            Targets {
                conversation: 0.25,
                loyalty: 0.6,
                advocacy: 0.375,
            },
            standard.bands(),
        )
        .expect("valid");
        assert_eq!(
            aims(&host)[2..],
            [
                (Conversation, Some(0.25)),
                (Loyalty, Some(0.6)),
                (Advocacy, Some(0.375)),
            ]
        );
    }

    fn configs() -> impl Strategy<Value = ScoreConfig> {
        let weight = prop_oneof![Just(0.0), 0.0..100.0f64];
        let target = 0.01..=1.0f64;
        (
            prop::array::uniform5(weight),
            prop::array::uniform3(target),
            1u8..=100,
        )
            .prop_filter_map("a valid configuration", |(w, t, edge)| {
                ScoreConfig::new(
                    Weights {
                        time_on_community: w[0],
                        results_from_community: w[1],
                        conversation: w[2],
                        loyalty: w[3],
                        advocacy: w[4],
                    },
                    Targets {
                        conversation: t[0],
                        loyalty: t[1],
                        advocacy: t[2],
                    },
                    BandEdges {
                        growing: edge / 2 + 1,
                        community: edge.max(edge / 2 + 1),
                    },
                )
                .ok()
            })
    }

    fn scenarios() -> impl Strategy<Value = Scenario> {
        let small = |max: u64| prop_oneof![Just(0u64), 0..=max];
        let row = (any::<bool>(), small(1_000_000), small(100_000_000_000_000));
        let signal = prop::option::of(small(100_000));
        (
            prop::collection::vec(row, 1..=100),
            prop::array::uniform3(signal),
            prop::option::of(0u64..=1000),
            prop::array::uniform2(prop::option::of(0.0..=1.0f64)),
        )
            .prop_map(|(rows, posts, customers, parts)| {
                let activities = rows
                    .into_iter()
                    .enumerate()
                    .map(|(i, (community, hours, results))| Activity {
                        name: format!("A{i}"),
                        kind: if community {
                            ActivityKind::Community
                        } else {
                            ActivityKind::Following
                        },
                        hours: Amount::from_hundredths(hours),
                        results: Amount::from_hundredths(results),
                    })
                    .collect();
                let mut s = crate::scenario::AudienceSignals {
                    likes: posts[0].map(Amount::from_hundredths),
                    comments: posts[1].map(Amount::from_hundredths),
                    shares: posts[2].map(Amount::from_hundredths),
                    customers: customers.map(Amount::whole),
                    ..Default::default()
                };
                // Repeat and referred customers as a share of customers,
                // so that the scenario is valid.
                if let Some(c) = customers {
                    let of = |f: Option<f64>| f.map(|f| Amount::whole((c as f64 * f) as u64));
                    s.repeat_customers = of(parts[0]);
                    s.referred_customers = of(parts[1]);
                }
                Scenario::new(ScenarioParts {
                    activities,
                    signals: s,
                    ..ScenarioParts::default()
                })
                .expect("valid scenario")
            })
    }

    proptest! {
        #[test]
        fn the_score_lies_between_the_sub_scores(scenario in scenarios(), config in configs()) {
            let result = score(&scenario, &config);
            let used: Vec<f64> = measures(&scenario)
                .iter()
                .zip(Signal::ALL)
                .filter(|(m, s)| m.is_some() && config.weights.get(*s) > 0.0)
                .filter_map(|(m, s)| m.map(|m| config.sub_score(s, m)))
                .collect();
            match result {
                Err(NoScore::NoSignals) => prop_assert!(used.is_empty()),
                Ok(score) => {
                    let least = used.iter().copied().fold(100.0, f64::min);
                    let greatest = used.iter().copied().fold(0.0, f64::max);
                    let round = |x: f64| (x + 0.5 + TOLERANCE).floor() as u8;
                    prop_assert_eq!(score.signals_used, used.len());
                    prop_assert!(round(least) <= score.value && score.value <= round(greatest),
                        "{} not in [{}, {}]", score.value, least, greatest);
                    prop_assert!(score.value <= 100);
                    prop_assert_eq!(score.band, config.band(score.value));
                    for s in &score.signals {
                        if let Some(sub) = s.sub_score {
                            prop_assert!((0.0..=100.0).contains(&sub));
                        }
                    }
                }
            }
        }
    }
}
