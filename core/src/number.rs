//! Fixed-point amounts and the one parser for numbers typed by a visitor.
//!
//! Every number in a scenario has at most two decimals, so it is stored as a
//! whole count of hundredths. Sums are then exact, comparisons are total and
//! a share link has exactly one way to spell each value.

use std::fmt;

/// Most decimals a typed number may have: amounts are whole hundredths.
pub const MAX_DECIMALS: usize = 2;

/// A non-negative number with at most two decimals, stored in hundredths.
///
/// The largest value the model allows (10^12 results, times 100) is far
/// below 2^53, so the conversion to `f64` is exact.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Amount(u64);

impl Amount {
    pub const ZERO: Amount = Amount(0);

    /// An amount of `hundredths / 100`.
    pub const fn from_hundredths(hundredths: u64) -> Amount {
        Amount(hundredths)
    }

    /// A whole amount, saturating rather than overflowing.
    pub const fn whole(units: u64) -> Amount {
        Amount(units.saturating_mul(100))
    }

    pub const fn hundredths(self) -> u64 {
        self.0
    }

    pub fn as_f64(self) -> f64 {
        self.0 as f64 / 100.0
    }

    /// True when the amount has no fractional part.
    pub const fn is_whole(self) -> bool {
        self.0.is_multiple_of(100)
    }
}

/// Plain text with `.` as the decimal mark and no trailing zeros:
/// `12`, `12.5`, `0.05`. This is the form that exports and the editor use.
impl fmt::Display for Amount {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (units, cents) = (self.0 / 100, self.0 % 100);
        match cents {
            0 => write!(f, "{units}"),
            c if c % 10 == 0 => write!(f, "{units}.{}", c / 10),
            c => write!(f, "{units}.{c:02}"),
        }
    }
}

/// `value` rounded half away from zero to at most `places` decimals (up to
/// 6), in the plain minimal form: `12`, `12.5`, `-0.25`. Not finite is `0`.
///
/// Integer arithmetic only: the wasm then carries no float-formatting
/// machinery, which is large.
///
/// ```
/// use social8020_core::number::decimal;
/// assert_eq!(decimal(12.0, 2), "12");
/// assert_eq!(decimal(0.125, 2), "0.13");
/// assert_eq!(decimal(-3.04999, 1), "-3");
/// assert_eq!(decimal(f64::NAN, 1), "0");
/// ```
pub fn decimal(value: f64, places: u32) -> String {
    let places = places.min(6);
    let scale = 10u64.pow(places);
    let scaled = (value.abs() * scale as f64).round();
    // Beyond 2^53 the fraction is gone anyway; NaN fails the range check.
    if !(0.0..9_007_199_254_740_992.0).contains(&scaled) {
        return "0".to_owned();
    }
    let n = scaled as u64;
    let sign = if value < 0.0 && n > 0 { "-" } else { "" };
    let (whole, fraction) = (n / scale, n % scale);
    if fraction == 0 {
        return format!("{sign}{whole}");
    }
    let digits = format!("{fraction:0width$}", width = places as usize);
    format!("{sign}{whole}.{}", digits.trim_end_matches('0'))
}

/// Why a typed number was not accepted; the app says how to fix it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NumberError {
    Empty,
    NotANumber,
    Negative,
    TooManyDecimals,
}

/// Parses a number as people type it in any common locale.
///
/// Spaces, apostrophes and underscores group digits and are ignored. When
/// both `.` and `,` appear, the last one is the decimal mark. A lone comma is
/// a decimal mark unless exactly three digits follow it (`1,234` is a
/// thousand and more, `2,5` is two and a half); several dots or commas group.
///
/// ```
/// use social8020_core::number::{parse_amount, Amount, NumberError};
/// assert_eq!(parse_amount("1 234,5"), Ok(Amount::from_hundredths(123_450)));
/// assert_eq!(parse_amount("1,234.56"), Ok(Amount::from_hundredths(123_456)));
/// assert_eq!(parse_amount("-3"), Err(NumberError::Negative));
/// ```
pub fn parse_amount(text: &str) -> Result<Amount, NumberError> {
    let cleaned: String = text
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '\'' | '_' | '\u{2009}' | '\u{202f}'))
        .collect();
    if cleaned.is_empty() {
        return Err(NumberError::Empty);
    }
    let unsigned = match cleaned.strip_prefix(['-', '\u{2212}']) {
        Some(rest) if rest.starts_with(|c: char| c.is_ascii_digit() || matches!(c, '.' | ',')) => {
            // "-0" is still zero; anything else below zero is refused.
            return match parse_amount(rest) {
                Ok(Amount::ZERO) => Ok(Amount::ZERO),
                Ok(_) => Err(NumberError::Negative),
                Err(e) => Err(e),
            };
        }
        Some(_) => return Err(NumberError::NotANumber),
        None => cleaned.strip_prefix('+').unwrap_or(&cleaned),
    };
    let normalised = normalise_separators(unsigned).ok_or(NumberError::NotANumber)?;
    let (whole, fraction) = match normalised.split_once('.') {
        Some((w, f)) => (w, f),
        None => (normalised.as_str(), ""),
    };
    let digits_only = |s: &str| s.chars().all(|c| c.is_ascii_digit());
    if (whole.is_empty() && fraction.is_empty()) || !digits_only(whole) || !digits_only(fraction) {
        return Err(NumberError::NotANumber);
    }
    let fraction = fraction.trim_end_matches('0');
    if fraction.len() > MAX_DECIMALS {
        return Err(NumberError::TooManyDecimals);
    }
    let whole = whole.trim_start_matches('0');
    // Anything with more than 15 whole digits is beyond every range the
    // model allows; saturate so that the range check reports it.
    if whole.len() > 15 {
        return Ok(Amount(u64::MAX));
    }
    let units: u64 = if whole.is_empty() {
        0
    } else {
        whole.parse().map_err(|_| NumberError::NotANumber)?
    };
    let cents: u64 = match fraction.len() {
        0 => 0,
        1 => {
            fraction
                .parse::<u64>()
                .map_err(|_| NumberError::NotANumber)?
                * 10
        }
        _ => fraction.parse().map_err(|_| NumberError::NotANumber)?,
    };
    Ok(Amount(units * 100 + cents))
}

/// Rewrites grouping and decimal marks so that only a single `.` remains as
/// the decimal mark. Groups after the first must have three digits, so that
/// `1.2.3` is refused rather than read as 123.
fn normalise_separators(s: &str) -> Option<String> {
    // By byte: the marks are ASCII, and a reverse character search would
    // bring a searcher of its own into the wasm.
    let last_dot = s.bytes().rposition(|b| b == b'.');
    let last_comma = s.bytes().rposition(|b| b == b',');
    let count = |c: char| s.matches(c).count();
    let decimal_at = match (last_dot, last_comma) {
        (Some(d), Some(c)) => Some(d.max(c)),
        (Some(d), None) => (count('.') == 1).then_some(d),
        (None, Some(c)) => (count(',') == 1 && s.len() - c - 1 != 3).then_some(c),
        (None, None) => None,
    };
    let (whole, fraction) = match decimal_at {
        Some(at) => (&s[..at], Some(&s[at + 1..])),
        None => (s, None),
    };
    // Either mark between groups: as `.`, so that one pattern splits them.
    let whole = whole.replace(',', ".");
    let mut groups = whole.split('.');
    let first = groups.next().unwrap_or_default();
    let mut out = first.to_owned();
    for group in groups {
        if group.len() != 3 || first.is_empty() {
            return None;
        }
        out.push_str(group);
    }
    if let Some(fraction) = fraction {
        out.push('.');
        out.push_str(fraction);
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, expected: Result<u64, NumberError>) {
        assert_eq!(
            parse_amount(input),
            expected.map(Amount::from_hundredths),
            "input {input:?}"
        );
    }

    #[test]
    fn parses_numbers_as_people_type_them() {
        check("0", Ok(0));
        check("12", Ok(1200));
        check(" 12 ", Ok(1200));
        check("2.5", Ok(250));
        check("2,5", Ok(250));
        check(".5", Ok(50));
        check("5.", Ok(500));
        check("0.05", Ok(5));
        check("1.50", Ok(150));
        check("1.500", Ok(150));
        check("1,234", Ok(123_400));
        check("1,234.56", Ok(123_456));
        check("1.234,56", Ok(123_456));
        check("1.234.567", Ok(123_456_700));
        check("1 234 567,8", Ok(123_456_780));
        check("1\u{a0}234", Ok(123_400));
        check("1'234.5", Ok(123_450));
        check("+7", Ok(700));
        check("-0", Ok(0));
        check("007", Ok(700));
    }

    #[test]
    fn refuses_what_is_not_a_number_with_a_reason() {
        check("", Err(NumberError::Empty));
        check("   ", Err(NumberError::Empty));
        check("abc", Err(NumberError::NotANumber));
        check("1e3", Err(NumberError::NotANumber));
        check("12h", Err(NumberError::NotANumber));
        check(".", Err(NumberError::NotANumber));
        check("-", Err(NumberError::NotANumber));
        check("--1", Err(NumberError::NotANumber));
        check("NaN", Err(NumberError::NotANumber));
        check("inf", Err(NumberError::NotANumber));
        check("1.2.3,4", Err(NumberError::NotANumber));
        check("-3", Err(NumberError::Negative));
        check("-0.5", Err(NumberError::Negative));
        check("1.005", Err(NumberError::TooManyDecimals));
        check("2,555", Ok(255_500));
    }

    #[test]
    fn huge_numbers_saturate_for_the_range_check() {
        check("99999999999999999999999", Ok(u64::MAX));
        check("999999999999999", Ok(99_999_999_999_999_900));
    }

    #[test]
    fn decimals_are_rounded_and_minimal() {
        for (value, places, text) in [
            (0.0, 2, "0"),
            (-0.0, 2, "0"),
            (-0.001, 2, "0"),
            (1.5, 0, "2"),
            (2.345, 1, "2.3"),
            (37.5, 1, "37.5"),
            (100.0, 1, "100"),
            (1234.5678, 2, "1234.57"),
            (-12.25, 1, "-12.3"),
            (1e300, 2, "0"),
            (f64::INFINITY, 2, "0"),
        ] {
            assert_eq!(decimal(value, places), text, "{value} to {places}");
        }
    }

    #[test]
    fn display_is_plain_and_minimal() {
        for (hundredths, text) in [
            (0, "0"),
            (1200, "12"),
            (250, "2.5"),
            (5, "0.05"),
            (123_456, "1234.56"),
        ] {
            assert_eq!(Amount::from_hundredths(hundredths).to_string(), text);
        }
    }
}

#[cfg(test)]
mod never_panics {
    use super::{decimal, parse_amount};
    use proptest::prelude::*;

    proptest! {
        /// Whatever a visitor types or pastes into a number field.
        #[test]
        fn parsing_any_text(text in ".{0,40}") {
            let _ = parse_amount(&text);
        }

        /// Number-like text: a result is either refused or spelt back to
        /// the same value.
        #[test]
        fn parsing_number_like_text(text in "[-+0-9.,' ]{0,24}") {
            if let Ok(amount) = parse_amount(&text) {
                if amount.hundredths() < u64::MAX {
                    prop_assert_eq!(parse_amount(&amount.to_string()), Ok(amount));
                }
            }
        }

        #[test]
        fn formatting_any_float(value in any::<f64>(), places in 0u32..10) {
            let text = decimal(value, places);
            prop_assert!(!text.is_empty());
        }
    }
}
