//! Scenarios for the benchmarks and for `examples/link_lengths.rs`, which
//! includes this file by path so that both measure the very same data.
//! (It lives in a subfolder so that cargo does not take it for a bench.)

#![allow(dead_code)] // each includer uses a different part

use social8020_core::codec;
use social8020_core::number::Amount;
use social8020_core::scenario::{
    Activity, ActivityKind, Period, ResultUnit, Scenario, ScenarioParts, Threshold, MAX_ACTIVITIES,
    MAX_NAME_CHARS,
};

/// A tiny deterministic generator: the same data on every run and machine,
/// without a dependency for it.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed | 1)
    }
    pub fn next(&mut self) -> u64 {
        // xorshift64*
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

const PLATFORMS: [&str; 7] = [
    "Instagram",
    "TikTok",
    "LinkedIn",
    "Facebook",
    "YouTube",
    "Pinterest",
    "Threads",
];
const ACTIONS: [(&str, ActivityKind); 8] = [
    ("reels", ActivityKind::Following),
    ("live Q&A", ActivityKind::Community),
    ("group posts", ActivityKind::Community),
    ("ads", ActivityKind::Following),
    ("stories", ActivityKind::Following),
    ("DM replies", ActivityKind::Community),
    ("giveaways", ActivityKind::Following),
    ("collabs", ActivityKind::Community),
];

fn scenario(activities: Vec<Activity>) -> Scenario {
    let parts = ScenarioParts {
        period: Period::Month,
        unit: ResultUnit::Currency("USD".to_owned()),
        threshold: Threshold::default(),
        activities,
        // As a small business would enter them, so the score has all five.
        signals: social8020_core::testing::bakery_signals(),
    };
    Scenario::new(parts).expect("bench scenarios are valid")
}

/// `n` activities with realistic names of about 20 characters ("Instagram
/// live Q&A 3"), whole hours and a long-tailed spread of results, the shape
/// that makes an 80/20 breakdown interesting.
pub fn realistic(n: usize) -> Scenario {
    let mut rng = Rng::new(0x8020);
    let activities = (0..n)
        .map(|i| {
            let platform = PLATFORMS[i % PLATFORMS.len()];
            let (action, kind) = ACTIONS[(i / PLATFORMS.len() + i) % ACTIONS.len()];
            let name = match i / (PLATFORMS.len() * ACTIONS.len()) {
                0 => format!("{platform} {action}"),
                round => format!("{platform} {action} {}", round + 1),
            };
            Activity {
                name,
                kind,
                hours: Amount::whole(1 + rng.below(40)),
                results: Amount::whole(20_000 / (1 + rng.below(60)) + rng.below(100)),
            }
        })
        .collect();
    scenario(activities)
}

/// Random names of `chars` characters drawn from `alphabet` (as code point
/// ranges), with amounts that have cents, so that nothing compresses well.
fn noisy(chars: usize, alphabet: &[(u32, u32)], seed: u64) -> Scenario {
    let mut rng = Rng::new(seed);
    let pick = |rng: &mut Rng| {
        let (lo, hi) = alphabet[rng.below(alphabet.len() as u64) as usize];
        char::from_u32(lo + rng.below(u64::from(hi - lo + 1)) as u32).unwrap_or('x')
    };
    let activities = (0..MAX_ACTIVITIES)
        .map(|i| Activity {
            // A letter first and last: names are trimmed, so no spaces there.
            name: (0..chars).map(|_| pick(&mut rng)).collect(),
            kind: if i % 2 == 0 {
                ActivityKind::Following
            } else {
                ActivityKind::Community
            },
            hours: Amount::from_hundredths(1 + rng.below(999_999)),
            results: Amount::from_hundredths(1 + rng.below(99_999_999_999_999)),
        })
        .collect();
    scenario(activities)
}

/// ASCII letters and digits only.
const ASCII: [(u32, u32); 3] = [(0x30, 0x39), (0x41, 0x5A), (0x61, 0x7A)];
/// CJK ideographs: three UTF-8 bytes each, the most bytes per character
/// that a visitor's name plausibly has.
const CJK: [(u32, u32); 1] = [(0x4E00, 0x9FFF)];

/// The brief's "largest link": 100 activities, each with a 60-character
/// name of random ASCII letters and digits. `None` if it would not encode.
pub fn largest_ascii() -> Option<(Scenario, String)> {
    let scenario = noisy(MAX_NAME_CHARS, &ASCII, 0x51DE);
    let payload = codec::encode(&scenario).ok()?;
    Some((scenario, payload))
}

/// The largest payload that encode accepts at all: 100 activities with
/// random CJK names, the longest names (at most 60 characters) that still
/// fit in `codec::MAX_PAYLOAD_LEN`.
pub fn largest_any() -> (Scenario, String) {
    for chars in (1..=MAX_NAME_CHARS).rev() {
        let scenario = noisy(chars, &CJK, 0xC0DE);
        if let Ok(payload) = codec::encode(&scenario) {
            return (scenario, payload);
        }
    }
    unreachable!("one-character names always fit")
}
