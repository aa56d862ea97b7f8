//! Scenario builders for tests, so that every test writes a scenario the
//! same way: as the form a visitor filled in. Compiled for this crate's
//! own tests and, with the `testing` feature, for the other test suites,
//! the benchmarks and the app's tests; never for the widget.
//!
//! Two ways in, one [`Build`] out:
//!
//! - [`line`]: one line of tokens, for table tests. `Name:H/R` is a
//!   following activity of H hours and R results; `c:H/R` and `f:H/R` are a
//!   community and a following one named "Activity N"; `likes=N`,
//!   `comments=N`, `shares=N`, `customers=N`, `repeat=N` and `referred=N`
//!   set the audience signals.
//! - [`rows`]: `(name, kind, hours, results)` tuples, for names with spaces.
//! - [`hundredths`]: `(name, hours, results)` in hundredths, for geometry.
//!
//! ```
//! use social8020_core::testing::{line, rows, C, F};
//!
//! let scenario = line("Posts:2/150 c:1.5/90 likes=10").threshold(90).build();
//! assert_eq!(scenario.activities()[1].name, "Activity 2");
//! let same_rows = rows(&[("Posts", F, "2", "150"), ("Activity 2", C, "1.5", "90")]);
//! assert_eq!(same_rows.threshold(90).signals(["10", "", "", "", "", ""]).build(), scenario);
//! ```
//!
//! Every builder panics on input a test should never give: a test with a
//! typo in its table fails at once, with the token named.

use crate::example;
use crate::number::{parse_amount, Amount};
use crate::scenario::{
    Activity, ActivityKind, AudienceSignals, Period, ResultUnit, Scenario, ScenarioParts,
    SignalField, Threshold,
};

pub const F: ActivityKind = ActivityKind::Following;
pub const C: ActivityKind = ActivityKind::Community;

/// A scenario under construction: month, USD and 80 % unless changed.
#[derive(Clone, Debug, Default)]
pub struct Build(ScenarioParts);

/// Rows of (name, kind, hours, results), numbers as a visitor types them.
pub fn rows(rows: &[(&str, ActivityKind, &str, &str)]) -> Build {
    Build::from_activities(
        rows.iter()
            .map(|&(name, kind, hours, results)| activity(name, kind, hours, results))
            .collect(),
    )
}

/// A scenario from one line of tokens; see the module documentation.
pub fn line(input: &str) -> Build {
    let mut build = Build::default();
    for token in input.split_whitespace() {
        if let Some((name, values)) = token.split_once(':') {
            let (hours, results) = values
                .split_once('/')
                .unwrap_or_else(|| panic!("{token:?}: write an activity as Name:H/R"));
            let number = build.0.activities.len() + 1;
            let (name, kind) = match name {
                "c" => (format!("Activity {number}"), C),
                "f" => (format!("Activity {number}"), F),
                name => (name.to_owned(), F),
            };
            build
                .0
                .activities
                .push(activity(&name, kind, hours, results));
        } else {
            let (name, value) = token
                .split_once('=')
                .unwrap_or_else(|| panic!("{token:?}: write a signal as name=N"));
            let field = match name {
                "likes" => SignalField::Likes,
                "comments" => SignalField::Comments,
                "shares" => SignalField::Shares,
                "customers" => SignalField::Customers,
                "repeat" => SignalField::RepeatCustomers,
                "referred" => SignalField::ReferredCustomers,
                _ => panic!("{token:?}: no signal is called {name}"),
            };
            build.0.signals.set(field, Some(amount(value)));
        }
    }
    build
}

/// Following activities of `(name, hours, results)`, the numbers in
/// hundredths: for geometry and property tests that work in exact units.
pub fn hundredths(rows: &[(&str, u64, u64)]) -> Build {
    Build::from_activities(
        rows.iter()
            .map(|&(name, hours, results)| Activity {
                name: name.to_owned(),
                kind: F,
                hours: Amount::from_hundredths(hours),
                results: Amount::from_hundredths(results),
            })
            .collect(),
    )
}

pub fn activity(name: &str, kind: ActivityKind, hours: &str, results: &str) -> Activity {
    Activity {
        name: name.to_owned(),
        kind,
        hours: amount(hours),
        results: amount(results),
    }
}

/// An amount as a visitor types it.
pub fn amount(text: &str) -> Amount {
    parse_amount(text).unwrap_or_else(|e| panic!("{text:?} in a test scenario: {e:?}"))
}

/// The worked example's audience signals: every one of the five signals
/// has its inputs.
pub fn bakery_signals() -> AudienceSignals {
    example::bakery().signals().clone()
}

impl Build {
    pub fn from_activities(activities: Vec<Activity>) -> Build {
        Build(ScenarioParts {
            activities,
            ..ScenarioParts::default()
        })
    }

    pub fn week(mut self) -> Build {
        self.0.period = Period::Week;
        self
    }

    /// As typed in the "Result unit" field.
    pub fn unit(mut self, text: &str) -> Build {
        self.0.unit = ResultUnit::parse(text).expect("a valid unit");
        self
    }

    pub fn threshold(mut self, percent: u8) -> Build {
        self.0.threshold = Threshold::new(percent).expect("a valid threshold");
        self
    }

    /// Likes, comments, shares, customers, repeat, referred; "" is absent.
    pub fn signals(mut self, texts: [&str; 6]) -> Build {
        let mut signals = AudienceSignals::default();
        for (field, text) in SignalField::ALL.into_iter().zip(texts) {
            signals.set(field, (!text.is_empty()).then(|| amount(text)));
        }
        self.0.signals = signals;
        self
    }

    pub fn with_signals(mut self, signals: AudienceSignals) -> Build {
        self.0.signals = signals;
        self
    }

    /// The parts, for a test of the constructor itself.
    pub fn parts(self) -> ScenarioParts {
        self.0
    }

    pub fn build(self) -> Scenario {
        Scenario::new(self.0).unwrap_or_else(|e| panic!("test scenario is invalid: {e:?}"))
    }
}
