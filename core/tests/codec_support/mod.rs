//! Scenario builders shared by the codec tests, so that every expected
//! scenario reads like the form a visitor filled in.

#![allow(dead_code)] // Each test file uses a different part.

use social8020_core::codec;
use social8020_core::number::parse_amount;
use social8020_core::scenario::{
    Activity, ActivityKind, AudienceSignals, Period, ResultUnit, Scenario, ScenarioParts,
    SignalField, Threshold,
};

pub const F: ActivityKind = ActivityKind::Following;
pub const C: ActivityKind = ActivityKind::Community;

/// A scenario under construction: month, USD and 80 % unless changed.
pub struct Build(ScenarioParts);

/// Rows of (name, kind, hours, results), numbers as a visitor types them.
pub fn rows(rows: &[(&str, ActivityKind, &str, &str)]) -> Build {
    Build(ScenarioParts {
        activities: rows
            .iter()
            .map(|&(name, kind, hours, results)| activity(name, kind, hours, results))
            .collect(),
        ..ScenarioParts::default()
    })
}

pub fn activity(name: &str, kind: ActivityKind, hours: &str, results: &str) -> Activity {
    Activity {
        name: name.to_owned(),
        kind,
        hours: amount(hours),
        results: amount(results),
    }
}

fn amount(text: &str) -> social8020_core::number::Amount {
    parse_amount(text).unwrap_or_else(|e| panic!("{text:?} in a test scenario: {e}"))
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

    pub fn build(self) -> Scenario {
        Scenario::new(self.0).unwrap_or_else(|e| panic!("test scenario is invalid: {e}"))
    }
}

/// `count` activities with names of exactly `name_chars` characters, varied
/// like a real list: distinct phrases in two languages, both kinds, whole
/// and decimal hours, results over several orders of magnitude, and every
/// audience signal filled in.
pub fn realistic(count: usize, name_chars: usize) -> Scenario {
    const NAMES: [&str; 30] = [
        "Instagram daily bakes",
        "Replying to comments",
        "Paid Facebook ads",
        "Local foodies group",
        "TikTok trend videos",
        "Customer of the week",
        "Follower giveaways",
        "Joint posts with the café",
        "LinkedIn thought leadership",
        "Newsletter sign-up ads",
        "Pinterest recipe pins",
        "YouTube baking shorts",
        "Live Q&A on Instagram",
        "Thank-you DMs for reviews",
        "Partner market stalls",
        "Referral card scheme",
        "Story polls and quizzes",
        "Influencer collaboration",
        "Behind-the-scenes reels",
        "Weekly specials post",
        "WhatsApp pre-orders",
        "Community bake-off",
        "Google profile updates",
        "Hashtag challenge",
        "School fundraiser",
        "Facebook event pages",
        "Promo tweets on X",
        "Staff spotlight series",
        "Reposting customer photos",
        "Holiday gift guides",
    ];
    let activities = (0..count)
        .map(|i| {
            let long = format!(
                "{} {} {}",
                NAMES[i % NAMES.len()],
                NAMES[(i / NAMES.len() + 7 * i + 3) % NAMES.len()],
                NAMES[(i * 11 + 5) % NAMES.len()]
            );
            let mut name: Vec<char> = long.chars().take(name_chars).collect();
            // Names are trimmed; keep the length exact.
            if name.last() == Some(&' ') {
                name.pop();
                name.push('s');
            }
            let hours =
                [12.0, 6.0, 2.5, 18.0, 3.0, 8.0, 4.5, 20.0, 1.0, 3.75][i % 10] + (i / 10) as f64;
            let results = [1_200, 5_200, 700, 3_800, 300, 2_700, 150, 400, 999, 12_345][i % 10]
                + 17 * i as u64;
            Activity {
                name: name.into_iter().collect(),
                kind: if i % 3 == 1 { C } else { F },
                hours: parse_amount(&format!("{hours}")).expect("hours"),
                results: social8020_core::number::Amount::whole(results),
            }
        })
        .collect();
    Build::from_activities(activities)
        .signals(["120", "14.5", "6", "180", "58", "31"])
        .build()
}

/// The payload, which must exist.
pub fn encode(scenario: &Scenario) -> String {
    codec::encode(scenario).expect("small enough to share")
}
