//! Share links: a whole scenario in the text after `#s=` (docs/spec.md §4).
//!
//! ```
//! use social8020_core::{codec, example};
//!
//! let scenario = example::bakery();
//! let payload = codec::encode(&scenario).expect("the example is small");
//! assert!(payload.starts_with('1'));
//!
//! let link = format!("https://example.com/80-20#s={payload}");
//! let (_, fragment) = link.split_once('#').unwrap();
//! let found = codec::payload_from_fragment(fragment).unwrap();
//! assert_eq!(codec::decode(found), Ok(scenario));
//!
//! // Damage is refused with a reason, never a panic; the app words it.
//! assert_eq!(codec::decode(&payload[..40]), Err(codec::LinkError::Damaged));
//! assert_eq!(codec::decode("2xyz"), Err(codec::LinkError::NewerVersion));
//! ```
//!
//! # The format
//!
//! A payload starts with its **version** character: `1` for this format.
//! A later format takes a later character (`2` to `9`, then capital
//! letters), so that this version can tell a newer link from a damaged one.
//! (A payload that lost its version character starts with the `e` of every
//! zlib stream in base64, which reads as damaged.) The scenario follows in
//! three layers, outermost first:
//!
//! - **Text**: base64url without padding (RFC 4648 §5), so the payload needs
//!   no escaping in a URL fragment.
//! - **Compression and checksum**: a zlib stream (RFC 1950) of deflate at
//!   level 9. Its Adler-32 checksum turns every changed character into an
//!   error; with raw deflate, many one-character changes would still read
//!   as a different, valid scenario.
//! - **Data**: [postcard](https://postcard.jamesmunns.com/) (integers as
//!   LEB128 varints, strings as a varint byte length and UTF-8) of these
//!   fields, in this order:
//!
//! ```text
//! activities  count, then for each: name, kind (0 following, 1 community),
//!             hours, results (amounts)
//! period      0 week, 1 month
//! unit        0 then an ISO 4217 code, or 1 then a count label
//! threshold   one byte: the percent, 50 to 95
//! signals     six optional amounts (0 absent, or 1 then the amount): likes,
//!             comments and shares per post, customers, repeat customers,
//!             referred customers
//! ```
//!
//! An amount of `n` hundredths is stored as `2 * (n / 100)` when it is whole
//! and as `2 * n + 1` otherwise, so that whole numbers, the usual case, take
//! a byte or two less.
//!
//! The activity count comes first so that a link with too many activities
//! is refused before any of them is read. The wire types in this module are
//! separate from the domain types on purpose: the model may change, the
//! format may not.
//!
//! # Rules
//!
//! - **Readable forever.** Every released version stays readable. Links of
//!   each version are frozen in `core/tests/vectors/`; those tests must pass
//!   unchanged in every later version. A new format gets a new version
//!   character and its own wire types; [`decode`] keeps the old branch.
//! - **Canonical.** One scenario has exactly one payload: [`decode`]
//!   re-encodes what it read and refuses the link if the text differs. That
//!   also refuses other spellings of the same data (another compressor,
//!   trailing bytes, names with spaces around them). The compressor's output
//!   is therefore part of the format: if an upgrade of `miniz_oxide` ever
//!   changes it, the frozen vectors fail. Then pin the old version, or
//!   release a new version character and let version 1 accept any valid
//!   zlib stream whose data is canonical.
//! - **Bounded.** The payload text, the inflated data and the activity count
//!   are each checked against a limit before the work they would cause.
//!   Decoding never panics.
//! - **Validated.** What a link holds goes through [`Scenario::new`], like
//!   everything a visitor types, after the canonical check; so a link made
//!   before names were cleaned of invisible characters
//!   ([`crate::text::visible`]) still opens, with its names cleaned.

use serde::{Deserialize, Serialize};

use crate::base64url;
use crate::number::Amount;
use crate::scenario::{
    Activity, ActivityKind, AudienceSignals, Field, FieldError, Invalid, Period, ResultUnit,
    Scenario, ScenarioParts, SignalField, Threshold, MAX_ACTIVITIES,
};

/// The version character that this module writes.
pub const VERSION: char = '1';

/// Longest payload that [`decode`] reads and [`encode`] writes, in bytes.
pub const MAX_PAYLOAD_LEN: usize = 16 * 1024;

/// Most bytes that a payload may inflate to.
pub const MAX_INFLATED_LEN: usize = 64 * 1024;

/// Deflate level of version 1. Part of the format: see the module doc.
const LEVEL: u8 = 9;

/// Why a share link could not be opened: a fact, which the app words with
/// what the visitor can do about it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LinkError {
    /// Nothing after `#s=`.
    Empty,
    /// The payload is longer than [`MAX_PAYLOAD_LEN`].
    TooLong,
    /// The data inflates past [`MAX_INFLATED_LEN`].
    Oversized,
    /// Made by a later version of this calculator.
    NewerVersion,
    /// Not base64url, not a zlib stream, a wrong checksum, truncated data,
    /// or fields that do not parse.
    Damaged,
    /// The data parses but is not the one spelling that this calculator
    /// writes for it, so the link was not made here unchanged.
    NotCanonical,
    /// More than [`MAX_ACTIVITIES`] activities.
    TooManyActivities,
    /// The values break the scenario's rules (for example 20,000 hours).
    Invalid(Invalid),
}

/// A scenario whose payload would be longer than [`MAX_PAYLOAD_LEN`], so
/// that no calculator would open the link. Only names of many characters
/// outside Latin scripts on many activities come near it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TooLargeToShare {
    /// Length of the payload, in bytes.
    pub len: usize,
}

/// The payload for `scenario`: the text to put after `#s=`.
///
/// The same scenario always gives the same text.
pub fn encode(scenario: &Scenario) -> Result<String, TooLargeToShare> {
    // `write_zlib` has no failure in practice (see there); were it to
    // fail, no link is better than a wrong one.
    let zlib = write_zlib(scenario).ok_or(TooLargeToShare { len: 0 })?;
    let mut payload = String::with_capacity(1 + zlib.len().div_ceil(3) * 4);
    payload.push(VERSION);
    base64url::encode(&zlib, &mut payload);
    if payload.len() > MAX_PAYLOAD_LEN {
        return Err(TooLargeToShare { len: payload.len() });
    }
    Ok(payload)
}

/// Reads a payload (the text after `#s=`) back into a scenario.
///
/// Refuses anything that [`encode`] would not have written, with the first
/// reason found; limits are checked before the work they guard.
pub fn decode(payload: &str) -> Result<Scenario, LinkError> {
    let mut chars = payload.chars();
    let version = chars.next().ok_or(LinkError::Empty)?;
    if payload.len() > MAX_PAYLOAD_LEN {
        return Err(LinkError::TooLong);
    }
    match version {
        VERSION => {}
        // Every later version takes a character after ours.
        '2'..='9' | 'A'..='Z' => return Err(LinkError::NewerVersion),
        _ => return Err(LinkError::Damaged),
    }
    let zlib = base64url::decode(chars.as_str()).ok_or(LinkError::Damaged)?;
    let data = miniz_oxide::inflate::decompress_to_vec_zlib_with_limit(&zlib, MAX_INFLATED_LEN)
        .map_err(|e| match e.status {
            miniz_oxide::inflate::TINFLStatus::HasMoreOutput => LinkError::Oversized,
            _ => LinkError::Damaged,
        })?;
    // The activity count is the first varint: check it before postcard
    // allocates anything for the list.
    let (count, _) = postcard::take_from_bytes::<u64>(&data).map_err(|_| LinkError::Damaged)?;
    if count > MAX_ACTIVITIES as u64 {
        return Err(LinkError::TooManyActivities);
    }
    let wire: WireV1 = postcard::from_bytes(&data).map_err(|_| LinkError::Damaged)?;
    // Canonical as written: links made before names were cleaned of
    // invisible characters (see `text::visible`) keep them in the payload,
    // so the check runs on the text as it came, and the cleaning after it.
    // The zlib bytes are compared, not the text: base64url::decode takes one
    // spelling of each byte string, so equal bytes mean equal text.
    let written = Scenario::keeping_text(wire.into_parts()?).map_err(LinkError::Invalid)?;
    if write_zlib(&written).as_deref() != Some(zlib.as_slice()) {
        return Err(LinkError::NotCanonical);
    }
    Scenario::new(written.into_parts()).map_err(LinkError::Invalid)
}

/// The payload in a URL fragment such as `#s=1abc` or `s=1abc&x=2`, with or
/// without the `#`. Other `&`-separated keys are ignored; the first `s`
/// wins. `None` when the fragment holds no `s` key, which means "no shared
/// scenario", unlike an empty `s=`, which is a damaged link.
pub fn payload_from_fragment(fragment: &str) -> Option<&str> {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    fragment.split('&').find_map(|pair| pair.strip_prefix("s="))
}

/// The zlib stream of a payload (what follows the version character, before
/// base64url), for [`encode`] and for the canonical check in [`decode`].
fn write_zlib(scenario: &Scenario) -> Option<Vec<u8>> {
    // Serialising these types into a growable Vec has no failure path (the
    // only errors postcard has here are a full fixed buffer and sequences
    // of unknown length), but the decoder calls this on link data, so a
    // failure is a `None`, never a panic.
    let data = postcard::to_allocvec(&WireV1::from_scenario(scenario)).ok()?;
    Some(miniz_oxide::deflate::compress_to_vec_zlib(&data, LEVEL))
}

// The wire types of version 1. Frozen: changing a field, its type or its
// order changes the format. A new format gets new types and a new version.

#[derive(Serialize, Deserialize)]
struct WireV1 {
    activities: Vec<WireActivity>,
    period: WirePeriod,
    unit: WireUnit,
    threshold: u8,
    /// In [`SignalField::ALL`] order.
    signals: [Option<WireAmount>; 6],
}

#[derive(Serialize, Deserialize)]
struct WireActivity {
    name: String,
    kind: WireKind,
    hours: WireAmount,
    results: WireAmount,
}

#[derive(Serialize, Deserialize)]
enum WirePeriod {
    Week,
    Month,
}

#[derive(Serialize, Deserialize)]
enum WireKind {
    Following,
    Community,
}

#[derive(Serialize, Deserialize)]
enum WireUnit {
    Currency(String),
    Count(String),
}

/// An amount as stored: `2 * units` when whole, `2 * hundredths + 1`
/// otherwise.
#[derive(Clone, Copy, Serialize, Deserialize)]
struct WireAmount(u64);

impl WireAmount {
    fn from_amount(amount: Amount) -> WireAmount {
        let hundredths = amount.hundredths();
        // Valid amounts are at most 10^14 hundredths, so neither product
        // overflows; saturating keeps that true for any value.
        WireAmount(if amount.is_whole() {
            (hundredths / 100).saturating_mul(2)
        } else {
            hundredths.saturating_mul(2).saturating_add(1)
        })
    }

    /// Too large a value saturates, and [`Scenario::new`] reports it as out
    /// of range. A whole amount stored in the odd form decodes to the same
    /// amount, and the canonical check refuses it.
    fn to_amount(self) -> Amount {
        let WireAmount(stored) = self;
        Amount::from_hundredths(if stored % 2 == 0 {
            (stored / 2).saturating_mul(100)
        } else {
            stored / 2
        })
    }
}

impl WireV1 {
    fn from_scenario(scenario: &Scenario) -> WireV1 {
        let signals = scenario.signals();
        WireV1 {
            activities: scenario
                .activities()
                .iter()
                .map(|a| WireActivity {
                    name: a.name.clone(),
                    kind: match a.kind {
                        ActivityKind::Following => WireKind::Following,
                        ActivityKind::Community => WireKind::Community,
                    },
                    hours: WireAmount::from_amount(a.hours),
                    results: WireAmount::from_amount(a.results),
                })
                .collect(),
            period: match scenario.period() {
                Period::Week => WirePeriod::Week,
                Period::Month => WirePeriod::Month,
            },
            unit: match scenario.unit() {
                ResultUnit::Currency(code) => WireUnit::Currency(code.clone()),
                ResultUnit::Count(label) => WireUnit::Count(label.clone()),
            },
            threshold: scenario.threshold().percent(),
            signals: SignalField::ALL.map(|f| signals.get(f).map(WireAmount::from_amount)),
        }
    }

    /// The parts for [`Scenario::new`], which checks them. Only the
    /// threshold is checked here, because [`Threshold`] cannot hold a
    /// value out of range.
    fn into_parts(self) -> Result<ScenarioParts, LinkError> {
        let threshold = Threshold::new(self.threshold).map_err(|problem| {
            LinkError::Invalid(Invalid(vec![FieldError {
                field: Field::Threshold,
                problem,
            }]))
        })?;
        let mut signals = AudienceSignals::default();
        for (field, value) in SignalField::ALL.into_iter().zip(self.signals) {
            signals.set(field, value.map(WireAmount::to_amount));
        }
        Ok(ScenarioParts {
            period: match self.period {
                WirePeriod::Week => Period::Week,
                WirePeriod::Month => Period::Month,
            },
            unit: match self.unit {
                WireUnit::Currency(code) => ResultUnit::Currency(code),
                WireUnit::Count(label) => ResultUnit::Count(label),
            },
            threshold,
            activities: self
                .activities
                .into_iter()
                .map(|a| Activity {
                    name: a.name,
                    kind: match a.kind {
                        WireKind::Following => ActivityKind::Following,
                        WireKind::Community => ActivityKind::Community,
                    },
                    hours: a.hours.to_amount(),
                    results: a.results.to_amount(),
                })
                .collect(),
            signals,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::example;

    fn raw_payload(wire: &WireV1) -> String {
        let data = postcard::to_allocvec(wire).expect("serialises");
        let zlib = miniz_oxide::deflate::compress_to_vec_zlib(&data, LEVEL);
        let mut payload = VERSION.to_string();
        base64url::encode(&zlib, &mut payload);
        payload
    }

    #[test]
    fn amounts_take_the_short_form_when_whole() {
        for (hundredths, stored) in [(0, 0), (100, 2), (1200, 24), (250, 501), (5, 11)] {
            let wire = WireAmount::from_amount(Amount::from_hundredths(hundredths));
            assert_eq!(wire.0, stored, "{hundredths}");
            assert_eq!(wire.to_amount(), Amount::from_hundredths(hundredths));
        }
        assert_eq!(WireAmount(u64::MAX - 1).to_amount().hundredths(), u64::MAX);
    }

    #[test]
    fn too_many_activities_are_refused_before_they_are_read() {
        let mut wire = WireV1::from_scenario(&example::bakery());
        let one = wire.activities.pop().expect("the example has activities");
        wire.activities = (0..=MAX_ACTIVITIES)
            .map(|_| WireActivity {
                name: one.name.clone(),
                kind: WireKind::Community,
                hours: one.hours,
                results: one.results,
            })
            .collect();
        assert_eq!(
            decode(&raw_payload(&wire)),
            Err(LinkError::TooManyActivities)
        );
        wire.activities.truncate(MAX_ACTIVITIES);
        assert!(decode(&raw_payload(&wire)).is_ok());
    }

    #[test]
    fn a_threshold_out_of_range_is_invalid_at_its_field() {
        let mut wire = WireV1::from_scenario(&example::bakery());
        wire.threshold = 81;
        let Err(LinkError::Invalid(invalid)) = decode(&raw_payload(&wire)) else {
            panic!("expected Invalid");
        };
        assert!(invalid.at(Field::Threshold).is_some());
    }

    #[test]
    fn an_odd_spelling_of_a_whole_amount_is_not_canonical() {
        let mut wire = WireV1::from_scenario(&example::bakery());
        wire.activities[0].hours = WireAmount(2 * 2200 + 1);
        assert_eq!(decode(&raw_payload(&wire)), Err(LinkError::NotCanonical));
    }

    #[test]
    fn a_link_written_before_names_were_cleaned_opens_cleaned() {
        let mut wire = WireV1::from_scenario(&example::bakery());
        wire.activities[0].name = "Ads\u{202E}gnp.exe".to_owned();
        wire.activities[1].name = "\u{200B}".to_owned();
        wire.activities.truncate(2);
        wire.activities[1].name = "Zero\u{200B}width".to_owned();
        let opened = decode(&raw_payload(&wire)).expect("still opens");
        let names: Vec<&str> = opened
            .activities()
            .iter()
            .map(|a| a.name.as_str())
            .collect();
        assert_eq!(names, ["Adsgnp.exe", "Zerowidth"]);
        // A name that was nothing but invisible characters is now missing.
        wire.activities[1].name = "\u{200B}\u{2066}".to_owned();
        let Err(LinkError::Invalid(invalid)) = decode(&raw_payload(&wire)) else {
            panic!("expected Invalid");
        };
        assert!(invalid
            .errors()
            .iter()
            .any(|e| e.problem == crate::scenario::Problem::NameMissing));
    }
}
