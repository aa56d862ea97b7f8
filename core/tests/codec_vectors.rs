//! Frozen share links. Every released link format stays readable forever
//! (docs/spec.md §4), so the payloads in `vectors/` never change: a version
//! that fails these tests breaks links that people have already sent.
//!
//! Each line of `vectors/v1.txt` is `payload<TAB>description`; the
//! description names the scenario that [`v1`] builds here in readable form.
//! To add a vector, add a case to [`v1`] and run the tests: the failure
//! prints the line to append; then raise [`V1_LINES`] and [`V1_SHA256`].
//! When version 2 comes, version 1 keeps its decode check and loses only
//! its encode check (see [`check_file`]).
//!
//! The same file is also opened as share links in the release build
//! (`e2e/vectors.spec.mjs`), where the wasm decodes and re-encodes it.

mod codec_support;

use codec_support::{activity, rows, Build, C, F};
use sha2::{Digest, Sha256};
use social8020_core::codec;
use social8020_core::scenario::{Activity, Scenario};

/// The number of lines of `vectors/v1.txt` and its SHA-256, pinned so that
/// no frozen link can be deleted or changed to make a test pass. Appending
/// a new vector raises both. Any other change of them means breaking every
/// version 1 link ever shared: the links in people's messages and the
/// autosaves in their browsers. Do not.
const V1_LINES: usize = 31;
const V1_SHA256: &str = "2dcaef9a50bcf10094ee68340be52a18422012c33907aa52f562b4ca580bf904";

#[test]
fn version_1_vectors_are_pinned() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/vectors/v1.txt");
    let bytes = std::fs::read(path).expect("vectors/v1.txt");
    let hex: String = Sha256::digest(&bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    let lines = bytes.iter().filter(|b| **b == b'\n').count();
    assert_eq!(
        (lines, hex.as_str()),
        (V1_LINES, V1_SHA256),
        "vectors/v1.txt changed: frozen links must never change (see V1_SHA256)"
    );
}

/// Every payload in `file` decodes to the scenario of the same description
/// in `expected`, and every case has a payload. While `current`, encoding
/// the scenario also gives the frozen payload.
fn check_file(file: &str, expected: &[(&str, Scenario)], current: bool) {
    let path = format!("{}/tests/vectors/{file}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_default();
    let mut seen = Vec::new();
    for (number, line) in text.lines().enumerate() {
        let (payload, description) = line
            .split_once('\t')
            .unwrap_or_else(|| panic!("{file}:{}: no tab", number + 1));
        let (_, scenario) = expected
            .iter()
            .find(|(d, _)| *d == description)
            .unwrap_or_else(|| panic!("{file}:{}: no case {description:?}", number + 1));
        assert_eq!(
            codec::decode(payload).as_ref(),
            Ok(scenario),
            "{file}:{}: {description}",
            number + 1
        );
        if current && WRITTEN_BEFORE_CLEANING.contains(&description) {
            // The scenario it opens is cleaned, so it is written anew with
            // the cleaned names, and that link opens the same scenario.
            let now = codec::encode(scenario).expect("shareable");
            assert_ne!(now, payload, "{file}:{}: {description}", number + 1);
            assert_eq!(codec::decode(&now).as_ref(), Ok(scenario));
        } else if current {
            assert_eq!(
                codec::encode(scenario).as_deref(),
                Ok(payload),
                "{file}:{}: {description}",
                number + 1
            );
        }
        seen.push(description);
    }
    let missing: Vec<String> = expected
        .iter()
        .filter(|(d, _)| !seen.contains(d))
        .map(|(d, s)| format!("{}\t{d}", codec::encode(s).expect("shareable")))
        .collect();
    assert!(
        missing.is_empty(),
        "cases without a frozen payload; if they are new, append to {path}:\n{}",
        missing.join("\n")
    );
}

/// Vectors frozen before names were cleaned of invisible characters and
/// line breaks (`text::visible`): they still open, with the names cleaned,
/// but the scenario they open is now written with the cleaned names.
const WRITTEN_BEFORE_CLEANING: &[&str] = &["names with URL and markup characters"];

#[test]
fn version_1_links_open_forever() {
    check_file("v1.txt", &v1(), true);
}

/// The scenarios behind `vectors/v1.txt`. Never change a case; add new ones.
fn v1() -> Vec<(&'static str, Scenario)> {
    let bakery = rows(&[
        ("Instagram posts of the daily bakes", F, "22", "1200"),
        ("Replying to comments and messages", C, "6", "5200"),
        ("Paid Facebook and Instagram ads", F, "12", "700"),
        ("Local food lovers' Facebook group", C, "5", "3800"),
        ("TikTok trend videos", F, "18", "300"),
        ("Customer of the week feature", C, "3", "2700"),
        ("Follower giveaways", F, "8", "150"),
        ("Joint posts with the café next door", C, "3", "400"),
    ]);
    let one = || rows(&[("Posts", F, "4", "100")]);
    vec![
        (
            "one activity; month, USD, 80 %, no signals",
            rows(&[("Posts", F, "1", "1")]).build(),
        ),
        (
            "bakery example with every signal",
            bakery
                .signals(["120", "14", "6", "180", "58", "31"])
                .build(),
        ),
        (
            "week, EUR, threshold 50",
            one().week().unit("EUR").threshold(50).build(),
        ),
        (
            "count unit leads, threshold 95",
            one().unit("leads").threshold(95).build(),
        ),
        (
            "count unit of 24 characters, threshold 55",
            one().unit("sign-ups at the open day").threshold(55).build(),
        ),
        (
            "count unit in Cyrillic, week, threshold 60",
            one().unit("заявки").week().threshold(60).build(),
        ),
        (
            "currency JPY, threshold 65",
            one().unit("JPY").threshold(65).build(),
        ),
        (
            "lower-case three letters are a count label, threshold 70",
            one().unit("eur").threshold(70).build(),
        ),
        (
            "count unit with emoji, threshold 75",
            one().unit("🎟️ tickets").threshold(75).build(),
        ),
        (
            "signals: likes only, threshold 85",
            one().signals(["250", "", "", "", "", ""]).threshold(85).build(),
        ),
        (
            "signals: comments and shares with decimals, threshold 90",
            one()
                .signals(["", "3.25", "0.5", "", "", ""])
                .threshold(90)
                .build(),
        ),
        (
            "signals: customers only",
            one().signals(["", "", "", "40", "", ""]).build(),
        ),
        (
            "signals: customers and repeat customers",
            one().signals(["", "", "", "40", "12", ""]).build(),
        ),
        (
            "signals: referred customers equal to customers",
            one().signals(["", "", "", "40", "", "40"]).build(),
        ),
        (
            "signals: all zero",
            one().signals(["0", "0", "0", "0", "0", "0"]).build(),
        ),
        (
            "signals: all at their maximum",
            one()
                .signals([
                    "1000000000",
                    "1000000000",
                    "1000000000",
                    "1000000000",
                    "1000000000",
                    "1000000000",
                ])
                .build(),
        ),
        (
            "zero hours and zero results",
            rows(&[("Posts", F, "0", "0"), ("Replies", C, "0", "0")]).build(),
        ),
        (
            "decimal hours and results",
            rows(&[
                ("Posts", F, "0.01", "0.99"),
                ("Replies", C, "2.5", "1234.56"),
                ("Ads", F, "7.05", "0.1"),
            ])
            .build(),
        ),
        (
            "hours and results at and just under their maximum",
            rows(&[
                ("Max", C, "10000", "1000000000000"),
                ("Under", F, "9999.99", "999999999999.99"),
            ])
            .build(),
        ),
        (
            "names in Greek, Cyrillic, Arabic, Hebrew, Devanagari and Thai",
            rows(&[
                ("Αναρτήσεις στο Instagram", F, "5", "100"),
                ("Ответы на комментарии", C, "3", "250"),
                ("الرد على الرسائل", C, "2", "300"),
                ("קבוצת פייסבוק מקומית", C, "4", "80"),
                ("ग्राहक की कहानियाँ", C, "1.5", "60"),
                ("โพสต์โปรโมชั่น", F, "6", "40"),
            ])
            .build(),
        ),
        (
            "names in Japanese, Chinese and Korean",
            rows(&[
                ("インスタ投稿", F, "8", "120"),
                ("微信社群互动", C, "4", "560"),
                ("고객 후기 공유", C, "2", "310"),
            ])
            .unit("JPY")
            .build(),
        ),
        (
            "emoji names: ZWJ families, skin tones, flags",
            rows(&[
                ("👩‍👩‍👧 family posts", C, "3", "90"),
                ("👍🏽 likes drive", F, "5", "20"),
                ("🇺🇦🇯🇵🇧🇷 partners", C, "1", "45"),
                ("🎂", F, "2", "10"),
            ])
            .build(),
        ),
        (
            "right-to-left and left-to-right mixed in one name",
            rows(&[
                ("Instagram مع العملاء 2024", C, "3", "70"),
                ("WhatsApp קבוצה 5", C, "1", "30"),
            ])
            .build(),
        ),
        (
            "names with URL and markup characters",
            rows(&[
                ("#s=1&x=?%20/+", F, "1", "1"),
                ("\"quoted\" 'name' <b>&amp;", C, "1", "2"),
                ("tab\tand\nnewline inside", F, "1", "3"),
            ])
            .build(),
        ),
        (
            "names cleaned of bidi controls and invisible characters",
            rows(&[
                ("Ads\u{202E}gnp.exe", F, "1", "1"),
                ("Zero\u{200B}width\u{FEFF} posts", C, "1", "2"),
                ("👩\u{200D}👧 stories", C, "1", "3"),
            ])
            .build(),
        ),
        (
            "combining accent beside the precomposed letter",
            rows(&[("Cafe\u{301} posts", F, "1", "1"), ("Café posts", F, "1", "1")]).build(),
        ),
        (
            "duplicate names",
            rows(&[
                ("Posts", F, "1", "10"),
                ("Posts", F, "1", "10"),
                ("Posts", C, "2", "10"),
            ])
            .build(),
        ),
        (
            "60-character names in Latin, CJK and emoji",
            rows(&[
                ("Weekly newsletter with customer stories and event dates, ok!", F, "4", "90"),
                (&"社群".repeat(30), C, "2", "300"),
                (&"🧁🎉".repeat(30), C, "1", "120"),
            ])
            .build(),
        ),
        (
            "all community activities, week, GBP, threshold 85",
            rows(&[
                ("Replies", C, "3", "40"),
                ("Group", C, "2", "60"),
                ("Events", C, "5", "200"),
            ])
            .week()
            .unit("GBP")
            .threshold(85)
            .build(),
        ),
        (
            "100 activities with small values",
            Build::from_activities(
                (1..=100)
                    .map(|i| Activity {
                        kind: if i % 4 == 0 { C } else { F },
                        ..activity(&format!("Activity {i}"), F, &i.to_string(), &(i * 37 % 101).to_string())
                    })
                    .collect(),
            )
            .week()
            .build(),
        ),
        (
            "every limit at once: 100 activities of 60 characters, maximum values, 24-character label",
            Build::from_activities(
                (0..100)
                    .map(|i| {
                        let name = format!("{i:03} {}", "abcdefghijklmnopqrstuvwxyz".repeat(3));
                        activity(
                            &name.chars().take(60).collect::<String>(),
                            if i % 2 == 0 { C } else { F },
                            "10000",
                            "1000000000000",
                        )
                    })
                    .collect(),
            )
            .unit("sign-ups at the open day")
            .threshold(95)
            .signals([
                "1000000000",
                "1000000000",
                "1000000000",
                "1000000000",
                "1000000000",
                "1000000000",
            ])
            .build(),
        ),
    ]
}
