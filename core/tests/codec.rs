//! Share links: round trips, the canonical form, limits, damage and length
//! budgets (docs/spec.md §4).

mod codec_support;

use std::time::Instant;

use base64::engine::general_purpose::{STANDARD, URL_SAFE, URL_SAFE_NO_PAD};
use base64::Engine as _;
use codec_support::{activity, encode, realistic, rows, Build, C, F};
use social8020_core::codec::{
    self, decode, payload_from_fragment, LinkError, TooLargeToShare, MAX_INFLATED_LEN,
    MAX_PAYLOAD_LEN,
};
use social8020_core::example;
use social8020_core::scenario::{Activity, Field, FieldError, Invalid, Problem, Scenario};

/// The one check of a good scenario: it encodes to base64url text after the
/// version, reads back equal, and encodes again to the same text.
fn check_round_trip(scenario: &Scenario) -> String {
    let payload = encode(scenario);
    assert!(payload.starts_with('1'), "{payload}");
    assert!(
        payload[1..]
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'),
        "not base64url: {payload}"
    );
    assert_eq!(decode(&payload).as_ref(), Ok(scenario), "{payload}");
    assert_eq!(encode(scenario), payload, "encode is not deterministic");
    payload
}

/// The one check of a bad payload.
fn check_err(payload: &str, expected: LinkError) {
    assert_eq!(decode(payload), Err(expected), "payload {payload:?}");
}

/// The payload for zlib data of our own making.
fn from_zlib(zlib: &[u8]) -> String {
    format!("1{}", URL_SAFE_NO_PAD.encode(zlib))
}

/// The payload for wire data of our own making, compressed as `encode` does.
fn from_data(data: &[u8]) -> String {
    from_zlib(&miniz_oxide::deflate::compress_to_vec_zlib(data, 9))
}

/// The wire data inside a payload.
fn data_of(payload: &str) -> Vec<u8> {
    let zlib = URL_SAFE_NO_PAD.decode(&payload[1..]).expect("base64url");
    miniz_oxide::inflate::decompress_to_vec_zlib(&zlib).expect("zlib")
}

/// Version-1 wire data written by hand from the module doc, independently of
/// the codec's serde types.
struct Wire(Vec<u8>);

impl Wire {
    fn varint(mut self, mut value: u64) -> Wire {
        while value >= 0x80 {
            self.0.push((value as u8 & 0x7f) | 0x80);
            value >>= 7;
        }
        self.0.push(value as u8);
        self
    }

    fn text(self, text: &str) -> Wire {
        let mut wire = self.varint(text.len() as u64);
        wire.0.extend_from_slice(text.as_bytes());
        wire
    }

    fn byte(mut self, byte: u8) -> Wire {
        self.0.push(byte);
        self
    }

    /// `count` activities named "x", following, 1 hour, 1 result.
    fn activities(self, count: u64) -> Wire {
        (0..count).fold(self.varint(count), |w, _| {
            w.text("x").varint(0).varint(2).varint(2)
        })
    }

    /// Month, USD, 80 %, no signals.
    fn default_tail(self) -> Wire {
        (0..6).fold(self.varint(1).varint(0).text("USD").byte(80), |w, _| {
            w.varint(0)
        })
    }
}

fn wire() -> Wire {
    Wire(Vec::new())
}

#[test]
fn round_trips() {
    let names = [
        "Instagram",
        "Ελληνικά",
        "Русский",
        "العربية",
        "עברית",
        "हिन्दी",
        "ไทย",
        "日本語の投稿",
        "한국어",
        "👩‍👩‍👧 family 👍🏽",
        "🇺🇦🇯🇵",
        "e\u{301}te\u{301}",
        "#s=1&x=?%20/+",
        "\"quoted\" 'names' <b>",
        "tab\tinside",
    ];
    let all_names = names
        .iter()
        .map(|name| activity(name, C, "1", "1"))
        .collect();
    let mut scenarios = vec![
        example::bakery(),
        rows(&[("Posts", F, "0", "0")]).build(),
        rows(&[("Posts", F, "0.01", "0.01")]).build(),
        rows(&[("Posts", C, "10000", "1000000000000")]).build(),
        rows(&[("Posts", C, "9999.99", "999999999999.99")]).build(),
        rows(&[("a", F, "1", "2"), ("a", F, "1", "2")])
            .week()
            .build(),
        rows(&[("Posts", F, "1", "1")])
            .unit("leads")
            .threshold(50)
            .build(),
        rows(&[("Posts", F, "1", "1")])
            .unit("EUR")
            .threshold(95)
            .build(),
        rows(&[("Posts", F, "1", "1")])
            .unit("sign-ups at the open day")
            .build(),
        rows(&[("Posts", F, "1", "1")])
            .signals(["0", "0", "0", "0", "0", "0"])
            .build(),
        rows(&[("Posts", F, "1", "1")])
            .signals(["0.5", "", "", "1000000000", "", "1000000000"])
            .build(),
        Build::from_activities(all_names).build(),
        realistic(1, 20),
        realistic(10, 20),
        realistic(30, 20),
        realistic(100, 60),
    ];
    for percent in (50..=95).step_by(5) {
        scenarios.push(rows(&[("Posts", F, "1", "1")]).threshold(percent).build());
    }
    for name in names {
        scenarios.push(rows(&[(&name.repeat(60 / name.chars().count()), C, "2.5", "7")]).build());
    }
    for scenario in &scenarios {
        check_round_trip(scenario);
    }
}

#[test]
fn one_scenario_has_one_payload() {
    let payload = check_round_trip(&example::bakery());
    let data = data_of(&payload);
    // The same data under other spellings, each of which decodes.
    let spellings = [
        (
            "raw deflate",
            format!(
                "1{}",
                URL_SAFE_NO_PAD.encode(miniz_oxide::deflate::compress_to_vec(&data, 9),)
            ),
        ),
        (
            "stored, not compressed",
            from_zlib(&miniz_oxide::deflate::compress_to_vec_zlib(&data, 0)),
        ),
        (
            "fast compression",
            from_zlib(&miniz_oxide::deflate::compress_to_vec_zlib(&data, 1)),
        ),
    ];
    for (what, other) in spellings {
        assert_ne!(other, payload, "{what}");
        assert!(decode(&other).is_err(), "{what} was accepted");
    }
    // Trailing bytes after the data; a name with spaces around it (which
    // `Scenario::new` trims).
    let mut trailing = data.clone();
    trailing.push(0);
    check_err(&from_data(&trailing), LinkError::NotCanonical);
    let spaced = wire()
        .varint(1)
        .text(" x ")
        .varint(0)
        .varint(2)
        .varint(2)
        .default_tail();
    check_err(&from_data(&spaced.0), LinkError::NotCanonical);
    let odd_whole = wire()
        .varint(1)
        .text("x")
        .varint(0)
        .varint(201)
        .varint(2)
        .default_tail();
    check_err(&from_data(&odd_whole.0), LinkError::NotCanonical);
    // Other base64 spellings of the same bytes.
    let zlib = URL_SAFE_NO_PAD.decode(&payload[1..]).expect("base64url");
    for other in [
        format!("1{}", URL_SAFE.encode(&zlib)),
        format!("1{}", STANDARD.encode(&zlib)),
        format!("{payload}="),
    ] {
        if other != payload {
            check_err(&other, LinkError::Damaged);
        }
    }
}

#[test]
fn base64_with_stray_bits_in_the_last_character_is_refused() {
    // A payload whose last character carries unused bits.
    let payload = (1..)
        .map(|n| encode(&realistic(n, 20)))
        .find(|p| (p.len() - 1) % 4 != 0)
        .expect("some length leaves unused bits");
    let last = payload.chars().last().expect("not empty");
    let alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let index = alphabet.find(last).expect("base64url");
    let stray = &alphabet[index ^ 1..=index ^ 1];
    let other = format!("{}{stray}", &payload[..payload.len() - 1]);
    check_err(&other, LinkError::Damaged);
}

#[test]
fn the_wire_layout_is_the_one_documented() {
    let scenario = rows(&[("x", F, "1", "1")]).build();
    assert_eq!(
        data_of(&encode(&scenario)),
        wire().activities(1).default_tail().0
    );
    let scenario = rows(&[("Posts", C, "2.5", "1200")])
        .week()
        .unit("leads")
        .threshold(95)
        .signals(["", "1.5", "", "3", "", "2"])
        .build();
    let by_hand = wire()
        .varint(1)
        .text("Posts")
        .varint(1)
        .varint(2 * 250 + 1)
        .varint(2 * 1200)
        .varint(0)
        .varint(1)
        .text("leads")
        .byte(95)
        .varint(0)
        .varint(1)
        .varint(2 * 150 + 1)
        .varint(0)
        .varint(1)
        .varint(6)
        .varint(0)
        .varint(1)
        .varint(4);
    assert_eq!(data_of(&encode(&scenario)), by_hand.0);
}

#[test]
fn limits_are_checked_before_the_work() {
    // Payload text: the limit itself is read, one more byte is not.
    check_err(
        &format!("1{}", "A".repeat(MAX_PAYLOAD_LEN - 1)),
        LinkError::Damaged,
    );
    check_err(
        &format!("1{}", "A".repeat(MAX_PAYLOAD_LEN)),
        LinkError::TooLong,
    );
    check_err(&"é".repeat(MAX_PAYLOAD_LEN), LinkError::TooLong);

    // Inflated size: exactly the limit inflates (and is then refused for
    // what it holds); one byte more is refused as too large.
    let at_limit = decode(&from_data(&vec![0; MAX_INFLATED_LEN]));
    assert!(
        matches!(at_limit, Err(LinkError::Invalid(_))),
        "{at_limit:?}"
    );
    check_err(
        &from_data(&vec![0; MAX_INFLATED_LEN + 1]),
        LinkError::Oversized,
    );
    // A bomb: 10 MB of zeros fits in a payload under the text limit.
    let bomb = from_data(&vec![0; 10_000_000]);
    assert!(bomb.len() < MAX_PAYLOAD_LEN, "{}", bomb.len());
    check_err(&bomb, LinkError::Oversized);

    // Activities: 100 are read, 101 are refused, and so is a count that
    // would not fit in memory, before any activity is read.
    assert!(decode(&from_data(&wire().activities(100).default_tail().0)).is_ok());
    check_err(
        &from_data(&wire().activities(101).default_tail().0),
        LinkError::TooManyActivities,
    );
    check_err(
        &from_data(&wire().varint(u64::MAX).0),
        LinkError::TooManyActivities,
    );
    check_err(
        &from_data(&wire().varint(1 << 40).text("x").0),
        LinkError::TooManyActivities,
    );
}

#[test]
fn values_out_of_range_are_invalid() {
    let cases = [
        // No activities.
        wire().varint(0).default_tail(),
        // 10,000.01 hours.
        wire()
            .varint(1)
            .text("x")
            .varint(0)
            .varint(2_000_003)
            .varint(2)
            .default_tail(),
        // An empty name.
        wire()
            .varint(1)
            .text("")
            .varint(0)
            .varint(2)
            .varint(2)
            .default_tail(),
        // A threshold of 80 % is a byte; 81 is out of range.
        wire()
            .activities(1)
            .varint(1)
            .varint(0)
            .text("USD")
            .byte(81)
            .varint(0)
            .varint(0)
            .varint(0)
            .varint(0)
            .varint(0)
            .varint(0),
        // A currency code in lower case.
        wire()
            .activities(1)
            .varint(1)
            .varint(0)
            .text("usd")
            .byte(80)
            .varint(0)
            .varint(0)
            .varint(0)
            .varint(0)
            .varint(0)
            .varint(0),
        // Repeat customers without customers.
        wire()
            .activities(1)
            .varint(1)
            .varint(0)
            .text("USD")
            .byte(80)
            .varint(0)
            .varint(0)
            .varint(0)
            .varint(0)
            .varint(1)
            .varint(2)
            .varint(0),
        // A value so large that it overflows hundredths.
        wire()
            .varint(1)
            .text("x")
            .varint(0)
            .varint(u64::MAX - 1)
            .varint(2)
            .default_tail(),
    ];
    for case in cases {
        let payload = from_data(&case.0);
        assert!(
            matches!(decode(&payload), Err(LinkError::Invalid(_))),
            "{:?} gave {:?}",
            case.0,
            decode(&payload)
        );
    }
}

#[test]
fn damage_of_every_kind_is_refused() {
    let good = encode(&example::bakery());
    check_err("", LinkError::Empty);
    check_err("1", LinkError::Damaged);
    check_err("9", LinkError::NewerVersion);
    check_err(&format!("9{}", &good[1..]), LinkError::NewerVersion);
    check_err(&format!("2{}", &good[1..]), LinkError::NewerVersion);
    check_err(&format!("B{}", &good[1..]), LinkError::NewerVersion);
    check_err(&format!("Z{}", &good[1..]), LinkError::NewerVersion);
    // A payload that lost its version character.
    check_err(&good[1..], LinkError::Damaged);
    for version in ["0", "e", "z", "-", "_", "=", " ", "#", "é", "\u{0}"] {
        check_err(&format!("{version}{}", &good[1..]), LinkError::Damaged);
    }
    for bad in [
        "1abc$def", "1ab cd", "1ab+/cd", "1abc=", "1é", "1\u{0}", "1A", "1AAAA", " 1abc",
    ] {
        check_err(bad, LinkError::Damaged);
    }
    check_err(&format!("{good} "), LinkError::Damaged);
    check_err(&format!(" {good}"), LinkError::Damaged);
    check_err(&format!("{good}\n"), LinkError::Damaged);
    // Zlib data that is not a scenario.
    check_err(&from_data(b""), LinkError::Damaged);
    check_err(&from_data(b"\x01\x05Posts\x02"), LinkError::Damaged);
    check_err(
        &from_data(&wire().varint(1).text("x").varint(2).0),
        LinkError::Damaged,
    );
    check_err(
        &from_data(&wire().varint(1).varint(2).byte(0xff).byte(0xfe).0),
        LinkError::Damaged,
    );
}

#[test]
fn every_truncation_is_refused() {
    for scenario in [example::bakery(), realistic(100, 60)] {
        let payload = encode(&scenario);
        for len in 0..payload.len() {
            assert!(
                decode(&payload[..len]).is_err(),
                "{len} of {}",
                payload.len()
            );
        }
    }
}

#[test]
fn every_changed_character_is_refused() {
    let alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    for scenario in [example::bakery(), rows(&[("Posts", F, "1", "1")]).build()] {
        let payload = encode(&scenario);
        let mut checked = 0;
        for at in 0..payload.len() {
            for c in alphabet.chars().filter(|c| !payload[at..].starts_with(*c)) {
                let changed = format!("{}{c}{}", &payload[..at], &payload[at + 1..]);
                assert!(decode(&changed).is_err(), "{changed}");
                checked += 1;
            }
            let dropped = format!("{}{}", &payload[..at], &payload[at + 1..]);
            assert!(decode(&dropped).is_err(), "{dropped}");
            let doubled = format!("{}{}", &payload[..=at], &payload[at..]);
            assert!(decode(&doubled).is_err(), "{doubled}");
        }
        assert!(checked > 60 * payload.len());
    }
}

#[test]
fn the_payload_is_found_in_the_fragment() {
    for (fragment, expected) in [
        ("#s=1abc", Some("1abc")),
        ("s=1abc", Some("1abc")),
        ("#utm=x&s=1abc&lang=de", Some("1abc")),
        ("#s=1a&s=1b", Some("1a")),
        ("#s=", Some("")),
        ("#s", None),
        ("#", None),
        ("", None),
        ("#ss=1abc", None),
        ("#xs=1abc", None),
        ("#S=1abc", None),
        ("#results", None),
    ] {
        assert_eq!(payload_from_fragment(fragment), expected, "{fragment:?}");
    }
}

#[test]
fn links_fit_their_length_budgets() {
    const PAGE: &str = "https://example.com/80-20#s=";
    let mut lengths = Vec::new();
    for (count, budget) in [(1, 200), (10, 500), (30, 1_000), (100, 3_000)] {
        let link = format!("{PAGE}{}", encode(&realistic(count, 20)));
        lengths.push(format!("{count} activities: {} chars", link.len()));
        assert!(
            link.len() <= budget,
            "{count} activities: {} > {budget}",
            link.len()
        );
    }
    println!(
        "share link lengths, 20-character names: {}",
        lengths.join(", ")
    );
}

/// Named for what it checks: a link at the size limit round-trips. Its
/// decode time is printed, not asserted (see below).
#[test]
fn the_largest_link_round_trips() {
    let largest = largest_shareable();
    let payload = encode(&largest);
    println!("largest payload: {} bytes", payload.len());
    assert!(payload.len() > MAX_PAYLOAD_LEN - 200, "{}", payload.len());
    let start = Instant::now();
    let rounds = 20;
    for _ in 0..rounds {
        assert_eq!(decode(&payload).as_ref(), Ok(&largest));
    }
    // Reported, not asserted: timings of a test build on a busy machine
    // say little. The budget (docs/spec.md §8, under 5 ms) is for the
    // release build in the browser.
    println!(
        "decode of the largest link: {:?} per decode (test build)",
        start.elapsed() / rounds
    );
}

#[test]
fn a_scenario_too_large_to_share_is_refused_when_encoding() {
    let scenario = noisy(60);
    let Err(TooLargeToShare { len }) = codec::encode(&scenario) else {
        panic!("expected the scenario to be too large");
    };
    assert!(len > MAX_PAYLOAD_LEN);
}

#[test]
fn a_link_that_breaks_the_scenario_rules_says_which() {
    // No activities: the link is refused with the scenario's own reason, at
    // its place, for the app to word.
    let refused = decode(&from_data(&wire().varint(0).default_tail().0));
    assert_eq!(
        refused,
        Err(LinkError::Invalid(Invalid(vec![FieldError {
            field: Field::Activities,
            problem: Problem::NoActivities,
        }])))
    );
}

/// A name of `chars` characters from across the CJK block, which deflate
/// cannot shrink much.
fn noise_name(seed: u64, chars: usize) -> String {
    let mut state = seed
        .wrapping_mul(6364136223846793005)
        .wrapping_add(1442695040888963407);
    (0..chars)
        .map(|_| {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            char::from_u32(0x4e00 + (state >> 33) as u32 % 20_000).expect("a CJK character")
        })
        .collect()
}

/// 100 activities with names of `chars` hard-to-compress characters and
/// the largest values.
fn noisy(chars: usize) -> Scenario {
    let activities: Vec<Activity> = (0..100)
        .map(|i| Activity {
            name: noise_name(i, chars),
            ..activity("x", C, "9999.99", "999999999999.99")
        })
        .collect();
    Build::from_activities(activities)
        .unit("sign-ups at the open day")
        .signals(["1.5", "2.5", "3.5", "1000000000", "999999999", "999999999"])
        .build()
}

/// The scenario with the longest payload that still fits: the slowest link
/// to decode.
fn largest_shareable() -> Scenario {
    // The longest names that fit on every row, then longer names on the
    // first rows to come as close to the limit as possible.
    let fits = |chars: usize| codec::encode(&noisy(chars)).is_ok();
    let chars = (1..=60).collect::<Vec<_>>().partition_point(|&n| fits(n));
    let mut scenario = noisy(chars);
    for row in 0..100 {
        let mut parts = scenario.clone().into_parts();
        parts.activities[row].name = noise_name(row as u64, 60);
        let Ok(bigger) = Scenario::new(parts) else {
            break;
        };
        if codec::encode(&bigger).is_err() {
            break;
        }
        scenario = bigger;
    }
    scenario
}
