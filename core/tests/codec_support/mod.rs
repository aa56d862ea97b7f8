//! Scenario builders shared by the codec tests, so that every expected
//! scenario reads like the form a visitor filled in.

#![allow(dead_code)] // Each test file uses a different part.

use social8020_core::codec;
use social8020_core::number::parse_amount;
use social8020_core::scenario::{Activity, Scenario};
pub use social8020_core::testing::{activity, rows, Build, C, F};

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
