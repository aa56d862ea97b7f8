//! Property tests of share links: every valid scenario comes back from its
//! link unchanged, and no text makes `decode` panic.

use proptest::prelude::*;
use social8020_core::codec::{self, TooLargeToShare, MAX_PAYLOAD_LEN};
use social8020_core::number::Amount;
use social8020_core::scenario::{
    Activity, ActivityKind, AudienceSignals, Period, ResultUnit, Scenario, ScenarioParts,
    Threshold, MAX_HOURS, MAX_RESULTS, MAX_SIGNAL,
};

/// Whole amounts most of the time, as people type them; any hundredths
/// otherwise.
fn amount(max: Amount) -> impl Strategy<Value = Amount> {
    let max = max.hundredths();
    prop_oneof![
        3 => (0..=max / 100).prop_map(Amount::whole),
        1 => (0..=max).prop_map(Amount::from_hundredths),
        1 => Just(Amount::from_hundredths(max)),
    ]
}

/// Names of 1 to 60 characters: plain ASCII, a mix of scripts (with
/// combining marks, bidi controls, odd spaces and emoji), or any character
/// at all. Built from a seed rather than one strategy per character, which
/// keeps 10,000 cases fast in a test build.
fn name() -> impl Strategy<Value = String> {
    (0..3u8, 1..=60usize, any::<u64>()).prop_map(|(kind, len, seed)| {
        let mut state = seed;
        (0..len)
            .map(|_| {
                state = state
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1_442_695_040_888_963_407);
                let r = (state >> 32) as u32;
                let code = match kind {
                    0 => 0x20 + r % 0x5f,
                    1 => {
                        let (start, end) = SCRIPTS[r as usize % SCRIPTS.len()];
                        start + (r >> 8) % (end - start + 1)
                    }
                    _ => r % 0x11_0000,
                };
                char::from_u32(code).unwrap_or('\u{fffd}')
            })
            .collect()
    })
}

/// Ranges of code points that names are drawn from.
const SCRIPTS: [(u32, u32); 16] = [
    (0x20, 0x7e),       // ASCII
    (0xa0, 0xff),       // Latin-1, with the no-break space
    (0x300, 0x36f),     // combining marks
    (0x370, 0x3ff),     // Greek
    (0x400, 0x4ff),     // Cyrillic
    (0x590, 0x5ff),     // Hebrew
    (0x600, 0x6ff),     // Arabic
    (0x900, 0x97f),     // Devanagari
    (0xe00, 0xe7f),     // Thai
    (0x2000, 0x200f),   // spaces, zero-width joiners and bidi marks
    (0x3040, 0x30ff),   // Hiragana and Katakana
    (0x4e00, 0x9fff),   // CJK
    (0xac00, 0xd7a3),   // Hangul
    (0xfe00, 0xfe0f),   // variation selectors
    (0x1f1e6, 0x1f1ff), // regional indicators (flags)
    (0x1f300, 0x1faff), // emoji
];

fn activity() -> impl Strategy<Value = Activity> {
    (
        name(),
        prop_oneof![Just(ActivityKind::Following), Just(ActivityKind::Community)],
        amount(MAX_HOURS),
        amount(MAX_RESULTS),
    )
        .prop_map(|(name, kind, hours, results)| Activity {
            name,
            kind,
            hours,
            results,
        })
}

fn unit() -> impl Strategy<Value = ResultUnit> {
    prop_oneof![
        "[A-Z]{3}".prop_map(ResultUnit::Currency),
        name().prop_filter_map("not a label", |text| {
            ResultUnit::parse(&text.chars().take(24).collect::<String>()).ok()
        }),
    ]
}

fn signals() -> impl Strategy<Value = AudienceSignals> {
    let per_post = || proptest::option::of(amount(MAX_SIGNAL));
    let customers = proptest::option::of(0..=MAX_SIGNAL.hundredths() / 100);
    (
        per_post(),
        per_post(),
        per_post(),
        customers,
        any::<(Option<u64>, Option<u64>)>(),
    )
        .prop_map(|(likes, comments, shares, customers, (repeat, referred))| {
            // Repeat and referred customers are whole and at most customers.
            let part = |n: Option<u64>| match (n, customers) {
                (Some(n), Some(c)) => Some(Amount::whole(n % (c + 1))),
                _ => None,
            };
            AudienceSignals {
                likes,
                comments,
                shares,
                customers: customers.map(Amount::whole),
                repeat_customers: part(repeat),
                referred_customers: part(referred),
            }
        })
}

/// Valid scenarios: mostly a few activities, one in twenty up to 100.
fn scenario() -> impl Strategy<Value = Scenario> {
    (
        prop_oneof![Just(Period::Week), Just(Period::Month)],
        unit(),
        (10u8..=19).prop_map(|step| Threshold::new(step * 5).expect("in range")),
        prop_oneof![
            19 => prop::collection::vec(activity(), 1..=8),
            1 => prop::collection::vec(activity(), 1..=100),
        ],
        signals(),
    )
        .prop_filter_map(
            "a name of only spaces",
            |(period, unit, threshold, activities, signals)| {
                Scenario::new(ScenarioParts {
                    period,
                    unit,
                    threshold,
                    activities,
                    signals,
                })
                .ok()
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(10_000))]

    #[test]
    fn every_scenario_comes_back_from_its_link(scenario in scenario()) {
        match codec::encode(&scenario) {
            Ok(payload) => {
                prop_assert!(payload.len() <= MAX_PAYLOAD_LEN);
                // `decode` also re-encodes and compares, so this checks the
                // canonical form too.
                prop_assert_eq!(codec::decode(&payload), Ok(scenario));
            }
            // Only names of many hard-to-compress characters get here.
            Err(TooLargeToShare { len }) => prop_assert!(len > MAX_PAYLOAD_LEN),
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2_000))]

    /// Text that looks like a payload: decode refuses it or reads it back
    /// exactly.
    #[test]
    fn decode_never_panics(text in "[0-9A-Za-z]?[A-Za-z0-9_=+/ -]{0,200}") {
        if let Ok(scenario) = codec::decode(&text) {
            prop_assert_eq!(codec::encode(&scenario), Ok(text));
        }
    }
}
